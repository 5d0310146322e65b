package defaults_test

import (
	"os"
	"testing"

	"github.com/jobkit/jobkit/defaults"
	"github.com/jobkit/jobkit/job/manifest"
)

// BenchmarkDecodeCreate measures what an admission webhook or a linter
// does per manifest: strict decoding of a typical 60-line Job manifest and
// defaults.Create (defaulting, name generation, selector, validation,
// warnings).
func BenchmarkDecodeCreate(b *testing.B) {
	data, err := os.ReadFile("testdata/typical-job.yaml")
	if err != nil {
		b.Fatal(err)
	}
	opts := defaults.CreateOptions{UID: "3f1e0c2a-9b7d-4c55-8e21-6d0f4a9b2c11"}
	b.ReportAllocs()
	for b.Loop() {
		j, err := manifest.DecodeJob(data)
		if err != nil {
			b.Fatal(err)
		}
		if _, _, err := defaults.Create(j, opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCreate is BenchmarkDecodeCreate without the decoding.
func BenchmarkCreate(b *testing.B) {
	data, err := os.ReadFile("testdata/typical-job.yaml")
	if err != nil {
		b.Fatal(err)
	}
	j, err := manifest.DecodeJob(data)
	if err != nil {
		b.Fatal(err)
	}
	opts := defaults.CreateOptions{UID: "3f1e0c2a-9b7d-4c55-8e21-6d0f4a9b2c11"}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := defaults.Create(j, opts); err != nil {
			b.Fatal(err)
		}
	}
}
