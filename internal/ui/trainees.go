package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// traineeStore is what the Peserta screen needs from the store.
type traineeStore interface {
	ListTrainees(ctx context.Context, f wub.TraineeFilter, offset, limit int) (wub.TraineeList, error)
	Trainee(ctx context.Context, id int64) (*wub.Trainee, error)
	CheckTrainee(ctx context.Context, t *wub.Trainee) (wub.Issues, error)
	CreateTrainee(ctx context.Context, t *wub.Trainee) (wub.Issues, error)
	UpdateTrainee(ctx context.Context, t *wub.Trainee) (wub.Issues, error)
	DeleteTrainee(ctx context.Context, id int64) error
	RestoreTrainee(ctx context.Context, id int64) error
	DescribeNIK(ctx context.Context, nik string) (int64, string, error)
}

const pageSize = 100

var traineeColumns = []tableColumn{
	{"col.nik", wub.SortNIK, 158},
	{"col.name", wub.SortName, 200},
	{"col.sex", wub.SortSex, 40},
	{"col.desa", wub.SortDesa, 135},
	{"col.kecamatan", wub.SortKecamatan, 105},
	{"col.agency", wub.SortAgency, 160},
	{"col.year", wub.SortYear, 58},
	{"col.status", wub.SortStatus, 80},
}

// traineesScreen is Peserta: the searchable list, and the form in its place
// when a record is opened.
type traineesScreen struct {
	u     *App
	store traineeStore
	stack *fyne.Container

	// list
	listView  fyne.CanvasObject
	search    *entry
	year      *widget.Select
	agency    *widget.Select
	kecamatan *widget.Select
	status    *widget.Select
	view      *widget.Select
	count     *widget.Label
	table     *rowTable
	newBtn    *widget.Button
	openBtn   *widget.Button
	deleteBtn *widget.Button
	empty     *emptyState

	filter     wub.TraineeFilter
	list       *pagedList[wub.TraineeRow]
	entryOrder bool // a broad search shown in entry order: sorting waits for more letters

	form    *traineeForm // non-nil while the form is shown
	undated *undatedView // Data perlu dilengkapi
}

func newTraineesScreen(u *App) screen {
	s := &traineesScreen{u: u, store: u.app}
	s.filter.Sort = wub.SortName
	s.list = newPagedList(u, s.fetchFor(s.filter))
	s.list.onReload = s.reloaded
	s.buildList()
	s.stack = container.NewStack(s.listView)
	return s
}

func (s *traineesScreen) object() fyne.CanvasObject { return s.stack }

func (s *traineesScreen) shown() {
	if s.form == nil {
		s.reload()
		s.undated.refresh()
	}
}

