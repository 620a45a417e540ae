package ui

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// roundStore is what the Kontrak screen needs from the store.
type roundStore interface {
	ContractRound(ctx context.Context, agencyCode string, newYear int) (*wub.ContractRound, error)
	Decide(ctx context.Context, agencyCode string, newYear int, ds []wub.ContractDecision) error
	RenewAll(ctx context.Context, agencyCode string, newYear int) error
	CreateRenewedContracts(ctx context.Context, agencyCode string, newYear int) (wub.RenewalResult, error)
	Contracts(ctx context.Context, f wub.ContractFilter) ([]wub.Contract, error)
}

// Widths of the round's columns: facilitator (name, role, last contract),
// batches/lulus, mentored/target, visits, running, reports on time,
// decision (and whether the new contract exists), note. They fit the main
// window's content width, so that the head sees the decision next to the
// figures without scrolling.
// 815 px in all: the columns, Catatan included, fit a 1024×768 window (issue 19).
var roundWidths = []float32{145, 85, 102, 95, 78, 75, 140, 95}

// contractRoundScreen is Kontrak: the head's yearly decision on every
// facilitator of last year, from their record.
type contractRoundScreen struct {
	u     *App
	store roundStore

	agency    *codeSelect
	year      *widget.Select
	summary   *widget.Label
	rowsBox   *fyne.Container
	renewAll  *widget.Button
	createBtn *widget.Button
	exportBtn *widget.Button
	pdfBtn    *widget.Button // decision list as PDF (pdf_docs.go)
	root      fyne.CanvasObject

	round   *wub.ContractRound
	rows    []*roundRowView
	query   latest
	started bool
}

// roundRowView is one facilitator's line with the decision widgets.
type roundRowView struct {
	row      wub.RoundRow
	decision *codeSelect
	note     *blurEntry
	box      *fyne.Container
}

