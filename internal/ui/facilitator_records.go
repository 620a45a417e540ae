package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// facilitatorRecords shows a saved facilitator's contracts, monthly
// reports, mentoring visits and status history, each with its buttons.
type facilitatorRecords struct {
	s   *facilitatorsScreen
	fac *wub.Facilitator

	contracts []wub.Contract
	reports   []wub.ActivityReport
	visits    []wub.Mentoring
	history   []wub.FacilitatorStatusChange

	contractTable, reportTable, visitTable, historyTable *rowTable

	dlg   *facDialog // the open add/edit dialog (tests reach it)
	root  fyne.CanvasObject
	query latest
}

var (
	contractColumns = []tableColumn{{"col.year", "", 50}, {"col.agency", "", 130}, {"col.spk", "", 150},
		{"col.assignment", "", 130}, {"col.period", "", 130}, {"col.assigned_kec", "", 100}, {"col.honorarium", "", 110},
		{"col.target", "", 55}}
	reportColumns = []tableColumn{{"col.month", "", 130}, {"col.submitted", "", 105}, {"col.on_time", "", 110},
		{"col.visited", "", 90}, {"col.activities", "", 420}}
	visitColumns = []tableColumn{{"col.date", "", 100}, {"col.name", "", 190}, {"col.business", "", 120},
		{"col.activities", "", 300}, {"col.photo", "", 160}}
	historyColumns = []tableColumn{{"col.status", "", 100}, {"col.since", "", 100}, {"col.reason", "", 330},
		{"col.recorded", "", 170}, {"col.by", "", 130}}
)

func newFacilitatorRecords(s *facilitatorsScreen, f *wub.Facilitator) *facilitatorRecords {
	r := &facilitatorRecords{s: s, fac: f}
	head := func(cols []tableColumn) func(int) string { return func(c int) string { return T(cols[c].key) } }
	none := func(int) {}
	r.contractTable = newRowTable(contractColumns, func() int { return len(r.contracts) }, r.contractText, head(contractColumns), none)
	r.contractTable.onOpen = func(i int) { r.editContract(&r.contracts[i]) }
	r.reportTable = newRowTable(reportColumns, func() int { return len(r.reports) }, r.reportText, head(reportColumns), none)
	r.reportTable.onOpen = func(i int) { r.editReport(&r.reports[i]) }
	r.visitTable = newRowTable(visitColumns, func() int { return len(r.visits) }, r.visitText, head(visitColumns), none)
	r.visitTable.onOpen = func(i int) { r.editVisit(&r.visits[i]) }
	r.historyTable = newRowTable(historyColumns, func() int { return len(r.history) }, r.historyText, head(historyColumns), none)

	tab := func(t *rowTable, add func(), del func(int)) fyne.CanvasObject {
		sized := container.New(layout.NewGridWrapLayout(fyne.NewSize(900, 210)), t)
		if add == nil {
			return sized
		}
		addBtn := widget.NewButtonWithIcon(T("button.add"), theme.ContentAddIcon(), add)
		editBtn := widget.NewButtonWithIcon(T("button.open"), theme.DocumentIcon(), func() {
			if t.selected >= 0 && t.onOpen != nil {
				t.onOpen(t.selected)
			}
		})
		delBtn := widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), func() {
			if t.selected >= 0 {
				del(t.selected)
			}
		})
		return container.NewVBox(container.NewHBox(addBtn, editBtn, delBtn), sized)
	}
	tabs := container.NewAppTabs(
		container.NewTabItem(T("fasilitator.tab_contracts"), tab(r.contractTable, r.addContract, r.deleteContract)),
		container.NewTabItem(T("fasilitator.tab_reports"), tab(r.reportTable, r.addReport, r.deleteReport)),
		container.NewTabItem(T("fasilitator.tab_visits"), tab(r.visitTable, r.addVisit, r.deleteVisit)),
		container.NewTabItem(T("fasilitator.tab_history"), tab(r.historyTable, nil, nil)),
	)
	r.root = tabs
	r.load()
	return r
}

func (r *facilitatorRecords) object() fyne.CanvasObject { return r.root }

