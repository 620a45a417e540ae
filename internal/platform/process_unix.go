//go:build !windows

package platform

import (
	"errors"
	"syscall"
)

// ProcessAlive reports whether a process with this id runs (signal 0; a
// process of another user answers EPERM, which is alive too).
func ProcessAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// Hide marks a file hidden. The leading dot does that here.
func Hide(path string) {}
