package ui

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

var memberWidths = []float32{36, 210, 160, 150, 90, 100}

// batchMembers is the trainees part of a batch's page: the members with a
// tick each, what to do with the ticked ones, and enrolling more.
type batchMembers struct {
	s     *batchesScreen
	batch *wub.Batch

	members []wub.BatchMember
	picked  map[int64]bool // trainee → ticked
	list    *widget.List
	summary *widget.Label
	root    fyne.CanvasObject

	enrol *enrolDialog // open while enrolling (tests reach it)
	query latest
}

func newBatchMembers(s *batchesScreen, b *wub.Batch) *batchMembers {
	m := &batchMembers{s: s, batch: b, picked: map[int64]bool{}}
	m.summary = widget.NewLabel("")
	m.summary.TextStyle.Bold = true
	m.list = widget.NewList(func() int { return len(m.members) }, func() fyne.CanvasObject {
		return columnsRow(memberWidths, widget.NewCheck("", nil), cellLabel(""), cellLabel(""), cellLabel(""),
			cellLabel(""), cellLabel(""))
	}, func(i widget.ListItemID, o fyne.CanvasObject) {
		row := o.(*fyne.Container).Objects
		x := m.members[i]
		check := row[0].(*widget.Check)
		check.OnChanged = nil
		check.SetChecked(m.picked[x.TraineeID])
		check.OnChanged = func(on bool) { m.picked[x.TraineeID] = on; m.updateSummary() }
		for j, t := range []string{x.Name, wub.MaskNIK(x.NIK), x.DesaName, wub.StatusLabel(x.Status), wub.FormatDate(x.CompletedOn)} {
			row[j+1].(*widget.Label).SetText(t)
		}
	})
	btn := widget.NewButtonWithIcon
	add := btn(T("angkatan.enrol"), theme.ContentAddIcon(), m.openEnrol)
	add.Importance = widget.HighImportance
	actions := container.NewHBox(
		btn(T("angkatan.pick_all"), theme.CheckButtonCheckedIcon(), m.pickAll),
		btn(T("angkatan.mark_lulus"), theme.ConfirmIcon(), func() { m.setStatus(wub.StatusTrained) }),
		btn(T("angkatan.mark_dropped"), theme.CancelIcon(), func() { m.setStatus(wub.StatusDropped) }),
		btn(T("angkatan.mark_registered"), theme.ContentUndoIcon(), func() { m.setStatus(wub.StatusRegistered) }),
		btn(T("angkatan.move"), theme.NavigateNextIcon(), m.askMove),
		btn(T("angkatan.remove"), theme.ContentRemoveIcon(), m.askRemove),
		btn(T("angkatan.history"), theme.HistoryIcon(), m.showHistory),
		pdfButton(T("pdf.print_certificates"), m.printCertificates),
	)
	keys := []string{"", "col.name", "col.nik", "col.desa", "col.status", "col.completed"}
	heads := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		heads[i] = headerLabel("")
		if k != "" {
			heads[i] = headerLabel(T(k))
		}
	}
	top := container.NewVBox(container.NewBorder(nil, nil, m.summary, add), actions, columnsRow(memberWidths, heads...))
	m.root = container.NewBorder(top, nil, nil, nil, m.list)
	m.load()
	return m
}

func (m *batchMembers) object() fyne.CanvasObject { return m.root }

func (m *batchMembers) load() {
	id := m.batch.ID
	var ms []wub.BatchMember
	ctx, current := m.query.start(m.s.u.screenCtx())
	m.s.u.jobs.run(func() error {
		var err error
		ms, err = m.s.store.BatchMembers(ctx, id)
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			m.s.u.showError(err)
			return
		}
		m.members = ms
		in := map[int64]bool{}
		for _, x := range ms {
			in[x.TraineeID] = true
		}
		for id := range m.picked {
			if !in[id] {
				delete(m.picked, id)
			}
		}
		m.list.Refresh()
		m.updateSummary()
	})
}

func (m *batchMembers) updateSummary() {
	lulus, dropped, _ := wub.BatchCompletion(m.members)
	m.summary.SetText(T("angkatan.members_summary", len(m.members), lulus, dropped, len(m.pickedIDs())))
}

func (m *batchMembers) pickedIDs() []int64 {
	var ids []int64
	for _, x := range m.members {
		if m.picked[x.TraineeID] {
			ids = append(ids, x.TraineeID)
		}
	}
	return ids
}

func (m *batchMembers) pickAll() {
	all := len(m.pickedIDs()) < len(m.members)
	for _, x := range m.members {
		m.picked[x.TraineeID] = all
	}
	m.list.Refresh()
	m.updateSummary()
}

