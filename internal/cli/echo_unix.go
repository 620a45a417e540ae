//go:build !windows

package cli

import (
	"os"

	"golang.org/x/sys/unix"
)

// noEcho turns the terminal's echo off until the returned func is called.
func noEcho(f *os.File) func() {
	t, err := unix.IoctlGetTermios(int(f.Fd()), ioctlGetTermios)
	if err != nil {
		return func() {}
	}
	old := *t
	t.Lflag &^= unix.ECHO
	if unix.IoctlSetTermios(int(f.Fd()), ioctlSetTermios, t) != nil {
		return func() {}
	}
	return func() { unix.IoctlSetTermios(int(f.Fd()), ioctlSetTermios, &old) }
}
