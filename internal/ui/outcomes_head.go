package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// columnHead is a small bold column title aligned over its numbers, without
// a label's padding: at 1024×768 "Didampingi" and "Median days" were cut to
// "Didampi…" in columns of 77 px (issue 19).
func columnHead(text string) fyne.CanvasObject {
	t := canvas.NewText(text, theme.Color(theme.ColorNameForeground))
	t.TextSize = theme.Size(theme.SizeNameCaptionText)
	t.TextStyle = fyne.TextStyle{Bold: true}
	t.Alignment = fyne.TextAlignTrailing
	return t
}
