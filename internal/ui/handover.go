package ui

import (
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/seal"
	"wubdesk/internal/wub"
)

// handoverScreen is Serah Terima: the giving office exports its program as
// one package with a berita acara beside it; the receiving office previews
// a package (new, matching and conflicting records per type), imports it in
// one transaction, and sees the packages it imported before.
type handoverScreen struct {
	u    *App
	root fyne.CanvasObject

	// Serahkan (export)
	to        *codeSelect
	date      *widget.Entry
	exportBtn *widget.Button
	exportBar *widget.ProgressBar
	exported  *widget.Label
	exportPDF *widget.Button // berita acara of the package just exported (pdf_docs.go)
	importPDF *widget.Button // berita acara of the package loaded for import
	lastPkg   string
	pdp       handoverPDP       // pdp_handover.go: the lock of the next export, the passphrase of the next load
	loadedPkg *handover.Package // the package last loaded, kept after its import for the berita acara

	// Terima (import)
	chooseBtn *widget.Button
	importBtn *widget.Button
	importBar *widget.ProgressBar
	pkgLabel  *widget.Label
	summary   *widget.Label
	counts    *rowTable
	conflicts *rowTable
	pkg       *handover.Package
	preview   *wub.HandoverResult // of pkg, not imported yet
	result    *wub.HandoverResult // on screen: the preview or the import done

	// Riwayat
	history *rowTable
	imports []wub.HandoverImport

	busy bool
	run  handoverRun // handover_cancel.go: Cancel of the export and the import
}

var (
	handoverCountColumns = []tableColumn{
		{"col.record_type", "", 260}, {"col.in_package", "", 90}, {"col.new", "", 80},
		{"col.matching", "", 80}, {"col.conflicts", "", 80},
	}
	handoverConflictColumns = []tableColumn{
		{"col.record_type", "", 200}, {"col.key", "", 300}, {"col.detail", "", 560},
	}
	handoverHistoryColumns = []tableColumn{
		{"col.handover_date", "", 130}, {"col.from", "", 150}, {"col.to", "", 180}, {"col.file", "", 220},
		{"col.imported_at", "", 150}, {"col.by", "", 100}, {"col.sha256", "", 160},
	}
)

