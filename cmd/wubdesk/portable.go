package main

import (
	"os"
	"path/filepath"
)

// portableMarker next to the executable makes a portable copy (the .zip for
// offices that cannot install) keep its database beside itself, so that a
// folder on a flash drive carries program and data together, whatever
// drive letter the PC gives it.
const portableMarker = "portable.txt"

// portableDBPath returns <exe folder>\Data\wubdesk.db when the marker file
// lies next to the running executable.
func portableDBPath() (string, bool) {
	exe, err := os.Executable()
	if err != nil {
		return "", false
	}
	if p, err := filepath.EvalSymlinks(exe); err == nil {
		exe = p
	}
	return portableDBPathFor(filepath.Dir(exe))
}

func portableDBPathFor(exeDir string) (string, bool) {
	st, err := os.Stat(filepath.Join(exeDir, portableMarker))
	if err != nil || !st.Mode().IsRegular() {
		return "", false
	}
	return filepath.Join(exeDir, "Data", "wubdesk.db"), true
}
