package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// focus puts the keyboard focus on o through the window's canvas. Asking
// the driver for the object's canvas fails for a widget that has just been
// placed and not drawn yet (a new form), and the focus then stayed in the
// list's search box: what the clerk typed went there.
func (u *App) focus(o fyne.Focusable) {
	if u.win != nil && o != nil {
		u.win.Canvas().Focus(o)
	}
}

// isCtrlEnter is Ctrl+Enter (Cmd+Enter on macOS): save from anywhere in a form.
func isCtrlEnter(s fyne.Shortcut) bool {
	c, ok := s.(*desktop.CustomShortcut)
	return ok && (c.KeyName == fyne.KeyReturn || c.KeyName == fyne.KeyEnter) &&
		(c.Modifier == fyne.KeyModifierControl || c.Modifier == fyne.KeyModifierSuper)
}

// addFormShortcuts lets Ctrl+Enter save when no entry has the focus (entries
// pass it on themselves, see entry.TypedShortcut).
func (u *App) addFormShortcuts() {
	save := func(fyne.Shortcut) { u.dispatch(actionSave) }
	for _, m := range []fyne.KeyModifier{fyne.KeyModifierControl, fyne.KeyModifierSuper} {
		for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter} {
			u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: m}, save)
		}
	}
}

// dialogKey answers Enter and Esc for the dialog on top of the window: Esc
// taps its dismiss button (Batal, Tutup), Enter its confirm button (the
// one marked important in the same row), or the only button there is. It
// reports whether a dialog took the key.
func (u *App) dialogKey(e *fyne.KeyEvent) bool {
	if u.win == nil || e == nil {
		return false
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	dismiss, confirm := dialogButtons(top)
	switch e.Name {
	case fyne.KeyEscape:
		if dismiss != nil {
			dismiss.OnTapped()
			return true
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if confirm != nil {
			confirm.OnTapped()
			return true
		}
		if dismiss != nil {
			dismiss.OnTapped()
			return true
		}
	}
	return false
}

// dialogButtons finds a Fyne dialog's button row (its modal pop-up holds
// image, background, content, buttons, title) and in it the dismiss button
// and the important (confirm) one. With one button, that one dismisses.
func dialogButtons(top fyne.CanvasObject) (dismiss, confirm *widget.Button) {
	p, ok := top.(*widget.PopUp)
	if !ok {
		return nil, nil
	}
	c, ok := p.Content.(*fyne.Container)
	if !ok {
		return nil, nil
	}
	if len(c.Objects) != 5 {
		// Fyne's file browser: its Cancel (Batal) button closes it.
		var all []*widget.Button
		collectButtons(c, &all)
		for _, b := range all {
			if b.Text == fyneCancel() || b.Text == T("button.cancel") {
				return b, nil
			}
		}
		return nil, nil
	}
	var buttons []*widget.Button
	collectButtons(c.Objects[3], &buttons)
	for _, b := range buttons {
		if b.Importance == widget.HighImportance || b.Importance == widget.DangerImportance {
			if confirm == nil {
				confirm = b
			}
		} else if dismiss == nil {
			dismiss = b
		}
	}
	if dismiss == nil && len(buttons) == 1 {
		dismiss, confirm = buttons[0], nil
	}
	return dismiss, confirm
}

func collectButtons(o fyne.CanvasObject, out *[]*widget.Button) {
	if o == nil || !o.Visible() {
		return
	}
	switch w := o.(type) {
	case *widget.Button:
		if !w.Disabled() && w.OnTapped != nil {
			*out = append(*out, w)
		}
	case *fyne.Container:
		for _, c := range w.Objects {
			collectButtons(c, out)
		}
	}
}

// newConfirm shows a question with our own button labels and content; Enter
// answers yes, Esc no (dialogKey). The dialog is returned for tests.
func newConfirm(u *App, title, yes, no string, body fyne.CanvasObject, done func(bool)) *dialog.ConfirmDialog {
	d := dialog.NewCustomConfirm(title, yes, no, container.NewGridWrap(fyne.NewSize(460, body.MinSize().Height+8), body), done, u.win)
	d.Show()
	return d
}
