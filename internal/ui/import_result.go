package ui

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/xlsx"
)

// importDone is what an import wrote, shown instead of a fresh preview
// (where every row would now read "NIK sudah terdaftar").
type importDone struct {
	sheets []sheetDone
}

type sheetDone struct {
	rep *xlsx.Report
	res app.ImportResult
}

func (d *importDone) totals() (inserted, updated, rejected, skipped int) {
	for _, s := range d.sheets {
		inserted += s.res.Inserted
		updated += s.res.Updated + s.res.Enrolled
		rejected += s.rep.Rejected
		skipped += s.rep.Skipped
	}
	return
}

// showNotices puts the file's remarks (another agency or year, hidden rows
// and columns, other tables) above the preview, or the import's result.
func (s *importScreen) showNotices() {
	var lines []string
	if s.done != nil {
		for _, d := range s.done.sheets {
			lines = append(lines, T("import2.done_sheet", d.rep.Sheet, d.res.Inserted, d.res.Updated+d.res.Enrolled,
				d.rep.Rejected, d.rep.Skipped))
		}
	} else if s.rep != nil {
		lines = s.rep.Notices()
	}
	s.notice.SetText(strings.Join(lines, "\n"))
	if len(lines) == 0 {
		s.notice.Hide()
	} else {
		s.notice.Show()
	}
}

// refreshDone sets the summary and buttons after an import.
func (s *importScreen) refreshDone() {
	ins, upd, rej, skip := s.done.totals()
	s.summary.SetText(T("import2.done_summary", ins, upd, rej, skip))
	s.importBtn.SetText(T("import2.imported"))
	s.importBtn.Disable()
	s.allBtn.Hide()
	s.chooseBtn.Enable()
	if rej > 0 {
		s.errorsBtn.Enable()
	} else {
		s.errorsBtn.Disable()
	}
}

// refreshAll shows "Impor semua lembar" when other sheets hold a table too.
func (s *importScreen) refreshAll() {
	rep := s.rep
	if rep == nil || s.busy || s.done != nil || len(rep.OtherTables) == 0 {
		s.allBtn.Hide()
		return
	}
	s.allBtn.SetText(T("import2.all_sheets", len(rep.OtherTables)+1))
	s.allBtn.Show()
	if rep.Ready(s.u.agencies) == nil {
		s.allBtn.Enable()
	} else {
		s.allBtn.Disable()
	}
}

// agencyLabels names each agency as it was called in the chosen program
// year (2022: "Diskop UKM", not its later name).
func (s *importScreen) agencyLabels() (codes, names []string) {
	year := s.u.today().Year()
	if y, err := strconv.Atoi(strings.TrimSpace(s.year.Text)); err == nil && y >= 2000 && y <= 2100 {
		year = y
	}
	for _, a := range s.u.agencies.Sorted() {
		codes = append(codes, a.Code)
		names = append(names, a.NameInYear(year).Short)
	}
	return codes, names
}

// relabelAgencies renames the agency options for the year in the form.
func (s *importScreen) relabelAgencies() {
	codes, names := s.agencyLabels()
	if strings.Join(names, "\x00") == strings.Join(s.agency.Options, "\x00") {
		return
	}
	s.relabeling = true
	s.agency.setOptions(codes, names)
	s.relabeling = false
}

// agencyName is the chosen agency's name in the chosen year.
func (s *importScreen) agencyName(code string, year int) string {
	if a, ok := s.u.agencies.ByCode(code); ok {
		return a.NameInYear(year).Short
	}
	return code
}

// confirmTarget asks once more when the file names another agency or year,
// naming the agency, the year and the rows; without such a remark the
// import goes ahead.
func (s *importScreen) confirmTarget(rows int, run func()) {
	rep := s.rep
	if len(rep.Target) == 0 {
		run()
		return
	}
	s.targetQuestion = T("import2.target_confirm", s.agencyName(rep.Agency, rep.Year), rep.Year, rows) + "\n\n" +
		strings.Join(targetMessages(rep), "\n")
	s.u.confirm(T("import2.target_title"), s.targetQuestion, T("import2.target_yes"), run)
}

