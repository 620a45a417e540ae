package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// emptyState is what the Peserta list shows while the register holds nobody
// (after the office setup): where to begin, instead of an empty table.
type emptyState struct {
	box       *fyne.Container
	importBtn *widget.Button
	addBtn    *widget.Button
}

func newEmptyState(u *App, add func()) *emptyState {
	e := &emptyState{}
	title := widget.NewLabelWithStyle(T("ux.empty_title"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	text := widget.NewLabel(T("ux.empty_text"))
	text.Wrapping = fyne.TextWrapWord
	text.Alignment = fyne.TextAlignCenter
	e.importBtn = widget.NewButtonWithIcon(T("ux.empty_import"), theme.UploadIcon(), func() {
		u.nav.show("impor")
		if s, ok := u.nav.built["impor"].(*importScreen); ok {
			s.choose()
		}
	})
	e.importBtn.Importance = widget.HighImportance
	e.addBtn = widget.NewButtonWithIcon(T("ux.empty_add"), theme.ContentAddIcon(), add)
	help := widget.NewButtonWithIcon(T("ux.help_menu"), theme.HelpIcon(), func() { u.showHelp() })
	help.Importance = widget.LowImportance
	if !u.can(wub.ActEdit) {
		e.importBtn.Disable()
		e.addBtn.Disable()
	}
	e.box = container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 220), container.NewVBox(
		title, text, container.NewCenter(container.NewHBox(e.importBtn, e.addBtn)), container.NewCenter(help))))
	e.box.Hide()
	return e
}

// update shows the empty state when the unfiltered list is empty.
func (e *emptyState) update(f wub.TraineeFilter, total int, table fyne.CanvasObject) {
	empty := total == 0 && !f.Deleted && strings.TrimSpace(f.Text) == "" && f.Year == 0 &&
		f.AgencyCode == "" && f.KecCode == "" && f.Status == ""
	if empty {
		e.box.Show()
		table.Hide()
	} else {
		e.box.Hide()
		table.Show()
	}
}