func newHandoverScreen(u *App) screen {
	s := &handoverScreen{u: u}
	title := widget.NewLabelWithStyle(T("nav.serah_terima"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(T("handover.intro"))
	intro.Wrapping = fyne.TextWrapWord
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(T("handover.tab_export"), theme.UploadIcon(), s.exportView()),
		container.NewTabItemWithIcon(T("handover.tab_import"), theme.DownloadIcon(), s.importView()),
		container.NewTabItemWithIcon(T("handover.tab_history"), theme.HistoryIcon(), s.historyView()),
	)
	top := container.NewVBox(title, intro)
	if !u.can(wub.ActEdit) { // kepala: sees what was handed over, makes and takes no package
		readOnly := widget.NewLabel(T("handover.read_only"))
		readOnly.Importance = widget.WarningImportance
		top.Add(readOnly)
		for _, b := range []*widget.Button{s.exportBtn, s.chooseBtn, s.importBtn} {
			b.Hide()
		}
	}
	s.root = container.NewBorder(top, nil, nil, nil, tabs)
	s.refresh()
	return s
}

func (s *handoverScreen) object() fyne.CanvasObject { return s.root }
func (s *handoverScreen) shown()                    { s.loadHistory() }

func (s *handoverScreen) exportView() fyne.CanvasObject {
	s.to = newCodeSelect(nil, nil, func(string) { s.refresh() })
	s.date = widget.NewEntry()
	s.date.SetPlaceHolder("03/01/2023")
	s.date.SetText(wub.FormatDate(s.u.today()))
	s.date.OnChanged = func(string) { s.fillAgencies() }
	s.fillAgencies()
	s.exportBtn = widget.NewButtonWithIcon(T("handover.export"), theme.DocumentSaveIcon(), s.chooseExport)
	s.exportBtn.Importance = widget.HighImportance
	s.exportBar = widget.NewProgressBar()
	s.exportBar.Hide()
	s.exported = widget.NewLabel("")
	s.exported.Wrapping = fyne.TextWrapWord
	s.exported.Selectable = true
	from := T("kirim.no_office")
	if a, ok := s.u.agencies.ByCode(s.u.office.AgencyCode); ok {
		from = a.NameOn(s.u.today()).Full
	}
	form := widget.NewForm(
		widget.NewFormItem(T("handover.from"), widget.NewLabel(from)),
		widget.NewFormItem(T("handover.to"), s.to.Select),
		widget.NewFormItem(T("handover.date"), s.date),
	)
	s.exportPDF = pdfButton(T("pdf.print_berita_acara"), func() { s.u.printPDF(beritaAcaraName(s.lastPkg), s.beritaAcaraMaker(s.lastPkg)) })
	s.exportPDF.Disable()
	return container.NewVScroll(container.NewVBox(form, container.NewHBox(s.exportBtn, s.exportCancelBtn(), s.exportPDF), s.exportBar, s.exported))
}

// handoverDate is the date typed (dd/mm/yyyy, as every date in the app),
// zero when it is not a date.
func (s *handoverScreen) handoverDate() time.Time {
	d, err := wub.ParseDate(s.date.Text)
	if err != nil {
		return time.Time{}
	}
	return d
}

// fillAgencies offers the agencies that run the program in the handover's
// year, other than this office's, under their names on that date.
func (s *handoverScreen) fillAgencies() {
	d := s.handoverDate()
	if d.IsZero() {
		d = s.u.today()
	}
	var codes, names []string
	for _, a := range s.u.agencies.Sorted() {
		if a.Code != s.u.office.AgencyCode && a.RunsIn(d.Year()) {
			codes = append(codes, a.Code)
			names = append(names, a.NameOn(d).Short)
		}
	}
	s.to.setOptions(codes, names)
	s.refresh()
}

// refresh enables the buttons that can do something now.
func (s *handoverScreen) refresh() {
	if s.exportBtn == nil || s.importBtn == nil {
		return
	}
	if s.busy || s.to.code() == "" || s.handoverDate().IsZero() || !s.u.office.Configured() {
		s.exportBtn.Disable()
	} else {
		s.exportBtn.Enable()
	}
	if s.busy {
		s.chooseBtn.Disable()
	} else {
		s.chooseBtn.Enable()
	}
	if s.busy || s.preview == nil {
		s.importBtn.Disable()
	} else {
		s.importBtn.Enable()
	}
	if s.importPDF != nil {
		if s.busy || s.loadedPkg == nil {
			s.importPDF.Disable()
		} else {
			s.importPDF.Enable()
		}
	}
}

func (s *handoverScreen) chooseExport() {
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), handover.Ext) {
			path += handover.Ext
		}
		s.u.askLock(true, func(l *seal.Lock) { s.pdp.lock = l; s.exportTo(path) }) // pdp_handover.go
	})
	d.SetFileName("serah-terima_" + s.u.office.AgencyCode + "_" + s.to.code() + "_" + wub.ISO(s.handoverDate()) + handover.Ext)
	d.SetFilter(storage.NewExtensionFileFilter([]string{handover.Ext}))
	d.Show()
}

// exportTo writes the package and its berita acara off the UI goroutine.
func (s *handoverScreen) exportTo(path string) {
	o := app.HandoverExportOptions{To: s.to.code(), Date: s.handoverDate(), Path: path, Progress: func(done, total int) {
		if total > 0 {
			s.u.jobs.deliver(func() { s.exportBar.SetValue(float64(done) / float64(total)) })
		}
	}}
	s.busy = true
	s.refresh()
	s.exportBar.SetValue(0)
	s.exportBar.Show()
	s.exported.SetText("")
	var ex *handover.Exported
	ctx := s.run.startExport(s.u.appCtx())
	hold := s.run.hold
	s.u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		var err error
		ex, err = s.u.app.HandoverExport(ctx, o)
		if err == nil {
			err = s.sealExport(ctx, ex) // pdp_handover.go
		}
		return err
	}, func(err error) {
		s.busy = false
		s.refresh()
		if s.run.endExport(err) {
			s.exportBar.Hide()
			s.u.notify(T("regency.handover_export_cancelled"))
			return
		}
		if err != nil {
			s.exportBar.Hide()
			s.u.showError(err)
			return
		}
		s.exportBar.SetValue(1)
		s.lastPkg = ex.Path
		s.exportPDF.Enable()
		m := ex.Manifest
		s.exported.SetText(T("handover.exported", m.From.ShortName, m.To.ShortName, wub.FormatLongDate(o.Date), ex.Path,
			ex.BeritaAcara, ex.SHA256, wub.FormatInt(m.Count("trainee")), wub.FormatInt(m.Count("enrolment"))))
		s.u.notify(T("handover.saved", filepath.Base(ex.Path)))
	})
}
