package ui

import (
	"time"

	"fyne.io/fyne/v2"
)

// Options configure the GUI.
type Options struct {
	DBPath    string
	Lang      string
	Version   string
	QuitAfter time.Duration
}

// Run opens the main window and blocks until it closes.
func Run(a fyne.App, o Options) {}
