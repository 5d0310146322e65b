package jobtest

import (
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
)

func (sc *Scenario) parseExpect(n *yaml.Node, path string) (*Expect, error) {
	ms, err := members(n, path, "created", "createdIndexes", "deleted", "finalizersRemoved",
		"pods", "ttlExpiresAt", "requeueAfter", "status", "events")
	if err != nil {
		return nil, err
	}
	e := &Expect{}
	for _, m := range ms {
		p := join(path, m.key)
		switch m.key {
		case "created":
			e.Created, err = stringList(m.val, p)
		case "deleted":
			e.Deleted, err = stringList(m.val, p)
		case "finalizersRemoved":
			e.FinalizersRemoved, err = stringList(m.val, p)
		case "events":
			e.Events, err = stringList(m.val, p)
		case "createdIndexes":
			s := ""
			if !isNull(m.val) {
				s, err = str(m.val, p)
			}
			e.CreatedIndexes = &s
		case "ttlExpiresAt":
			e.HasTTL = true
			if !isNull(m.val) {
				var d time.Duration
				d, err = duration(m.val, p)
				e.TTLExpiresAt = &d
			}
		case "requeueAfter":
			e.HasRequeue = true
			if v := deref(m.val); !isNull(v) && v.Value != "none" {
				var d time.Duration
				d, err = duration(m.val, p)
				e.RequeueAfter = &d
			}
		case "status":
			e.Status, err = sc.partial(m.val, p, &job.JobStatus{})
		case "pods":
			e.Pods, err = sc.parseExpectedPods(m.val, p)
		}
		if err != nil {
			return nil, err
		}
	}
	return e, nil
}

func (sc *Scenario) parseExpectedPods(n *yaml.Node, path string) ([]ExpectedPod, error) {
	ms, err := members(n, path)
	if err != nil {
		return nil, err
	}
	out := make([]ExpectedPod, 0, len(ms))
	for _, m := range ms {
		ep := ExpectedPod{Name: m.key}
		if !isNull(m.val) {
			if ep.Partial, err = sc.partial(m.val, join(path, m.key), &job.Pod{}); err != nil {
				return nil, err
			}
		}
		out = append(out, ep)
	}
	return out, nil
}
