package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/wub"
)

func (s *handoverScreen) importView() fyne.CanvasObject {
	s.chooseBtn = widget.NewButtonWithIcon(T("handover.choose"), theme.FolderOpenIcon(), s.choose)
	s.importBtn = widget.NewButtonWithIcon(T("handover.import"), theme.DownloadIcon(), s.confirmImport)
	s.importBtn.Importance = widget.HighImportance
	s.importBar = widget.NewProgressBar()
	s.importBar.Hide()
	s.pkgLabel = widget.NewLabel(T("handover.import_hint"))
	s.pkgLabel.Wrapping = fyne.TextWrapWord
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.counts = newRowTable(handoverCountColumns, func() int { return s.countRows() }, s.countText,
		func(col int) string { return T(handoverCountColumns[col].key) }, func(int) {})
	s.conflicts = newRowTable(handoverConflictColumns, func() int { return s.conflictRows() }, s.conflictText,
		func(col int) string { return T(handoverConflictColumns[col].key) }, func(int) {})
	conflictsHead := widget.NewLabelWithStyle(T("handover.conflicts"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	split := container.NewVSplit(s.counts, container.NewBorder(conflictsHead, nil, nil, nil, s.conflicts))
	split.Offset = 0.5
	s.importPDF = pdfButton(T("pdf.print_berita_acara"), func() {
		if s.loadedPkg != nil {
			s.u.printPDF(beritaAcaraName(s.loadedPkg.FileName), s.beritaAcaraOfPackage(s.loadedPkg))
		}
	})
	s.importPDF.Disable()
	top := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.chooseBtn, s.importBtn, s.importPDF), s.pkgLabel),
		container.NewBorder(nil, nil, nil, s.importCancelBtn(), s.importBar), s.summary)
	return container.NewBorder(top, nil, nil, nil, split)
}

func (s *handoverScreen) historyView() fyne.CanvasObject {
	s.history = newRowTable(handoverHistoryColumns, func() int { return len(s.imports) }, s.historyText,
		func(col int) string { return T(handoverHistoryColumns[col].key) }, func(int) {})
	return s.history
}

func (s *handoverScreen) choose() {
	d := s.u.newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		s.loadAsking(r.URI().Path()) // pdp_handover.go
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{handover.Ext}))
	d.Show()
}

// load reads and verifies a package and previews its import (a dry run in
// a transaction that is rolled back), off the UI goroutine.
func (s *handoverScreen) load(path string) {
	if s.busy {
		return
	}
	s.busy, s.pkg, s.preview, s.result, s.loadedPkg = true, nil, nil, nil, nil
	s.pkgLabel.SetText(T("handover.reading", filepath.Base(path)))
	s.summary.SetText("")
	s.reloadTables()
	var p *handover.Package
	var res *wub.HandoverResult
	ctx, progress := s.startPreview(path) // handover_preview.go: bar, counts, Batal
	hold := s.run.hold
	s.u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		var err error
		if p, err = s.readPackage(path); err != nil { // pdp_handover.go
			return err
		}
		res, err = s.u.app.HandoverImport(ctx, p, app.HandoverImportOptions{DryRun: true, Progress: progress})
		return err
	}, func(err error) {
		s.busy = false
		if s.endPreview(path, err) {
			return
		}
		if err != nil {
			s.pkgLabel.SetText(filepath.Base(path) + ": " + userMessage(err))
			s.refresh()
			return
		}
		s.pkg, s.preview, s.result, s.loadedPkg = p, res, res, p
		m := p.Manifest
		s.pkgLabel.SetText(T("handover.package", p.FileName, m.From.FullName, m.To.FullName,
			wub.FormatLongDate(m.Date()), p.SHA256))
		s.showSummary(res, false)
		s.reloadTables()
		s.refresh()
	})
}

func (s *handoverScreen) showSummary(r *wub.HandoverResult, done bool) {
	t := r.Totals()
	n, same, conflicts := wub.FormatInt(t.New), wub.FormatInt(t.Matching), wub.FormatInt(t.Conflicts)
	text := T("handover.preview", n, same, conflicts)
	if done {
		text = T("handover.done", n, same, conflicts)
	}
	for _, a := range r.Agencies {
		text += "\n• " + a.Code + ": " + a.Text
	}
	s.summary.SetText(text)
}

func (s *handoverScreen) confirmImport() {
	if s.preview == nil {
		return
	}
	t := s.preview.Totals()
	s.u.confirm(T("handover.confirm_title"), T("handover.confirm", wub.FormatInt(t.New), s.pkg.Manifest.From.ShortName),
		T("handover.import"), s.commit)
}

