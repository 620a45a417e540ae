package ui

import (
	"context"
	"strings"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/hubsync"
	"wubdesk/internal/wub"
)

// hubPanel is Pengaturan → Register kabupaten (issue 21): the enrolment form
// (hub address, enrolment code, the certificate's fingerprint), the state of
// the link ("tersinkron 5 menit lalu · 32 perubahan menunggu", the last
// error in words) and "Sinkronkan sekarang". Every call to the hub runs off
// the UI goroutine through u.app; the window stays usable when the hub is
// down.
type hubPanel struct {
	u       *App
	hub     *entry
	code    *entry
	pin     *entry
	check   *widget.Button
	enrol   *widget.Button
	syncNow *widget.Button
	link    *widget.Label
	state   *widget.Label
	errMsg  *widget.Label
	skew    *widget.Label
	fp      *widget.Label
	box     *fyne.Container
}

func newHubPanel(u *App) *hubPanel {
	p := &hubPanel{u: u}
	p.hub = newEntry(nil)
	p.hub.SetPlaceHolder(T("sync.hub_hint"))
	p.code = newEntry(nil)
	p.code.SetPlaceHolder(T("sync.code_hint"))
	p.pin = newEntry(nil)
	p.pin.SetPlaceHolder(T("sync.pin_hint"))
	p.check = widget.NewButton(T("sync.check"), p.onCheck)
	p.enrol = widget.NewButton(T("sync.enrol"), p.onEnrol)
	p.enrol.Importance = widget.HighImportance
	p.syncNow = widget.NewButton(T("sync.now"), p.onSyncNow)
	label := func(imp widget.Importance) *widget.Label {
		l := widget.NewLabel("")
		l.Wrapping = fyne.TextWrapWord
		l.Importance = imp
		return l
	}
	p.link, p.state = label(widget.MediumImportance), label(widget.MediumImportance)
	p.errMsg, p.skew, p.fp = label(widget.DangerImportance), label(widget.WarningImportance), label(widget.MediumImportance)
	if !u.can(wub.ActSettings) {
		p.enrol.Disable()
	}
	intro := widget.NewLabel(T("sync.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(T("sync.hub"), p.hub),
		widget.NewFormItem(T("sync.code"), p.code),
		widget.NewFormItem(T("sync.pin"), p.pin),
	)
	p.box = container.NewVBox(intro, p.link, p.state, p.errMsg, p.skew, container.NewHBox(p.syncNow),
		form, p.fp, container.NewHBox(p.check, p.enrol))
	p.refresh()
	return p
}

// refresh reads the state off the UI goroutine and shows it.
func (p *hubPanel) refresh() {
	var st wub.SyncState
	p.u.jobs.run(func() error {
		var err error
		st, err = p.u.app.SyncState(p.u.appCtx())
		return err
	}, func(err error) {
		if err != nil {
			p.errMsg.SetText(userMessage(err))
			return
		}
		p.show(st)
	})
}

func (p *hubPanel) show(st wub.SyncState) {
	l := st.Link
	if !l.Enrolled() {
		p.link.SetText(T("sync.not_enrolled"))
		p.state.Hide()
		p.syncNow.Disable()
		p.enrol.SetText(T("sync.enrol"))
	} else {
		agency := l.Agency
		if a, ok := p.u.agencies.ByCode(l.Agency); ok {
			agency = a.NameOn(p.u.today()).Short
		}
		p.link.SetText(T("sync.enrolled", l.URL, agency, l.DeviceID))
		p.state.SetText(app.SyncStateWords(st, p.u.now()))
		p.state.Show()
		if !syncRunning.Load() {
			p.syncNow.Enable()
		}
		p.enrol.SetText(T("sync.reenrol"))
		if p.hub.Text == "" {
			p.hub.SetText(l.URL)
		}
		p.fp.SetText(T("sync.fingerprint", hubsync.FormatPin(l.Fingerprint)))
	}
	p.errMsg.SetText("")
	p.errMsg.Hide()
	if st.LastError != "" {
		p.errMsg.SetText(T("sync.last_error", st.ErrorAt.In(time.Local).Format("02-01-2006 15:04"), st.LastError))
		p.errMsg.Show()
	}
	p.skew.SetText(app.SkewWords(st))
	if p.skew.Text == "" {
		p.skew.Hide()
	} else {
		p.skew.Show()
	}
}

func (p *hubPanel) onCheck() {
	url := strings.TrimSpace(p.hub.Text)
	var fp string
	p.check.Disable()
	p.u.jobs.run(func() error {
		ctx, cancel := context.WithTimeout(p.u.appCtx(), 15*time.Second)
		defer cancel()
		var err error
		fp, err = p.u.app.HubFingerprint(ctx, url)
		return err
	}, func(err error) {
		p.check.Enable()
		if err != nil {
			p.fp.SetText(userMessage(err))
			return
		}
		p.fp.SetText(T("sync.fingerprint_check", hubsync.FormatPin(fp)))
		if p.pin.Text == "" {
			p.pin.SetText(hubsync.FormatPin(fp))
		}
	})
}

func (p *hubPanel) onEnrol() {
	url, code, pin := strings.TrimSpace(p.hub.Text), strings.TrimSpace(p.code.Text), strings.TrimSpace(p.pin.Text)
	var link wub.HubLink
	p.enrol.Disable()
	p.u.jobs.run(func() error {
		ctx, cancel := context.WithTimeout(p.u.appCtx(), 30*time.Second)
		defer cancel()
		var err error
		link, err = p.u.app.Enrol(ctx, url, code, pin)
		return err
	}, func(err error) {
		p.enrol.Enable()
		if err != nil {
			p.fp.SetText(userMessage(err))
			return
		}
		p.code.SetText("")
		p.pin.SetText(hubsync.FormatPin(link.Fingerprint))
		p.u.notify(T("sync.enrolled_done"))
		p.refresh()
		p.onSyncNow()
	})
}

func (p *hubPanel) onSyncNow() {
	p.syncNow.Disable()
	p.syncNow.SetText(T("sync.running"))
	p.u.syncRound(func(res wub.SyncResult, err error) {
		p.syncNow.SetText(T("sync.now"))
		p.syncNow.Enable()
		if err == nil {
			p.u.notify(T("sync.done", res.Pushed, res.Pending))
		}
		p.refresh()
	})
}

// syncRunning keeps one round at a time (the background loop and the
// button share it).
var syncRunning, bgStarted atomic.Bool

// SyncEvery is the period of the background sync while the window is open.
var SyncEvery = 5 * time.Minute

// syncRound runs one round off the UI goroutine; done runs on the UI
// goroutine (nil error and zero result when a round was already running).
func (u *App) syncRound(done func(wub.SyncResult, error)) {
	if !syncRunning.CompareAndSwap(false, true) {
		done(wub.SyncResult{}, nil)
		return
	}
	var res wub.SyncResult
	a := u.app
	u.jobs.run(func() error {
		defer syncRunning.Store(false)
		ctx, cancel := context.WithTimeout(u.appCtx(), 30*time.Minute)
		defer cancel()
		var err error
		res, err = a.Sync(ctx, app.SyncOptions{})
		return err
	}, func(err error) { done(res, err) })
}

// startBackgroundSync rounds every SyncEvery while the window is open, the
// first shortly after start; errors are recorded in the register (the
// panel shows them) and never interrupt the clerk. Tests (queued jobs) do
// not run it.
func (u *App) startBackgroundSync() {
	if !bgStarted.CompareAndSwap(false, true) {
		return
	}
	var tick func()
	tick = func() {
		if u.app == nil {
			u.jobs.after(SyncEvery, tick)
			return
		}
		// A register that is not enrolled answers sync_not_enrolled at once.
		u.syncRound(func(wub.SyncResult, error) { u.jobs.after(SyncEvery, tick) })
	}
	u.jobs.after(15*time.Second, tick)
}
