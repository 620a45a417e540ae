//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole connects a GUI-subsystem build (-H=windowsgui) to the
// console it was started from, so that `wubdesk.exe import ...` typed in
// cmd.exe prints its output there. Started from Explorer there is no parent
// console and nothing changes.
func attachConsole() {
	const attachParentProcess = ^uint32(0) // (DWORD)-1
	k := syscall.NewLazyDLL("kernel32.dll")
	if r, _, _ := k.NewProc("AttachConsole").Call(uintptr(attachParentProcess)); r == 0 {
		return
	}
	if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		if os.Stdout == nil || isInvalid(os.Stdout) {
			os.Stdout = f
		}
		if os.Stderr == nil || isInvalid(os.Stderr) {
			os.Stderr = f
		}
	}
}

func isInvalid(f *os.File) bool {
	_, err := f.Stat()
	return err != nil
}
