package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/assets"
	"wubdesk/internal/platform"
	"wubdesk/internal/wub"
)

// officeForm asks which office this database belongs to: the agency, the
// head's name and NIP (for signature blocks) and the place of signing.
type officeForm struct {
	u      *App
	agency *codeSelect
	// agencyFull is the chosen agency's full name, under the dropdown.
	agencyFull *widget.Label
	head       *entry
	nip        *entry
	place      *entry
	msg        *widget.Label
	box        *fyne.Container
}

func newOfficeForm(u *App, o wub.Office) *officeForm {
	f := &officeForm{u: u}
	var codes, names, full []string
	today := u.today()
	year := today.Year()
	for _, a := range u.agencies.Sorted() {
		if a.RunsIn(year) || a.Code == o.AgencyCode {
			codes = append(codes, a.Code)
			names = append(names, a.NameOn(today).Short)
			full = append(full, a.NameOn(today).Full)
		}
	}
	// The dropdown shows the short names, so that it fits the first-start
	// dialog; the full name of the chosen agency is written under it (issue 19).
	f.agencyFull = widget.NewLabel("")
	f.agencyFull.Wrapping = fyne.TextWrapWord
	f.agencyFull.Importance = widget.LowImportance
	f.agency = newCodeSelect(codes, names, func(code string) {
		f.agencyFull.SetText("")
		for i, c := range codes {
			if c == code {
				f.agencyFull.SetText(full[i])
			}
		}
	})
	f.agency.PlaceHolder = T("form.choose")
	f.agency.setCode(o.AgencyCode)
	f.head = newEntry(nil)
	f.head.SetText(o.HeadName)
	f.head.SetPlaceHolder(T("office.head_hint"))
	f.nip = newEntry(nil)
	f.nip.SetText(o.HeadNIP)
	f.nip.SetPlaceHolder(T("office.nip_hint"))
	f.place = newEntry(nil)
	f.place.SetText(o.Place)
	f.msg = widget.NewLabel("")
	f.msg.Importance = widget.DangerImportance
	f.msg.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(T("office.agency"), container.NewVBox(f.agency.Select, f.agencyFull)),
		widget.NewFormItem(T("office.head_name"), f.head),
		widget.NewFormItem(T("office.head_nip"), f.nip),
		widget.NewFormItem(T("office.place"), f.place),
	)
	f.box = container.NewVBox(form, f.msg)
	return f
}

// value checks the form; ok is false (with the message shown) on a problem.
func (f *officeForm) value() (wub.Office, bool) {
	o := wub.Office{AgencyCode: f.agency.code(), HeadName: strings.TrimSpace(f.head.Text),
		HeadNIP: strings.ReplaceAll(strings.TrimSpace(f.nip.Text), " ", ""), Place: strings.TrimSpace(f.place.Text)}
	switch {
	case o.AgencyCode == "":
		f.msg.SetText(T("office.agency_required"))
		return o, false
	case o.HeadNIP != "" && (len(o.HeadNIP) != 18 || strings.Trim(o.HeadNIP, "0123456789") != ""):
		f.msg.SetText(T("office.nip_invalid"))
		return o, false
	}
	f.msg.SetText("")
	return o, true
}

// save writes the office settings off the UI goroutine.
func (f *officeForm) save(done func()) {
	o, ok := f.value()
	if !ok {
		return
	}
	f.u.jobs.run(func() error { return f.u.app.SetOffice(f.u.appCtx(), o) }, func(err error) {
		if err != nil {
			f.u.showError(err)
			return
		}
		f.u.office = o
		f.u.win.SetTitle(f.u.title())
		done()
	})
}

// showOfficeSetup is the first-start question: which office is this? It
// cannot be dismissed without an answer when first is true.
func (u *App) showOfficeSetup(first bool) {
	f := newOfficeForm(u, u.office)
	intro := widget.NewLabel(T("office.intro"))
	intro.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	saveBtn := widget.NewButton(T("button.save"), nil)
	saveBtn.Importance = widget.HighImportance
	content := container.NewVBox(intro, f.box, container.NewHBox(saveBtn))
	d = dialog.NewCustomWithoutButtons(T("office.title"), container.NewGridWrap(fyne.NewSize(620, max(330, content.MinSize().Height)), content), u.win)
	saveBtn.OnTapped = func() {
		f.save(func() {
			d.Hide()
			if first {
				u.showMain()
			}
		})
	}
	for _, e := range []*entry{f.head, f.nip, f.place} {
		e.OnSubmitted = func(string) { saveBtn.OnTapped() } // Enter saves
	}
	d.Show()
	u.officeDialog = f
}