// commit imports the previewed package in one transaction.
func (s *handoverScreen) commit() {
	p := s.pkg
	if p == nil || s.busy {
		return
	}
	s.busy = true
	s.refresh()
	s.importBar.SetValue(0)
	s.importBar.Show()
	var res *wub.HandoverResult
	var agencies wub.Agencies
	ctx := s.run.startImport(s.u.appCtx())
	hold := s.run.hold
	s.u.jobs.run(func() error {
		if hold != nil {
			hold()
		}
		var err error
		res, err = s.u.app.HandoverImport(ctx, p, app.HandoverImportOptions{Progress: func(done, total int) {
			s.u.jobs.deliver(func() { s.importBar.SetValue(float64(done) / float64(total)) })
		}})
		if err != nil {
			return err
		}
		agencies, err = s.u.app.Agencies(s.u.screenCtx())
		return err
	}, func(err error) {
		s.busy = false
		s.importBar.Hide()
		if s.run.endImport(err) {
			s.refresh() // the package stays chosen: nothing of it was imported
			s.u.notify(T("regency.handover_import_cancelled"))
			return
		}
		if err != nil {
			s.refresh()
			s.u.showError(err)
			return
		}
		s.u.agencies = agencies // the package may have changed which agencies run in which year
		// Imported: the tables show what was done, and the button stays off
		// until another package is chosen.
		s.pkg, s.preview, s.result = nil, nil, res
		s.showSummary(res, true)
		s.reloadTables()
		s.refresh()
		s.loadHistory()
		s.u.notify(T("handover.imported", p.FileName))
	})
}

func (s *handoverScreen) loadHistory() {
	load(s.u, nil, func(ctx context.Context) ([]wub.HandoverImport, error) {
		return s.u.app.HandoverImports(ctx)
	}, func(list []wub.HandoverImport) {
		s.imports = list
		s.history.Refresh()
	})
}

func (s *handoverScreen) reloadTables() {
	s.counts.Refresh()
	s.conflicts.Refresh()
}

// shownCounts are the record types the package holds (the others are
// noise to a clerk).
func (s *handoverScreen) shownCounts() []wub.HandoverCount {
	if s.result == nil {
		return nil
	}
	var out []wub.HandoverCount
	for _, c := range s.result.Counts {
		if c.InPackage > 0 {
			out = append(out, c)
		}
	}
	return out
}

func (s *handoverScreen) countRows() int { return len(s.shownCounts()) }

func (s *handoverScreen) countText(row, col int) string {
	cs := s.shownCounts()
	if row >= len(cs) {
		return ""
	}
	c := cs[row]
	switch col {
	case 0:
		return wub.HandoverKindLabel(c.Kind)
	case 1:
		return wub.FormatInt(c.InPackage)
	case 2:
		return wub.FormatInt(c.New)
	case 3:
		return wub.FormatInt(c.Matching)
	}
	return wub.FormatInt(c.Conflicts)
}

func (s *handoverScreen) conflictRows() int {
	if r := s.result; r != nil {
		return len(r.Conflicts)
	}
	return 0
}

func (s *handoverScreen) conflictText(row, col int) string {
	r := s.result
	if r == nil || row >= len(r.Conflicts) {
		return ""
	}
	c := r.Conflicts[row]
	switch col {
	case 0:
		return wub.HandoverKindLabel(c.Kind)
	case 1:
		return c.Key
	}
	if c.Note != "" {
		return c.Note
	}
	parts := make([]string, 0, len(c.Fields))
	for _, d := range c.Fields {
		parts = append(parts, T("handover.field_differs", d.Field, d.Receiver, d.Package))
	}
	return strings.Join(parts, "; ")
}

func (s *handoverScreen) historyText(row, col int) string {
	if row >= len(s.imports) {
		return ""
	}
	h := s.imports[row]
	name := func(code string) string {
		if a, ok := s.u.agencies.ByCode(code); ok {
			return a.NameOn(h.Date).Short
		}
		return code
	}
	switch col {
	case 0:
		return wub.FormatLongDate(h.Date)
	case 1:
		return name(h.From)
	case 2:
		return name(h.To)
	case 3:
		return h.FileName
	case 4:
		t := h.ImportedAt.In(wub.WIB)
		return fmt.Sprintf("%s %s", wub.ISO(t), t.Format("15:04"))
	case 5:
		return h.ImportedBy
	}
	return h.SHA256[:16] + "…"
}
