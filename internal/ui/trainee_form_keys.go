package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// wireKeys makes the form work from the keyboard (issue 19): Enter moves
// to the next field and saves in the last one, Ctrl+Enter saves anywhere.
func (f *traineeForm) wireKeys() {
	chain := []*entry{f.nik, f.kk, f.name, f.birthPlace, f.birthDate, f.address, f.rtrw, f.phone, f.business}
	for _, r := range f.enrols {
		chain = append(chain, r.enrolled, r.completed)
	}
	f.notes.onSave = f.save
	for i, e := range chain {
		e.onSave = f.save
		if i == len(chain)-1 {
			e.OnSubmitted = func(string) { f.save() }
			continue
		}
		next := chain[i+1]
		e.OnSubmitted = func(string) { f.s.u.focus(next) }
	}
}

// nikLeft shows the NIK's message once the clerk leaves the field: a short
// NIK is not an error while it is being typed.
func (f *traineeForm) nikLeft() {
	if f.nikWasLeft || strings.TrimSpace(f.nik.Text) == "" {
		return
	}
	f.nikWasLeft = true
	f.touched["nik"] = true
	f.check()
}

// oneNIKMessage drops the red "NIK sudah terdaftar" when the orange note
// with "Buka data itu" already says so: one duplicate, one message.
func (f *traineeForm) oneNIKMessage(key string, is wub.Issues) wub.Issues {
	if key != "nik" || !f.nikNote.Visible() {
		return is
	}
	var out wub.Issues
	for _, i := range is {
		if i.Code != "nik_registered" {
			out = append(out, i)
		}
	}
	return out
}

// showSavedWarnings shows, on a saved record that is opened again, the
// warnings it was saved with ("Tersimpan … dengan 2 peringatan"), on their
// fields. Errors cannot be on a saved record; warnings only are shown.
func (f *traineeForm) showSavedWarnings() {
	if f.orig.ID == 0 {
		return
	}
	for k := range f.fields {
		f.touched[k] = true
	}
	f.touched["enrolment"] = true
	f.check()
}

// confirmWarnings asks, before a record with warnings is saved and the form
// closes, whether to save as it is: the clerk sees "Kecamatan belum diisi"
// while the form is still open. It reports whether it asked (the save then
// waits for the answer).
func (f *traineeForm) confirmWarnings(is wub.Issues) bool {
	var ws wub.Issues
	for _, w := range is.Warnings() {
		if w.Code == "kecamatan_missing" || w.Code == "desa_missing" {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 || f.warnedOK {
		return false
	}
	var lines []string
	for _, w := range ws {
		lines = append(lines, "⚠ "+w.Message())
	}
	lbl := widget.NewLabel(strings.Join(lines, "\n"))
	lbl.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(widget.NewLabel(T("ux.form_warnings_ask", len(ws))), lbl)
	f.warnDialog = newConfirm(f.s.u, T("ux.form_warnings_title"), T("ux.form_save_anyway"), T("ux.form_check_first"), body, func(ok bool) {
		f.warnDialog = nil
		if ok {
			f.warnedOK = true
			f.save()
			f.warnedOK = false
		}
	})
	return true
}