// load reads all four lists in one job.
func (r *facilitatorRecords) load() {
	id := r.fac.ID
	var cs []wub.Contract
	var rs []wub.ActivityReport
	var vs []wub.Mentoring
	var hs []wub.FacilitatorStatusChange
	st := r.s.store
	ctx, current := r.query.start(r.s.u.screenCtx())
	r.s.u.jobs.run(func() error {
		var err error
		if cs, err = st.Contracts(ctx, wub.ContractFilter{FacilitatorID: id}); err != nil {
			return err
		}
		if rs, err = st.ActivityReports(ctx, id, 0); err != nil {
			return err
		}
		if vs, err = st.Mentorings(ctx, wub.MentoringFilter{FacilitatorID: id}); err != nil {
			return err
		}
		hs, err = st.FacilitatorStatusHistory(ctx, id)
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			r.s.u.showError(err)
			return
		}
		// Newest reports first, like the other lists.
		for i, j := 0, len(rs)-1; i < j; i, j = i+1, j-1 {
			rs[i], rs[j] = rs[j], rs[i]
		}
		r.contracts, r.reports, r.visits, r.history = cs, rs, vs, hs
		for _, t := range []*rowTable{r.contractTable, r.reportTable, r.visitTable, r.historyTable} {
			t.clearSelection()
			t.Refresh()
		}
	})
}

func (r *facilitatorRecords) contractText(i, col int) string {
	c := r.contracts[i]
	switch col {
	case 0:
		return strconv.Itoa(c.Year)
	case 1:
		return r.s.u.agencyShort(c.AgencyCode, c.Year)
	case 2:
		return c.SPKNumber
	case 3:
		return c.AssignmentNumber
	case 4:
		return periodText(c.StartDate, c.EndDate)
	case 5:
		return wub.Ref().KecamatanName(c.KecCode)
	case 6:
		return wub.FormatRupiah(c.Honorarium)
	case 7:
		return strconv.Itoa(c.TargetTrainees)
	}
	return ""
}

func (r *facilitatorRecords) reportText(i, col int) string {
	x := r.reports[i]
	switch col {
	case 0:
		return wub.MonthLabel(x.Month)
	case 1:
		return wub.FormatDate(x.SubmittedOn)
	case 2:
		if x.OnTime() {
			return T("fasilitator.on_time")
		}
		return T("fasilitator.late")
	case 3:
		return strconv.Itoa(x.TraineesVisited)
	case 4:
		return x.Activities
	}
	return ""
}

func (r *facilitatorRecords) visitText(i, col int) string {
	v := r.visits[i]
	switch col {
	case 0:
		return wub.FormatDate(v.Date)
	case 1:
		return v.TraineeName
	case 2:
		return wub.BusinessStateLabel(v.BusinessState)
	case 3:
		return v.Notes
	case 4:
		return v.PhotoPath
	}
	return ""
}

func (r *facilitatorRecords) historyText(i, col int) string {
	h := r.history[i]
	switch col {
	case 0:
		return wub.FacilitatorStatusLabel(h.Status)
	case 1:
		return wub.FormatDate(h.Date)
	case 2:
		return h.Reason
	case 3:
		return h.RecordedAt.Local().Format("02/01/2006 15:04")
	case 4:
		return h.RecordedBy
	}
	return ""
}

// remove deletes one record after asking.
func (r *facilitatorRecords) remove(what string, del func(ctx context.Context) error) {
	r.s.u.confirm(T("fasilitator.delete_record_title"), T("fasilitator.delete_record_confirm", what), T("button.delete"), func() {
		r.s.u.jobs.run(func() error { return del(r.s.u.appCtx()) }, func(err error) {
			if err != nil {
				r.s.u.showError(err)
				return
			}
			r.load()
		})
	})
}

func (r *facilitatorRecords) deleteContract(i int) {
	c := r.contracts[i]
	r.remove(r.s.u.agencyShort(c.AgencyCode, c.Year)+" "+strconv.Itoa(c.Year), func(ctx context.Context) error {
		return r.s.store.DeleteContract(ctx, c.ID)
	})
}

func (r *facilitatorRecords) deleteReport(i int) {
	x := r.reports[i]
	r.remove(wub.MonthLabel(x.Month), func(ctx context.Context) error { return r.s.store.DeleteActivityReport(ctx, x.ID) })
}

func (r *facilitatorRecords) deleteVisit(i int) {
	v := r.visits[i]
	r.remove(wub.FormatDate(v.Date)+" "+v.TraineeName, func(ctx context.Context) error { return r.s.store.DeleteMentoring(ctx, v.ID) })
}
