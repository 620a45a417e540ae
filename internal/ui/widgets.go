package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// entry is a widget.Entry that hands Esc to the screen (an Entry otherwise
// swallows it, so a window-level handler never sees it).
type entry struct {
	widget.Entry
	onEsc  func()
	onSave func() // Ctrl+Enter (focus.go)
	onBlur func() // the focus left the field
}

func newEntry(onEsc func()) *entry {
	e := &entry{onEsc: onEsc}
	e.ExtendBaseWidget(e)
	return e
}

func (e *entry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onEsc != nil {
		e.onEsc()
		return
	}
	e.Entry.TypedKey(k)
}

// TypedShortcut lets Ctrl+Enter save the form the entry is in.
func (e *entry) TypedShortcut(s fyne.Shortcut) {
	if isCtrlEnter(s) && e.onSave != nil {
		e.onSave()
		return
	}
	e.Entry.TypedShortcut(s)
}

// FocusLost also tells the form, which then shows the field's message.
func (e *entry) FocusLost() {
	e.Entry.FocusLost()
	if e.onBlur != nil {
		e.onBlur()
	}
}

// codeSelect is a Select whose options stand for codes: the clerk sees
// names, the program keeps codes ("35.28.04" for "Pamekasan").
type codeSelect struct {
	*widget.Select
	codes []string
}

func newCodeSelect(codes, labels []string, changed func(code string)) *codeSelect {
	cs := &codeSelect{codes: codes}
	cs.Select = newSelect(labels, func(string) {
		if changed != nil {
			changed(cs.code())
		}
	})
	return cs
}

// code is the code of the selected option ("" when none).
func (cs *codeSelect) code() string {
	i := cs.SelectedIndex()
	if i < 0 || i >= len(cs.codes) {
		return ""
	}
	return cs.codes[i]
}

// setCode selects the option of a code, or clears the selection.
func (cs *codeSelect) setCode(code string) {
	for i, c := range cs.codes {
		if c == code {
			cs.SetSelectedIndex(i)
			return
		}
	}
	cs.ClearSelected()
}

// setOptions replaces the options, keeping the selected code when present.
func (cs *codeSelect) setOptions(codes, labels []string) {
	cur := cs.code()
	cs.codes = codes
	cs.Options = labels
	cs.setCode(cur)
	cs.Refresh()
}

// field is a labelled input with a message line under it for the field's
// errors (red) and warnings (orange).
type field struct {
	label *widget.Label
	input fyne.CanvasObject
	msg   *widget.Label
	box   *fyne.Container
}

func newField(label string, input fyne.CanvasObject) *field {
	f := &field{label: widget.NewLabelWithStyle(label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), input: input,
		msg: widget.NewLabel("")}
	f.msg.Wrapping = fyne.TextWrapWord
	// The message line is always there, empty when there is nothing to say,
	// so that a message appearing does not move the fields below (issue 19).
	f.box = container.NewVBox(f.label, input, f.msg)
	return f
}

// show displays the issues of this field (errors first); none empties the line.
func (f *field) show(is wub.Issues) {
	if len(is) == 0 {
		f.msg.SetText("")
		return
	}
	text := ""
	imp := widget.WarningImportance
	for _, i := range append(is.Errors(), is.Warnings()...) {
		if text != "" {
			text += "\n"
		}
		if i.Severity == wub.Error {
			imp = widget.DangerImportance
			text += "✖ " + i.Message()
		} else {
			text += "⚠ " + i.Message()
		}
	}
	f.msg.Importance = imp
	f.msg.SetText(text)
	f.msg.Show()
}

// newSelect is widget.NewSelect with the placeholder in the app's language
// (Fyne's own "(Select one)" is English only). Fyne sizes a Select by its
// placeholder, so the text is about as long as Fyne's: a shorter one
// would cut the options of every Select in a row of filters.
func newSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = T("select.placeholder")
	return s
}
