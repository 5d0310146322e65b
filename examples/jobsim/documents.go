package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

// document is one Job or CronJob of a manifest file with the YAML node it
// came from; exactly one of job and cronJob is set.
type document struct {
	job     *job.Job
	cronJob *job.CronJob
	root    *yaml.Node // the document's top mapping, for line look-ups
}

// readJobs decodes every non-empty YAML document of data as a Job, or as a
// CronJob when its kind says so, strictly (manifest.DecodeNode), and keeps
// each document's node for line look-ups.
func readJobs(data []byte) ([]document, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []document
	for i := 1; ; i++ {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("document %d: %w", i, manifest.SyntaxError(err))
		}
		root := &n
		if root.Kind == yaml.DocumentNode {
			if len(root.Content) == 0 {
				continue
			}
			root = root.Content[0]
		}
		if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
			continue
		}
		if isCronJobNode(root) {
			c := new(job.CronJob)
			if err := manifest.DecodeNode(root, c); err != nil {
				return nil, fmt.Errorf("document %d: %w", i, err)
			}
			if c.APIVersion != "" && c.APIVersion != "batch/v1" {
				return nil, fmt.Errorf("document %d: line %d: apiVersion: %q is not batch/v1", i, root.Line, c.APIVersion)
			}
			docs = append(docs, document{cronJob: c, root: root})
			continue
		}
		j := new(job.Job)
		if err := manifest.DecodeNode(root, j); err != nil {
			return nil, fmt.Errorf("document %d: %w", i, err)
		}
		if j.Kind != "" && j.Kind != "Job" {
			return nil, fmt.Errorf("document %d: line %d: kind: %q is not a Job", i, root.Line, j.Kind)
		}
		if j.APIVersion != "" && j.APIVersion != "batch/v1" {
			return nil, fmt.Errorf("document %d: line %d: apiVersion: %q is not batch/v1", i, root.Line, j.APIVersion)
		}
		docs = append(docs, document{job: j, root: root})
	}
	return docs, nil
}
