//go:build !unix

package sim

import (
	"testing"
	"time"
)

// cpuTime is unavailable here; benchmarks report 0 CPU seconds.
func cpuTime(testing.TB) time.Duration { return 0 }
