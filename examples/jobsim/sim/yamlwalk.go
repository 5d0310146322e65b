package sim

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/indexes"
	"github.com/jobkit/jobkit/job/manifest"
)

// This file holds the strict reading of yaml.v3 nodes that ParseModel is
// built from: mappings with known keys, scalars of each kind, and errors
// that carry the line and the path of the offending node.

// ModelError is a problem in a model file: a *manifest.Error, the one
// error type of every jobkit format, with the line (1-based; 0 when
// unknown), the path of the offending key ("failure.exitCodes[1].weight",
// empty for the whole file) and what is wrong. It renders as
// "line 7: failure.probability: must be between 0 and 1, got 1.5".
type ModelError = manifest.Error

func errAt(n *yaml.Node, path, format string, args ...any) error {
	return manifest.NodeError(n, path, format, args...)
}

func deref(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// fields walks mapping n: each key must be one of known (else an error
// listing the known keys), at most once; its handler gets the value node
// and its path. Null values leave the field at its default.
func fields(n *yaml.Node, path string, known map[string]func(*yaml.Node, string) error) error {
	n = deref(n)
	if n.Kind != yaml.MappingNode {
		return errAt(n, path, "want a mapping, got %s", describeNode(n))
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return errAt(k, path, "keys must be plain strings")
		}
		handle, ok := known[k.Value]
		if !ok {
			names := make([]string, 0, len(known))
			for name := range known {
				names = append(names, name)
			}
			slices.Sort(names)
			return errAt(k, join(path, k.Value), "unknown key (want one of %s)", strings.Join(names, ", "))
		}
		if seen[k.Value] {
			return errAt(k, join(path, k.Value), "duplicate key")
		}
		seen[k.Value] = true
		if isNull(v) {
			continue
		}
		if err := handle(deref(v), join(path, k.Value)); err != nil {
			return err
		}
	}
	return nil
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return strconv.Quote(n.Value)
	}
	return "nothing"
}

func scalar(n *yaml.Node, path string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", errAt(n, path, "want a scalar, got %s", describeNode(n))
	}
	return n.Value, nil
}

func parseDuration(n *yaml.Node, path string) (time.Duration, error) {
	s, err := scalar(n, path)
	if err != nil {
		return 0, err
	}
	d, err := time.ParseDuration(s)
	if err != nil {
		return 0, errAt(n, path, "want a Go duration such as 30s or 1m30s, got %q", s)
	}
	if d < 0 {
		return 0, errAt(n, path, "must not be negative, got %s", s)
	}
	return d, nil
}

func durationInto(dst *time.Duration) func(*yaml.Node, string) error {
	return func(n *yaml.Node, p string) (err error) {
		*dst, err = parseDuration(n, p)
		return err
	}
}

func parseFloat(n *yaml.Node, path string, lo, hi float64) (float64, error) {
	s, err := scalar(n, path)
	if err != nil {
		return 0, err
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, errAt(n, path, "want a number, got %q", s)
	}
	if f < lo || f > hi {
		return 0, errAt(n, path, "must be between %g and %g, got %s", lo, hi, s)
	}
	return f, nil
}

func parseInt32(n *yaml.Node, path string) (int32, error) {
	s, err := scalar(n, path)
	if err != nil {
		return 0, err
	}
	v, err := strconv.ParseInt(s, 10, 32)
	if err != nil {
		return 0, errAt(n, path, "want a 32-bit integer, got %q", s)
	}
	return int32(v), nil
}

func int32Into(dst *int32) func(*yaml.Node, string) error {
	return func(n *yaml.Node, p string) (err error) {
		*dst, err = parseInt32(n, p)
		return err
	}
}

func parseIndexSet(n *yaml.Node, path string) (indexes.Set, error) {
	s, err := scalar(n, path)
	if err != nil {
		return indexes.Set{}, err
	}
	set, err := indexes.Parse(strings.ReplaceAll(s, " ", ""), math.MaxInt32)
	if err != nil {
		return indexes.Set{}, errAt(n, path, "want an index list such as \"3\" or \"0,2-5\": %v", err)
	}
	return set, nil
}
