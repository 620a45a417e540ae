package ui

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// batchStore is what the Angkatan screen needs from the store.
type batchStore interface {
	BatchSummaries(ctx context.Context, agencyCode string, year int, text string) ([]wub.BatchSummary, error)
	Batch(ctx context.Context, id int64) (*wub.Batch, error)
	CreateBatch(ctx context.Context, b *wub.Batch) error
	UpdateBatch(ctx context.Context, b *wub.Batch) error
	DeleteBatch(ctx context.Context, id int64) error
	BatchMembers(ctx context.Context, batchID int64) ([]wub.BatchMember, error)
	BatchHistory(ctx context.Context, batchID int64) ([]wub.BatchChange, error)
	EnrolInBatch(ctx context.Context, batchID int64, traineeIDs []int64, on time.Time) (wub.EnrolResult, error)
	MoveBatchMembers(ctx context.Context, fromID, toID int64, traineeIDs []int64, on time.Time, reason string) error
	RemoveFromBatch(ctx context.Context, batchID int64, traineeIDs []int64, on time.Time, reason string) error
	SetBatchCompletion(ctx context.Context, batchID int64, traineeIDs []int64, status string, on time.Time) error
	BatchFacilitators(ctx context.Context, batchID int64) ([]wub.FacilitatorRow, error)
	SetBatchFacilitators(ctx context.Context, batchID int64, ids []int64) error
	SearchFacilitators(ctx context.Context, f wub.FacilitatorFilter) ([]wub.FacilitatorRow, error)
	SearchTrainees(ctx context.Context, f wub.TraineeFilter, offset, limit int) ([]wub.TraineeRow, error)
}

var batchColumns = []tableColumn{
	{"col.agency", "", 130},
	{"col.year", "", 50},
	{"col.batch", "", 105},
	{"col.training_type", "", 140},
	{"col.period", "", 125},
	{"col.location", "", 140},
	{"col.members", "", 60},
	{"col.lulus", "", 50},
	{"col.facilitators", "", 130},
}

// batchesScreen is Angkatan: the batches of an agency and year, and a
// batch's page with its facilitators and trainees.
type batchesScreen struct {
	u     *App
	store batchStore
	stack *fyne.Container

	listView  fyne.CanvasObject
	search    *entry
	agency    *codeSelect
	year      *widget.Select
	count     *widget.Label
	table     *rowTable
	newBtn    *widget.Button
	openBtn   *widget.Button
	deleteBtn *widget.Button

	agencyCode string
	yearValue  int
	rows       []wub.BatchSummary
	query      latest

	detail *batchDetail // non-nil while a batch is open
}

func newBatchesScreen(u *App) screen {
	s := &batchesScreen{u: u, store: u.app}
	s.build()
	s.stack = container.NewStack(s.listView)
	return s
}

func (s *batchesScreen) object() fyne.CanvasObject { return s.stack }

func (s *batchesScreen) shown() {
	if s.detail == nil {
		s.reload()
	}
}

func (s *batchesScreen) build() {
	s.search = newEntry(func() { s.handle(actionEscape) })
	s.search.SetPlaceHolder(T("angkatan.search_hint"))
	s.search.OnChanged = func(string) { s.reload() }
	s.agency = agencyChoice(s.u, true, func(code string) { s.agencyCode = code; s.reload() })
	s.agency.setCode(s.u.office.AgencyCode)
	s.agencyCode = s.agency.code()
	s.year = yearChoice(s.u, true, func(y int) { s.yearValue = y; s.reload() })
	s.year.SetSelectedIndex(0)
	s.count = widget.NewLabel("")
	s.count.TextStyle.Bold = true
	s.table = newRowTable(batchColumns, func() int { return len(s.rows) }, s.cellText,
		func(col int) string { return T(batchColumns[col].key) }, func(int) {})
	s.table.onOpen = s.openRow
	s.table.onSelect = func(int) { s.updateButtons() }
	s.newBtn = widget.NewButtonWithIcon(T("angkatan.new"), theme.ContentAddIcon(), s.newBatch)
	s.newBtn.Importance = widget.HighImportance
	s.openBtn = widget.NewButtonWithIcon(T("button.open"), theme.DocumentIcon(), func() { s.openRow(s.table.selected) })
	s.deleteBtn = widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), s.deleteSelected)
	s.updateButtons()
	title := widget.NewLabelWithStyle(T("nav.angkatan"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, container.NewHBox(s.openBtn, s.deleteBtn, s.newBtn)),
		container.NewBorder(nil, nil, nil, s.count, s.search),
		container.NewGridWithColumns(2, s.agency.Select, s.year),
	)
	s.listView = container.NewBorder(top, nil, nil, nil, s.table)
}

