package main

import (
	"fmt"
	"io"
	"runtime/debug"
)

// kubernetesVersion is the Kubernetes release whose API server and Job
// controller jobkit reproduces.
const kubernetesVersion = "1.37.2"

func init() {
	register("version", "print jobsim's module version and the Kubernetes version it targets", func(args []string, stdout, stderr io.Writer) int {
		if len(args) > 0 {
			fmt.Fprintln(stderr, "usage: jobsim version")
			return exitUsage
		}
		fmt.Fprintf(stdout, "jobsim %s (module github.com/jobkit/jobkit, %s)\n", moduleVersion(), goVersion())
		fmt.Fprintf(stdout, "targets Kubernetes %s (batch/v1 Job, default feature gates)\n", kubernetesVersion)
		return exitOK
	})
}

// moduleVersion is the version of the module jobsim was built from, as
// the go command recorded it: "v1.2.3" after go install ...@v1.2.3, a
// pseudo-version, or "(devel)" for a build inside a checkout.
func moduleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

func goVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown Go"
	}
	return bi.GoVersion
}
