package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// facilitatorStore is what the Fasilitator screen needs from the store.
type facilitatorStore interface {
	SearchFacilitators(ctx context.Context, f wub.FacilitatorFilter) ([]wub.FacilitatorRow, error)
	Facilitator(ctx context.Context, id int64) (*wub.Facilitator, error)
	CreateFacilitator(ctx context.Context, f *wub.Facilitator) (wub.Issues, error)
	UpdateFacilitator(ctx context.Context, f *wub.Facilitator) (wub.Issues, error)
	DeleteFacilitator(ctx context.Context, id int64) error
	RestoreFacilitator(ctx context.Context, id int64) error
	FacilitatorStatusHistory(ctx context.Context, id int64) ([]wub.FacilitatorStatusChange, error)
	Contracts(ctx context.Context, f wub.ContractFilter) ([]wub.Contract, error)
	CreateContract(ctx context.Context, c *wub.Contract) (wub.Issues, error)
	UpdateContract(ctx context.Context, c *wub.Contract) (wub.Issues, error)
	DeleteContract(ctx context.Context, id int64) error
	ActivityReports(ctx context.Context, facilitatorID int64, year int) ([]wub.ActivityReport, error)
	SaveActivityReport(ctx context.Context, r *wub.ActivityReport) error
	DeleteActivityReport(ctx context.Context, id int64) error
	MissingReports(ctx context.Context, agencyCode, month string) ([]wub.Contract, error)
	Mentorings(ctx context.Context, f wub.MentoringFilter) ([]wub.Mentoring, error)
	SaveMentoring(ctx context.Context, m *wub.Mentoring) error
	DeleteMentoring(ctx context.Context, id int64) error
	SearchTrainees(ctx context.Context, f wub.TraineeFilter, offset, limit int) ([]wub.TraineeRow, error)
}

var facilitatorColumns = []tableColumn{
	{"col.nik", "", 150},
	{"col.name", "", 180},
	{"col.role", "", 95},
	{"col.status", "", 75},
	{"col.expertise", "", 170},
	{"col.last_contract", "", 160},
	{"col.assigned_kec", "", 100},
}

// facilitatorsScreen is Fasilitator: the list (tens of people, loaded at
// once), who has not sent a monthly report, and the form with the
// facilitator's contracts, reports and visits.
type facilitatorsScreen struct {
	u     *App
	store facilitatorStore
	stack *fyne.Container

	listView  fyne.CanvasObject
	search    *entry
	status    *codeSelect
	agency    *codeSelect
	year      *widget.Select
	view      *widget.Select
	count     *widget.Label
	table     *rowTable
	newBtn    *widget.Button
	openBtn   *widget.Button
	deleteBtn *widget.Button
	month     *codeSelect
	missing   *widget.Label

	filter  wub.FacilitatorFilter
	rows    []wub.FacilitatorRow
	query   latest
	missesQ latest

	form *facilitatorForm // non-nil while the form is shown
}

func newFacilitatorsScreen(u *App) screen {
	s := &facilitatorsScreen{u: u, store: u.app}
	s.buildList()
	s.stack = container.NewStack(s.listView)
	return s
}

func (s *facilitatorsScreen) object() fyne.CanvasObject { return s.stack }

func (s *facilitatorsScreen) shown() {
	if s.form == nil {
		s.reload()
	}
}

