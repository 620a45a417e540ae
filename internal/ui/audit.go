package ui

import (
	"context"
	"io"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

const auditPageSize = 200

var auditEntities = []string{"", "trainee", "enrolment", "batch", "batch_facilitator", "facilitator", "contract",
	"contract_decision", "mentoring", "activity_report", "quota", "program_target", "opening_balance",
	"received_submission", "business", "licence", "marketing_channel", "capital", "outlet", "product", "listing",
	"agency", "handover", "handover_export", "setting", "user", "access", "copy", "correction", "erasure", "breach"}

// auditScreen is Audit: who changed what and when, filtered by record (a
// trainee found by NIK, with its enrolments), user and date range, newest
// first, exportable to Excel.
type auditScreen struct {
	u      *App
	entity *codeSelect
	nik    *entry
	actor  *codeSelect
	from   *entry
	to     *entry
	mask   *widget.Check
	count  *widget.Label
	msg    *widget.Label
	table  *rowTable
	export *widget.Button
	root   fyne.CanvasObject

	filter wub.AuditFilter // of the list shown (a NIK resolved to its record)
	list   *pagedList[wub.AuditEntry]
	ready  bool // the filter widgets are all built
}

func newAuditScreen(u *App) screen {
	s := &auditScreen{u: u}
	s.list = newPagedList[wub.AuditEntry](u, nil)
	s.list.size = auditPageSize
	s.list.onError = func(err error) { s.msg.SetText(userMessage(err)) }
	s.list.onReload = func(total int, info any) {
		s.filter, _ = info.(wub.AuditFilter)
		s.count.SetText(T("audit.count", wub.FormatInt(total)))
	}
	if !u.can(wub.ActAudit) {
		l := widget.NewLabel(T("audit.not_allowed"))
		s.root = container.NewCenter(l)
		return s
	}
	labels := make([]string, len(auditEntities))
	for i, e := range auditEntities {
		labels[i] = wub.EntityLabel(e)
	}
	labels[0] = T("audit.all_records")
	s.entity = newCodeSelect(auditEntities, labels, func(string) { s.apply() })
	s.entity.SetSelectedIndex(0)
	s.nik = newEntry(nil)
	s.nik.SetPlaceHolder(T("audit.nik_hint"))
	s.nik.OnSubmitted = func(string) { s.apply() }
	s.actor = newCodeSelect([]string{""}, []string{T("audit.all_users")}, func(string) { s.apply() })
	s.from, s.to = newEntry(nil), newEntry(nil)
	s.from.SetPlaceHolder(T("audit.from"))
	s.to.SetPlaceHolder(T("audit.to"))
	s.from.OnSubmitted = func(string) { s.apply() }
	s.to.OnSubmitted = func(string) { s.apply() }
	s.mask = widget.NewCheck(T("audit.mask_nik"), nil)
	s.export = widget.NewButton(T("audit.export"), s.askExport)
	s.count = widget.NewLabel("")
	s.msg = widget.NewLabel("")
	s.msg.Importance = widget.DangerImportance
	cols := []tableColumn{{"col.audit_at", "", 150}, {"col.audit_actor", "", 110}, {"col.audit_entity", "", 120},
		{"col.audit_id", "", 60}, {"col.audit_action", "", 90}, {"col.audit_changes", "", 520}}
	s.table = newRowTable(cols, s.list.length, s.cellText,
		func(col int) string { return T(cols[col].key) }, func(int) {})
	s.list.table = s.table
	apply := widget.NewButton(T("audit.apply"), s.apply)
	// Two rows of filters fit 1024×768 (issue 19).
	filters := container.NewHBox(s.entity.Select, container.NewGridWrap(fyne.NewSize(190, 36), s.nik), s.actor.Select, apply)
	dates := container.NewHBox(container.NewGridWrap(fyne.NewSize(140, 36), s.from), container.NewGridWrap(fyne.NewSize(140, 36), s.to))
	bottom := container.NewHBox(s.count, s.msg)
	top := container.NewVBox(filters, container.NewHBox(dates, s.export, s.mask))
	s.root = container.NewBorder(top, bottom, nil, nil, s.table)
	s.ready = true
	return s
}

func (s *auditScreen) object() fyne.CanvasObject { return s.root }

func (s *auditScreen) shown() {
	if s.table == nil {
		return
	}
	db := s.u.app
	var actors []string
	s.u.jobs.run(func() error {
		var err error
		actors, err = db.AuditActors(s.u.screenCtx())
		return err
	}, func(err error) {
		if err == nil {
			keep := s.actor.code()
			s.actor.codes = append([]string{""}, actors...)
			s.actor.Options = append([]string{T("audit.all_users")}, actors...)
			s.actor.setCode(keep)
		}
	})
	s.apply()
}

// apply reads the filter fields; a NIK is looked up to its trainee record.
func (s *auditScreen) apply() {
	if !s.ready {
		return
	}
	f := wub.AuditFilter{Entity: s.entity.code(), Actor: s.actor.code()}
	var err error
	if f.From, err = optionalDate(s.from.Text); err == nil {
		f.To, err = optionalDate(s.to.Text)
	}
	if err != nil {
		s.msg.SetText(userMessage(err))
		return
	}
	s.msg.SetText("")
	nik := wub.NormalizeNIK(s.nik.Text)
	db := s.u.app
	s.list.fetch = func(ctx context.Context, offset, limit int) (page[wub.AuditEntry], error) {
		f := f
		if nik != "" {
			t, err := db.TraineeByNIK(ctx, nik)
			if err != nil {
				return page[wub.AuditEntry]{}, err
			}
			f.Entity, f.EntityID = "trainee", t.ID
		}
		pg := page[wub.AuditEntry]{info: f}
		var err error
		if pg.rows, err = db.ListAudit(ctx, f, offset, limit); err != nil || offset > 0 {
			return pg, err
		}
		pg.total, err = db.CountAudit(ctx, f)
		return pg, err
	}
	s.list.reload()
}

func optionalDate(text string) (time.Time, error) {
	if strings.TrimSpace(text) == "" {
		return time.Time{}, nil
	}
	return wub.ParseDate(text)
}

func (s *auditScreen) entry(i int) *wub.AuditEntry { return s.list.row(i) }

func (s *auditScreen) cellText(i, col int) string {
	e := s.entry(i)
	if e == nil {
		return "…"
	}
	switch col {
	case 0:
		return e.At.Local().Format("02/01/2006 15:04:05")
	case 1:
		return e.Actor
	case 2:
		return wub.EntityLabel(e.Entity)
	case 3:
		return wub.FormatInt(int(e.EntityID))
	case 4:
		return wub.ActionLabel(e.Action)
	}
	return auditChangeText(e.Action, e.Old, e.New) // in words (ux_audit.go)
}

func (s *auditScreen) askExport() {
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		s.exportTo(w)
	})
	d.SetFileName("audit-" + s.u.now().Format("20060102") + ".xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// exportTo writes every row of the current filter to w and closes it.
func (s *auditScreen) exportTo(w io.WriteCloser) {
	f, db := s.filter, s.u.app
	opt := xlsx.AuditExportOptions{Filter: f, MaskNIK: s.mask.Checked}
	var n int
	s.u.jobs.run(func() error {
		var err error
		n, err = xlsx.WriteAudit(w, db.AuditSeq(s.u.appCtx(), f), opt)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err == nil { // who took the log out (issue 24)
			err = s.u.app.Exported(s.u.appCtx(), "audit.xlsx", "Log audit", nil)
		}
		return err
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("audit.exported", wub.FormatInt(n)))
	})
}
