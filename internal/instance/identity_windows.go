//go:build windows

package instance

import (
	"fmt"

	"golang.org/x/sys/windows"
)

// identity is the file's volume serial number and file ID, the same under
// every name (hard links, symlinks); false when the file does not exist.
func identity(path string) (string, bool) {
	p, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return "", false
	}
	h, err := windows.CreateFile(p, 0, windows.FILE_SHARE_READ|windows.FILE_SHARE_WRITE|windows.FILE_SHARE_DELETE,
		nil, windows.OPEN_EXISTING, windows.FILE_FLAG_BACKUP_SEMANTICS, 0)
	if err != nil {
		return "", false
	}
	defer windows.CloseHandle(h)
	var fi windows.ByHandleFileInformation
	if err := windows.GetFileInformationByHandle(h, &fi); err != nil {
		return "", false
	}
	return fmt.Sprintf("%x-%x%08x", fi.VolumeSerialNumber, fi.FileIndexHigh, fi.FileIndexLow), true
}
