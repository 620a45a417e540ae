package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
)

// windowSize is --size WxH, or the usual 1180×760.
func (o Options) windowSize() fyne.Size {
	var w, h float32
	if n, _ := fmt.Sscanf(o.Size, "%fx%f", &w, &h); n == 2 && w >= 640 && h >= 480 {
		return fyne.NewSize(w, h)
	}
	return fyne.NewSize(1180, 760)
}

// showExtra serves the --show ids of issue 19's views (screenshots, tests):
// "bantuan" opens the guide over the Peserta list.
func (n *navigation) showExtra(id string) bool {
	switch id {
	case "bantuan":
		n.show("peserta")
		n.u.showHelp()
		return true
	}
	return false
}
