//go:build !windows

package platform

import "golang.org/x/sys/unix"

// FreeSpace is the number of bytes an unprivileged program may still
// write on the file system that holds dir.
func FreeSpace(dir string) (uint64, error) {
	var st unix.Statfs_t
	if err := unix.Statfs(dir, &st); err != nil {
		return 0, err
	}
	return uint64(st.Bavail) * uint64(st.Bsize), nil
}
