package ui

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/xlsx"
)

// importScreen is Impor: choose (or drop) an office spreadsheet, check the
// detected sheet, header and columns, see what each row becomes, then
// import the accepted rows in one transaction or save the rejected ones.
type importScreen struct {
	u    *App
	root fyne.CanvasObject

	path string // the file being previewed
	rep  *xlsx.Report
	opts xlsx.Options
	view []int // indices of rep.Rows shown, after the filter

	chooseBtn *widget.Button
	fileLabel *widget.Label
	sheet     *widget.Select
	title     *widget.Label
	year      *widget.Entry
	agency    *codeSelect
	update    *widget.Check
	columns   *fyne.Container // one line per column: letter, header, field
	summary   *widget.Label
	filter    *widget.Select
	table     *rowTable
	importBtn *widget.Button
	errorsBtn *widget.Button
	allBtn    *widget.Button // Impor semua lembar, when other sheets hold a table
	notice    *widget.Label  // the file's remarks, or the import's result

	done           *importDone // set after an import: its result is shown
	relabeling     bool        // the agency options are being renamed
	targetQuestion string      // the last "another agency or year" question

	dupes    *importDupes // "mungkin orang yang sama" (import_dupes.go)
	facts    *importFacts // "sudah dilatih Disperindag 2022" (import_facts.go)
	busy     bool
	progress *widget.ProgressBar
	cancel   context.CancelFunc
}

// Row filters of the preview table.
const (
	viewAll = iota
	viewRejected
	viewWarnings
	viewSkipped
	viewAccepted
)

var importColumns = []tableColumn{
	{"col.row", "", 60},
	{"col.result", "", 110},
	{"col.nik", "", 158},
	{"col.name", "", 190},
	{"col.reason", "", 560},
}

func newImportScreen(u *App) screen {
	s := &importScreen{u: u}
	s.chooseBtn = widget.NewButtonWithIcon(T("import.choose"), theme.FolderOpenIcon(), s.choose)
	s.chooseBtn.Importance = widget.HighImportance
	s.fileLabel = widget.NewLabel(T("import.hint"))
	s.fileLabel.Wrapping = fyne.TextWrapWord
	s.sheet = newSelect(nil, func(name string) {
		if s.rep != nil && name != s.rep.Sheet {
			s.opts.Sheet, s.opts.Mapping = name, nil
			s.preview()
		}
	})
	s.title = widget.NewLabel("")
	s.title.Truncation = fyne.TextTruncateEllipsis
	s.year = widget.NewEntry()
	s.year.SetPlaceHolder("2022")
	s.year.OnChanged = func(string) { s.targetChanged() }
	codes, names := s.agencyLabels()
	s.agency = newCodeSelect(codes, names, func(string) {
		if !s.relabeling {
			s.targetChanged()
		}
	})
	s.update = widget.NewCheck(T("import.update_existing"), func(on bool) {
		if s.rep != nil && on != s.opts.UpdateExisting {
			s.opts.UpdateExisting = on
			s.preview()
		}
	})
	s.columns = container.NewVBox()
	s.summary = widget.NewLabel("")
	s.summary.TextStyle.Bold = true
	s.summary.Truncation = fyne.TextTruncateEllipsis
	s.filter = newSelect([]string{T("import.view_all"), T("import.view_rejected"), T("import.view_warnings"),
		T("import.view_skipped"), T("import.view_accepted")}, func(string) { s.refilter() })
	s.table = newRowTable(importColumns, func() int { return len(s.view) }, s.cellText,
		func(col int) string { return T(importColumns[col].key) }, func(int) {})
	s.importBtn = widget.NewButtonWithIcon(T("import.run", 0), theme.UploadIcon(), s.commit)
	s.importBtn.Importance = widget.HighImportance
	s.errorsBtn = widget.NewButtonWithIcon(T("import.save_errors"), theme.DocumentSaveIcon(), s.saveErrors)
	s.allBtn = widget.NewButtonWithIcon(T("import2.all_sheets", 0), theme.UploadIcon(), s.importAll)
	s.allBtn.Hide()
	s.notice = widget.NewLabel("")
	s.notice.Wrapping = fyne.TextWrapWord
	s.notice.Importance = widget.WarningImportance
	s.notice.Hide()
	s.filter.SetSelectedIndex(viewAll)

	head := widget.NewLabelWithStyle(T("nav.impor"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	labelled := func(label string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, widget.NewLabel(label), nil, o)
	}
	target := container.NewGridWithColumns(3, labelled(T("import.sheet"), s.sheet),
		labelled(T("field.agency"), s.agency.Select), labelled(T("field.year"), s.year))
	info := container.NewBorder(nil, nil, nil, s.update, s.title)
	columnsHead := widget.NewLabelWithStyle(T("import.columns"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewBorder(columnsHead, nil, nil, nil, container.NewVScroll(s.columns))
	right := container.NewBorder(container.NewBorder(nil, nil, nil, s.filter, s.summary), nil, nil, nil, s.table)
	split := container.NewHSplit(left, right)
	split.Offset = 0.3
	s.dupes = newImportDupes(s)
	s.facts = newImportFacts(s)
	top := container.NewVBox(
		container.NewBorder(nil, nil, head, container.NewHBox(s.errorsBtn, s.allBtn, s.importBtn, s.chooseBtn), s.fileLabel),
		target, info, s.notice, s.dupes.box, s.facts.box, widget.NewSeparator())
	s.root = container.NewBorder(top, nil, nil, nil, split)
	s.refresh()
	return s
}

func (s *importScreen) object() fyne.CanvasObject { return s.root }
func (s *importScreen) shown()                    {}

// choose opens the file dialog for .xlsx files.
func (s *importScreen) choose() {
	d := s.u.newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		r.Close()
		s.load(r.URI().Path())
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".XLSX", ".xls", ".XLS", ".csv", ".CSV"}))
	d.Show()
}

