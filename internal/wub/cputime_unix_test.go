//go:build unix

package wub

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used: on a machine shared
// with other work it shows the cost of the scan apart from the wait for a
// processor.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
