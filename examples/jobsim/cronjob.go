package main

import (
	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/validation"
	"github.com/jobkit/jobkit/validation/field"
)

// isCronJobNode reports whether a document's top mapping says kind: CronJob.
func isCronJobNode(root *yaml.Node) bool {
	if root.Kind != yaml.MappingNode {
		return false
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if k, v := root.Content[i], root.Content[i+1]; k.Value == "kind" && v.Kind == yaml.ScalarNode {
			return v.Value == "CronJob"
		}
	}
	return false
}

// createCronJob runs a CronJob through the API server's create handling as
// `validate` assumes it for a Job: the defaulter, namespace "default" and
// the placeholder UID when none is given, the create strategy, then
// validation. A rejected create has no warnings. The CronJob returned is
// the object as validated.
func createCronJob(in *job.CronJob) (*job.CronJob, []string, error) {
	c := defaults.CronJob(in)
	c.APIVersion, c.Kind = "batch/v1", "CronJob"
	if c.Namespace == "" {
		c.Namespace = defaults.DefaultNamespace
	}
	if c.UID == "" {
		c.UID = defaults.PlaceholderUID
	}
	c = defaults.PrepareCronJobForCreate(c)
	if err := field.NewInvalidError("CronJob", "batch", c.Name, validation.ValidateCronJob(c, validation.DefaultOptions())); err != nil {
		return c, nil, err
	}
	return c, validation.CronJobWarningsOnCreate(c), nil
}