// load previews a file with fresh options: what the clerk dropped or chose.
func (s *importScreen) load(path string) {
	s.path = path
	s.opts = xlsx.Options{}
	s.done = nil
	s.year.SetText("")
	s.agency.ClearSelected()
	s.update.SetChecked(false)
	s.preview()
}

// preview reads the file again with the current options, off the UI goroutine.
func (s *importScreen) preview() {
	if s.path == "" || s.busy {
		return
	}
	s.busy = true
	s.done = nil
	s.fileLabel.SetText(T("import.reading", filepath.Base(s.path)))
	s.refresh()
	o := s.opts
	if y, err := strconv.Atoi(strings.TrimSpace(s.year.Text)); err == nil {
		o.Year = y
	}
	o.Agency = s.agency.code()
	var rep *xlsx.Report
	s.u.jobs.run(func() error {
		var err error
		rep, err = s.u.app.PreviewImport(s.u.screenCtx(), s.path, o)
		return err
	}, func(err error) {
		s.busy = false
		if err != nil {
			s.rep = nil
			s.showNotices()
			s.fileLabel.SetText(filepath.Base(s.path) + ": " + userMessage(err))
			s.refresh()
			return
		}
		s.show(rep)
	})
}

// show puts a fresh preview on screen.
func (s *importScreen) show(rep *xlsx.Report) {
	s.rep = rep
	detected := rep.Agency // before the year's OnChanged sets the target from the form
	s.fileLabel.SetText(T("import.file", rep.File))
	var names []string
	for _, sh := range rep.Sheets {
		if sh.HeaderRow > 0 {
			names = append(names, sh.Name)
		}
	}
	s.sheet.Options = names
	s.sheet.Selected = rep.Sheet
	s.sheet.Refresh()
	text := T("import.header_row", rep.HeaderRow)
	if len(rep.Title) > 0 {
		text += " " + T("import.title") + ": " + strings.Join(rep.Title, " · ")
	}
	s.title.SetText(text)
	if s.year.Text == "" && rep.Year > 0 {
		s.year.SetText(strconv.Itoa(rep.Year))
	}
	s.relabelAgencies()
	if s.agency.code() == "" {
		code := detected
		if code == "" {
			code = s.u.office.AgencyCode
		}
		s.agency.setCode(code)
	}
	s.buildColumns()
	s.showNotices()
	s.refilter()
	s.dupes.check(rep)
	s.facts.check(rep)
}

