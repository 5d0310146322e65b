package defaults

import (
	"strings"
	"testing"
)

// Upstream's SetDefaults_Container reads the tag with parsers.ParseImageName
// (TestPodDefaults, TestSetDefaultReplicationControllerImagePullPolicy):
// Always exactly for a reference that pulls latest; a reference that does
// not parse is IfNotPresent.
func TestImagePullPolicy(t *testing.T) {
	digest := "sha256:" + strings.Repeat("0123456789abcdef", 4)
	cases := []struct{ image, want string }{
		{"", "IfNotPresent"},
		{"busybox", "Always"},
		{"busybox:latest", "Always"},
		{"busybox:1.36", "IfNotPresent"},
		{"library/busybox", "Always"},
		{"docker.io/busybox", "Always"},
		{"localhost:5000/app", "Always"},
		{"localhost:5000/app:v1", "IfNotPresent"},
		{"localhost/app:latest", "Always"},
		{"registry.example.com/team/app:latest", "Always"},
		{"registry.example.com/team/app:LATEST", "IfNotPresent"},
		{"busybox@" + digest, "IfNotPresent"},
		{"busybox:latest@" + digest, "Always"},
		{"busybox:1.0@" + digest, "IfNotPresent"},
		{"busybox@sha256:abc", "IfNotPresent"}, // digest too short: does not parse
		{"BusyBox", "IfNotPresent"},            // upper case in a Docker Hub path
		{"Registry.Example.com/app", "Always"}, // upper case is fine in a registry
		{"registry.example.com/App", "IfNotPresent"},
		{strings.Repeat("0123456789abcdef", 4), "IfNotPresent"}, // a bare image ID
		{"busybox:", "IfNotPresent"},
		{"[::1]:5000/app", "Always"},
		{"a//b", "IfNotPresent"},
		{"a/b-c__d.e/f", "Always"},
		{"a/b_-c", "IfNotPresent"},
		{"app:" + strings.Repeat("t", 128), "IfNotPresent"},         // tag over 128 characters
		{"example.com/" + strings.Repeat("a", 250), "IfNotPresent"}, // name over 255 characters
		{" busybox", "IfNotPresent"},
	}
	for _, tc := range cases {
		if got := ImagePullPolicy(tc.image); got != tc.want {
			t.Errorf("ImagePullPolicy(%q) = %q, want %q", tc.image, got, tc.want)
		}
	}
}
