package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// facDialog is an add/edit dialog whose messages appear under its
// fields; it closes only when the record was saved.
type facDialog struct {
	d       dialog.Dialog
	fields  map[string]*field
	saveBtn *widget.Button
	flow    saveFlow
	// submit collects the fields and saves off the UI goroutine; it
	// returns the issues found before saving.
	submit func() wub.Issues
}

// dlgRow is one field of a facDialog: the key its issues use, its
// label and its input.
type dlgRow struct {
	key, label string
	input      fyne.CanvasObject
}

func (r *facilitatorRecords) openDialog(title string, rows []dlgRow, submit func(dlg *facDialog) wub.Issues) *facDialog {
	dlg := &facDialog{fields: map[string]*field{}}
	grid := container.NewGridWithColumns(2)
	for _, row := range rows {
		fl := newField(row.label, row.input)
		dlg.fields[row.key] = fl
		grid.Add(fl.box)
	}
	dlg.submit = func() wub.Issues { return submit(dlg) }
	dlg.saveBtn = widget.NewButton(T("button.save"), func() { dlg.submit() })
	dlg.saveBtn.Importance = widget.HighImportance
	cancel := widget.NewButton(T("button.cancel"), func() { dlg.d.Hide() })
	content := container.NewBorder(nil, container.NewHBox(cancel, dlg.saveBtn), nil, nil,
		container.New(&minWidth{w: 640}, grid))
	dlg.d = dialog.NewCustomWithoutButtons(title, content, r.s.u.win)
	dlg.d.SetOnClosed(func() {
		if r.dlg == dlg {
			r.dlg = nil
		}
	})
	r.dlg = dlg
	dlg.d.Show()
	return dlg
}

// saved runs a store write through the forms' one save (saveFlow); issues
// go under the fields, success closes the dialog and reloads the records.
func (r *facilitatorRecords) saved(dlg *facDialog, write func(ctx context.Context) (wub.Issues, error)) {
	dlg.flow.u, dlg.flow.btn = r.s.u, dlg.saveBtn
	dlg.flow.show = func(is wub.Issues) { showFields(dlg.fields, is) }
	dlg.flow.run(nil, write, func(warns wub.Issues) {
		if len(warns) > 0 {
			r.s.u.notify(warns.Error())
		} else {
			r.s.u.notify(T("settings.saved"))
		}
		dlg.d.Hide()
		r.load()
	})
}

// minWidth is a layout that keeps its single child at least w wide.
type minWidth struct{ w float32 }

func (m *minWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	s := objs[0].MinSize()
	return fyne.NewSize(max(s.Width, m.w), s.Height)
}

func (m *minWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
}

func (r *facilitatorRecords) addContract() {
	y := r.s.u.today().Year()
	r.editContract(&wub.Contract{FacilitatorID: r.fac.ID, AgencyCode: r.s.u.office.AgencyCode, Year: y,
		StartDate: time.Date(y, 1, 2, 0, 0, 0, 0, time.UTC), EndDate: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)})
}

func (r *facilitatorRecords) editContract(c *wub.Contract) {
	agency := agencyChoice(r.s.u, false, nil)
	agency.setCode(c.AgencyCode)
	year := yearChoice(r.s.u, false, nil)
	year.SetSelected(strconv.Itoa(c.Year))
	spk, assign, start, end := newEntry(nil), newEntry(nil), newEntry(nil), newEntry(nil)
	honor, target, notes := newEntry(nil), newEntry(nil), newEntry(nil)
	spk.SetText(c.SPKNumber)
	assign.SetText(c.AssignmentNumber)
	start.SetText(wub.FormatDate(c.StartDate))
	end.SetText(wub.FormatDate(c.EndDate))
	start.SetPlaceHolder(T("form.date_hint"))
	end.SetPlaceHolder(T("form.date_hint"))
	honor.SetText(strings.TrimPrefix(wub.FormatRupiah(c.Honorarium), "Rp"))
	target.SetText(strconv.Itoa(c.TargetTrainees))
	notes.SetText(c.Notes)
	kec := kecamatanChoice(nil)
	kec.setCode(c.KecCode)
	title := T("fasilitator.contract_new")
	if c.ID != 0 {
		title = T("fasilitator.contract_edit")
	}
	rows := []dlgRow{
		{"agency", T("field.agency"), agency.Select}, {"year", T("field.year"), year},
		{"spk", T("field.spk"), spk}, {"assignment", T("field.assignment"), assign},
		{"start_date", T("field.start_date"), start}, {"end_date", T("field.end_date"), end},
		{"kecamatan", T("field.kecamatan"), kec.Select}, {"honorarium", T("field.honorarium"), honor},
		{"target", T("field.target"), target}, {"notes", T("field.notes"), notes},
	}
	r.openDialog(title, rows, func(dlg *facDialog) wub.Issues {
		var is wub.Issues
		x := *c
		x.AgencyCode, x.KecCode = agency.code(), kec.code()
		x.Year, _ = strconv.Atoi(year.Selected)
		x.SPKNumber, x.AssignmentNumber, x.Notes = spk.Text, assign.Text, notes.Text
		x.StartDate = parseDateInto(start.Text, "start_date", &is)
		x.EndDate = parseDateInto(end.Text, "end_date", &is)
		var ok bool
		if strings.TrimSpace(honor.Text) == "" {
			x.Honorarium, ok = 0, true // no honorarium agreed yet
		} else if x.Honorarium, ok = wub.ParseRupiah(honor.Text); !ok {
			is = append(is, wub.Issue{Field: "honorarium", Code: "rupiah_invalid", Severity: wub.Error, Args: []any{honor.Text}})
		}
		x.TargetTrainees = parseCount(target.Text, "target", &is)
		if is.HasErrors() {
			showFields(dlg.fields, is)
			return is
		}
		r.saved(dlg, func(ctx context.Context) (wub.Issues, error) {
			if x.ID == 0 {
				return r.s.store.CreateContract(ctx, &x)
			}
			return r.s.store.UpdateContract(ctx, &x)
		})
		return is
	})
}