func targetMessages(rep *xlsx.Report) []string {
	var out []string
	for _, w := range rep.Target {
		out = append(out, w.Message())
	}
	return out
}

// importAll imports the chosen sheet and every other sheet that holds a
// trainee table, one transaction per sheet, with the year, agency and
// choices of the preview.
func (s *importScreen) importAll() {
	rep := s.rep
	if rep == nil || s.busy || len(rep.OtherTables) == 0 {
		return
	}
	if err := rep.Ready(s.u.agencies); err != nil {
		s.u.showError(err)
		return
	}
	rows := rep.Accepted + rep.Updates
	for _, t := range rep.OtherTables {
		rows += t.Rows
	}
	s.confirmTarget(rows, s.runAll)
}

func (s *importScreen) runAll() {
	rep, path := s.rep, s.path
	o := s.opts
	o.Agency, o.Year, o.Mapping = rep.Agency, rep.Year, nil
	sheets := []string{rep.Sheet}
	for _, t := range rep.OtherTables {
		sheets = append(sheets, t.Sheet)
	}
	ctx, cancel := context.WithCancel(s.u.appCtx())
	s.cancel = cancel
	s.busy = true
	s.refresh()
	s.progress = widget.NewProgressBar()
	msg := widget.NewLabel(T("import2.importing_sheets", len(sheets)))
	msg.Wrapping = fyne.TextWrapWord
	var cancelBtn *widget.Button
	cancelBtn = widget.NewButton(T("button.cancel"), func() {
		cancel()
		cancelBtn.Disable()
	})
	d := dialog.NewCustomWithoutButtons(T("import.progress_title"),
		container.NewGridWrap(fyne.NewSize(460, 140), container.NewVBox(msg, s.progress, cancelBtn)), s.u.win)
	d.Show()
	done := &importDone{}
	s.u.jobs.run(func() error {
		for k, name := range sheets {
			if err := ctx.Err(); err != nil {
				return err
			}
			r := rep
			if k > 0 { // the chosen sheet is previewed already
				o.Sheet = name
				var err error
				if r, err = s.u.app.PreviewImport(ctx, path, o); err != nil {
					return err
				}
			}
			var res app.ImportResult
			if r.Accepted+r.Updates > 0 {
				var err error
				if res, err = s.u.app.ImportWorkbook(ctx, r, nil); err != nil {
					return err
				}
			}
			done.sheets = append(done.sheets, sheetDone{r, res})
			n := k + 1
			s.u.jobs.deliver(func() { s.progress.SetValue(float64(n) / float64(len(sheets))) })
		}
		return nil
	}, func(err error) {
		d.Hide()
		cancel()
		s.busy = false
		if len(done.sheets) > 0 {
			// Sheets already written stay written (each its own transaction).
			s.done = done
			s.showNotices()
		}
		if err != nil {
			s.u.showError(err)
		} else {
			ins, upd, _, _ := done.totals()
			s.u.notify(T("import.done", ins, upd, rep.File))
		}
		s.refresh()
	})
}

// writeDoneErrors writes the error report of each imported sheet with
// rejected rows: the first to path, the others beside it.
func writeDoneErrors(path string, done *importDone) error {
	first := true
	for _, d := range done.sheets {
		if d.rep.Rejected == 0 {
			continue
		}
		p := path
		if !first {
			ext := filepath.Ext(path)
			p = strings.TrimSuffix(path, ext) + "_" + fileSafe(d.rep.Sheet) + ext
		}
		first = false
		f, err := os.Create(p)
		if err != nil {
			return err
		}
		if err := xlsx.WriteErrors(f, d.rep); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}

func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>| `, r) {
			return '_'
		}
		return r
	}, s)
}
