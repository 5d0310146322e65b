package sim

import (
	"maps"
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

// fields walks mapping n strictly (manifest.Members: each key one of
// known, at most once); each key's handler gets the resolved value node and
// its path, in document order. Null values leave the field at its default.
func fields(n *yaml.Node, path string, known map[string]func(*yaml.Node, string) error) error {
	ms, err := manifest.Members(n, path, slices.Collect(maps.Keys(known))...)
	if err != nil {
		return err
	}
	for _, m := range ms {
		if isNull(m.Value) {
			continue
		}
		if err := known[m.Key](deref(m.Value), join(path, m.Key)); err != nil {
			return err
		}
	}
	return nil
}

func scalar(n *yaml.Node, path string) (string, error) {
	if n.Kind != yaml.ScalarNode {
		return "", errAt(n, path, "want a scalar, got %s", manifest.DescribeNode(n))
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
