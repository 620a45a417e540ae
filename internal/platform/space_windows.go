//go:build windows

package platform

import "golang.org/x/sys/windows"

// FreeSpace is the number of bytes the user may still write on the volume
// that holds dir (quotas included).
func FreeSpace(dir string) (uint64, error) {
	p, err := windows.UTF16PtrFromString(dir)
	if err != nil {
		return 0, err
	}
	var free, total, all uint64
	if err := windows.GetDiskFreeSpaceEx(p, &free, &total, &all); err != nil {
		return 0, err
	}
	return free, nil
}
