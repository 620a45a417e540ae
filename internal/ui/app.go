package ui

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"

	"wubdesk/assets"
	"wubdesk/internal/app"
	"wubdesk/internal/platform"
	"wubdesk/internal/wub"
)

// Options configure the GUI.
type Options struct {
	DBPath    string
	Lang      string // "" = the language saved in preferences (default Indonesian)
	Version   string
	QuitAfter time.Duration // close by itself (smoke tests)
	Show      string        // open this screen first ("peserta", "peserta-baru", "pengaturan", ...)
	Size      string        // the window's size "1024x768" (screenshots, --size); "" = 1180x760
	Started   time.Time     // when the process started (for Timing)
	Timing    bool          // write start-up milestones to stderr (scripts/launch-time.sh)
	// Clock is the app's clock before a database is open (nil: the wall
	// clock); once one is open, the store's DB.Now is the clock.
	Clock func() time.Time
}

// App is the running GUI: one window over one open database.
type App struct {
	fyne     fyne.App
	win      fyne.Window
	opts     Options
	app      *app.App // the use cases (internal/app): every screen calls these, never the store
	office   wub.Office
	agencies wub.Agencies
	jobs     jobs
	life     lifetimes // the window's and the shown screen's contexts (async.go)

	nav     *navigation
	help    *helpView // the guide's window while open (help.go)
	current screen

	officeDialog *officeForm // the first-start form while it is open (tests)
	rel          reliability // instance lock, signed-in user (startup.go)
	milestones   map[string]bool
	pdp          pdpDialogs       // pdp_lock.go: the personal-data dialogs last shown (tests)
	lastLock     *monthLockDialog // the last month-locked refusal shown (hub_lock.go; tests)
}

const prefLanguage = "language"

// Run opens the main window and blocks until it is closed.
func Run(a fyne.App, o Options) {
	u := New(a, o)
	u.win.Resize(u.opts.windowSize()) // ux_show.go
	u.win.CenterOnScreen()
	if o.QuitAfter > 0 {
		time.AfterFunc(o.QuitAfter, func() { fyne.Do(a.Quit) })
	}
	a.Lifecycle().SetOnStarted(func() { u.milestone("window_shown") })
	if u.acquireInstance() {
		u.Open()
	}
	u.win.ShowAndRun()
	u.life.close()
	if u.app != nil {
		u.app.Close()
	}
	u.releaseInstance()
}

// New builds the window without showing it; Open then opens the database.
func New(a fyne.App, o Options) *App {
	return newApp(a, o, false)
}

// newApp builds the App; queued (tests) holds job callbacks until
// jobs.wait runs them on the caller's goroutine.
func newApp(a fyne.App, o Options, queued bool) *App {
	l := o.Lang
	if l == "" {
		l = a.Preferences().StringWithFallback(prefLanguage, "id")
	}
	SetLanguage(l)
	if !queued { // tests keep Fyne's test theme so golden markup is stable
		applyTheme(a, a.Preferences().StringWithFallback(prefTheme, themeLight))
	}
	a.SetIcon(fyne.NewStaticResource("icon.png", assets.Icon))
	u := &App{fyne: a, opts: o}
	u.jobs.queued = queued
	u.win = a.NewWindow("WUBDesk")
	u.win.SetMaster()
	u.win.SetOnClosed(u.life.close) // closing the window cancels every screen's work
	u.win.SetContent(u.loadingView(T("app.opening")))
	return u
}

// Window is the main window (tests drive it).
func (u *App) Window() fyne.Window { return u.win }

// Open opens the database off the UI goroutine, then shows the first-start
// questions or the main screen.
func (u *App) Open() {
	var a *app.App
	var office wub.Office
	var agencies wub.Agencies
	var signIn bool
	u.jobs.run(func() error {
		var err error
		ctx := context.Background()
		a, err = app.OpenChecked(ctx, u.opts.DBPath)
		if err != nil {
			return err
		}
		if signIn, err = a.SignInRequired(ctx); err != nil {
			a.Close()
			return err
		}
		if office, err = a.Office(ctx); err != nil {
			a.Close()
			return err
		}
		if agencies, err = a.Agencies(ctx); err != nil {
			a.Close()
			return err
		}
		return nil
	}, func(err error) {
		if err != nil {
			u.win.SetContent(u.openFailedView(err))
			return
		}
		u.milestone("database_open")
		defer u.afterOpen(a)
		if w := platform.SyncedFolderWarning(u.opts.DBPath); w != "" {
			defer u.showMessage(T("dialog.warning"), w)
		}
		if a.ReadOnly() { // said at once, not at the first refused save
			defer u.showMessage(T("readonly.title"), T("readonly.body", u.opts.DBPath))
		}
		if signIn {
			u.showSignIn(a, func() { u.UseApp(a, office, agencies) })
			return
		}
		u.UseApp(a, office, agencies)
	})
}

// UseApp shows the app over an already open register (tests use it).
func (u *App) UseApp(a *app.App, office wub.Office, agencies wub.Agencies) {
	u.setApp(a)
	u.office, u.agencies = office, agencies
	u.setMainMenu()
	if !office.Configured() {
		u.win.SetContent(u.loadingView(""))
		u.showOfficeSetup(true)
		return
	}
	u.showMain()
}

// setApp makes a the window's register (nil: none is open).
func (u *App) setApp(a *app.App) {
	u.app = a
}

func (u *App) showMain() {
	u.win.SetTitle(u.title())
	u.nav = newNavigation(u)
	u.win.SetContent(u.nav.object())
	u.win.SetOnDropped(u.dropped) // a spreadsheet dropped anywhere opens Impor
	first := u.opts.Show
	if first == "" {
		first = "peserta"
	}
	u.nav.show(first)
	u.startBackgroundSync() // hub_panel.go
}

