package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// formDialog is a dialog with its own Save and Cancel buttons, so that it
// stays open (with its message) when saving fails.
type formDialog struct {
	dlg     dialog.Dialog
	msg     *widget.Label
	saveBtn *widget.Button
	flow    saveFlow // record_dialog.go
}

// save runs write through the forms' one save (saveFlow): any problem goes
// to the message line and the dialog stays open; on success it closes and
// done runs.
func (fd *formDialog) save(u *App, write func(ctx context.Context) error, done func()) {
	fd.flow.u, fd.flow.btn = u, fd.saveBtn
	fd.flow.show = func(is wub.Issues) { fd.msg.SetText(is.Error()) }
	fd.flow.failed = func(err error) bool { fd.msg.SetText(userMessage(err)); return true }
	fd.flow.run(nil, func(ctx context.Context) (wub.Issues, error) { return nil, write(ctx) }, func(wub.Issues) {
		fd.dlg.Hide()
		done()
	})
}

// newFormDialog shows body (scrolled) above footer, the message line and
// the buttons; footer (a running sum) may be nil.
func newFormDialog(u *App, title string, body, footer fyne.CanvasObject, size fyne.Size, save func()) *formDialog {
	fd := &formDialog{msg: widget.NewLabel("")}
	fd.msg.Importance = widget.DangerImportance
	fd.msg.Wrapping = fyne.TextWrapWord
	fd.saveBtn = widget.NewButton(T("button.save"), save)
	fd.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(T("button.cancel"), func() { fd.dlg.Hide() })
	buttons := container.NewHBox(layout.NewSpacer(), cancel, fd.saveBtn)
	bottom := container.NewVBox(fd.msg, buttons)
	if footer != nil {
		bottom.Objects = append([]fyne.CanvasObject{footer}, bottom.Objects...)
	}
	content := container.NewBorder(nil, bottom, nil, nil, container.NewVScroll(body))
	fd.dlg = dialog.NewCustomWithoutButtons(title, container.NewGridWrap(size, content), u.win)
	fd.dlg.Show()
	return fd
}

// countEntry is an entry for a number of people, right-aligned.
func countEntry(n int, changed func()) *entry {
	e := newEntry(nil)
	if n != 0 {
		e.SetText(wub.FormatInt(n))
	}
	e.OnChanged = func(string) {
		if changed != nil {
			changed()
		}
	}
	return e
}

// distributeForm is the distribution helper: a year's total split over the
// year's agencies evenly or by weights, then adjusted by hand; the sum is
// always shown against the total.
type distributeForm struct {
	s       *quotaScreen
	year    int
	codes   []string
	total   *entry
	byWeigh *widget.Check
	weights []*entry
	quotas  []*entry
	sum     *widget.Label
	fd      *formDialog
}

func (s *quotaScreen) distribute() {
	year := s.selectedYear()
	load(s.u, nil, func(ctx context.Context) ([]wub.Quota, error) {
		return s.store.Quotas(ctx, year)
	}, func(qs []wub.Quota) {
		s.distributeDialog = newDistributeForm(s, year, qs)
	})
}

