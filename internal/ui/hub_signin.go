package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/hubuser"
)

// hubSignIn is the hub window's sign-in: the hub's address and the
// fingerprint of its certificate (pinned when given, else shown to be
// compared with the one `wubdesk hub init` printed), user name, password.
type hubSignIn struct {
	w           *hubWindow
	root        fyne.CanvasObject
	fingerprint *widget.Label
	user        *widget.Entry
	password    *widget.Entry
	fpHint      *widget.Label // "compare it with…", wrapped by word (the fingerprint wraps anywhere)
	signBtn     *widget.Button
	msg         *widget.Label
}

func newHubSignIn(w *hubWindow) *hubSignIn {
	s := &hubSignIn{w: w}
	s.fingerprint = widget.NewLabel(w.opts.Pin)
	s.fingerprint.Wrapping = fyne.TextWrapBreak
	s.fpHint = widget.NewLabel("")
	s.fpHint.Wrapping = fyne.TextWrapWord
	s.fpHint.Hide()
	s.user = widget.NewEntry()
	s.password = widget.NewPasswordEntry()
	s.password.OnSubmitted = func(string) { s.submit() }
	s.signBtn = widget.NewButton(T("hubview.sign_in"), s.submit)
	s.signBtn.Importance = widget.HighImportance
	s.msg = widget.NewLabel("")
	s.msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(T("hubview.address"), widget.NewLabel(w.opts.URL)),
		widget.NewFormItem(T("hubview.fingerprint"), container.NewVBox(s.fingerprint, s.fpHint)),
		widget.NewFormItem(T("hubview.username"), s.user),
		widget.NewFormItem(T("hubview.password"), s.password),
	)
	title := widget.NewLabelWithStyle(T("hubview.sign_in_title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.root = container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 360),
		container.NewVBox(title, widget.NewLabel(T("hubview.sign_in_intro")), form, s.signBtn, s.msg)))
	if w.opts.Pin == "" {
		s.loadFingerprint()
	}
	return s
}

// loadFingerprint reads the certificate the hub presents (trust on first
// use: the user compares it with the one the hub printed at init).
func (s *hubSignIn) loadFingerprint() {
	var fp string
	s.w.jobs.run(func() error {
		var err error
		fp, err = hubuser.Fingerprint(context.Background(), s.w.opts.URL)
		return err
	}, func(err error) {
		if err != nil {
			s.msg.SetText(T("hubview.unreachable", err.Error()))
			return
		}
		s.w.c.Pin = fp
		s.fingerprint.SetText(fp)
		s.fpHint.SetText(T("hubview.fingerprint_check"))
		s.fpHint.Show()
	})
}

func (s *hubSignIn) submit() {
	user, pass := s.user.Text, s.password.Text
	s.signBtn.Disable()
	s.msg.SetText("")
	s.w.jobs.run(func() error {
		return s.w.c.SignIn(context.Background(), user, pass)
	}, func(err error) {
		s.signBtn.Enable()
		if err != nil {
			s.msg.SetText(err.Error())
			return
		}
		s.password.SetText("")
		s.w.signedIn()
	})
}