func newContractRoundScreen(u *App) screen {
	s := &contractRoundScreen{u: u, store: u.app}
	s.agency = agencyChoice(u, false, func(string) { s.load() })
	s.year = yearChoice(u, false, func(int) { s.load() })
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.rowsBox = container.NewVBox()
	s.renewAll = widget.NewButtonWithIcon(T("kontrak.renew_all"), theme.ConfirmIcon(), s.renewAllRows)
	s.createBtn = widget.NewButtonWithIcon(T("kontrak.create"), theme.DocumentCreateIcon(), s.createContracts)
	s.createBtn.Importance = widget.HighImportance
	s.exportBtn = widget.NewButtonWithIcon(T("kontrak.export"), theme.DownloadIcon(), s.export)
	s.pdfBtn = pdfButton(T("pdf.print_round"), s.printRound)

	title := widget.NewLabelWithStyle(T("nav.kontrak"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(T("kontrak.intro", wub.ReportDueDay))
	intro.Wrapping = fyne.TextWrapWord
	intro.Importance = widget.LowImportance
	wide := func(o fyne.CanvasObject, w float32) fyne.CanvasObject {
		return container.New(layout.NewGridWrapLayout(fyne.NewSize(w, o.MinSize().Height)), o)
	}
	choose := container.NewHBox(widget.NewLabel(T("field.agency")), wide(s.agency.Select, 240),
		widget.NewLabel(T("kontrak.for_year")), wide(s.year, 110))
	top := container.NewVBox(
		container.NewBorder(nil, nil, title, container.NewHBox(s.exportBtn, s.pdfBtn, s.renewAll, s.createBtn)),
		choose, intro, s.summary)
	table := container.NewScroll(container.NewVBox(s.header(), widget.NewSeparator(), s.rowsBox))
	s.root = container.NewBorder(top, nil, nil, nil, table)
	return s
}

func (s *contractRoundScreen) object() fyne.CanvasObject { return s.root }

// shown opens, the first time, the office's agency at the round it has to
// decide next: the year after its latest contracts.
func (s *contractRoundScreen) shown() {
	if s.started {
		s.load()
		return
	}
	s.started = true
	agency := s.u.office.AgencyCode
	var cs []wub.Contract
	s.u.jobs.run(func() error {
		var err error
		cs, err = s.store.Contracts(s.u.screenCtx(), wub.ContractFilter{AgencyCode: agency})
		return err
	}, func(err error) {
		year := s.u.today().Year()
		if err == nil && len(cs) > 0 && cs[0].Year+1 <= year+1 {
			year = cs[0].Year + 1
		}
		s.agency.setCode(agency) // both fire load; the newest result wins
		s.year.SetSelected(strconv.Itoa(year))
	})
}

func (s *contractRoundScreen) header() fyne.CanvasObject {
	keys := []string{"col.facilitator", "col.batches_lulus", "col.mentored", "col.visits",
		"col.running", "col.reports_on_time", "col.decision", "col.note"}
	cells := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		cells[i] = headerLabel(T(k))
	}
	return columnsRow(roundWidths, cells...)
}

func (s *contractRoundScreen) selection() (string, int) {
	y, _ := strconv.Atoi(s.year.Selected)
	return s.agency.code(), y
}

// load reads the round for the chosen agency and year.
func (s *contractRoundScreen) load() {
	agency, year := s.selection()
	if agency == "" || year == 0 {
		return
	}
	load(s.u, &s.query, func(ctx context.Context) (*wub.ContractRound, error) {
		return s.store.ContractRound(ctx, agency, year)
	}, s.show)
}

func (s *contractRoundScreen) show(r *wub.ContractRound) {
	s.round = r
	s.rows = nil
	s.rowsBox.Objects = nil
	for _, row := range r.Rows {
		v := s.rowView(row)
		s.rows = append(s.rows, v)
		s.rowsBox.Add(v.box)
	}
	if len(r.Rows) == 0 {
		s.rowsBox.Add(widget.NewLabel(T("kontrak.empty", s.u.agencyShort(r.AgencyCode, r.LastYear()), r.LastYear())))
	}
	s.rowsBox.Refresh()
	s.updateSummary()
}

func (s *contractRoundScreen) updateSummary() {
	r := s.round
	renew, notRenew, undecided := r.Counts()
	created := 0
	for _, row := range r.Rows {
		if row.NewContract != 0 {
			created++
		}
	}
	s.summary.SetText(T("kontrak.summary", len(r.Rows), r.LastYear(), renew, notRenew, undecided, created, r.Year))
	if len(r.Rows) == 0 {
		s.renewAll.Disable()
		s.createBtn.Disable()
	} else {
		s.renewAll.Enable()
		s.createBtn.Enable()
	}
}

func (s *contractRoundScreen) rowView(row wub.RoundRow) *roundRowView {
	v := &roundRowView{row: row}
	lc := row.LastContract
	spk := lc.SPKNumber
	if spk == "" {
		spk = T("kontrak.no_spk")
	}
	name := cellLabel(row.Name)
	name.TextStyle.Bold = true
	role := wub.RoleLabel(row.Role)
	if row.Status != wub.FacActive {
		role += " · " + wub.FacilitatorStatusLabel(row.Status)
	}
	labels := []string{
		fmt.Sprintf("%d / %d", row.BatchesRun, row.TraineesTrained),
		fmt.Sprintf("%d/%d\n%s", row.TraineesMentored, row.Target, wub.PercentText(row.TraineesMentored, row.Target)),
		strconv.Itoa(row.Visits),
		fmt.Sprintf("%d\n%s", row.BusinessRunning, wub.PercentText(row.BusinessRunning, row.TraineesMentored)),
		fmt.Sprintf("%d/%d", row.Reports.OnTime, row.Reports.Expected),
	}
	contract := cellLabel(spk + " · " + periodText(lc.StartDate, lc.EndDate))
	cells := []fyne.CanvasObject{container.NewVBox(name, cellLabel(role), contract)}
	for _, t := range labels {
		cells = append(cells, cellLabel(t))
	}
	var labelsD []string
	for _, d := range wub.Decisions {
		labelsD = append(labelsD, wub.DecisionLabel(d))
	}
	v.decision = newCodeSelect(wub.Decisions, labelsD, nil)
	v.decision.setCode(row.CurrentDecision())
	v.decision.OnChanged = func(string) { s.decide(v) }
	v.note = newBlurEntry(func() { s.decideNote(v) })
	v.note.SetText(row.Decision.Note)
	v.note.SetPlaceHolder(T("kontrak.note_hint"))
	v.note.OnSubmitted = func(string) { s.decideNote(v) }
	decision := container.NewVBox(v.decision.Select)
	if row.NewContract != 0 {
		made := widget.NewLabel("✓ " + T("kontrak.made", s.round.Year))
		made.Importance = widget.SuccessImportance
		decision.Add(made)
	}
	cells = append(cells, decision, container.NewVBox(v.note))
	v.box = container.NewVBox(columnsRow(roundWidths, cells...), widget.NewSeparator())
	return v
}

// decide records a changed decision (with the note as typed).
func (s *contractRoundScreen) decide(v *roundRowView) {
	d := wub.ContractDecision{FacilitatorID: v.row.FacilitatorID, Decision: v.decision.code(), Note: v.note.Text}
	if d.Decision == v.row.CurrentDecision() && d.Note == v.row.Decision.Note {
		return
	}
	s.save([]wub.ContractDecision{d}, func() {
		v.row.Decision.Decision, v.row.Decision.Note = d.Decision, d.Note
		for i := range s.round.Rows {
			if s.round.Rows[i].FacilitatorID == v.row.FacilitatorID {
				s.round.Rows[i].Decision = v.row.Decision
			}
		}
		s.updateSummary()
		s.u.notify(T("kontrak.decided", v.row.Name, wub.DecisionLabel(d.Decision)))
	})
}

// decideNote records a changed note when the clerk leaves the field.
func (s *contractRoundScreen) decideNote(v *roundRowView) {
	if v.note.Text != v.row.Decision.Note {
		s.decide(v)
	}
}

func (s *contractRoundScreen) save(ds []wub.ContractDecision, done func()) {
	agency, year := s.selection()
	s.u.jobs.run(func() error {
		return s.store.Decide(s.u.appCtx(), agency, year, ds)
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			s.load()
			return
		}
		done()
	})
}