func newDistributeForm(s *quotaScreen, year int, existing []wub.Quota) *distributeForm {
	f := &distributeForm{s: s, year: year}
	have := map[string]int{}
	sum := 0
	for _, q := range existing {
		have[q.AgencyCode] = q.Count
		sum += q.Count
	}
	f.sum = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.total = countEntry(sum, f.updateSum)
	f.total.SetPlaceHolder("1.800")
	f.byWeigh = widget.NewCheck(T("kuota.by_weight"), func(on bool) {
		for _, w := range f.weights {
			if on {
				w.Enable()
			} else {
				w.Disable()
			}
		}
	})
	split := widget.NewButton(T("kuota.split"), f.split)
	rows := []fyne.CanvasObject{container.NewGridWithColumns(3, widget.NewLabelWithStyle(T("col.agency"), 0, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(T("kuota.weight"), 0, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(T("col.quota"), 0, fyne.TextStyle{Bold: true}))}
	for _, a := range s.u.agencies.Sorted().InYear(year) {
		f.codes = append(f.codes, a.Code)
		w := countEntry(1, nil)
		w.Disable()
		q := countEntry(have[a.Code], f.updateSum)
		f.weights = append(f.weights, w)
		f.quotas = append(f.quotas, q)
		rows = append(rows, container.NewGridWithColumns(3, widget.NewLabel(a.NameInYear(year).Short), w, q))
	}
	top := widget.NewForm(widget.NewFormItem(T("kuota.year_total", year), f.total))
	body := container.NewVBox(top, container.NewHBox(f.byWeigh, split), container.NewVBox(rows...))
	f.fd = newFormDialog(s.u, T("kuota.distribute_title", year), body, f.sum, fyne.NewSize(580, 520), f.save)
	f.updateSum()
	return f
}

// split fills the quotas from the total (largest remainder: the sum is exact).
func (f *distributeForm) split() {
	total, ok := wub.ParseCount(f.total.Text)
	if !ok {
		f.fd.msg.SetText(T("kuota.bad_number", f.total.Text))
		return
	}
	var weights []float64
	if f.byWeigh.Checked {
		for _, w := range f.weights {
			n, ok := wub.ParseCount(w.Text)
			if !ok {
				f.fd.msg.SetText(T("kuota.bad_number", w.Text))
				return
			}
			weights = append(weights, float64(n))
		}
	}
	for i, n := range wub.Distribute(total, f.codes, weights) {
		f.quotas[i].SetText(wub.FormatInt(n))
	}
	f.fd.msg.SetText("")
	f.updateSum()
}

func (f *distributeForm) updateSum() {
	if f.sum == nil || len(f.quotas) < len(f.codes) || len(f.codes) == 0 {
		return
	}
	sum := 0
	for _, q := range f.quotas {
		n, _ := wub.ParseCount(q.Text)
		sum += n
	}
	total, _ := wub.ParseCount(f.total.Text)
	f.sum.SetText(T("kuota.sum_line", wub.FormatInt(sum), wub.FormatInt(total), wub.FormatInt(sum-total)))
	if sum == total {
		f.sum.Importance = widget.SuccessImportance
	} else {
		f.sum.Importance = widget.DangerImportance
	}
	f.sum.Refresh()
}

func (f *distributeForm) save() {
	var qs []wub.Quota
	for i, e := range f.quotas {
		n, ok := wub.ParseCount(e.Text)
		if !ok {
			f.fd.msg.SetText(T("kuota.bad_number", e.Text))
			return
		}
		qs = append(qs, wub.Quota{AgencyCode: f.codes[i], Year: f.year, Count: n})
	}
	u := f.s.u
	f.fd.save(u, func(ctx context.Context) error { return f.s.store.SetQuotas(ctx, f.year, qs) }, func() {
		u.notify(T("kuota.quotas_saved", f.year))
		f.s.reload()
	})
}

// openingForm edits a year's opening balances: what each agency trained
// before its records were kept here, and where the number comes from.
type openingForm struct {
	s      *quotaScreen
	year   *widget.Select
	codes  []string
	names  []string
	counts []*entry
	notes  []*entry
	rows   *fyne.Container
	sum    *widget.Label
	fd     *formDialog
}

func (s *quotaScreen) editOpening() {
	f := &openingForm{s: s, rows: container.NewVBox(), sum: widget.NewLabel("")}
	var years []string
	for y := 2020; y <= s.u.today().Year(); y++ {
		years = append(years, strconv.Itoa(y))
	}
	f.year = newSelect(years, func(string) { f.load() })
	intro := widget.NewLabel(T("kuota.opening_intro"))
	intro.Wrapping = fyne.TextWrapWord
	body := container.NewVBox(intro, widget.NewForm(widget.NewFormItem(T("field.year"), f.year)), f.rows)
	f.fd = newFormDialog(s.u, T("kuota.opening_title"), body, f.sum, fyne.NewSize(760, 560), f.save)
	f.year.SetSelected(strconv.Itoa(min(s.selectedYear(), s.u.today().Year())))
	if f.year.SelectedIndex() < 0 {
		f.year.SetSelectedIndex(0)
	}
	s.openingDialog = f
}

func (f *openingForm) selectedYear() int { y, _ := strconv.Atoi(f.year.Selected); return y }

// load shows the chosen year's agencies with their saved balances.
func (f *openingForm) load() {
	year := f.selectedYear()
	load(f.s.u, nil, func(ctx context.Context) ([]wub.OpeningBalance, error) {
		return f.s.store.OpeningBalances(ctx, year)
	}, func(obs []wub.OpeningBalance) {
		have := map[string]wub.OpeningBalance{}
		for _, o := range obs {
			have[o.AgencyCode] = o
		}
		f.codes, f.names, f.counts, f.notes = nil, nil, nil, nil
		bold := fyne.TextStyle{Bold: true}
		objs := []fyne.CanvasObject{container.NewGridWithColumns(3, widget.NewLabelWithStyle(T("col.agency"), 0, bold),
			widget.NewLabelWithStyle(T("col.opening"), 0, bold), widget.NewLabelWithStyle(T("kuota.source_note"), 0, bold))}
		for _, a := range f.s.u.agencies.Sorted().InYear(year) {
			o := have[a.Code]
			c := countEntry(o.Count, f.updateSum)
			n := newEntry(nil)
			n.SetText(o.Note)
			n.SetPlaceHolder(T("kuota.source_hint", year))
			f.codes = append(f.codes, a.Code)
			f.names = append(f.names, a.NameInYear(year).Short)
			f.counts = append(f.counts, c)
			f.notes = append(f.notes, n)
			objs = append(objs, container.NewGridWithColumns(3, widget.NewLabel(a.NameInYear(year).Short), c, n))
		}
		f.rows.Objects = objs
		f.rows.Refresh()
		f.fd.msg.SetText("")
		f.updateSum()
	})
}

func (f *openingForm) updateSum() {
	sum := 0
	for _, c := range f.counts {
		n, _ := wub.ParseCount(c.Text)
		sum += n
	}
	f.sum.SetText(T("kuota.opening_sum", f.selectedYear(), wub.FormatInt(sum)))
}

func (f *openingForm) save() {
	year := f.selectedYear()
	var obs []wub.OpeningBalance
	for i, c := range f.counts {
		n, ok := wub.ParseCount(c.Text)
		if !ok {
			f.fd.msg.SetText(f.names[i] + ": " + T("kuota.bad_number", c.Text))
			return
		}
		o := wub.OpeningBalance{AgencyCode: f.codes[i], Year: year, Count: n, Note: f.notes[i].Text}
		if is := o.Check(f.s.u.agencies); is.HasErrors() {
			f.fd.msg.SetText(f.names[i] + ": " + is.Errors().Error())
			return
		}
		obs = append(obs, o)
	}
	u := f.s.u
	f.fd.save(u, func(ctx context.Context) error { return f.s.store.SetOpeningBalances(ctx, obs) }, func() {
		u.notify(T("kuota.opening_saved", year))
		f.s.reload()
	})
}

// editTarget changes the program target, its period and training months.
func (s *quotaScreen) editTarget() {
	load(s.u, nil, func(ctx context.Context) (wub.Target, error) {
		return s.store.Target(ctx)
	}, func(t wub.Target) {
		s.targetDialog = newTargetForm(s, t)
	})
}

type targetForm struct {
	count              *entry
	from, to           *widget.Select
	trainFrom, trainTo *codeSelect
	fd                 *formDialog
}

func newTargetForm(s *quotaScreen, t wub.Target) *targetForm {
	f := &targetForm{count: countEntry(t.Count, nil)}
	var years, monthCodes, monthNames []string
	for y := 2020; y <= 2035; y++ {
		years = append(years, strconv.Itoa(y))
	}
	for m := 1; m <= 12; m++ {
		monthCodes = append(monthCodes, strconv.Itoa(m))
		monthNames = append(monthNames, wub.MonthName(m))
	}
	f.from = newSelect(years, nil)
	f.from.SetSelected(strconv.Itoa(t.StartYear))
	f.to = newSelect(years, nil)
	f.to.SetSelected(strconv.Itoa(t.EndYear))
	w := t.Window.Normalized()
	f.trainFrom = newCodeSelect(monthCodes, monthNames, nil)
	f.trainFrom.setCode(strconv.Itoa(w.From))
	f.trainTo = newCodeSelect(monthCodes, monthNames, nil)
	f.trainTo.setCode(strconv.Itoa(w.To))
	help := widget.NewLabel(T("kuota.window_help"))
	help.Wrapping = fyne.TextWrapWord
	help.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(T("kuota.target_count"), f.count),
		widget.NewFormItem(T("kuota.target_from"), f.from),
		widget.NewFormItem(T("kuota.target_to"), f.to),
		widget.NewFormItem(T("kuota.train_from"), f.trainFrom.Select),
		widget.NewFormItem(T("kuota.train_to"), f.trainTo.Select),
	)
	f.fd = newFormDialog(s.u, T("kuota.target_title"), container.NewVBox(form, help), nil, fyne.NewSize(520, 420), func() {
		n, ok := wub.ParseCount(f.count.Text)
		if !ok {
			f.fd.msg.SetText(T("kuota.bad_number", f.count.Text))
			return
		}
		nt := wub.Target{Count: n}
		nt.StartYear, _ = strconv.Atoi(f.from.Selected)
		nt.EndYear, _ = strconv.Atoi(f.to.Selected)
		nt.Window.From, _ = strconv.Atoi(f.trainFrom.code())
		nt.Window.To, _ = strconv.Atoi(f.trainTo.code())
		f.fd.save(s.u, func(ctx context.Context) error { return s.store.SetTarget(ctx, nt) }, func() {
			s.u.notify(T("kuota.target_saved"))
			s.reload()
		})
	})
	return f
}
