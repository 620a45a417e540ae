package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// TestNoScreenReadsTheWallClock keeps time.Now out of the screens: the app's
// clock (App.now/today) is the only "now", so tests can set it and a new year
// can never change what the suite sees.
func TestNoScreenReadsTheWallClock(t *testing.T) {
	re := regexp.MustCompile(`time\.(Now|Since|Until)\(`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(b), "\n") {
			if !re.MatchString(line) {
				continue
			}
			// The two allowed readers: the clock itself, and the start-up
			// timing milestones (elapsed process time, not a date).
			if f == "app.go" && strings.TrimSpace(line) == "return time.Now()" ||
				f == "async.go" && strings.Contains(line, "time.Since(u.opts.Started)") {
				continue
			}
			t.Errorf("%s:%d reads the wall clock: %s (use u.now() or u.today())", f, i+1, strings.TrimSpace(line))
		}
	}
}

// TestScreensAcrossYearRollovers runs the key screens with the app's clock on
// 1 January 2027 and in 2030: every screen opens, and each default that comes
// from "today" follows the clock.
func TestScreensAcrossYearRollovers(t *testing.T) {
	for _, at := range []time.Time{
		time.Date(2027, 1, 1, 8, 0, 0, 0, time.UTC),
		time.Date(2030, 3, 15, 14, 30, 0, 0, time.UTC),
	} {
		t.Run(at.Format("2006-01-02"), func(t *testing.T) {
			u, db := newTestUIAt(t, true, at)
			// Data in 2024 only: the current year has none.
			seed(t, db, "3528084101950001", "Siti Aminah", wub.DISPERINDAG, 2024)
			year := strconv.Itoa(at.Year())

			for _, d := range screenDefs() {
				u.nav.show(d.id)
				u.jobs.wait()
				if u.nav.screen(d.id) == nil {
					t.Fatalf("screen %s did not open", d.id)
				}
			}

			// A new enrolment defaults to the clock's year.
			s := peserta(t, u)
			u.nav.show("peserta")
			s.newTrainee()
			u.jobs.wait()
			if s.form == nil || len(s.form.enrols) != 1 {
				t.Fatal("new trainee form without its enrolment")
			}
			if got := s.form.enrols[0].year.Selected; got != year {
				t.Errorf("new enrolment year %q, want %s", got, year)
			}
			if got := s.year.Options[1]; got != strconv.Itoa(at.Year()+1) {
				t.Errorf("Peserta year filter starts at %q, want next year %d", got, at.Year()+1)
			}

			// Kuota opens on the clock's year, says it has no data yet and
			// offers 2024; the offer switches the year.
			u.nav.show("kuota")
			u.jobs.wait()
			q := u.nav.screen("kuota").(*quotaScreen)
			if q.year.Selected != year {
				t.Errorf("Kuota opened on %q, want %s", q.year.Selected, year)
			}
			if !q.yearNoteBox.Visible() || !strings.Contains(q.yearNote.Text, year) || !strings.Contains(q.yearNoteBtn.Text, "2024") {
				t.Errorf("Kuota note %v %q / %q, want it to name %s and offer 2024", q.yearNoteBox.Visible(), q.yearNote.Text, q.yearNoteBtn.Text, year)
			}
			q.yearNoteBtn.OnTapped()
			u.jobs.wait()
			if q.year.Selected != "2024" || q.yearNoteBox.Visible() {
				t.Errorf("after the offer: year %q, note shown %v", q.year.Selected, q.yearNoteBox.Visible())
			}

			// Kirim Laporan proposes the month just ended.
			u.nav.show("kirim")
			u.jobs.wait()
			k := u.nav.screen("kirim").(*submissionScreen)
			prev := at.AddDate(0, 0, -at.Day())
			if k.year.Selected != strconv.Itoa(prev.Year()) || k.month.SelectedIndex() != int(prev.Month())-1 {
				t.Errorf("Kirim Laporan proposes %s %s, want %d-%02d", k.month.Selected, k.year.Selected, prev.Year(), prev.Month())
			}

			// The window title names the office's agency by today's name.
			a, _ := u.agencies.ByCode(wub.DISPERINDAG)
			if want := "WUBDesk — " + a.NameOn(at).Short; u.win.Title() != want {
				t.Errorf("title %q, want %q", u.win.Title(), want)
			}
		})
	}
}

// TestKuotaOpensOnTheCurrentYearWithData: when the current year has data,
// the screen opens on it with no note.
func TestKuotaOpensOnTheCurrentYearWithData(t *testing.T) {
	at := time.Date(2027, 1, 1, 8, 0, 0, 0, time.UTC)
	u, db := newTestUIAt(t, true, at)
	seed(t, db, "3528084101950001", "Siti Aminah", wub.DISPERINDAG, 2024)
	seed(t, db, "3528084101950002", "Siti Rahma", wub.DISPERINDAG, 2027)
	u.nav.show("kuota")
	u.jobs.wait()
	q := u.nav.screen("kuota").(*quotaScreen)
	if q.year.Selected != "2027" || q.yearNoteBox.Visible() {
		t.Errorf("Kuota on %q with note %v, want 2027 and no note", q.year.Selected, q.yearNoteBox.Visible())
	}
}