// act runs a change on the ticked trainees, then reloads the members.
func (m *batchMembers) act(work func(ctx context.Context, ids []int64) error, msg func(n int) string) {
	ids := m.pickedIDs()
	if len(ids) == 0 {
		m.s.u.notify(T("angkatan.pick_first"))
		return
	}
	m.s.u.jobs.run(func() error { return work(m.s.u.appCtx(), ids) }, func(err error) {
		if err != nil {
			m.s.u.showError(err)
			return
		}
		m.s.u.notify(msg(len(ids)))
		m.load()
	})
}

func (m *batchMembers) setStatus(status string) {
	m.act(func(ctx context.Context, ids []int64) error {
		return m.s.store.SetBatchCompletion(ctx, m.batch.ID, ids, status, time.Time{})
	}, func(n int) string { return T("angkatan.status_set", n, wub.StatusLabel(status)) })
}

// askMove offers the other batches of the same agency and year.
func (m *batchMembers) askMove() {
	if len(m.pickedIDs()) == 0 {
		m.s.u.notify(T("angkatan.pick_first"))
		return
	}
	var others []wub.BatchSummary
	b := m.batch
	m.s.u.jobs.run(func() error {
		var err error
		others, err = m.s.store.BatchSummaries(m.s.u.screenCtx(), b.AgencyCode, b.Year, "")
		return err
	}, func(err error) {
		if err != nil {
			m.s.u.showError(err)
			return
		}
		var codes, names []string
		for _, o := range others {
			if o.ID != b.ID {
				codes, names = append(codes, fmt.Sprint(o.ID)), append(names, o.Name)
			}
		}
		if len(codes) == 0 {
			m.s.u.notify(T("angkatan.no_other_batch", m.s.u.agencyShort(b.AgencyCode, b.Year), b.Year))
			return
		}
		target := newCodeSelect(codes, names, nil)
		target.SetSelectedIndex(0)
		reason := newEntry(nil)
		reason.SetPlaceHolder(T("form.optional"))
		form := []*widget.FormItem{widget.NewFormItem(T("angkatan.move_to"), target.Select), widget.NewFormItem(T("field.reason"), reason)}
		dialog.ShowForm(T("angkatan.move"), T("angkatan.move"), T("button.cancel"), form, func(ok bool) {
			if !ok {
				return
			}
			var to int64
			fmt.Sscan(target.code(), &to)
			m.move(to, reason.Text)
		}, m.s.u.win)
	})
}

func (m *batchMembers) move(to int64, reason string) {
	m.act(func(ctx context.Context, ids []int64) error {
		return m.s.store.MoveBatchMembers(ctx, m.batch.ID, to, ids, time.Time{}, strings.TrimSpace(reason))
	}, func(n int) string { return T("angkatan.moved", n) })
}

func (m *batchMembers) askRemove() {
	if len(m.pickedIDs()) == 0 {
		m.s.u.notify(T("angkatan.pick_first"))
		return
	}
	reason := newEntry(nil)
	reason.SetPlaceHolder(T("form.optional"))
	form := []*widget.FormItem{widget.NewFormItem(T("field.reason"), reason)}
	msg := T("angkatan.remove_confirm", len(m.pickedIDs()))
	dialog.ShowForm(msg, T("angkatan.remove"), T("button.cancel"), form, func(ok bool) {
		if ok {
			m.remove(reason.Text)
		}
	}, m.s.u.win)
}

func (m *batchMembers) remove(reason string) {
	m.act(func(ctx context.Context, ids []int64) error {
		return m.s.store.RemoveFromBatch(ctx, m.batch.ID, ids, time.Time{}, strings.TrimSpace(reason))
	}, func(n int) string { return T("angkatan.removed", n) })
}

// showHistory lists every enrolment, move and removal of the batch.
func (m *batchMembers) showHistory() {
	load(m.s.u, nil, func(ctx context.Context) ([]wub.BatchChange, error) {
		return m.s.store.BatchHistory(ctx, m.batch.ID)
	}, func(hs []wub.BatchChange) {
		var lines []string
		for _, h := range hs {
			line := fmt.Sprintf("%s  %s — %s", wub.FormatDate(h.Date), h.TraineeName, wub.BatchChangeLabel(h.Action))
			switch h.Action {
			case wub.BatchMove:
				line += fmt.Sprintf(" (%s → %s)", h.FromBatch, h.ToBatch)
			}
			if h.Reason != "" {
				line += ": " + h.Reason
			}
			lines = append(lines, line+"  ["+h.Actor+"]")
		}
		if len(lines) == 0 {
			lines = []string{T("angkatan.history_empty")}
		}
		text := widget.NewLabel(strings.Join(lines, "\n"))
		box := container.NewGridWrap(fyne.NewSize(640, 360), container.NewVScroll(text))
		dialog.NewCustom(T("angkatan.history_title", m.batch.Name), T("button.close"), box, m.s.u.win).Show()
	})
}
