package manifest_test

import (
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/jobkit/jobkit/job"
	"github.com/jobkit/jobkit/job/manifest"
)

func parseNode(t *testing.T, src string) *yaml.Node {
	t.Helper()
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(src), &n); err != nil {
		t.Fatalf("yaml: %v", err)
	}
	return &n
}

func TestNodeToJSON(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"member order kept", "z: 1\na: 2\nm: 3\n", `{"z":1,"a":2,"m":3}`},
		{"exact int64", "a: 9007199254740993\n", `{"a":9007199254740993}`},
		{"exact uint64", "a: 18446744073709551615\n", `{"a":18446744073709551615}`},
		{"integer spellings", "a: [0x1F, 0o17, 017, 1_000, +12, -0, 0b101]\n", `{"a":[31,15,15,1000,12,0,5]}`},
		{"float text kept", "a: [1.50, 1e3, -0.0, .5, 1_000.5]\n", `{"a":[1.50,1e3,-0.0,0.5,1000.5]}`},
		{"YAML 1.2 booleans", "a: [true, True, FALSE, yes, no, on, off, y, n]\n", `{"a":[true,true,false,"yes","no","on","off","y","n"]}`},
		{"nulls", "a: [~, null, Null, ]\nb:\n", `{"a":[null,null,null],"b":null}`},
		{"timestamp and binary as written", "a: 2026-01-01\nb: 2026-01-01T10:00:00+02:00\nc: !!binary aGk=\n", `{"a":"2026-01-01","b":"2026-01-01T10:00:00+02:00","c":"aGk="}`},
		{"quoted scalars are strings", "a: ['1', \"true\", '~', \"\"]\n", `{"a":["1","true","~",""]}`},
		{"custom tag", "a: !thing 5\n", `{"a":"5"}`},
		{"explicit tags", "a: !!str 5\nb: !!int \"7\"\nc: !!float 2\n", `{"a":"5","b":7,"c":2}`},
		{"scalar keys become text", "1: a\ntrue: b\n~: c\n", `{"1":"a","true":"b","~":"c"}`},
		{"escapes", "a: \"q\\\"b\\\\n\\n\\t\\x01<>&\\u2028\"\n", `{"a":"q\"b\\n\n\t\u0001<>&\u2028"}`},
		{"literal block", "a: |\n  x\n  y\n", `{"a":"x\ny\n"}`},
		{"aliases expanded", "base: &b {x: 1}\nuse: *b\nlist: [*b, *b]\n", `{"base":{"x":1},"use":{"x":1},"list":[{"x":1},{"x":1}]}`},
		{"merge key", "base: &b {a: 1, b: 2}\nm:\n  c: 0\n  <<: *b\n  b: 3\n", `{"base":{"a":1,"b":2},"m":{"c":0,"a":1,"b":3}}`},
		{"merge list, first wins", "x: &x {a: 1}\ny: &y {a: 2, b: 2}\nm: {<<: [*x, *y]}\n", `{"x":{"a":1},"y":{"a":2,"b":2},"m":{"a":1,"b":2}}`},
		{"quoted << is a key", "'<<': 1\n", `{"<<":1}`},
		{"empty document", "", `null`},
		{"JSON in", `{"b": [1, {"c": null}], "a": "x"}`, `{"b":[1,{"c":null}],"a":"x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := manifest.NodeToJSON(parseNode(t, tt.yaml))
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestNodeToJSONErrors(t *testing.T) {
	tests := []struct{ name, yaml, want string }{
		{"duplicate key", "a: 1\nb: 2\na: 3\n", `line 3: duplicate key "a" (first at line 1)`},
		{"duplicate key via alias key", "a: &k a\n*k : 1\n", `line 2: duplicate key "a" (first at line 1)`},
		{"collection key", "? [a]\n: 1\n", `line 1: mapping keys must be scalars`},
		{"alias cycle", "a: &x [1, *x]\n", `line 1: alias cycle through anchor "x"`},
		{"merge of a scalar", "a: &x 1\nb: {<<: *x}\n", `line 2: merge key "<<" needs a mapping or a sequence of mappings, got an integer`},
		{"nan", "a: .nan\n", `line 1: .nan has no JSON representation`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := manifest.NodeToJSON(parseNode(t, tt.yaml))
			if err == nil || err.Error() != tt.want {
				t.Errorf("got %s, %v\nwant error %s", got, err, tt.want)
			}
		})
	}
}

func TestNodeToJSONNil(t *testing.T) {
	for _, n := range []*yaml.Node{nil, {}} {
		got, err := manifest.NodeToJSON(n)
		if err != nil || string(got) != "null" {
			t.Errorf("NodeToJSON(%v) = %s, %v", n, got, err)
		}
	}
}

// TestDecodeNodeInner decodes nodes below the document root into the
// types of their position, as the scenario runner does, with paths
// relative to the node.
func TestDecodeNodeInner(t *testing.T) {
	root := parseNode(t, "status:\n  active: 2\n  ready: 1\nspec:\n  suspend: true\n  completion: 3\n")
	m := root.Content[0]
	var st job.JobStatus
	if err := manifest.DecodeNode(m.Content[1], &st); err != nil {
		t.Fatal(err)
	}
	if st.Active != 2 || st.Ready == nil || *st.Ready != 1 {
		t.Errorf("status = %+v", st)
	}
	var spec job.JobSpec
	err := manifest.DecodeNode(m.Content[3], &spec)
	if want := `line 6: strict decoding error: unknown field "completion"`; err == nil || err.Error() != want {
		t.Errorf("error = %v, want %s", err, want)
	}
	if err := manifest.DecodeNode(m.Content[1], st); err == nil || !strings.Contains(err.Error(), "non-nil pointer") {
		t.Errorf("non-pointer: %v", err)
	}
	var anyv map[string]any
	if err := manifest.DecodeNode(root, &anyv); err != nil || len(anyv) != 2 {
		t.Errorf("generic decode: %v, %v", anyv, err)
	}
}