func (u *App) title() string {
	t := "WUBDesk"
	if a, ok := u.agencies.ByCode(u.office.AgencyCode); ok {
		t = "WUBDesk — " + a.NameOn(u.today()).Short
	}
	if u.app != nil && u.app.ReadOnly() {
		t += " " + T("readonly.title_suffix")
	}
	return t
}

// now is the app's one clock: every screen asks it, never time.Now. With a
// register open it is the use cases' clock (app.App.Now), so what a screen
// calls "today" and the dates the store writes agree; before that it is
// Options.Clock. Tests set either one.
func (u *App) now() time.Time {
	if u.app != nil {
		return u.app.Now()
	}
	if u.opts.Clock != nil {
		return u.opts.Clock()
	}
	return time.Now()
}

// today is the calendar date of now (midnight UTC, as dates are stored).
func (u *App) today() time.Time {
	n := u.now()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
}

func (u *App) loadingView(msg string) fyne.CanvasObject {
	bar := widget.NewProgressBarInfinite()
	return container.NewCenter(container.NewVBox(widget.NewLabel(msg), bar))
}

func (u *App) openFailedView(err error) fyne.CanvasObject {
	if de := (*wub.DamagedError)(nil); errors.As(err, &de) {
		return u.damagedView(de)
	}
	msg := widget.NewLabel(T("app.open_failed", u.opts.DBPath) + "\n\n" + userMessage(err))
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(T("button.close"), func() { u.fyne.Quit() })
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(560, 260), container.NewVBox(msg, quit)))
}

// userMessage is the text a clerk sees for an error: the domain message when
// there is one, a generic sentence otherwise (the details go to the log,
// which never holds personal data: store errors carry no field values).
func userMessage(err error) string {
	if err == nil {
		return ""
	}
	var is wub.Issues
	if errors.As(err, &is) {
		return is.Error()
	}
	if wub.ErrorCode(err) != "" {
		return err.Error()
	}
	log.Printf("wubdesk: %v", err)
	return T("error.unexpected", err.Error())
}

// showError shows an error in a dialog; the app keeps running.
func (u *App) showError(err error) {
	if errors.Is(err, context.Canceled) {
		return // the clerk left the screen or closed the window: nothing to say
	}
	if u.showLocked(err) { // an accepted month: the message with "minta buka kembali" (hub_lock.go)
		return
	}
	d := dialog.NewCustom(T("dialog.error"), T("button.close"), widget.NewLabel(userMessage(err)), u.win)
	d.Show()
}

// showMessage shows information the clerk should read; the app keeps running.
func (u *App) showMessage(title, msg string) {
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	dialog.NewCustom(title, T("button.close"), container.NewGridWrap(fyne.NewSize(480, 120), lbl), u.win).Show()
}

// confirm asks a yes/no question with our own button labels.
func (u *App) confirm(title, msg, yes string, onYes func()) {
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(title, yes, T("button.cancel"), container.NewGridWrap(fyne.NewSize(420, 80), lbl), func(ok bool) {
		if ok {
			onYes()
		}
	}, u.win)
	d.Show()
}

// notify shows a short message that closes itself.
func (u *App) notify(msg string) {
	if u.nav != nil {
		u.nav.setStatus(msg)
	}
}

func (u *App) setMainMenu() {
	shortcut := func(k fyne.KeyName) fyne.Shortcut {
		return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
	}
	newItem := fyne.NewMenuItem(T("menu.new"), func() { u.dispatch(actionNew) })
	newItem.Shortcut = shortcut(fyne.KeyN)
	saveItem := fyne.NewMenuItem(T("menu.save"), func() { u.dispatch(actionSave) })
	saveItem.Shortcut = shortcut(fyne.KeyS)
	findItem := fyne.NewMenuItem(T("menu.find"), func() { u.dispatch(actionFind) })
	findItem.Shortcut = shortcut(fyne.KeyF)
	quit := fyne.NewMenuItem(T("menu.quit"), func() { u.fyne.Quit() })
	quit.IsQuit = true
	file := fyne.NewMenu(T("menu.file"), newItem, saveItem, findItem, fyne.NewMenuItemSeparator(), quit)
	about := fyne.NewMenuItem(T("menu.about"), u.showAbout)
	guide := fyne.NewMenuItem(T("ux.help_menu"), func() { u.showHelp() })
	help := fyne.NewMenu(T("menu.help"), guide, about)
	u.win.SetMainMenu(fyne.NewMainMenu(file, help))
	u.addFormShortcuts()
	u.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if u.dialogKey(e) {
			return
		}
		if e.Name == fyne.KeyF1 {
			u.showHelp()
			return
		}
		if e.Name == fyne.KeyEscape {
			u.dispatch(actionEscape)
		}
	})
}

// Actions the menu and keys send to the current screen.
type action int

const (
	actionNew action = iota
	actionSave
	actionFind
	actionEscape
)

func (u *App) dispatch(a action) {
	if h, ok := u.current.(actionHandler); ok {
		h.handle(a)
	}
}

type actionHandler interface{ handle(action) }

func (u *App) showAbout() {
	text := widget.NewLabel(fmt.Sprintf("WUBDesk %s\n%s\n\n%s", u.opts.Version, T("about.tagline"), assets.Attribution+"\n"+assets.FontAttribution))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(T("menu.about"), T("button.close"), container.NewGridWrap(fyne.NewSize(520, 220), text), u.win)
	d.Show()
}