// buildColumns lists the header's columns, each with the field it is read
// as; changing one previews again with that mapping.
func (s *importScreen) buildColumns() {
	s.columns.Objects = nil
	labels := []string{T("import.field_none")}
	for _, f := range xlsx.Fields {
		labels = append(labels, fieldLabel(f))
	}
	for _, c := range s.rep.Columns {
		c := c
		sel := newSelect(labels, nil)
		if c.Field != "" {
			sel.SetSelected(fieldLabel(c.Field))
		} else {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = func(string) { s.mapColumn(c, sel.SelectedIndex()) }
		name := widget.NewLabel(c.Letter + "  " + c.Header)
		name.Truncation = fyne.TextTruncateEllipsis
		s.columns.Add(container.NewGridWithColumns(2, name, sel))
	}
	s.columns.Refresh()
}

// mapColumn reads column c as field number i of the select (0 = not read).
func (s *importScreen) mapColumn(c xlsx.Column, i int) {
	m := map[xlsx.Field]int{}
	for f, col := range s.rep.Mapping {
		m[f] = col
	}
	if c.Field != "" {
		m[c.Field] = -1
	}
	if i > 0 {
		f := xlsx.Fields[i-1]
		m[f] = c.Index
	}
	s.opts.Sheet, s.opts.Mapping = s.rep.Sheet, m
	s.preview()
}

// targetChanged takes the year and agency the clerk confirmed.
func (s *importScreen) targetChanged() {
	if s.rep == nil {
		return
	}
	y, _ := strconv.Atoi(strings.TrimSpace(s.year.Text))
	s.relabelAgencies()
	if s.done != nil {
		return // the import is written; the form no longer changes it
	}
	s.rep.SetTarget(s.agency.code(), y)
	s.showNotices()
	s.refresh()
}

func (s *importScreen) refilter() {
	s.view = s.view[:0]
	if s.rep != nil {
		mode := s.filter.SelectedIndex()
		for i, r := range s.rep.Rows {
			ok := false
			switch mode {
			case viewRejected:
				ok = r.Status == xlsx.Rejected
			case viewWarnings:
				ok = (r.Status == xlsx.Accepted || r.Status == xlsx.Update) && len(r.Warnings()) > 0
			case viewSkipped:
				ok = r.Status == xlsx.Skipped
			case viewAccepted:
				ok = r.Status == xlsx.Accepted || r.Status == xlsx.Update
			default:
				ok = true
			}
			if ok {
				s.view = append(s.view, i)
			}
		}
	}
	s.table.clearSelection()
	s.table.Refresh()
	s.refresh()
}

// refresh updates the summary and the buttons.
func (s *importScreen) refresh() {
	rep := s.rep
	s.refreshAll()
	if s.done != nil && !s.busy {
		s.refreshDone()
		return
	}
	if rep == nil || s.busy {
		s.summary.SetText("")
		s.importBtn.SetText(T("import.run", 0))
		s.importBtn.Disable()
		s.errorsBtn.Disable()
		s.chooseBtn.Enable()
		if s.busy {
			s.chooseBtn.Disable()
		}
		return
	}
	warned := 0
	for _, r := range rep.Rows {
		if (r.Status == xlsx.Accepted || r.Status == xlsx.Update) && len(r.Warnings()) > 0 {
			warned++
		}
	}
	s.summary.SetText(T("import.summary", rep.Accepted+rep.Updates, rep.Rejected, warned, rep.Skipped))
	s.importBtn.SetText(T("import.run", rep.Accepted+rep.Updates))
	s.chooseBtn.Enable()
	if rep.Accepted+rep.Updates > 0 && rep.Ready(s.u.agencies) == nil {
		s.importBtn.Enable()
	} else {
		s.importBtn.Disable()
	}
	if rep.Rejected > 0 {
		s.errorsBtn.Enable()
	} else {
		s.errorsBtn.Disable()
	}
}

func (s *importScreen) cellText(row, col int) string {
	if s.rep == nil || row >= len(s.view) {
		return ""
	}
	i := s.view[row]
	r := s.rep.Rows[i]
	switch col {
	case 0:
		return strconv.Itoa(r.Num)
	case 1:
		return resultLabel(r)
	}
	if r.Status == xlsx.Skipped {
		if col == 4 {
			return xlsx.SkipMessage(r.Skip())
		}
		return ""
	}
	d := s.rep.Detail(i)
	switch col {
	case 2:
		return d.Trainee.NIK
	case 3:
		return d.Trainee.Name
	}
	var msgs []string
	for _, is := range append(d.Issues.Errors(), d.Issues.Warnings()...) {
		msgs = append(msgs, is.Message())
	}
	return strings.Join(msgs, " ")
}
