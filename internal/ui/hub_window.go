package ui

import (
	"context"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/assets"
	"wubdesk/internal/hubuser"
	"wubdesk/internal/wub"
)

// The economic section's window (`wubdesk --hub URL`, issue 21 item 5 and
// issue 22): signed in as a hub user, it shows the hub's live data —
// Konsolidasi (each person counted once across agencies, the reported
// figure of a month beside the live one), the submission calendar with the
// review of each month (Terima / Kembalikan, berita acara), Kuota and the
// queue of people counted by several agencies. A separate small set of
// screens (hub_*.go) over internal/hubuser; no office database.

// HubOptions configure the hub window.
type HubOptions struct {
	URL       string
	Pin       string // the hub certificate's SHA-256; "" shows the fingerprint to trust
	Lang      string
	Version   string
	QuitAfter time.Duration
	Clock     func() time.Time // tests; nil is the wall clock
}

// hubWindow is the window and its screens.
type hubWindow struct {
	fyne   fyne.App
	win    fyne.Window
	opts   HubOptions
	c      *hubuser.Client
	jobs   jobs
	status *widget.Label

	signin *hubSignIn
	tabs   *container.AppTabs
	consol *hubConsolidation
	cal    *hubCalendar
	quota  *hubQuotaScreen
	dups   *hubDupScreen
}

// RunHub opens the hub window and blocks until it is closed.
func RunHub(a fyne.App, o HubOptions) {
	w := newHubWindow(a, o, false)
	w.win.Resize(fyne.NewSize(1180, 760))
	w.win.CenterOnScreen()
	if o.QuitAfter > 0 {
		time.AfterFunc(o.QuitAfter, func() { fyne.Do(a.Quit) })
	}
	w.win.ShowAndRun()
}

func newHubWindow(a fyne.App, o HubOptions, queued bool) *hubWindow {
	l := o.Lang
	if l == "" {
		l = a.Preferences().StringWithFallback(prefLanguage, "id")
	}
	SetLanguage(l)
	if !queued { // the office app's theme (light unless chosen); tests keep Fyne's test theme
		applyTheme(a, a.Preferences().StringWithFallback(prefTheme, themeLight))
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	if o.Clock == nil {
		o.Clock = time.Now
	}
	w := &hubWindow{fyne: a, opts: o, c: &hubuser.Client{URL: o.URL, Pin: o.Pin}}
	w.jobs.queued = queued
	w.win = a.NewWindow(T("hubview.title", o.URL))
	w.win.SetMaster()
	w.status = widget.NewLabel("")
	w.signin = newHubSignIn(w)
	w.win.SetContent(w.signin.root)
	return w
}

// now is the window's one clock (HubOptions.Clock; the wall clock unless a
// test pins it).
func (w *hubWindow) now() time.Time { return w.opts.Clock() }

// signedIn replaces the sign-in form with the screens.
func (w *hubWindow) signedIn() {
	w.consol = newHubConsolidation(w)
	w.cal = newHubCalendar(w)
	w.quota = newHubQuotaScreen(w)
	w.dups = newHubDupScreen(w)
	w.tabs = container.NewAppTabs(
		container.NewTabItem(T("hubview.tab_consol"), w.consol.root),
		container.NewTabItem(T("hubview.tab_calendar"), w.cal.root),
		container.NewTabItem(T("hubview.tab_quota"), w.quota.root),
		container.NewTabItem(T("hubview.tab_dups"), w.dups.root),
	)
	w.tabs.OnSelected = func(*container.TabItem) { w.refreshCurrent() }
	user := widget.NewLabel(T("hubview.signed_in", w.c.Username, w.c.Role, w.opts.URL))
	w.win.SetContent(container.NewBorder(nil, container.NewHBox(user, w.status), nil, nil, w.tabs))
	w.refreshCurrent()
}

func (w *hubWindow) refreshCurrent() {
	switch w.tabs.SelectedIndex() {
	case 0:
		w.consol.refresh()
	case 1:
		w.cal.refresh()
	case 2:
		w.quota.refresh()
	case 3:
		w.dups.refresh()
	}
}

// call runs a hub request off the UI goroutine, then done on it.
func (w *hubWindow) call(work func(ctx context.Context) error, done func()) {
	w.jobs.run(func() error {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		return work(ctx)
	}, func(err error) {
		if err != nil {
			w.showError(err)
			return
		}
		done()
	})
}

func (w *hubWindow) showError(err error) {
	msg := err.Error()
	if wub.ErrorCode(err) == "" && !strings.Contains(msg, " ") {
		msg = T("error.unexpected", msg)
	}
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	w.status.SetText(msg)
	dialog.NewCustom(T("dialog.error"), T("button.close"), container.NewGridWrap(fyne.NewSize(480, 120), lbl), w.win).Show()
}

func (w *hubWindow) notify(msg string) { w.status.SetText(msg) }
