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
	"agency", "handover", "handover_export", "setting", "user"}

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

	filter  wub.AuditFilter
	total   int
	pages   map[int][]wub.AuditEntry
	loading map[int]bool
	gen     int
	query   latest
	ready   bool // the filter widgets are all built
}

func newAuditScreen(u *App) screen {
	s := &auditScreen{u: u, pages: map[int][]wub.AuditEntry{}, loading: map[int]bool{}}
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
	s.table = newRowTable(cols, func() int { return s.total }, s.cellText,
		func(col int) string { return T(cols[col].key) }, func(int) {})
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
	db := s.u.db
	var actors []string
	s.u.jobs.run(func() error {
		var err error
		actors, err = db.AuditActors(context.Background())
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
	ctx, current := s.query.start()
	db := s.u.db
	var n int
	var first []wub.AuditEntry
	s.u.jobs.run(func() error {
		if nik != "" {
			t, err := db.TraineeByNIK(ctx, nik)
			if err != nil {
				return err
			}
			f.Entity, f.EntityID = "trainee", t.ID
		}
		var err error
		if first, err = db.ListAudit(ctx, f, 0, auditPageSize); err != nil {
			return err
		}
		n, err = db.CountAudit(ctx, f)
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			s.msg.SetText(userMessage(err))
			return
		}
		s.filter = f
		s.gen++
		s.total = n
		s.pages = map[int][]wub.AuditEntry{0: first}
		s.loading = map[int]bool{}
		s.count.SetText(T("audit.count", wub.FormatInt(n)))
		s.table.clearSelection()
		s.table.ScrollToTop()
		s.table.Refresh()
	})
}

func optionalDate(text string) (time.Time, error) {
	if strings.TrimSpace(text) == "" {
		return time.Time{}, nil
	}
	return wub.ParseDate(text)
}

func (s *auditScreen) entry(i int) *wub.AuditEntry {
	p := i / auditPageSize
	rows, ok := s.pages[p]
	if !ok {
		s.loadPage(p)
		return nil
	}
	if i%auditPageSize >= len(rows) {
		return nil
	}
	return &rows[i%auditPageSize]
}

func (s *auditScreen) loadPage(p int) {
	if s.loading[p] {
		return
	}
	s.loading[p] = true
	gen, f, db := s.gen, s.filter, s.u.db
	var rows []wub.AuditEntry
	s.u.jobs.run(func() error {
		var err error
		rows, err = db.ListAudit(context.Background(), f, p*auditPageSize, auditPageSize)
		return err
	}, func(err error) {
		if gen != s.gen {
			return
		}
		delete(s.loading, p)
		if err != nil {
			s.u.showError(err)
			return
		}
		s.pages[p] = rows
		s.table.Refresh()
	})
}

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
	f, db := s.filter, s.u.db
	opt := xlsx.AuditExportOptions{Filter: f, MaskNIK: s.mask.Checked}
	var n int
	s.u.jobs.run(func() error {
		var err error
		n, err = xlsx.WriteAudit(w, db.AuditSeq(context.Background(), f), opt)
		if cerr := w.Close(); err == nil {
			err = cerr
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
