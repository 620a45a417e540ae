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
// at a time by the same paged list as Peserta.
type peopleList struct {
	u     *App
	list  *pagedList[wub.TraineeRow]
	table *rowTable
	count *widget.Label
	dlg   dialog.Dialog
}

// showPeople opens the list of people behind a figure. opening is the part
// of the figure that comes from opening balances, which have no names.
func showPeople(u *App, st quotaStore, f wub.FigureFilter, title string, opening int) *peopleList {
	p := &peopleList{u: u}
	p.list = newPagedList(u, func(ctx context.Context, offset, limit int) (page[wub.TraineeRow], error) {
		var pg page[wub.TraineeRow]
		var err error
		if offset == 0 { // a reload: the count with the first page
			if pg.total, err = st.CountFigurePeople(ctx, f); err != nil {
				return pg, err
			}
		}
		pg.rows, err = st.FigurePeople(ctx, f, offset, limit)
		return pg, err
	})
	p.count = widget.NewLabel(T("kuota.people_loading"))
	p.count.Wrapping = fyne.TextWrapWord
	p.table = newRowTable(peopleColumns, p.list.length, p.cellText, func(c int) string { return T(peopleColumns[c].key) }, func(int) {})
	p.table.onOpen = p.openRow
	p.list.table = p.table
	p.list.onReload = func(total int, _ any) {
		word := T("kuota.people_count_person")
		if f.Counting == wub.CountEnrolment {
			word = T("kuota.people_count_enrolment")
		}
		p.count.SetText(fmt.Sprintf(word, wub.FormatInt(total)))
	}
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
	p.list.reload()
	return p
}

func (p *peopleList) row(i int) *wub.TraineeRow { return p.list.row(i) }

func (p *peopleList) cellText(i, col int) string {
	r := p.row(i)
	if r == nil {
		return "…"
	}
	switch col {
	case 0:
		return wub.MaskNIK(r.NIK)
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
