package manifest

import (
	"testing"

	"gopkg.in/yaml.v3"
)

func TestNodeError(t *testing.T) {
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte("a:\n  b: 1\n"), &doc); err != nil {
		t.Fatal(err)
	}
	b := doc.Content[0].Content[1].Content[1]
	e := NodeError(b, "a.b", "want %s", "a string")
	if e.Line != 2 || e.Column != 6 || e.Error() != "line 2: a.b: want a string" {
		t.Errorf("NodeError = %+v, renders %q", e, e.Error())
	}
	if e := NodeError(nil, "", "empty file"); e.Line != 0 || e.Error() != "empty file" {
		t.Errorf("NodeError(nil) = %+v, renders %q", e, e.Error())
	}
}

func TestSyntaxError(t *testing.T) {
	err := yaml.Unmarshal([]byte("a: [1\n"), new(yaml.Node))
	if err == nil {
		t.Fatal("no syntax error")
	}
	if e := SyntaxError(err); e.Line != 1 || e.Error() != "line 1: invalid YAML: did not find expected ',' or ']'" {
		t.Errorf("SyntaxError = %+v, renders %q", e, e.Error())
	}
}
