package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// benchJobs writes n generated Job documents (a typical 20-line manifest
// each, every tenth one invalid) into files of 1,000 (one file of 10,000
// would exceed the 3 MiB input limit) in a directory it returns.
func benchJobs(b *testing.B, n int) string {
	b.Helper()
	dir := b.TempDir()
	var buf bytes.Buffer
	flush := func(k int) {
		p := filepath.Join(dir, fmt.Sprintf("jobs-%03d.yaml", k))
		if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
			b.Fatal(err)
		}
		buf.Reset()
	}
	for i := range n {
		if i > 0 && i%1000 == 0 {
			flush(i / 1000)
		}
		completions := 5
		if i%10 == 9 {
			completions = -1
		}
		fmt.Fprintf(&buf, `---
apiVersion: batch/v1
kind: Job
metadata:
  name: job-%d
  namespace: team-a
  labels: {app: demo}
spec:
  completions: %d
  parallelism: 2
  backoffLimit: 3
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox:1.36
        command: ["sh", "-c", "echo hello"]
        resources:
          limits: {cpu: 500m, memory: 128Mi}
`, i, completions)
	}
	flush(n / 1000)
	return dir
}

// BenchmarkValidateCommand runs the whole `jobsim validate` in process
// (walk, read, split, parse, decode, create, validate, text output) over
// 10,000 Job documents, with -j 1 and with -j GOMAXPROCS. docs/s is the
// throughput; docs/s/core divides it by the workers used.
func BenchmarkValidateCommand(b *testing.B) {
	const n = 10000
	path := benchJobs(b, n)
	for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
		b.Run(fmt.Sprintf("j=%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				code := validateMain([]string{"-j", fmt.Sprint(workers), path}, nil, io.Discard, io.Discard)
				if code != exitInvalid {
					b.Fatalf("exit %d, want 1 (every tenth Job is invalid)", code)
				}
			}
			perSecond := float64(n) * float64(b.N) / b.Elapsed().Seconds()
			b.ReportMetric(perSecond, "docs/s")
			b.ReportMetric(perSecond/float64(workers), "docs/s/core")
			b.ReportMetric(0, "ns/op")
		})
	}
}