// settingsScreen is Pengaturan: the office, the language, the database.
type settingsScreen struct {
	u      *App
	office *officeForm
	lang   *codeSelect
	theme  *codeSelect
	backup *backupPanel // backup_panel.go
	users  *usersPanel  // users_panel.go
	root   fyne.CanvasObject

	kop        *letterheadPanel // letterhead_panel.go
	agencies   *agencyPanel     // agency_panel.go
	deadline   *deadlinePanel   // deadline_panel.go
	hub        *hubPanel        // hub_panel.go
	saveOffice *widget.Button
	pdp        *pdpPanel // pdp_settings.go
}

func newSettingsScreen(u *App) screen {
	s := &settingsScreen{u: u}
	s.office = newOfficeForm(u, u.office)
	saveOffice := widget.NewButton(T("button.save"), func() {
		s.office.save(func() { u.notify(T("settings.saved")) })
	})
	saveOffice.Importance = widget.HighImportance
	if !u.can(wub.ActSettings) { // offered only to who may; the store refuses the rest
		saveOffice.Disable()
	}
	s.saveOffice = saveOffice
	s.lang = newCodeSelect(Languages, []string{"Bahasa Indonesia", "English"}, func(code string) {
		if code == "" || code == Language() {
			return
		}
		u.fyne.Preferences().SetString(prefLanguage, code)
		SetLanguage(code)
		u.nav.rebuild("pengaturan")
	})
	s.lang.setCode(Language())
	s.theme = newCodeSelect(themeChoices, []string{T("settings.theme_light"), T("settings.theme_dark"), T("settings.theme_system")}, nil)
	s.theme.setCode(u.fyne.Preferences().StringWithFallback(prefTheme, themeLight))
	s.theme.OnChanged = func(string) {
		u.fyne.Preferences().SetString(prefTheme, s.theme.code())
		applyTheme(u.fyne, s.theme.code())
	}
	s.backup, s.users, s.kop = newBackupPanel(u), newUsersPanel(u), newLetterheadPanel(u)
	s.agencies, s.deadline = newAgencyPanel(u), newDeadlinePanel(u)
	s.pdp = newPDPPanel(u)
	s.hub = newHubPanel(u)
	dbPath := widget.NewLabel(u.opts.DBPath)
	dbPath.Wrapping = fyne.TextWrapBreak
	synced := widget.NewLabel(platform.SyncedFolderWarning(u.opts.DBPath))
	synced.Wrapping = fyne.TextWrapWord
	synced.Importance = widget.WarningImportance
	if synced.Text == "" {
		synced.Hide()
	}
	about := widget.NewLabel(T("about.tagline") + "\n" + assets.Attribution + "\n" + assets.FontAttribution)
	about.Wrapping = fyne.TextWrapWord
	group := func(title string, objs ...fyne.CanvasObject) fyne.CanvasObject {
		return widget.NewCard(title, "", container.NewVBox(objs...))
	}
	s.root = container.NewVScroll(container.NewVBox(
		group(T("settings.office"), s.office.box, container.NewHBox(saveOffice)),
		group(T("sync.title"), s.hub.box),
		group(T("letterhead.title"), s.kop.box),
		group(T("settings.language"), s.lang.Select),
		group(T("settings.theme"), s.theme.Select),
		group(T("settings.database"), dbPath, synced),
		group(T("settings.backup"), s.backup.box),
		group(T("settings.users"), s.users.box),
		group(T("pdp.title"), s.pdp.box),
		group(T("regency.agencies"), s.agencies.box),
		group(T("regency.deadline"), s.deadline.box),
		group(T("menu.about"), about),
	))
	return s
}

func (s *settingsScreen) object() fyne.CanvasObject { return s.root }
func (s *settingsScreen) shown()                    {}
