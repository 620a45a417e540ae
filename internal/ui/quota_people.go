package ui

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/software"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

var peopleColumns = []tableColumn{
	{"col.nik", "", 158},
	{"col.name", "", 210},
	{"col.sex", "", 40},
	{"col.desa", "", 130},
	{"col.kecamatan", "", 105},
	{"col.agency", "", 160},
	{"col.year", "", 58},
}

// peopleList is the list of people behind a dashboard figure, loaded a page
// at a time like the Peserta list.
type peopleList struct {
	u       *App
	store   quotaStore
	f       wub.FigureFilter
	total   int
	pages   map[int][]wub.TraineeRow
	loading map[int]bool
	table   *rowTable
	count   *widget.Label
	dlg     dialog.Dialog
}

// showPeople opens the list of people behind a figure. opening is the part
// of the figure that comes from opening balances, which have no names.
func showPeople(u *App, st quotaStore, f wub.FigureFilter, title string, opening int) *peopleList {
	p := &peopleList{u: u, store: st, f: f, pages: map[int][]wub.TraineeRow{}, loading: map[int]bool{}}
	p.count = widget.NewLabel(T("kuota.people_loading"))
	p.count.Wrapping = fyne.TextWrapWord
	p.table = newRowTable(peopleColumns, func() int { return p.total }, p.cellText, func(c int) string { return T(peopleColumns[c].key) }, func(int) {})
	p.table.onOpen = p.openRow
	note := widget.NewLabel("")
	note.Importance = widget.LowImportance
	if opening > 0 {
		note.SetText(T("kuota.people_opening", wub.FormatInt(opening)))
	} else {
		note.Hide()
	}
	hint := widget.NewLabel(T("kuota.people_hint"))
	hint.Importance = widget.LowImportance
	body := container.NewBorder(container.NewVBox(p.count, note), hint, nil, nil, p.table)
	p.dlg = dialog.NewCustom(title, T("button.close"), container.NewGridWrap(fyne.NewSize(900, 520), body), u.win)
	p.dlg.Show()
	var total int
	var first []wub.TraineeRow
	u.jobs.run(func() error {
		var err error
		if total, err = st.CountFigurePeople(context.Background(), f); err != nil {
			return err
		}
		first, err = st.FigurePeople(context.Background(), f, 0, pageSize)
		return err
	}, func(err error) {
		if err != nil {
			u.showError(err)
			return
		}
		p.total, p.pages[0] = total, first
		word := T("kuota.people_count_person")
		if f.Counting == wub.CountEnrolment {
			word = T("kuota.people_count_enrolment")
		}
		p.count.SetText(fmt.Sprintf(word, wub.FormatInt(p.total)))
		p.table.Refresh()
	})
	return p
}

func (p *peopleList) row(i int) *wub.TraineeRow {
	pg := i / pageSize
	rows, ok := p.pages[pg]
	if !ok {
		p.load(pg)
		return nil
	}
	if i%pageSize >= len(rows) {
		return nil
	}
	return &rows[i%pageSize]
}

func (p *peopleList) load(pg int) {
	if p.loading[pg] {
		return
	}
	p.loading[pg] = true
	var rows []wub.TraineeRow
	p.u.jobs.run(func() error {
		var err error
		rows, err = p.store.FigurePeople(context.Background(), p.f, pg*pageSize, pageSize)
		return err
	}, func(err error) {
		delete(p.loading, pg)
		if err != nil {
			p.u.showError(err)
			return
		}
		p.pages[pg] = rows
		p.table.Refresh()
	})
}

func (p *peopleList) cellText(i, col int) string {
	r := p.row(i)
	if r == nil {
		return "…"
	}
	switch col {
	case 0:
		return r.NIK
	case 1:
		return r.Name
	case 2:
		return sexCell(r.Sex)
	case 3:
		return r.DesaName
	case 4:
		return r.KecName
	case 5:
		if a, ok := p.u.agencies.ByCode(r.AgencyCode); ok {
			return a.NameInYear(r.Year).Short
		}
		return r.AgencyCode
	case 6:
		return strconv.Itoa(r.Year)
	}
	return ""
}

// openRow closes the list and opens the person in Peserta.
func (p *peopleList) openRow(i int) {
	r := p.row(i)
	if r == nil || p.u.nav == nil {
		return
	}
	p.dlg.Hide()
	p.u.nav.show("peserta")
	if s, ok := p.u.nav.built["peserta"].(*traineesScreen); ok {
		s.openTrainee(r.ID)
	}
}

// exportXLSX saves the dashboard as a workbook with native charts.
func (s *quotaScreen) exportXLSX() {
	d := s.d
	if d == nil {
		return
	}
	save := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		s.u.jobs.run(func() error {
			werr := xlsx.WriteDashboard(w, d)
			if cerr := w.Close(); werr == nil {
				werr = cerr
			}
			return werr
		}, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("kuota.exported", w.URI().Name()))
		})
	})
	save.SetFileName(fmt.Sprintf("Dasbor-Kuota-%d.xlsx", d.Query.Year))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	save.Show()
}

// exportPNG saves a picture of the dashboard for a report.
func (s *quotaScreen) exportPNG() {
	d := s.d
	if d == nil {
		return
	}
	save := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		img := dashboardImage(d)
		s.u.jobs.run(func() error {
			werr := png.Encode(w, img)
			if cerr := w.Close(); werr == nil {
				werr = cerr
			}
			return werr
		}, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("kuota.exported", w.URI().Name()))
		})
	})
	save.SetFileName(fmt.Sprintf("Dasbor-Kuota-%d.png", d.Query.Year))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".png"}))
	save.Show()
}

// dashboardImage renders a fresh dashboard view on a software canvas at
// twice the scale, so that the picture stays sharp in a printed report.
// It runs on the UI goroutine: it builds widgets.
func dashboardImage(d *wub.Dashboard) image.Image {
	v := newDashboardView(nil)
	v.show(d)
	title := widget.NewLabelWithStyle(T("kuota.report_title", d.Query.Year, wub.FormatLongDate(d.Query.AsOf)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	content := container.NewPadded(container.NewVBox(title, v.box))
	c := software.NewCanvas()
	c.SetScale(2)
	c.SetContent(content)
	c.Resize(fyne.NewSize(1200, content.MinSize().Height))
	return c.Capture()
}