func (s *traineesScreen) buildList() {
	s.search = newEntry(func() { s.handle(actionEscape) })
	s.search.SetPlaceHolder(T("peserta.search_hint"))
	s.search.OnChanged = func(text string) {
		s.filter.Text = text
		s.reload()
	}
	s.search.OnSubmitted = func(string) {
		if s.list.total > 0 {
			if s.table.selected < 0 {
				s.table.selectRow(0)
			}
			s.openRow(s.table.selected)
		}
	}

	years := []string{T("filter.all_years")}
	for y := s.u.today().Year() + 1; y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	s.year = newSelect(years, func(v string) {
		s.filter.Year, _ = strconv.Atoi(v)
		s.reload()
	})
	s.year.SetSelectedIndex(0)

	agencyCodes := []string{""}
	agencyNames := []string{T("filter.all_agencies")}
	for _, a := range s.u.agencies.Sorted() {
		agencyCodes = append(agencyCodes, a.Code)
		agencyNames = append(agencyNames, a.NameOn(s.u.today()).Short)
	}
	s.agency = newSelect(agencyNames, func(string) {
		s.filter.AgencyCode = agencyCodes[s.agency.SelectedIndex()]
		s.reload()
	})
	s.agency.SetSelectedIndex(0)

	kecCodes := []string{""}
	kecNames := []string{T("filter.all_kecamatan")}
	for _, k := range wub.Ref().Kecamatan {
		kecCodes = append(kecCodes, k.Code)
		kecNames = append(kecNames, k.Name)
	}
	s.kecamatan = newSelect(kecNames, func(string) {
		s.filter.KecCode = kecCodes[s.kecamatan.SelectedIndex()]
		s.reload()
	})
	s.kecamatan.SetSelectedIndex(0)

	statusCodes := append([]string{""}, wub.Statuses...)
	statusNames := []string{T("filter.all_status")}
	for _, st := range wub.Statuses {
		statusNames = append(statusNames, wub.StatusLabel(st))
	}
	s.status = newSelect(statusNames, func(string) {
		s.filter.Status = statusCodes[s.status.SelectedIndex()]
		s.reload()
	})
	s.status.SetSelectedIndex(0)

	s.view = newSelect([]string{T("peserta.view_active"), T("peserta.view_deleted")}, func(string) {
		s.filter.Deleted = s.view.SelectedIndex() == 1
		s.updateButtons()
		s.reload()
	})
	s.view.SetSelectedIndex(0)

	s.count = widget.NewLabel("")
	s.count.TextStyle.Bold = true

	s.table = newRowTable(traineeColumns, s.list.length, s.cellText, s.headerText, s.sortBy)
	s.list.table = s.table
	s.table.onOpen = s.openRow
	s.table.onSelect = func(int) { s.updateButtons() }

	s.newBtn = widget.NewButtonWithIcon(T("peserta.new"), theme.ContentAddIcon(), s.newTrainee)
	s.newBtn.Importance = widget.HighImportance
	s.openBtn = widget.NewButtonWithIcon(T("button.open"), theme.DocumentIcon(), func() { s.openRow(s.table.selected) })
	s.deleteBtn = widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), s.deleteOrRestore)
	s.updateButtons()
	s.undated = newUndatedView(s)

	title := widget.NewLabelWithStyle(T("nav.peserta"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, s.undated.bar(s.openBtn, s.deleteBtn, s.newBtn)),
		container.NewBorder(nil, nil, nil, s.count, s.search),
		container.NewGridWithColumns(5, s.year, s.agency, s.kecamatan, s.status, s.view),
	)
	s.empty = newEmptyState(s.u, s.newTrainee) // emptystate.go
	s.listView = container.NewBorder(top, nil, nil, nil, container.NewStack(s.table, s.empty.box))
}

