package job

import (
	"errors"
	"fmt"
)

// validateInput checks what Step dereferences or relies on and returns an
// error naming the offending field. Step does not apply defaults: a Job
// straight from a manifest must go through package defaults first, as the
// API server would have done before the controller ever saw it.
func validateInput(in *Input) error {
	if in.Job == nil {
		return errors.New("job: must not be nil")
	}
	if in.Now.IsZero() {
		return errors.New("now: must be set (Step never reads a clock)")
	}
	if c := in.Config; c != nil {
		if err := c.validate(); err != nil {
			return err
		}
	}
	for i, p := range in.Pods {
		if p == nil {
			return fmt.Errorf("pods[%d]: must not be nil", i)
		}
	}
	s := &in.Job.Spec
	if s.Parallelism == nil {
		return errors.New("spec.parallelism: must be set (apply defaults.Job first)")
	}
	if *s.Parallelism < 0 {
		return fmt.Errorf("spec.parallelism: must be greater than or equal to 0, got %d", *s.Parallelism)
	}
	if s.BackoffLimit == nil {
		return errors.New("spec.backoffLimit: must be set (apply defaults.Job first)")
	}
	if *s.BackoffLimit < 0 {
		return fmt.Errorf("spec.backoffLimit: must be greater than or equal to 0, got %d", *s.BackoffLimit)
	}
	if s.Completions != nil && *s.Completions < 0 {
		return fmt.Errorf("spec.completions: must be greater than or equal to 0, got %d", *s.Completions)
	}
	if s.Selector == nil {
		return errors.New("spec.selector: must be set (apply defaults.Job first)")
	}
	if s.IsIndexed() && s.Completions == nil {
		return errors.New("spec.completions: must be set when completionMode is Indexed")
	}
	if s.BackoffLimitPerIndex != nil && *s.BackoffLimitPerIndex < 0 {
		return fmt.Errorf("spec.backoffLimitPerIndex: must be greater than or equal to 0, got %d", *s.BackoffLimitPerIndex)
	}
	if s.ActiveDeadlineSeconds != nil && *s.ActiveDeadlineSeconds < 0 {
		return fmt.Errorf("spec.activeDeadlineSeconds: must be greater than or equal to 0, got %d", *s.ActiveDeadlineSeconds)
	}
	return nil
}

// validate checks that every limit of c is usable.
func (c *Config) validate() error {
	switch {
	case c.MaxUncountedPods <= 0:
		return fmt.Errorf("config.maxUncountedPods: must be greater than 0, got %d", c.MaxUncountedPods)
	case c.MaxPodCreateDeletePerSync <= 0:
		return fmt.Errorf("config.maxPodCreateDeletePerSync: must be greater than 0, got %d", c.MaxPodCreateDeletePerSync)
	case c.PodFailureBackoffBase < 0:
		return fmt.Errorf("config.podFailureBackoffBase: must not be negative, got %v", c.PodFailureBackoffBase)
	case c.PodFailureBackoffMax < 0:
		return fmt.Errorf("config.podFailureBackoffMax: must not be negative, got %v", c.PodFailureBackoffMax)
	case c.MinBackoffRequeue < 0:
		return fmt.Errorf("config.minBackoffRequeue: must not be negative, got %v", c.MinBackoffRequeue)
	}
	return nil
}
