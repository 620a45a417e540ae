//go:build windows

package cli

import (
	"os"

	"golang.org/x/sys/windows"
)

// noEcho turns the console's echo off until the returned func is called.
func noEcho(f *os.File) func() {
	h := windows.Handle(f.Fd())
	var mode uint32
	if windows.GetConsoleMode(h, &mode) != nil {
		return func() {}
	}
	if windows.SetConsoleMode(h, mode&^windows.ENABLE_ECHO_INPUT) != nil {
		return func() {}
	}
	return func() { windows.SetConsoleMode(h, mode) }
}