func (s *contractRoundScreen) renewAllRows() {
	agency, year := s.selection()
	s.u.jobs.run(func() error {
		return s.store.RenewAll(s.u.appCtx(), agency, year)
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("kontrak.renewed_all", len(s.rows)))
		s.load()
	})
}

// createContracts asks, then makes the new year's contracts.
func (s *contractRoundScreen) createContracts() {
	renew, _, _ := s.round.Counts()
	s.u.confirm(T("kontrak.create_title"), T("kontrak.create_confirm", renew, s.round.Year), T("kontrak.create"), s.doCreate)
}

func (s *contractRoundScreen) doCreate() {
	agency, year := s.selection()
	var res wub.RenewalResult
	s.u.jobs.run(func() error {
		var err error
		res, err = s.store.CreateRenewedContracts(s.u.appCtx(), agency, year)
		return err
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("kontrak.created", len(res.Created), year, len(res.Existing)))
		s.load()
	})
}

// export asks where to save the workbook and writes it.
func (s *contractRoundScreen) export() {
	if s.round == nil {
		return
	}
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if w == nil {
			return
		}
		s.exportTo(w)
	})
	d.SetFileName(fmt.Sprintf("Kontrak fasilitator %s %d.xlsx", s.u.agencyShort(s.round.AgencyCode, s.round.Year), s.round.Year))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// exportTo writes the round as it is on screen to w and closes it.
func (s *contractRoundScreen) exportTo(w io.WriteCloser) {
	r := *s.round
	a, _ := s.u.agencies.ByCode(r.AgencyCode)
	office, date := s.u.office, s.u.today()
	s.u.jobs.run(func() error {
		err := xlsx.WriteContractRound(w, &r, a, office, date)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		return err
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("kontrak.exported"))
	})
}
