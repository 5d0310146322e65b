package main

import (
	"fmt"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// store holds the stored objects an --update validates against, by
// objectKey.
type store struct {
	jobs     map[string]*job.Job
	cronJobs map[string]*job.CronJob
}

// objectKey identifies an object by kind, namespace and name.
func objectKey(kind, namespace, name string) string {
	return kind + "\x00" + namespace + "\x00" + name
}

// loadStore reads the Jobs of the --update paths as the API server holds
// them. A Job with a metadata.uid is taken as read back from a cluster
// (kubectl get -o yaml): it is defaulted, as the API server defaults what
// it reads from storage. A Job without one is a manifest, stored as its
// create would store it; it must be valid. Other kinds are ignored. An
// unreadable or unparsable input, a Job that does not decode, an invalid
// one or two Jobs with the same namespace and name are errors.
func loadStore(in *inputs, paths []string, c *checker) (*store, error) {
	s := &store{jobs: map[string]*job.Job{}, cronJobs: map[string]*job.CronJob{}}
	var firstErr error
	fail := func(err error) {
		if firstErr == nil {
			firstErr = err
		}
	}
	in.each(paths, func(src source) {
		if src.err != nil {
			fail(fmt.Errorf("%s: %v", src.name, src.err))
			return
		}
		for _, ch := range splitDocuments(&src) {
			objs, err := parseChunk(ch)
			if err != nil {
				fail(fmt.Errorf("%s: document %d: %v", src.name, ch.doc, err))
				continue
			}
			for i := range objs {
				if err := s.add(&objs[i], c); err != nil {
					fail(fmt.Errorf("%s: %s: %v", src.name, objs[i].where(), err))
				}
			}
		}
	})
	if firstErr != nil {
		return nil, firstErr
	}
	return s, nil
}

func (s *store) add(o *object, c *checker) error {
	if o.apiVersion == "batch/v1" && o.kind == "CronJob" {
		return s.addCronJob(o, c)
	}
	if o.kind != "Job" || o.apiVersion != "batch/v1" {
		return nil
	}
	j := new(job.Job)
	if err := manifest.DecodeNode(o.root, j); err != nil {
		return o.relocate(err)
	}
	var stored *job.Job
	if j.UID != "" {
		stored = defaults.Job(j)
		stored.Namespace = namespaceOr(stored.Namespace, c.namespace)
	} else {
		created, _, errs, refused := createJob(j, c.namespace)
		switch {
		case refused != nil:
			return fmt.Errorf("the old Job would not have been stored: %v", refused)
		case len(errs) > 0:
			return fmt.Errorf("the old Job would not have been stored: %v", errs.ToAggregate())
		}
		stored = created
	}
	key := objectKey("Job", stored.Namespace, stored.Name)
	if s.jobs[key] != nil {
		return fmt.Errorf("two Jobs named %s/%s", stored.Namespace, stored.Name)
	}
	s.jobs[key] = stored
	return nil
}

// addCronJob stores a CronJob as add does a Job.
func (s *store) addCronJob(o *object, c *checker) error {
	cj := new(job.CronJob)
	if err := manifest.DecodeNode(o.root, cj); err != nil {
		return o.relocate(err)
	}
	stored := defaults.CronJob(cj)
	if cj.UID == "" {
		created, _, err := createCronJob(cj, c.namespace)
		if err != nil {
			return fmt.Errorf("the old CronJob would not have been stored: %v", err)
		}
		stored = created
	}
	stored.Namespace = namespaceOr(stored.Namespace, c.namespace)
	key := objectKey("CronJob", stored.Namespace, stored.Name)
	if s.cronJobs[key] != nil {
		return fmt.Errorf("two CronJobs named %s/%s", stored.Namespace, stored.Name)
	}
	s.cronJobs[key] = stored
	return nil
}
