package manifest_test

import (
	"testing"

	"github.com/jobkit/jobkit/job/manifest"
)

func BenchmarkDecodeJob(b *testing.B) {
	src := readFixtureB(b, "job.yaml")
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := manifest.DecodeJob(src); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkEncodeYAML(b *testing.B) {
	j, err := manifest.DecodeJob(readFixtureB(b, "job.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := manifest.EncodeYAML(j); err != nil {
			b.Fatal(err)
		}
	}
}
