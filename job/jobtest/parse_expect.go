package jobtest

import (
	"math"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

func (sc *Scenario) parseExpect(n *yaml.Node, path string) (*Expect, error) {
	ms, err := manifest.Members(n, path, "created", "createdIndexes", "deleted", "finalizersRemoved",
		"pods", "ttlExpiresAt", "requeueAfter", "status", "events")
	if err != nil {
		return nil, err
	}
	e := &Expect{}
	for _, m := range ms {
		p := join(path, m.Key)
		switch m.Key {
		case "created":
			e.Created, err = stringList(m.Value, p)
		case "deleted":
			e.Deleted, err = stringList(m.Value, p)
		case "finalizersRemoved":
			e.FinalizersRemoved, err = stringList(m.Value, p)
		case "events":
			e.Events, err = stringList(m.Value, p)
		case "createdIndexes":
			s := ""
			if !isNull(m.Value) {
				s, err = str(m.Value, p)
			}
			if _, perr := indexes.Parse(s, math.MaxInt32); err == nil && perr != nil {
				err = errAt(m.Value, p, "want an index list like \"0,2-4\": %v", perr)
			}
			e.CreatedIndexes = &s
		case "ttlExpiresAt":
			e.HasTTL = true
			if !isNull(m.Value) {
				var d time.Duration
				d, err = duration(m.Value, p)
				e.TTLExpiresAt = &d
			}
		case "requeueAfter":
			e.HasRequeue = true
			if v := deref(m.Value); !isNull(v) && v.Value != "none" {
				var d time.Duration
				d, err = duration(m.Value, p)
				e.RequeueAfter = &d
			}
		case "status":
			e.Status, err = sc.partial(m.Value, p, &job.JobStatus{})
		case "pods":
			e.Pods, err = sc.parseExpectedPods(m.Value, p)
		}
		if err != nil {
			return nil, err
		}
	}
	return e, nil
}

func (sc *Scenario) parseExpectedPods(n *yaml.Node, path string) ([]ExpectedPod, error) {
	ms, err := manifest.Members(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]ExpectedPod, 0, len(ms))
	for _, m := range ms {
		ep := ExpectedPod{Name: m.Key}
		if !isNull(m.Value) {
			if ep.Partial, err = sc.partial(m.Value, join(path, m.Key), &job.Pod{}); err != nil {
				return nil, err
			}
		}
		out = append(out, ep)
	}
	return out, nil
}