func (r *facilitatorRecords) addReport() {
	last := r.s.u.today().AddDate(0, -1, 0)
	r.editReport(&wub.ActivityReport{FacilitatorID: r.fac.ID, Month: wub.FormatMonth(last), SubmittedOn: r.s.u.today()})
}

func (r *facilitatorRecords) editReport(x *wub.ActivityReport) {
	month, sub, visited, acts := newEntry(nil), newEntry(nil), newEntry(nil), newEntry(nil)
	month.SetText(x.Month)
	month.SetPlaceHolder("2023-04")
	sub.SetText(wub.FormatDate(x.SubmittedOn))
	sub.SetPlaceHolder(T("form.date_hint"))
	visited.SetText(strconv.Itoa(x.TraineesVisited))
	acts.SetText(x.Activities)
	acts.MultiLine = true
	acts.SetMinRowsVisible(3)
	hint := widget.NewLabel(T("fasilitator.report_due", wub.ReportDueDay))
	hint.Wrapping = fyne.TextWrapWord
	rows := []dlgRow{
		{"month", T("field.month"), month}, {"submitted_on", T("field.submitted_on"), sub},
		{"trainees_visited", T("field.trainees_visited"), visited},
		{"activities", T("field.activities"), acts}, {"report_rule", T("field.report_rule"), hint},
	}
	r.openDialog(T("fasilitator.report_title"), rows, func(dlg *facDialog) wub.Issues {
		var is wub.Issues
		y := *x
		y.Month, y.Activities = month.Text, acts.Text
		y.SubmittedOn = parseDateInto(sub.Text, "submitted_on", &is)
		y.TraineesVisited = parseCount(visited.Text, "trainees_visited", &is)
		if is.HasErrors() {
			showFields(dlg.fields, is)
			return is
		}
		r.saved(dlg, func(ctx context.Context) (wub.Issues, error) { return nil, r.s.store.SaveActivityReport(ctx, &y) })
		return is
	})
}

func (r *facilitatorRecords) addVisit() {
	r.editVisit(&wub.Mentoring{FacilitatorID: r.fac.ID, Date: r.s.u.today(), BusinessState: wub.BusinessNotStarted})
}

func (r *facilitatorRecords) editVisit(m *wub.Mentoring) {
	date, notes, photo, find := newEntry(nil), newEntry(nil), newEntry(nil), newEntry(nil)
	date.SetText(wub.FormatDate(m.Date))
	date.SetPlaceHolder(T("form.date_hint"))
	notes.SetText(m.Notes)
	photo.SetText(m.PhotoPath)
	photo.SetPlaceHolder(T("form.optional"))
	find.SetPlaceHolder(T("fasilitator.find_trainee"))
	var labels []string
	for _, st := range wub.BusinessStates {
		labels = append(labels, wub.BusinessStateLabel(st))
	}
	state := newCodeSelect(wub.BusinessStates, labels, nil)
	state.setCode(m.BusinessState)
	trainee := newCodeSelect(nil, nil, nil)
	trainee.PlaceHolder = T("fasilitator.type_to_find")
	if m.TraineeID != 0 {
		trainee.setOptions([]string{strconv.FormatInt(m.TraineeID, 10)}, []string{m.TraineeName})
		trainee.SetSelectedIndex(0)
	}
	var q latest
	find.OnChanged = func(text string) {
		ctx, current := q.start(r.s.u.screenCtx())
		var rows []wub.TraineeRow
		r.s.u.jobs.run(func() error {
			var err error
			rows, err = r.s.store.SearchTrainees(ctx, wub.TraineeFilter{Text: text}, 0, 30)
			return err
		}, func(err error) {
			if !current() || err != nil {
				return
			}
			var codes, names []string
			for _, t := range rows {
				codes = append(codes, strconv.FormatInt(t.ID, 10))
				names = append(names, fmt.Sprintf("%s — %s, %s", t.Name, wub.MaskNIK(t.NIK), t.DesaName))
			}
			trainee.setOptions(codes, names)
			if len(codes) == 1 {
				trainee.SetSelectedIndex(0)
			}
		})
	}
	rows := []dlgRow{
		{"date", T("field.date"), date}, {"find", T("field.find"), find},
		{"trainee", T("field.trainee"), trainee.Select},
		{"business_state", T("field.business_state"), state.Select},
		{"activities", T("field.activities"), notes}, {"photo", T("field.photo"), photo},
	}
	r.openDialog(T("fasilitator.visit_title"), rows, func(dlg *facDialog) wub.Issues {
		var is wub.Issues
		x := *m
		x.Date = parseDateInto(date.Text, "date", &is)
		x.TraineeID, _ = strconv.ParseInt(trainee.code(), 10, 64)
		x.BusinessState, x.Notes, x.PhotoPath = state.code(), notes.Text, photo.Text
		is = append(is, x.Check(r.s.u.today())...)
		if is.HasErrors() {
			showFields(dlg.fields, is)
			return is
		}
		r.saved(dlg, func(ctx context.Context) (wub.Issues, error) { return nil, r.s.store.SaveMentoring(ctx, &x) })
		return is
	})
}
