package manifest

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestMembers(t *testing.T) {
	tests := []struct {
		doc     string
		allowed []string
		want    string // the keys in order, or the error
	}{
		{"b: 1\na: 2\n", []string{"a", "b"}, "b a"},
		{"x: 1\n", nil, "x"},
		{"base: &m {a: 1}\nuse: *m\n", nil, "base use"},
		{"c: 1\n", []string{"b", "a"}, `line 1: top.c: unknown key "c" (want one of a, b)`},
		{"a: 1\na: 2\n", nil, `line 2: top.a: duplicate key "a"`},
		{"[a]: 1\n", nil, "line 1: top: mapping keys must be scalars"},
		{"- a\n", nil, "line 1: top: want a mapping, got a list"},
		{"null\n", nil, "line 1: top: want a mapping, got null"},
		{"x\n", nil, `line 1: top: want a mapping, got "x"`},
	}
	for _, tc := range tests {
		var doc yaml.Node
		if err := yaml.Unmarshal([]byte(tc.doc), &doc); err != nil {
			t.Fatal(err)
		}
		ms, err := Members(&doc, "top", tc.allowed...)
		got := ""
		if err != nil {
			got = err.Error()
		}
		for i, m := range ms {
			if i > 0 {
				got += " "
			}
			got += m.Key
		}
		if got != tc.want {
			t.Errorf("Members(%q) = %q, want %q", tc.doc, got, tc.want)
		}
	}
	if d := DescribeNode(nil); d != "nothing" {
		t.Errorf("DescribeNode(nil) = %q", d)
	}
}
