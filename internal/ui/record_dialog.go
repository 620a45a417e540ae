package ui

import (
	"context"
	"errors"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// saveFlow is the one save of every form (the Peserta and Fasilitator
// forms, each recordDialog, ...): problems in what was typed are shown at
// once without touching the store; otherwise the store works off the UI
// goroutine with the window's context (a save is never dropped because the
// clerk clicked another screen), the Save button waits, and the store's
// issues are shown with the warnings found so far. Any other error goes to
// failed when set and it takes it (a dialog's message line), else to an
// error dialog. On success done gets the warnings.
type saveFlow struct {
	u      *App
	btn    *widget.Button       // disabled while saving (nil: none)
	show   func(wub.Issues)     // puts issues under their fields
	failed func(err error) bool // shows another error; false: not shown here (nil: a dialog)
	saving bool
}

func (s *saveFlow) run(parse wub.Issues, work func(ctx context.Context) (wub.Issues, error), done func(warns wub.Issues)) {
	if s.saving {
		return
	}
	if parse.HasErrors() {
		s.show(parse)
		s.u.notify(T("form.fix_errors", len(parse.Errors())))
		return
	}
	s.saving = true
	if s.btn != nil {
		s.btn.Disable()
	}
	ctx := s.u.appCtx()
	var warns wub.Issues
	s.u.jobs.run(func() error {
		var err error
		warns, err = work(ctx)
		return err
	}, func(err error) {
		s.saving = false
		if s.btn != nil {
			s.btn.Enable()
		}
		var is wub.Issues
		if errors.As(err, &is) {
			s.show(append(is, warns...))
			s.u.notify(T("form.not_saved"))
			return
		}
		if err != nil && s.failed != nil && s.failed(err) {
			return
		}
		if err != nil {
			s.u.showError(err)
			return
		}
		done(warns)
	})
}

// recordDialog is a small form in a dialog, used to record one thing of a
// trainee's journey or of Wamira Mart: labelled inputs with a message line
// under each, and Save/Cancel. The store's issues land under the field
// they name; others show above the buttons.
type recordDialog struct {
	u       *App
	title   string
	fields  map[string]*field
	boxes   []fyne.CanvasObject
	general *widget.Label
	saveBtn *widget.Button
	dlg     *dialog.CustomDialog
	flow    saveFlow
	closed  bool
}

func newRecordDialog(u *App, title string) *recordDialog {
	d := &recordDialog{u: u, title: title, fields: map[string]*field{}, general: widget.NewLabel("")}
	d.general.Wrapping = fyne.TextWrapWord
	d.general.Importance = widget.DangerImportance
	d.general.Hide()
	return d
}

// add appends a labelled input; key is the issue field it shows.
func (d *recordDialog) add(key, label string, input fyne.CanvasObject) {
	f := newField(label, input)
	d.fields[key] = f
	d.boxes = append(d.boxes, f.box)
}

// show opens the dialog; save is called when the clerk presses Simpan.
func (d *recordDialog) show(save func()) {
	d.saveBtn = widget.NewButtonWithIcon(T("button.save"), theme.DocumentSaveIcon(), func() {
		if !d.flow.saving {
			save()
		}
	})
	d.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(T("button.cancel"), func() { d.close() })
	grid := container.NewGridWithColumns(2, d.boxes...)
	content := container.NewVBox(grid, d.general, container.NewHBox(layout.NewSpacer(), cancel, d.saveBtn))
	d.dlg = dialog.NewCustomWithoutButtons(d.title, container.NewGridWrap(fyne.NewSize(640, content.MinSize().Height), content), d.u.win)
	d.dlg.Show()
}

func (d *recordDialog) close() {
	d.closed = true
	if d.dlg != nil {
		d.dlg.Hide()
	}
}

// showIssues puts each issue under its field (errors first).
func (d *recordDialog) showIssues(is wub.Issues) {
	var other []string
	byField := map[string]wub.Issues{}
	for _, i := range is {
		if _, ok := d.fields[i.Field]; ok {
			byField[i.Field] = append(byField[i.Field], i)
			continue
		}
		if i.Severity == wub.Error {
			other = append(other, "✖ "+i.Message())
		}
	}
	for k, f := range d.fields {
		f.show(byField[k])
	}
	if len(other) > 0 {
		d.general.SetText(strings.Join(other, "\n"))
		d.general.Show()
	} else {
		d.general.Hide()
	}
}

// message returns the text shown under a field ("" when none); tests use it.
func (d *recordDialog) message(key string) string {
	if f, ok := d.fields[key]; ok && f.msg.Visible() {
		return f.msg.Text
	}
	return ""
}

// run saves through the form's saveFlow: problems in what was typed
// (parse) are shown at once without touching the store; the store's issues
// are shown under their fields, an error with a wub code above the buttons;
// on success the dialog closes and done runs.
func (d *recordDialog) run(parse wub.Issues, work func(ctx context.Context) (wub.Issues, error), done func(warns wub.Issues)) {
	d.flow.u, d.flow.btn, d.flow.show = d.u, d.saveBtn, d.showIssues
	d.flow.failed = func(err error) bool {
		if wub.ErrorCode(err) == "" {
			return false // unexpected: a dialog
		}
		d.showIssues(nil)
		d.general.SetText("✖ " + err.Error())
		d.general.Show()
		return true
	}
	d.flow.run(parse, work, func(warns wub.Issues) {
		d.close()
		done(warns)
	})
}

// dateInput is an entry for dd/mm/yyyy.
func dateInput(initial time.Time) *widget.Entry {
	e := widget.NewEntry()
	e.SetPlaceHolder(T("form.date_hint"))
	e.SetText(wub.FormatDate(initial))
	return e
}

// parseDateInput reads a date entry; a typed date that cannot be read is a
// date_invalid issue on the field, an empty one is the zero date (the
// domain then says it is required).
func parseDateInput(e *widget.Entry, fieldKey string, is *wub.Issues) time.Time {
	s := strings.TrimSpace(e.Text)
	if s == "" {
		return time.Time{}
	}
	t, err := wub.ParseDate(s)
	if err != nil {
		*is = append(*is, wub.Issue{Field: fieldKey, Code: "date_invalid", Severity: wub.Error, Args: []any{s}})
	}
	return t
}

// parseAmountInput reads a rupiah amount ("" is 0).
func parseAmountInput(e *widget.Entry, fieldKey string, is *wub.Issues) int64 {
	s := strings.TrimSpace(e.Text)
	if s == "" {
		return 0
	}
	n, ok := wub.ParseRupiah(s)
	if !ok {
		*is = append(*is, wub.Issue{Field: fieldKey, Code: "amount_invalid", Severity: wub.Error, Args: []any{s}})
	}
	return n
}

var zeroTime time.Time

// labels maps codes to what the clerk sees.
func labels(codes []string, label func(string) string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = label(c)
	}
	return out
}
