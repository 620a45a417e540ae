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

var dupColumns = []tableColumn{
	{"col.dup_score", "", 56}, {"col.dup_a", "", 190}, {"col.dup_b", "", 190}, {"col.dup_reason", "", 330},
}

// dupesScreen is "Kemungkinan ganda": the open pairs of likely duplicates,
// best first; the selected pair side by side (dupes_review.go) with
// Gabungkan and Bukan orang yang sama; and the merges, each of which can be
// undone.
type dupesScreen struct {
	u       *App
	root    fyne.CanvasObject
	summary *widget.Label
	table   *rowTable
	pairs   []wub.DupPair
	review  *dupReview

	merges      []wub.Merge
	mergeTable  *rowTable
	undoBtn     *widget.Button
	reloadQuery latest
}

var mergeColumns = []tableColumn{
	{"col.dup_merged_at", "", 150}, {"col.dup_kept", "", 220}, {"col.dup_dropped", "", 220}, {"col.audit_actor", "", 110},
	{"col.status", "", 110},
}

func newDupesScreen(u *App) screen {
	s := &dupesScreen{u: u}
	s.summary = widget.NewLabel("")
	s.summary.TextStyle.Bold = true
	s.table = newRowTable(dupColumns, func() int { return len(s.pairs) }, s.pairText,
		func(c int) string { return T(dupColumns[c].key) }, func(int) {})
	s.table.onSelect = func(i int) { s.review.show(s.pair(i)) }
	s.review = newDupReview(s)
	s.mergeTable = newRowTable(mergeColumns, func() int { return len(s.merges) }, s.mergeText,
		func(c int) string { return T(mergeColumns[c].key) }, func(int) {})
	s.mergeTable.onSelect = func(int) { s.updateUndo() }
	s.undoBtn = widget.NewButtonWithIcon(T("dup.undo"), theme.ContentUndoIcon(), s.undoMerge)
	reload := widget.NewButtonWithIcon(T("dup.reload"), theme.ViewRefreshIcon(), s.reload)

	title := widget.NewLabelWithStyle(T("nav.ganda"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(T("dup.intro"))
	intro.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(container.NewBorder(nil, nil, title, reload), intro, s.summary)
	pairs := container.NewHSplit(s.table, s.review.object())
	pairs.Offset = 0.42
	merges := container.NewBorder(container.NewBorder(nil, nil, nil, s.undoBtn,
		widget.NewLabelWithStyle(T("dup.merges"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), nil, nil, nil, s.mergeTable)
	tabs := container.NewAppTabs(
		container.NewTabItemWithIcon(T("dup.tab_pairs"), theme.SearchIcon(), pairs),
		container.NewTabItemWithIcon(T("dup.tab_merges"), theme.HistoryIcon(), merges))
	s.root = container.NewBorder(top, nil, nil, nil, tabs)
	s.updateUndo()
	return s
}

func (s *dupesScreen) object() fyne.CanvasObject { return s.root }

func (s *dupesScreen) shown() { s.reload() }

// canReview: operators (edit) and heads of office (sign-off) review pairs.
func (s *dupesScreen) canReview() bool { return s.u.can(wub.ActEdit) || s.u.can(wub.ActSignOff) }

func (s *dupesScreen) pair(i int) *wub.DupPair {
	if i < 0 || i >= len(s.pairs) {
		return nil
	}
	return &s.pairs[i]
}

func (s *dupesScreen) reload() {
	type found struct {
		pairs  []wub.DupPair
		merges []wub.Merge
	}
	s.summary.SetText(T("dup.scanning"))
	load(s.u, &s.reloadQuery, func(ctx context.Context) (found, error) {
		var r found
		var err error
		if r.pairs, err = s.u.app.LikelyDuplicates(ctx); err != nil {
			return r, err
		}
		r.merges, err = s.u.app.Merges(ctx, 200)
		return r, err
	}, func(r found) {
		pairs, merges := r.pairs, r.merges
		keep := s.pair(s.table.selected)
		s.pairs, s.merges = pairs, merges
		s.summary.SetText(T("dup.open_count", wub.FormatInt(len(pairs))))
		s.table.clearSelection()
		for i := range pairs {
			if keep != nil && pairs[i].A.ID == keep.A.ID && pairs[i].B.ID == keep.B.ID {
				s.table.selectRow(i)
			}
		}
		if s.table.selected < 0 && len(pairs) > 0 {
			s.table.selectRow(0)
		}
		s.table.Refresh()
		s.review.show(s.pair(s.table.selected))
		s.mergeTable.clearSelection()
		s.mergeTable.Refresh()
		s.updateUndo()
	})
}

// personText is how a side of a pair is named: name, masked NIK, agency
// and year.
func (s *dupesScreen) personText(p wub.DupPerson) string {
	out := p.Name + " · " + wub.MaskNIK(p.NIK)
	if w := agencyYear(s.u, p.Agency, p.Year); w != "" {
		out += " · " + w
	}
	return out
}

// agencyYear is "Disperindag 2022" (the agency's name in that year).
func agencyYear(u *App, code string, year int) string {
	if code == "" {
		return ""
	}
	name := code
	if a, ok := u.agencies.ByCode(code); ok {
		name = a.NameInYear(year).Short
	}
	return name + " " + strconv.Itoa(year)
}

func (s *dupesScreen) pairText(i, col int) string {
	p := s.pair(i)
	if p == nil {
		return ""
	}
	switch col {
	case 0:
		return strconv.Itoa(p.Score)
	case 1:
		return s.personText(p.A)
	case 2:
		return s.personText(p.B)
	case 3:
		return wub.DupReasonText(p.Reason)
	}
	return ""
}

func (s *dupesScreen) mergeText(i, col int) string {
	if i >= len(s.merges) {
		return ""
	}
	m := s.merges[i]
	switch col {
	case 0:
		return wub.FormatDate(m.At.Local()) + " " + m.At.Local().Format("15:04")
	case 1:
		return m.KeptName + " · " + wub.MaskNIK(m.KeptNIK)
	case 2:
		return m.DroppedName + " · " + wub.MaskNIK(m.DroppedNIK)
	case 3:
		return m.Actor
	case 4:
		if !m.UndoneAt.IsZero() {
			return T("dup.undone")
		}
		return T("dup.merged")
	}
	return ""
}

func (s *dupesScreen) selectedMerge() *wub.Merge {
	i := s.mergeTable.selected
	if i < 0 || i >= len(s.merges) {
		return nil
	}
	return &s.merges[i]
}

func (s *dupesScreen) updateUndo() {
	m := s.selectedMerge()
	if m != nil && m.UndoneAt.IsZero() && s.canReview() {
		s.undoBtn.Enable()
	} else {
		s.undoBtn.Disable()
	}
}

// undoMerge restores both records of the selected merge after a question.
func (s *dupesScreen) undoMerge() {
	m := s.selectedMerge()
	if m == nil || !m.UndoneAt.IsZero() {
		return
	}
	id := m.ID
	s.u.confirm(T("dup.undo"), T("dup.undo_confirm", m.KeptName, m.DroppedName), T("dup.undo"), func() {
		s.u.jobs.run(func() error {
			return s.u.app.UndoMerge(s.u.appCtx(), id)
		}, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("dup.undo_done"))
			s.reload()
		})
	})
}

// openTraineeRecord shows a trainee's form on the Peserta screen.
func openTraineeRecord(u *App, id int64) {
	if u.nav == nil {
		return
	}
	u.nav.show("peserta")
	if ts, ok := u.nav.screen("peserta").(*traineesScreen); ok {
		ts.openTrainee(id)
	}
}

// dupNote is the line "N kemungkinan ganda belum diperiksa" that Kuota and
// Kirim Laporan (the Rekap) show so that a head knows how firm a figure
// is; its button opens the review queue. Hidden when there is none.
type dupNote struct {
	u     *App
	label *widget.Label
	box   *fyne.Container
	query latest
}

func newDupNote(u *App) *dupNote {
	n := &dupNote{u: u, label: widget.NewLabel("")}
	n.label.Importance = widget.WarningImportance
	n.label.Wrapping = fyne.TextWrapWord
	btn := widget.NewButtonWithIcon(T("dup.review"), theme.SearchIcon(), func() { u.nav.show("ganda") })
	n.box = container.NewBorder(nil, nil, nil, btn, n.label)
	n.box.Hide()
	return n
}

func (n *dupNote) refresh() {
	if n.u.app == nil {
		return
	}
	ctx, current := n.query.start(n.u.screenCtx())
	var count int
	n.u.jobs.run(func() error {
		var err error
		count, err = n.u.app.OpenDuplicateCount(ctx)
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		if count == 0 {
			n.box.Hide()
			return
		}
		n.label.SetText(T("dup.open_count", wub.FormatInt(count)))
		n.box.Show()
	})
}
