package jobtest

import (
	"math"
	"strconv"
	"strings"
	"time"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job/manifest"
)

// ParseError is a scenario file that breaks the format: a
// *manifest.Error, the one error type of every jobkit format, located by
// line (and column) and key path. It renders as
// "line 12: steps[0].expect.creatd: unknown key \"creatd\"".
type ParseError = manifest.Error

func errAt(n *yaml.Node, path, format string, args ...any) *ParseError {
	return manifest.NodeError(n, path, format, args...)
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	if n != nil && n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		return deref(n.Content[0])
	}
	return n
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func indexPath(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

func isNull(n *yaml.Node) bool {
	n = deref(n)
	return n == nil || n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null"
}

func scalar(n *yaml.Node, path, want string) (*yaml.Node, error) {
	n = deref(n)
	if n.Kind != yaml.ScalarNode || isNull(n) {
		return nil, errAt(n, path, "want %s, got %s", want, manifest.DescribeNode(n))
	}
	return n, nil
}

func str(n *yaml.Node, path string) (string, error) {
	s, err := scalar(n, path, "a string")
	if err != nil {
		return "", err
	}
	return s.Value, nil
}

func boolean(n *yaml.Node, path string) (bool, error) {
	s, err := scalar(n, path, "true or false")
	if err != nil {
		return false, err
	}
	switch s.Value {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errAt(s, path, "want true or false, got %q", s.Value)
}

func integer(n *yaml.Node, path string, lo, hi int64) (int64, error) {
	s, err := scalar(n, path, "an integer")
	if err != nil {
		return 0, err
	}
	if s.ShortTag() != "!!int" {
		return 0, errAt(s, path, "want an integer, got %q", s.Value)
	}
	v, err := strconv.ParseInt(s.Value, 0, 64)
	if err != nil || v < lo || v > hi {
		return 0, errAt(s, path, "want an integer from %d to %d, got %s", lo, hi, s.Value)
	}
	return v, nil
}

func int32Of(n *yaml.Node, path string) (int32, error) {
	v, err := integer(n, path, math.MinInt32, math.MaxInt32)
	return int32(v), err
}

// duration parses a Go duration ("90s", "-10m", "0"); negative allowed.
func duration(n *yaml.Node, path string) (time.Duration, error) {
	s, err := scalar(n, path, "a duration like 90s")
	if err != nil {
		return 0, err
	}
	d, err := time.ParseDuration(s.Value)
	if err != nil {
		return 0, errAt(s, path, "want a Go duration like 90s or -10m, got %q", s.Value)
	}
	return d, nil
}

func stringList(n *yaml.Node, path string) ([]string, error) {
	n = deref(n)
	if isNull(n) {
		return []string{}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, errAt(n, path, "want a list, got %s", manifest.DescribeNode(n))
	}
	out := make([]string, 0, len(n.Content))
	for i, c := range n.Content {
		s, err := str(c, indexPath(path, i))
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, nil
}

// stringMap reads a mapping of strings to strings.
func stringMap(n *yaml.Node, path string) (map[string]string, error) {
	return mapOf(n, path, str)
}

// exitCodeMap reads a mapping of container names to exit codes (int32).
func exitCodeMap(n *yaml.Node, path string) (map[string]int32, error) {
	return mapOf(n, path, int32Of)
}

// mapOf reads a mapping with any keys whose values value converts.
func mapOf[V any](n *yaml.Node, path string, value func(*yaml.Node, string) (V, error)) (map[string]V, error) {
	ms, err := manifest.Members(n, path)
	if err != nil {
		return nil, err
	}
	out := make(map[string]V, len(ms))
	for _, m := range ms {
		v, err := value(m.Value, join(path, m.Key))
		if err != nil {
			return nil, err
		}
		out[m.Key] = v
	}
	return out, nil
}

// timeKeys are the members holding a metav1.Time in the Job, Pod and
// JobStatus documents a scenario writes as offsets.
var timeKeys = map[string]bool{
	"creationTimestamp": true, "deletionTimestamp": true,
	"startTime": true, "completionTime": true,
	"lastTransitionTime": true, "lastProbeTime": true,
	"finishedAt": true, "startedAt": true,
}

// offsetsToTimes rewrites, in place, every time manifest.Member of the document n
// (timeKeys) written as an offset into an RFC 3339 time from start. A value
// that already is an RFC 3339 time is kept.
func offsetsToTimes(n *yaml.Node, path string, start time.Time) error {
	return offsetsIn(n, path, start, map[*yaml.Node]bool{})
}

// offsetsIn visits each node once (seen), so anchors shared by several
// aliases, and alias cycles, are safe.
func offsetsIn(n *yaml.Node, path string, start time.Time, seen map[*yaml.Node]bool) error {
	n = deref(n)
	if seen[n] {
		return nil
	}
	seen[n] = true
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], deref(n.Content[i+1])
			p := join(path, k.Value)
			if timeKeys[k.Value] && v.Kind == yaml.ScalarNode && !isNull(v) {
				t, err := offsetTime(v, p, start)
				if err != nil {
					return err
				}
				v.SetString(t.UTC().Format(time.RFC3339))
				continue
			}
			if err := offsetsIn(v, p, start, seen); err != nil {
				return err
			}
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			if err := offsetsIn(c, indexPath(path, i), start, seen); err != nil {
				return err
			}
		}
	}
	return nil
}

func offsetTime(v *yaml.Node, path string, start time.Time) (time.Time, error) {
	if d, err := time.ParseDuration(v.Value); err == nil {
		return start.Add(d), nil
	}
	if t, err := time.Parse(time.RFC3339, v.Value); err == nil {
		return t, nil
	}
	return time.Time{}, errAt(v, path, "want a time offset like 90s or -10m, got %q", v.Value)
}

// namesToUIDs rewrites, in place, the pod names listed under every
// uncountedTerminatedPods manifest.Member of n into UIDs (uid-<name>).
func namesToUIDs(n *yaml.Node) { uidsIn(n, map[*yaml.Node]bool{}) }

func uidsIn(n *yaml.Node, seen map[*yaml.Node]bool) {
	n = deref(n)
	if seen[n] {
		return
	}
	seen[n] = true
	switch n.Kind {
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], deref(n.Content[i+1])
			if k.Value == "uncountedTerminatedPods" && v.Kind == yaml.MappingNode {
				for j := 1; j < len(v.Content); j += 2 {
					list := deref(v.Content[j])
					if list.Kind != yaml.SequenceNode || seen[list] {
						continue
					}
					seen[list] = true
					for _, e := range list.Content {
						if e.Kind == yaml.ScalarNode && !isNull(e) {
							e.SetString(podUID(e.Value))
						}
					}
				}
				continue
			}
			uidsIn(v, seen)
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			uidsIn(c, seen)
		}
	}
}

// podUID is the UID of the pod named name in the world: uid-<name>.
func podUID(name string) string { return "uid-" + name }

// podName inverts podUID; a UID not of that form is returned as is.
func podName(uid string) string {
	if s, ok := strings.CutPrefix(uid, "uid-"); ok {
		return s
	}
	return uid
}
