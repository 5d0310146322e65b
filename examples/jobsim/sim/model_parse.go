package sim

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job/manifest"
)

// MaxModelBytes bounds the size of a model file.
const MaxModelBytes = 1 << 20

// ParseModel reads a pod behaviour model (the format is in the package
// doc). Decoding is strict: an unknown or duplicate key, a value of the
// wrong kind or out of range is a *ModelError naming its line and path.
// Empty input is DefaultModel.
func ParseModel(data []byte) (m *Model, err error) {
	if len(data) > MaxModelBytes {
		return nil, &ModelError{Msg: fmt.Sprintf("input of %d bytes exceeds the limit of %d", len(data), MaxModelBytes)}
	}
	var docs []*yaml.Node
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = &ModelError{Msg: fmt.Sprintf("invalid YAML: parser failure: %v", r)}
			}
		}()
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var n yaml.Node
			if e := dec.Decode(&n); errors.Is(e, io.EOF) {
				return
			} else if e != nil {
				err = manifest.SyntaxError(e)
				return
			}
			docs = append(docs, &n)
		}
	}()
	if err != nil {
		return nil, err
	}
	m = DefaultModel()
	if len(docs) == 0 {
		return m, nil
	}
	if len(docs) > 1 {
		second := docs[1]
		if len(second.Content) > 0 {
			second = second.Content[0]
		}
		return nil, &ModelError{Line: second.Line, Msg: "a model file holds one YAML document"}
	}
	root := docs[0]
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if isNull(root) {
		return m, nil
	}
	err = fields(root, "", map[string]func(*yaml.Node, string) error{
		"start":       distInto(&m.Start),
		"ready":       distInto(&m.Ready),
		"run":         distInto(&m.Run),
		"failure":     func(n *yaml.Node, p string) error { return parseFailure(n, p, &m.Failure) },
		"disruption":  func(n *yaml.Node, p string) error { return parseDisruption(n, p, &m.Disruption) },
		"termination": func(n *yaml.Node, p string) error { return parseTermination(n, p, &m.Termination) },
		"overrides":   func(n *yaml.Node, p string) error { return parseOverrides(n, p, m) },
		"updates":     func(n *yaml.Node, p string) error { return parseUpdates(n, p, m) },
	})
	if err != nil {
		return nil, err
	}
	return m, nil
}

// parseDist reads "30s" or exactly one of {fixed: D}, {uniform: {min: D,
// max: D}}, {exponential: {mean: D}}.
func parseDist(n *yaml.Node, path string) (Dist, error) {
	if n.Kind == yaml.ScalarNode {
		d, err := parseDuration(n, path)
		return FixedDist(d), err
	}
	var out Dist
	kinds := 0
	err := fields(n, path, map[string]func(*yaml.Node, string) error{
		"fixed": func(n *yaml.Node, p string) (err error) {
			kinds++
			out.Kind = Fixed
			out.A, err = parseDuration(n, p)
			return err
		},
		"uniform": func(n *yaml.Node, p string) error {
			kinds++
			out.Kind = Uniform
			var hasMin, hasMax bool
			err := fields(n, p, map[string]func(*yaml.Node, string) error{
				"min": func(n *yaml.Node, p string) (err error) { hasMin = true; out.A, err = parseDuration(n, p); return err },
				"max": func(n *yaml.Node, p string) (err error) { hasMax = true; out.B, err = parseDuration(n, p); return err },
			})
			if err != nil {
				return err
			}
			if !hasMin || !hasMax {
				return errAt(n, p, "needs both min and max")
			}
			if out.A > out.B {
				return errAt(n, p, "min %s is greater than max %s", out.A, out.B)
			}
			return nil
		},
		"exponential": func(n *yaml.Node, p string) error {
			kinds++
			out.Kind = Exponential
			hasMean := false
			err := fields(n, p, map[string]func(*yaml.Node, string) error{
				"mean": func(n *yaml.Node, p string) (err error) { hasMean = true; out.A, err = parseDuration(n, p); return err },
			})
			if err == nil && !hasMean {
				err = errAt(n, p, "needs a mean")
			}
			return err
		},
	})
	if err != nil {
		return Dist{}, err
	}
	if kinds != 1 {
		return Dist{}, errAt(n, path, "want a duration or exactly one of fixed, uniform, exponential")
	}
	return out, nil
}

func distInto(dst *Dist) func(*yaml.Node, string) error {
	return func(n *yaml.Node, p string) (err error) {
		*dst, err = parseDist(n, p)
		return err
	}
}

