//go:build unix

package job

import (
	"syscall"
	"time"
)

// processCPUTime is the user+system CPU time of the process so far. The
// Step benchmarks report it per operation ("cpu-ns/op") next to wall time,
// which on a shared, loaded machine mostly measures waiting for a CPU.
func processCPUTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
