package jobtest

import (
	"slices"
	"strconv"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// parsePodChanges parses a `pods:` list, expanding count:.
func (sc *Scenario) parsePodChanges(n *yaml.Node, path string) ([]PodChange, error) {
	n = deref(n)
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(n, path, "want a list of pods, got %s", manifest.DescribeNode(n))
	}
	var out []PodChange
	for i, c := range n.Content {
		p := indexPath(path, i)
		pc, count, err := sc.parsePodChange(c, p)
		if err != nil {
			return nil, err
		}
		if count < 0 {
			out = append(out, pc)
			continue
		}
		for k := 0; k < count; k++ {
			e := pc
			e.Name = pc.Name + "-" + strconv.Itoa(k)
			out = append(out, e)
		}
	}
	return out, nil
}

// parsePodChange returns the change and its count (-1 when absent).
func (sc *Scenario) parsePodChange(n *yaml.Node, path string) (PodChange, int, error) {
	var pc PodChange
	count := -1
	ms, err := manifest.Members(n, path, "name", "index", "phase", "ready", "exitCode", "containers",
		"initContainers", "restarts", "conditions", "node", "deleted", "gone", "finishedAt",
		"finalizer", "annotations", "createdAt", "count")
	if err != nil {
		return pc, 0, err
	}
	for _, m := range ms {
		p := join(path, m.Key)
		var (
			i32 int32
			b   bool
			s   string
			d   time.Duration
		)
		switch m.Key {
		case "name":
			pc.Name, err = str(m.Value, p)
		case "index":
			i32, err = int32Of(m.Value, p)
			pc.Index = &i32
		case "phase":
			s, err = str(m.Value, p)
			if err == nil && !slices.Contains([]string{"Pending", "Running", "Succeeded", "Failed", "Unknown"}, s) {
				err = errAt(m.Value, p, "unknown phase %q (want Pending, Running, Succeeded, Failed or Unknown)", s)
			}
			ph := job.PodPhase(s)
			pc.Phase = &ph
		case "ready":
			b, err = boolean(m.Value, p)
			pc.Ready = &b
		case "exitCode":
			i32, err = int32Of(m.Value, p)
			pc.ExitCode = &i32
		case "containers":
			pc.Containers, err = exitCodeMap(m.Value, p)
		case "initContainers":
			pc.InitContainers, err = exitCodeMap(m.Value, p)
		case "restarts":
			i32, err = int32Of(m.Value, p)
			pc.Restarts = &i32
		case "conditions":
			pc.Conditions, err = stringMap(m.Value, p)
		case "node":
			s, err = str(m.Value, p)
			pc.Node = &s
		case "deleted":
			b, err = boolean(m.Value, p)
			pc.Deleted = &b
		case "gone":
			pc.Gone, err = boolean(m.Value, p)
		case "finishedAt":
			d, err = duration(m.Value, p)
			t := sc.Start.Add(d)
			pc.FinishedAt = &t
		case "finalizer":
			b, err = boolean(m.Value, p)
			pc.Finalizer = &b
		case "annotations":
			pc.Annotations, err = stringMap(m.Value, p)
		case "createdAt":
			d, err = duration(m.Value, p)
			t := sc.Start.Add(d)
			pc.CreatedAt = &t
		case "count":
			var v int64
			v, err = integer(m.Value, p, 0, 100_000)
			count = int(v)
		}
		if err != nil {
			return pc, 0, err
		}
	}
	if pc.Name == "" {
		return pc, 0, errAt(n, join(path, "name"), "required key missing")
	}
	return pc, count, nil
}