func parseFailure(n *yaml.Node, path string, f *Failure) error {
	*f = defaultFailure()
	return fields(n, path, map[string]func(*yaml.Node, string) error{
		"probability": func(n *yaml.Node, p string) (err error) {
			f.Probability, err = parseFloat(n, p, 0, 1)
			return err
		},
		"container": func(n *yaml.Node, p string) (err error) {
			f.Container, err = scalar(n, p)
			return err
		},
		"exitCodes": func(n *yaml.Node, p string) error {
			if n.Kind != yaml.SequenceNode || len(n.Content) == 0 {
				return errAt(n, p, "want a non-empty list of {code, weight}")
			}
			f.ExitCodes = nil
			for i, item := range n.Content {
				ec := ExitCode{Weight: 1}
				hasCode := false
				ip := fmt.Sprintf("%s[%d]", p, i)
				err := fields(item, ip, map[string]func(*yaml.Node, string) error{
					"code": func(n *yaml.Node, p string) (err error) {
						hasCode = true
						ec.Code, err = parseInt32(n, p)
						if err == nil && ec.Code == 0 {
							err = errAt(n, p, "a failure's exit code must not be 0")
						}
						return err
					},
					"weight": func(n *yaml.Node, p string) (err error) {
						ec.Weight, err = parseFloat(n, p, 0, math.MaxFloat64)
						if err == nil && ec.Weight == 0 {
							err = errAt(n, p, "must be positive")
						}
						return err
					},
				})
				if err != nil {
					return err
				}
				if !hasCode {
					return errAt(deref(item), ip, "needs a code")
				}
				f.ExitCodes = append(f.ExitCodes, ec)
			}
			return nil
		},
		"after": func(n *yaml.Node, p string) error {
			d, err := parseDist(n, p)
			f.After = &d
			return err
		},
	})
}

func parseDisruption(n *yaml.Node, path string, d *Disruption) error {
	*d = Disruption{ExitCode: 143}
	return fields(n, path, map[string]func(*yaml.Node, string) error{
		"ratePerHour": func(n *yaml.Node, p string) (err error) {
			d.RatePerHour, err = parseFloat(n, p, 0, 3.6e6)
			return err
		},
		"exitCode": int32Into(&d.ExitCode),
	})
}

func parseTermination(n *yaml.Node, path string, t *Termination) error {
	return fields(n, path, map[string]func(*yaml.Node, string) error{
		"grace":    durationInto(&t.Grace),
		"exitCode": int32Into(&t.ExitCode),
	})
}

func parseOverrides(n *yaml.Node, path string, m *Model) error {
	if n.Kind != yaml.SequenceNode {
		return errAt(n, path, "want a list, got %s", manifest.DescribeNode(n))
	}
	for i, item := range n.Content {
		var o Override
		hasIndexes := false
		ip := fmt.Sprintf("%s[%d]", path, i)
		dist := func(dst **Dist) func(*yaml.Node, string) error {
			return func(n *yaml.Node, p string) error {
				d, err := parseDist(n, p)
				*dst = &d
				return err
			}
		}
		err := fields(item, ip, map[string]func(*yaml.Node, string) error{
			"indexes": func(n *yaml.Node, p string) (err error) {
				hasIndexes = true
				o.Indexes, err = parseIndexSet(n, p)
				return err
			},
			"attempts": func(n *yaml.Node, p string) error {
				s, err := parseIndexSet(n, p)
				o.Attempts = &s
				return err
			},
			"start": dist(&o.Start),
			"ready": dist(&o.Ready),
			"run":   dist(&o.Run),
			"failure": func(n *yaml.Node, p string) error {
				o.Failure = new(Failure)
				return parseFailure(n, p, o.Failure)
			},
			"disruption": func(n *yaml.Node, p string) error {
				o.Disruption = new(Disruption)
				return parseDisruption(n, p, o.Disruption)
			},
		})
		if err != nil {
			return err
		}
		if !hasIndexes {
			return errAt(deref(item), ip, "needs indexes")
		}
		m.Overrides = append(m.Overrides, o)
	}
	return nil
}

func parseUpdates(n *yaml.Node, path string, m *Model) error {
	if n.Kind != yaml.SequenceNode {
		return errAt(n, path, "want a list, got %s", manifest.DescribeNode(n))
	}
	for i, item := range n.Content {
		var u Update
		hasAt := false
		ip := fmt.Sprintf("%s[%d]", path, i)
		err := fields(item, ip, map[string]func(*yaml.Node, string) error{
			"at": func(n *yaml.Node, p string) (err error) {
				hasAt = true
				u.At, err = parseDuration(n, p)
				return err
			},
			"patch": func(n *yaml.Node, p string) error {
				if n.Kind != yaml.MappingNode {
					return errAt(n, p, "want a mapping (a JSON merge patch of the Job), got %s", manifest.DescribeNode(n))
				}
				b, err := manifest.NodeToJSON(n)
				if err != nil {
					return errAt(n, p, "%v", err)
				}
				u.Patch = b
				return nil
			},
		})
		if err != nil {
			return err
		}
		if !hasAt || u.Patch == nil {
			return errAt(deref(item), ip, "needs at and patch")
		}
		if len(m.Updates) > 0 && u.At < m.Updates[len(m.Updates)-1].At {
			return errAt(deref(item), ip+".at", "updates must be in time order")
		}
		m.Updates = append(m.Updates, u)
	}
	return nil
}
