package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// undatedLimit is how many enrolments the data-to-complete list shows.
const undatedLimit = 500

// undatedView is Peserta → Data perlu dilengkapi: the enrolments whose
// dates are missing, which count in no month until completed. A row opens
// the trainee's form, where the missing date is marked.
type undatedView struct {
	s      *traineesScreen
	btn    *widget.Button
	box    *fyne.Container // the button bar it sits in, laid out again when it shows or hides
	rows   []wub.UndatedEnrolment
	total  int
	list   *widget.List
	dialog dialog.Dialog
	query  latest
}

func newUndatedView(s *traineesScreen) *undatedView {
	v := &undatedView{s: s}
	v.btn = widget.NewButtonWithIcon(T("dates.todo_button", 0), theme.WarningIcon(), v.open)
	v.btn.Hide()
	return v
}

// bar is the screen's button bar with the button first.
func (v *undatedView) bar(others ...fyne.CanvasObject) *fyne.Container {
	v.box = container.NewHBox(append([]fyne.CanvasObject{v.btn}, others...)...)
	return v.box
}

// refresh counts the enrolments to complete and shows the button when
// there are any.
func (v *undatedView) refresh() {
	db := v.s.u.app
	if db == nil {
		return
	}
	ctx, current := v.query.start(v.s.u.screenCtx())
	var rows []wub.UndatedEnrolment
	var n int
	v.s.u.jobs.run(func() error {
		var err error
		rows, n, err = db.UndatedEnrolments(ctx, undatedLimit)
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		v.rows, v.total = rows, n
		v.btn.SetText(T("dates.todo_button", n))
		if n == 0 {
			v.btn.Hide()
		} else {
			v.btn.Show()
		}
		if v.box != nil {
			v.box.Refresh()
		}
		if v.list != nil {
			v.list.Refresh()
		}
	})
}

func (v *undatedView) line(u wub.UndatedEnrolment) string {
	agency := u.AgencyCode
	if a, ok := v.s.u.agencies.ByCode(u.AgencyCode); ok {
		agency = a.NameInYear(u.Year).Short
	}
	s := u.Name + " — " + agency + " " + strconv.Itoa(u.Year) + ", " + wub.StatusLabel(u.Status)
	if u.BatchName != "" {
		s += " (" + u.BatchName + ")"
	}
	return s + ": " + wub.Message(u.Missing, "")
}

// open shows the list in a dialog.
func (v *undatedView) open() {
	v.list = widget.NewList(func() int { return len(v.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(v.rows) {
				o.(*widget.Label).SetText(v.line(v.rows[i]))
			}
		})
	v.list.OnSelected = func(i widget.ListItemID) {
		if i >= len(v.rows) {
			return
		}
		id := v.rows[i].TraineeID
		v.dialog.Hide()
		v.s.openTrainee(id)
	}
	intro := widget.NewLabel(T("dates.todo_intro", v.total))
	intro.Wrapping = fyne.TextWrapWord
	if v.total > len(v.rows) {
		intro.SetText(intro.Text + " " + T("dates.todo_more", len(v.rows)))
	}
	body := container.NewBorder(intro, nil, nil, nil, v.list)
	v.dialog = dialog.NewCustom(T("dates.todo_title"), T("button.close"), container.NewGridWrap(fyne.NewSize(760, 420), body), v.s.u.win)
	v.dialog.Show()
}

// undatedNote is the Kuota screen's line for figures counted in no month
// ("" when there are none).
func undatedNote(n int) string {
	if n == 0 {
		return ""
	}
	return T("dates.dashboard_undated", n)
}
