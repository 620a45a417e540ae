package ui

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// Bantuan → Panduan (F1) shows the guide in the app, in the chosen
// language, and the guide names no screen that does not exist.
func TestHelpShowsTheGuideInTheChosenLanguage(t *testing.T) {
	u, _ := newTestUI(t, true)
	u.setMainMenu()
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyF1})
	h := u.help
	if h == nil || len(h.sections) < 8 {
		t.Fatalf("no guide window or too few sections: %+v", h)
	}
	if h.sections[0].title != "Panduan WUBDesk untuk Petugas" {
		t.Fatalf("first section %q", h.sections[0].title)
	}
	for i, s := range h.sections {
		h.list.Select(i)
		md := h.text.String()
		if strings.Contains(md, "![") || strings.Contains(md, "| --- |") {
			t.Errorf("section %q shows Markdown pictures or table rules", s.title)
		}
		if strings.Contains(s.body, "layar **Cadangan**") {
			t.Errorf("section %q sends clerks to a Cadangan screen that does not exist", s.title)
		}
	}
	h.win.Close()
	if u.help != nil {
		t.Fatal("closing the window did not forget it")
	}
	SetLanguage("en")
	h = u.showHelp()
	if h.sections[0].title != "WUBDesk guide for clerks" {
		t.Fatalf("English guide starts with %q", h.sections[0].title)
	}
	// Every screen the guides name in bold exists in the navigation.
	for _, l := range Languages {
		SetLanguage(l)
		names := map[string]bool{}
		for _, d := range screenDefs() {
			names[T(d.titleKey)] = true
		}
		for _, s := range splitGuide(guideText()) {
			for _, w := range []string{"layar **", "screen **"} {
				rest := s.body
				for {
					i := strings.Index(rest, w)
					if i < 0 {
						break
					}
					rest = rest[i+len(w):]
					name := rest[:strings.Index(rest, "**")]
					if !names[name] && !strings.Contains(name, `"`) { // "the blue screen **"Windows protected…"**"
						t.Errorf("%s guide, %q: names screen %q, which is not in the navigation", l, s.title, name)
					}
				}
			}
		}
	}
}

// After the office setup the empty list shows where to begin.
func TestEmptyStateAfterSetup(t *testing.T) {
	u, db := newTestUI(t, true)
	s := peserta(t, u)
	if !s.empty.box.Visible() || s.table.Visible() {
		t.Fatal("the empty register shows an empty table, not the first steps")
	}
	test.Tap(s.empty.addBtn)
	if s.form == nil {
		t.Fatal("Tambah peserta opened no form")
	}
	s.form.dirty = false
	s.form.handle(actionEscape)
	test.Tap(s.empty.importBtn)
	if _, ok := u.current.(*importScreen); !ok {
		t.Fatalf("Impor dari Excel went to %T", u.current)
	}
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("Impor dari Excel did not open the file dialog")
	}
	u.dialogKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	// With someone registered the list is back; a search with no match is not "empty".
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2024)
	s = peserta(t, u)
	s.reload()
	u.jobs.wait()
	if s.empty.box.Visible() || !s.table.Visible() {
		t.Fatal("the first steps stay over a register with people")
	}
	s.search.SetText("tidak ada orang ini")
	u.jobs.wait()
	if s.empty.box.Visible() {
		t.Fatal("a search without matches shows the first steps")
	}
}

// The damaged-database view keeps its actions visible; the findings scroll.
func TestDamagedViewKeepsActionsVisible(t *testing.T) {
	u, _ := newTestUI(t, true)
	var long []string
	for i := 0; i < 40; i++ {
		long = append(long, "*** in database main *** Page 1234: btreeInitPage() returns error code 11")
	}
	de := &store.DamagedError{Path: "x.db", Detail: errors.New(strings.Join(long, "\n"))}
	view := u.damagedView(de)
	u.win.SetContent(view)
	u.win.Resize(fyne.NewSize(1024, 768))
	if h := view.MinSize().Height; h > 768 {
		t.Fatalf("the damaged view needs %.0f px", h)
	}
	var scrolls, buttons int
	for _, o := range test.LaidOutObjects(view) {
		switch w := o.(type) {
		case *container.Scroll:
			scrolls++
		case interface{ Tapped(*fyne.PointEvent) }:
			if w.(fyne.CanvasObject).Visible() {
				buttons++
			}
		}
	}
	if scrolls == 0 || buttons < 2 {
		t.Fatalf("scrolls %d, visible buttons %d", scrolls, buttons)
	}
}

// In English a list shows sex as words.
func TestSexInWordsInEnglish(t *testing.T) {
	defer SetLanguage("id")
	SetLanguage("en")
	if sexCell("P") != "Female" || sexCell("L") != "Male" {
		t.Fatalf("%q %q", sexCell("P"), sexCell("L"))
	}
	SetLanguage("id")
	if sexCell("P") != "P" {
		t.Fatal("Indonesian lists keep L/P under L/P")
	}
}