func (s *traineesScreen) updateButtons() {
	if s.deleteBtn == nil { // a Select fired while the screen is being built
		return
	}
	has := s.table != nil && s.table.selected >= 0 && s.list.row(s.table.selected) != nil
	if s.filter.Deleted {
		s.deleteBtn.SetText(T("button.restore"))
		s.deleteBtn.SetIcon(theme.ContentUndoIcon())
	} else {
		s.deleteBtn.SetText(T("button.delete"))
		s.deleteBtn.SetIcon(theme.DeleteIcon())
	}
	if !s.u.can(wub.ActEdit) { // kepala: view only (the store refuses changes too)
		s.newBtn.Disable()
		s.deleteBtn.Disable()
		if has {
			s.openBtn.Enable()
		} else {
			s.openBtn.Disable()
		}
		return
	}
	for _, b := range []*widget.Button{s.openBtn, s.deleteBtn} {
		if has {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// reload counts and loads the first page for the current filter (the
// paged list shows only the newest answer, so fast typing never shows stale
// rows).
func (s *traineesScreen) reload() {
	if s.table == nil {
		return
	}
	s.list.fetch = s.fetchFor(s.filter)
	s.list.reload()
}

// fetchFor reads pages of the list for a filter (a copy: fetches run off
// the UI goroutine while the clerk goes on typing).
func (s *traineesScreen) fetchFor(f wub.TraineeFilter) pageFetch[wub.TraineeRow] {
	return func(ctx context.Context, offset, limit int) (page[wub.TraineeRow], error) {
		list, err := s.store.ListTrainees(ctx, f, offset, limit)
		return page[wub.TraineeRow]{rows: list.Rows, total: list.Total, info: list}, err
	}
}

// reloaded shows the count of a new first page.
func (s *traineesScreen) reloaded(total int, info any) {
	list, _ := info.(wub.TraineeList)
	s.u.milestone("peserta_list_filled")
	s.entryOrder = list.EntryOrder
	switch {
	case list.EntryOrder:
		// A broad search: the first matches in the order entered; typing
		// more narrows and sorts again (keeps every keystroke instant).
		s.count.SetText(T("peserta.count_more_search", wub.FormatInt(total)))
	case list.More:
		s.count.SetText(T("peserta.count_more", wub.FormatInt(total)))
	default:
		s.count.SetText(T("peserta.count", wub.FormatInt(total)))
	}
	s.empty.update(s.filter, total, s.table)
	s.updateButtons()
}

func (s *traineesScreen) cellText(i, col int) string {
	r := s.list.row(i)
	if r == nil {
		return "…"
	}
	switch col {
	case 0:
		return wub.MaskNIK(r.NIK) // lists mask the NIK (docs/PRIVACY.md)
	case 1:
		return r.Name
	case 2:
		return sexCell(r.Sex)
	case 3:
		return r.DesaName
	case 4:
		return r.KecName
	case 5:
		if a, ok := s.u.agencies.ByCode(r.AgencyCode); ok {
			return a.NameInYear(r.Year).Short
		}
		return r.AgencyCode
	case 6:
		if r.Year == 0 {
			return ""
		}
		return strconv.Itoa(r.Year)
	case 7:
		return wub.StatusLabel(r.Status)
	}
	return ""
}

func (s *traineesScreen) headerText(col int) string {
	c := traineeColumns[col]
	t := T(c.key)
	if c.sort == s.filter.Sort && !s.entryOrder {
		if s.filter.Desc {
			return t + " ▼"
		}
		return t + " ▲"
	}
	return t
}

func (s *traineesScreen) sortBy(col int) {
	key := traineeColumns[col].sort
	if key == "" {
		return
	}
	if s.filter.Sort == key {
		s.filter.Desc = !s.filter.Desc
	} else {
		s.filter.Sort, s.filter.Desc = key, false
	}
	s.reload()
}

func (s *traineesScreen) openRow(i int) {
	r := s.list.row(i)
	if r == nil {
		return
	}
	if s.filter.Deleted {
		s.deleteOrRestore()
		return
	}
	s.openTrainee(r.ID)
}

func (s *traineesScreen) openTrainee(id int64) {
	load(s.u, nil, func(ctx context.Context) (*wub.Trainee, error) {
		return s.store.Trainee(ctx, id)
	}, func(t *wub.Trainee) {
		s.showForm(t)
	})
}

func (s *traineesScreen) newTrainee() {
	t := &wub.Trainee{Enrolments: []wub.Enrolment{{
		AgencyCode: s.u.office.AgencyCode, Year: s.u.today().Year(), Status: wub.StatusRegistered,
	}}}
	s.showForm(t)
}

func (s *traineesScreen) showForm(t *wub.Trainee) {
	s.form = newTraineeForm(s, t)
	s.stack.Objects = []fyne.CanvasObject{s.form.object()}
	s.stack.Refresh()
	s.form.focusFirst()
}

// closeForm returns to the list, reloading it when something changed.
func (s *traineesScreen) closeForm(changed bool) {
	s.form = nil
	s.stack.Objects = []fyne.CanvasObject{s.listView}
	s.stack.Refresh()
	if changed {
		s.undated.refresh()
	}
	if changed {
		s.reload()
	}
	s.u.focus(s.search)
}

func (s *traineesScreen) deleteOrRestore() {
	r := s.list.row(s.table.selected)
	if r == nil {
		return
	}
	id, name := r.ID, r.Name
	if s.filter.Deleted {
		s.u.jobs.run(func() error { return s.store.RestoreTrainee(s.u.appCtx(), id) }, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("peserta.restored", name))
			s.reload()
		})
		return
	}
	s.u.confirm(T("peserta.delete_title"), T("peserta.delete_confirm", name), T("button.delete"), func() {
		s.u.jobs.run(func() error { return s.store.DeleteTrainee(s.u.appCtx(), id) }, func(err error) {
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

// handle serves the menu shortcuts: Ctrl+N, Ctrl+S, Ctrl+F and Esc.
func (s *traineesScreen) handle(a action) {
	if s.form != nil {
		s.form.handle(a)
		return
	}
	switch a {
	case actionNew:
		if s.u.can(wub.ActEdit) {
			s.newTrainee()
		}
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
