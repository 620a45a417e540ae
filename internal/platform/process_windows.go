//go:build windows

package platform

import "golang.org/x/sys/windows"

// ProcessAlive reports whether a process with this id runs.
func ProcessAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return err == windows.ERROR_ACCESS_DENIED
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	return code == 259 // STILL_ACTIVE
}

// Hide marks a file hidden: a leading dot hides nothing on Windows.
func Hide(path string) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return
	}
	if a, err := windows.GetFileAttributes(p); err == nil {
		windows.SetFileAttributes(p, a|windows.FILE_ATTRIBUTE_HIDDEN)
	}
}