func (s *facilitatorsScreen) buildList() {
	s.search = newEntry(func() { s.handle(actionEscape) })
	s.search.SetPlaceHolder(T("fasilitator.search_hint"))
	s.search.OnChanged = func(text string) { s.filter.Text = text; s.reload() }
	s.search.OnSubmitted = func(string) {
		if len(s.rows) > 0 {
			if s.table.selected < 0 {
				s.table.selectRow(0)
			}
			s.openRow(s.table.selected)
		}
	}
	var stLabels []string
	for _, st := range wub.FacilitatorStatuses {
		stLabels = append(stLabels, wub.FacilitatorStatusLabel(st))
	}
	s.status = newCodeSelect(append([]string{""}, wub.FacilitatorStatuses...), append([]string{T("filter.all_status")}, stLabels...),
		func(code string) { s.filter.Status = code; s.reload() })
	s.status.SetSelectedIndex(0)
	s.agency = agencyChoice(s.u, true, func(code string) { s.filter.AgencyCode = code; s.reload() })
	s.agency.SetSelectedIndex(0)
	s.year = yearChoice(s.u, true, func(y int) { s.filter.Year = y; s.reload() })
	s.year.SetSelectedIndex(0)
	s.view = newSelect([]string{T("peserta.view_active"), T("peserta.view_deleted")}, func(string) {
		s.filter.Deleted = s.view.SelectedIndex() == 1
		s.updateButtons()
		s.reload()
	})
	s.view.SetSelectedIndex(0)
	s.count = widget.NewLabel("")
	s.count.TextStyle.Bold = true

	s.table = newRowTable(facilitatorColumns, func() int { return len(s.rows) }, s.cellText,
		func(col int) string { return T(facilitatorColumns[col].key) }, func(int) {})
	s.table.onOpen = s.openRow
	s.table.onSelect = func(int) { s.updateButtons() }

	s.newBtn = widget.NewButtonWithIcon(T("fasilitator.new"), theme.ContentAddIcon(), s.newFacilitator)
	s.newBtn.Importance = widget.HighImportance
	s.openBtn = widget.NewButtonWithIcon(T("button.open"), theme.DocumentIcon(), func() { s.openRow(s.table.selected) })
	s.deleteBtn = widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), s.deleteOrRestore)
	s.updateButtons()

	// Who has not reported: the last twelve months, the previous one first
	// (the month whose report is being waited for).
	var months, labels []string
	first := time.Date(s.u.today().Year(), s.u.today().Month(), 1, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= 12; i++ {
		m := wub.FormatMonth(first.AddDate(0, -i, 0))
		months, labels = append(months, m), append(labels, wub.MonthLabel(m))
	}
	s.missing = widget.NewLabel("")
	s.missing.Wrapping = fyne.TextWrapWord
	s.month = newCodeSelect(months, labels, func(string) { s.loadMissing() })

	title := widget.NewLabelWithStyle(T("nav.fasilitator"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, container.NewHBox(s.openBtn, s.deleteBtn, s.newBtn)),
		container.NewBorder(nil, nil, nil, s.count, s.search),
		container.NewGridWithColumns(4, s.status.Select, s.agency.Select, s.year, s.view),
	)
	month := container.New(layout.NewGridWrapLayout(fyne.NewSize(170, s.month.MinSize().Height)), s.month.Select)
	reports := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(T("fasilitator.reports_for")), month), nil, s.missing)
	s.listView = container.NewBorder(top, container.NewVBox(widget.NewSeparator(), reports), nil, nil, s.table)
}

func (s *facilitatorsScreen) updateButtons() {
	if s.deleteBtn == nil {
		return
	}
	if s.filter.Deleted {
		s.deleteBtn.SetText(T("button.restore"))
		s.deleteBtn.SetIcon(theme.ContentUndoIcon())
	} else {
		s.deleteBtn.SetText(T("button.delete"))
		s.deleteBtn.SetIcon(theme.DeleteIcon())
	}
	has := s.table != nil && s.table.selected >= 0 && s.table.selected < len(s.rows)
	for _, b := range []*widget.Button{s.openBtn, s.deleteBtn} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (s *facilitatorsScreen) reload() {
	if s.table == nil {
		return
	}
	f := s.filter
	load(s.u, &s.query, func(ctx context.Context) ([]wub.FacilitatorRow, error) {
		return s.store.SearchFacilitators(ctx, f)
	}, func(rows []wub.FacilitatorRow) {
		s.rows = rows
		s.table.clearSelection()
		s.count.SetText(T("fasilitator.count", len(rows)))
		s.table.ScrollToTop()
		s.table.Refresh()
		s.updateButtons()
	})
	if s.month.SelectedIndex() < 0 {
		s.month.SetSelectedIndex(0) // loads the missing reports
	} else {
		s.loadMissing()
	}
}

// loadMissing lists who has no report for the chosen month among those
// whose contract ran in it (with the office's agency).
func (s *facilitatorsScreen) loadMissing() {
	month, agency := s.month.code(), s.u.office.AgencyCode
	if month == "" {
		return
	}
	var cs, running []wub.Contract
	ctx, current := s.missesQ.start(s.u.screenCtx())
	s.u.jobs.run(func() error {
		var err error
		if cs, err = s.store.MissingReports(ctx, agency, month); err != nil {
			return err
		}
		first, _ := wub.ParseMonth(month)
		running, err = s.store.Contracts(ctx, wub.ContractFilter{AgencyCode: agency, Year: first.Year()})
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			s.u.showError(err)
			return
		}
		ran := false
		for _, c := range running {
			ran = ran || c.Covers(month)
		}
		switch {
		case !ran:
			s.missing.SetText(T("fasilitator.no_contracts", wub.MonthLabel(month)))
			return
		case len(cs) == 0:
			s.missing.SetText(T("fasilitator.all_reported", wub.MonthLabel(month)))
			return
		}
		var names []string
		for _, c := range cs {
			names = append(names, c.FacilitatorName)
		}
		s.missing.SetText(T("fasilitator.not_reported", len(cs), strings.Join(names, ", ")))
	})
}

