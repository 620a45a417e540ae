package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

// noDisplay returns a one-line reason when the window cannot open: on
// Linux and the BSDs without DISPLAY or WAYLAND_DISPLAY (a server, an SSH
// session, a scheduled task), where GLFW would otherwise end in a panic.
func noDisplay() string {
	switch runtime.GOOS {
	case "windows", "darwin", "android", "ios", "js":
		return ""
	}
	if os.Getenv("DISPLAY") != "" || os.Getenv("WAYLAND_DISPLAY") != "" {
		return ""
	}
	return "tidak ada layar (DISPLAY kosong): jendela tidak dapat dibuka. Perintah tanpa jendela: wubdesk help"
}

// displayPanic turns the graphics driver's panic when no display can be
// reached (DISPLAY set to a screen that is gone) into one line and exit 2.
func displayPanic() {
	r := recover()
	if r == nil {
		return
	}
	msg := fmt.Sprint(r)
	if strings.Contains(msg, "GLFW") || strings.Contains(msg, "display") || strings.Contains(msg, "X11") {
		fmt.Fprintln(os.Stderr, "wubdesk: layar tidak dapat dibuka:", firstLine(msg))
		os.Exit(2)
	}
	panic(r)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