func (s *batchesScreen) updateButtons() {
	if s.deleteBtn == nil {
		return
	}
	for _, b := range []*widget.Button{s.openBtn, s.deleteBtn} {
		if s.table.selected >= 0 && s.table.selected < len(s.rows) {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (s *batchesScreen) reload() {
	if s.table == nil || s.search == nil {
		return
	}
	agency, year, text := s.agencyCode, s.yearValue, s.search.Text
	load(s.u, &s.query, func(ctx context.Context) ([]wub.BatchSummary, error) {
		return s.store.BatchSummaries(ctx, agency, year, text)
	}, func(rows []wub.BatchSummary) {
		s.rows = rows
		members, lulus := 0, 0
		for _, r := range rows {
			members, lulus = members+r.Members, lulus+r.Completed
		}
		s.count.SetText(T("angkatan.count", len(rows), wub.FormatInt(members), wub.FormatInt(lulus)))
		s.table.clearSelection()
		s.table.ScrollToTop()
		s.table.Refresh()
	})
}

func (s *batchesScreen) cellText(i, col int) string {
	if i < 0 || i >= len(s.rows) {
		return ""
	}
	b := s.rows[i]
	switch col {
	case 0:
		return s.u.agencyShort(b.AgencyCode, b.Year)
	case 1:
		return strconv.Itoa(b.Year)
	case 2:
		return b.Name
	case 3:
		return b.TrainingType
	case 4:
		return periodText(b.StartDate, b.EndDate)
	case 5:
		return batchPlace(b.Batch)
	case 6:
		return strconv.Itoa(b.Members)
	case 7:
		return strconv.Itoa(b.Completed)
	case 8:
		return strings.Join(b.Facilitators, ", ")
	}
	return ""
}

// periodText writes a short period: "03/02–08/02/2023" within a year.
func periodText(start, end time.Time) string {
	switch {
	case start.IsZero():
		return ""
	case end.IsZero():
		return wub.FormatDate(start)
	case start.Year() == end.Year():
		return start.Format("02/01") + "–" + wub.FormatDate(end)
	}
	return wub.FormatDate(start) + "–" + wub.FormatDate(end)
}

// batchPlace is "Desa, Kecamatan" of a batch.
func batchPlace(b wub.Batch) string {
	ref := wub.Ref()
	var parts []string
	if b.DesaCode != "" {
		parts = append(parts, ref.DesaName(b.DesaCode))
	}
	if b.KecCode != "" {
		parts = append(parts, ref.KecamatanName(b.KecCode))
	}
	return strings.Join(parts, ", ")
}

func (s *batchesScreen) openRow(i int) {
	if i >= 0 && i < len(s.rows) {
		b := s.rows[i].Batch
		s.showDetail(&b)
	}
}

func (s *batchesScreen) newBatch() {
	year := s.yearValue
	if year == 0 {
		year = s.u.today().Year()
	}
	agency := s.agencyCode
	if agency == "" {
		agency = s.u.office.AgencyCode
	}
	s.showDetail(&wub.Batch{AgencyCode: agency, Year: year})
}

func (s *batchesScreen) showDetail(b *wub.Batch) {
	s.detail = newBatchDetail(s, b)
	s.stack.Objects = []fyne.CanvasObject{s.detail.object()}
	s.stack.Refresh()
}

func (s *batchesScreen) closeDetail() {
	s.detail = nil
	s.stack.Objects = []fyne.CanvasObject{s.listView}
	s.stack.Refresh()
	s.reload()
}

func (s *batchesScreen) deleteSelected() {
	if s.table.selected < 0 || s.table.selected >= len(s.rows) {
		return
	}
	s.deleteBatch(s.rows[s.table.selected].Batch)
}

func (s *batchesScreen) deleteBatch(b wub.Batch) {
	s.u.confirm(T("angkatan.delete_title"), T("angkatan.delete_confirm", b.Name), T("button.delete"), func() {
		s.u.jobs.run(func() error { return s.store.DeleteBatch(s.u.appCtx(), b.ID) }, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("angkatan.deleted", b.Name))
			if s.detail != nil {
				s.closeDetail()
			} else {
				s.reload()
			}
		})
	})
}

func (s *batchesScreen) handle(a action) {
	if s.detail != nil {
		s.detail.handle(a)
		return
	}
	switch a {
	case actionNew:
		s.newBatch()
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
