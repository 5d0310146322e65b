package field

import "testing"

func TestPathString(t *testing.T) {
	tests := []struct {
		name string
		path *Path
		want string
	}{
		{"root", NewPath("spec"), "spec"},
		{"root with more", NewPath("spec", "template", "spec"), "spec.template.spec"},
		{"child", NewPath("spec").Child("completions"), "spec.completions"},
		{"child with more", NewPath("spec").Child("template", "spec", "restartPolicy"), "spec.template.spec.restartPolicy"},
		{"index", NewPath("spec", "template", "spec").Child("containers").Index(0).Child("name"), "spec.template.spec.containers[0].name"},
		{"nested index", NewPath("spec", "podFailurePolicy", "rules").Index(0).Child("onExitCodes", "values").Index(1), "spec.podFailurePolicy.rules[0].onExitCodes.values[1]"},
		{"key raw", NewPath("spec", "template", "metadata", "labels").Key("batch.kubernetes.io/controller-uid"), "spec.template.metadata.labels[batch.kubernetes.io/controller-uid]"},
		{"key with brackets and quotes is not escaped", NewPath("m").Key(`a]"b`), `m[a]"b]`},
		{"empty key", NewPath("m").Key(""), "m[]"},
		{"negative index", NewPath("l").Index(-1), "l[-1]"},
		{"single segment with a dot", NewPath("template.spec"), "template.spec"},
		{"index on nil", (*Path)(nil).Index(3), "[3]"},
		{"child of nil is a root", (*Path)(nil).Child("a", "b"), "a.b"},
		{"nil", nil, "<nil>"},
		{"empty child name quirk", NewPath("a").Child(""), "a[]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.path.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestPathImmutable(t *testing.T) {
	base := NewPath("spec", "template")
	a := base.Child("a")
	b := base.Child("b", "c")
	i := base.Index(1)
	k := base.Key("x")
	for _, c := range []struct {
		p    *Path
		want string
	}{
		{base, "spec.template"}, {a, "spec.template.a"}, {b, "spec.template.b.c"},
		{i, "spec.template[1]"}, {k, "spec.template[x]"},
	} {
		if got := c.p.String(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestPathRoot(t *testing.T) {
	root := NewPath("spec")
	p := root.Child("a", "b").Index(2).Key("k")
	if p.Root() != root {
		t.Errorf("Root() = %v, want the original root", p.Root())
	}
	if root.Root() != root {
		t.Errorf("Root() of a root is itself")
	}
	if (*Path)(nil).Root() != nil {
		t.Errorf("Root() of nil must be nil")
	}
	if got := NewPath("a", "b", "c").Root().String(); got != "a" {
		t.Errorf("Root() = %q, want a", got)
	}
}
