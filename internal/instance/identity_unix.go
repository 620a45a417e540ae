//go:build !windows

package instance

import (
	"fmt"
	"os"
	"syscall"
)

// identity is the file's device and inode, the same under every name
// (hard links, symlinks); false when the file does not exist yet.
func identity(path string) (string, bool) {
	st, err := os.Stat(path)
	if err != nil {
		return "", false
	}
	sys, ok := st.Sys().(*syscall.Stat_t)
	if !ok {
		return "", false
	}
	return fmt.Sprintf("%x-%x", uint64(sys.Dev), uint64(sys.Ino)), true
}