func (s *facilitatorsScreen) cellText(i, col int) string {
	if i < 0 || i >= len(s.rows) {
		return ""
	}
	r := s.rows[i]
	switch col {
	case 0:
		return wub.MaskNIK(r.NIK)
	case 1:
		return r.Name
	case 2:
		return wub.RoleLabel(r.Role)
	case 3:
		return wub.FacilitatorStatusLabel(r.Status)
	case 4:
		return r.Expertise
	case 5:
		if r.Year == 0 {
			return ""
		}
		return s.u.agencyShort(r.AgencyCode, r.Year) + " " + strconv.Itoa(r.Year)
	case 6:
		return wub.Ref().KecamatanName(r.AssignedKec)
	}
	return ""
}

func (s *facilitatorsScreen) openRow(i int) {
	if i < 0 || i >= len(s.rows) {
		return
	}
	if s.filter.Deleted {
		s.deleteOrRestore()
		return
	}
	s.openFacilitator(s.rows[i].ID)
}

func (s *facilitatorsScreen) openFacilitator(id int64) {
	load(s.u, nil, func(ctx context.Context) (*wub.Facilitator, error) {
		return s.store.Facilitator(ctx, id)
	}, func(f *wub.Facilitator) {
		s.showForm(f)
	})
}

func (s *facilitatorsScreen) newFacilitator() {
	s.showForm(&wub.Facilitator{Role: wub.RoleFacilitator, Status: wub.FacActive})
}

func (s *facilitatorsScreen) showForm(f *wub.Facilitator) {
	s.form = newFacilitatorForm(s, f)
	s.stack.Objects = []fyne.CanvasObject{s.form.object()}
	s.stack.Refresh()
	s.form.focusFirst()
}

func (s *facilitatorsScreen) closeForm(changed bool) {
	s.form = nil
	s.stack.Objects = []fyne.CanvasObject{s.listView}
	s.stack.Refresh()
	if changed {
		s.reload()
	}
}

func (s *facilitatorsScreen) deleteOrRestore() {
	var id int64
	var name string
	switch {
	case s.form != nil && s.form.orig.ID != 0:
		id, name = s.form.orig.ID, s.form.orig.Name
	case s.table.selected >= 0 && s.table.selected < len(s.rows):
		id, name = s.rows[s.table.selected].ID, s.rows[s.table.selected].Name
	default:
		return
	}
	if s.filter.Deleted && s.form == nil {
		s.u.jobs.run(func() error { return s.store.RestoreFacilitator(s.u.appCtx(), id) }, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("peserta.restored", name))
			s.reload()
		})
		return
	}
	s.u.confirm(T("fasilitator.delete_title"), T("peserta.delete_confirm", name), T("button.delete"), func() {
		s.u.jobs.run(func() error { return s.store.DeleteFacilitator(s.u.appCtx(), id) }, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("peserta.deleted", name))
			if s.form != nil {
				s.closeForm(true)
			} else {
				s.reload()
			}
		})
	})
}

func (s *facilitatorsScreen) handle(a action) {
	if s.form != nil {
		s.form.handle(a)
		return
	}
	switch a {
	case actionNew:
		s.newFacilitator()
	case actionFind:
		if c := fyne.CurrentApp().Driver().CanvasForObject(s.search); c != nil {
			c.Focus(s.search)
		}
	case actionEscape:
		if s.search.Text != "" {
			s.search.SetText("")
		}
	}
}
