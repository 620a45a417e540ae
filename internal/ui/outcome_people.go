package ui

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

var outcomePeopleColumns = []tableColumn{
	{"col.nik", "", 152},
	{"col.name", "", 190},
	{"col.agency", "", 130},
	{"col.kecamatan", "", 110},
	{"col.trained_on", "", 92},
	{"hasil.col_stage", "", 170}, // headed by the stage's name
	{"col.days_to_business", "", 110},
}

// outcomeList is the list of the people behind an outcome figure. It is
// read with DB.OutcomePeople, which filters the same cohort the figure was
// counted from, so the list has as many people as the figure said (unless
// the register changed in between; the count shown is the list's).
type outcomeList struct {
	u         *App
	year      int
	stage     string
	title     string
	list      *pagedList[wub.PersonJourney] // the people, paged as Peserta (read whole: see wholeList)
	all       func() []wub.PersonJourney    // every person read (the export writes them)
	table     *rowTable
	count     *widget.Label
	exportBtn *widget.Button
	dlg       dialog.Dialog
}

func showOutcomePeople(u *App, st outcomeStore, year int, stage, agency, kec, title string) *outcomeList {
	p := &outcomeList{u: u, year: year, stage: stage, title: title}
	var fetch pageFetch[wub.PersonJourney]
	fetch, p.all = wholeList(func(ctx context.Context) ([]wub.PersonJourney, error) {
		return st.OutcomePeople(ctx, year, stage, agency, kec)
	})
	p.list = newPagedList(u, fetch)
	p.count = widget.NewLabel(T("kuota.people_loading"))
	p.table = newRowTable(outcomePeopleColumns, p.list.length, p.cellText,
		func(c int) string {
			if c == 5 {
				return wub.OutcomeLabel(stage)
			}
			return T(outcomePeopleColumns[c].key)
		}, func(int) {})
	p.table.onOpen = p.openRow
	p.list.table = p.table
	p.exportBtn = widget.NewButtonWithIcon(T("hasil.export_list"), theme.DownloadIcon(), p.export)
	p.exportBtn.Disable()
	p.list.onReload = func(total int, _ any) {
		p.count.SetText(T("kuota.people_count_person", wub.FormatInt(total)))
		if total > 0 {
			p.exportBtn.Enable()
		}
	}
	hint := widget.NewLabel(T("kuota.people_hint"))
	hint.Importance = widget.LowImportance
	top := container.NewBorder(nil, nil, nil, p.exportBtn, p.count)
	body := container.NewBorder(top, hint, nil, nil, p.table)
	p.dlg = dialog.NewCustom(title, T("button.close"), container.NewGridWrap(fyne.NewSize(990, 520), body), u.win)
	p.dlg.Show()
	p.list.reload()
	return p
}

func (p *outcomeList) agencyName(code string) string {
	if a, ok := p.u.agencies.ByCode(code); ok {
		return a.NameInYear(p.year).Short
	}
	return code
}

func (p *outcomeList) cellText(i, col int) string {
	r := p.list.row(i)
	if r == nil {
		return "…"
	}
	switch col {
	case 0:
		return wub.MaskNIK(r.NIK)
	case 1:
		return r.Name
	case 2:
		return p.agencyName(r.AgencyCode)
	case 3:
		if r.KecCode == "" {
			return wub.NoValue
		}
		return wub.Ref().KecamatanName(r.KecCode)
	case 4:
		return dateOrDash(r.Facts.TrainedOn)
	case 5:
		return dateOrDash(r.Facts.Date(p.stage))
	case 6:
		if d, ok := r.Facts.DaysToBusiness(); ok {
			return strconv.Itoa(d)
		}
		return wub.NoValue
	}
	return ""
}

func dateOrDash(t time.Time) string {
	if t.IsZero() {
		return wub.NoValue
	}
	return wub.FormatDate(t)
}

// openRow closes the list and opens the person in Peserta.
func (p *outcomeList) openRow(i int) {
	r := p.list.row(i)
	if r == nil || p.u.nav == nil {
		return
	}
	id := r.TraineeID
	p.dlg.Hide()
	p.u.nav.show("peserta")
	if s, ok := p.u.nav.built["peserta"].(*traineesScreen); ok {
		s.openTrainee(id)
	}
}

// export saves the list as a workbook.
func (p *outcomeList) export() {
	save := p.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		p.exportTo(w, w.URI().Name())
	})
	save.SetFileName(fmt.Sprintf("Hasil-WUB-%d-%s.xlsx", p.year, p.stage))
	save.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	save.Show()
}

// exportTo writes the list to w off the UI goroutine (tests call it with a
// file).
func (p *outcomeList) exportTo(w interface {
	Write([]byte) (int, error)
	Close() error
}, name string) {
	people := p.all()
	title := p.title + " — " + T("kuota.people_count_person", wub.FormatInt(len(people)))
	names := map[string]string{}
	for _, q := range people {
		names[q.AgencyCode] = p.agencyName(q.AgencyCode)
	}
	p.u.jobs.run(func() error {
		werr := xlsx.WriteOutcomePeople(w, title, people, func(code string) string { return names[code] })
		if cerr := w.Close(); werr == nil {
			werr = cerr
		}
		if werr == nil { // the copy log and an access row (issue 24)
			niks := make([]string, len(people))
			for i, q := range people {
				niks[i] = q.NIK
			}
			werr = p.u.app.Exported(p.u.appCtx(), name, title, niks)
		}
		return werr
	}, func(err error) {
		if err != nil {
			p.u.showError(err)
			return
		}
		p.u.notify(T("kuota.exported", name))
	})
}
