package ui

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

var keyLike = regexp.MustCompile(`^[a-z0-9_]+\.[a-z0-9_.]+$`)

// otherLanguageOnly returns the texts of the other language's table that
// this language does not also use: seeing one means a label was not
// translated (or was built before the language changed).
func otherLanguageOnly(l string) map[string]string {
	other := "id"
	if l == "id" {
		other = "en"
	}
	mine := map[string]bool{}
	for _, v := range trTables[l] {
		mine[v] = true
	}
	out := map[string]string{}
	for k, v := range trTables[other] {
		if !mine[v] && len([]rune(v)) > 3 && !strings.Contains(v, "%") {
			out[v] = k
		}
	}
	return out
}

// screenProblems walks what a screen shows and reports untranslated and
// cut labels and buttons.
func screenProblems(c fyne.Canvas, l string) []string {
	foreign := otherLanguageOnly(l)
	var out []string
	check := func(kind, text string, o fyne.CanvasObject, truncates bool, size fyne.ThemeSizeName, style fyne.TextStyle) {
		text = strings.TrimSpace(text)
		if text == "" {
			return
		}
		if keyLike.MatchString(text) {
			out = append(out, fmt.Sprintf("%s %q is a translation key", kind, text))
		}
		if k, ok := foreign[text]; ok {
			out = append(out, fmt.Sprintf("%s %q is not in %s (key %s)", kind, text, l, k))
		}
		if truncates && o.Visible() && o.Size().Width > 0 {
			need := fyne.MeasureText(text, theme.Size(size), style).Width + 2*theme.InnerPadding()
			if strings.Contains(text, "\n") {
				return
			}
			if need > o.Size().Width+1 {
				out = append(out, fmt.Sprintf("%s %q is cut (%.0f of %.0f px)", kind, text, o.Size().Width, need))
			}
		}
	}
	for _, o := range test.LaidOutObjects(c.Content()) {
		switch w := o.(type) {
		case *widget.Label:
			size := w.SizeName
			if size == "" {
				size = theme.SizeNameText
			}
			check("label", w.Text, w, w.Truncation != fyne.TextTruncateOff, size, w.TextStyle)
		case *widget.Button:
			extra := float32(0)
			if w.Icon != nil {
				extra = theme.IconInlineSize() + theme.InnerPadding()
			}
			_ = extra
			check("button", w.Text, w, w.Icon == nil, theme.SizeNameText, fyne.TextStyle{})
		case *widget.Check:
			check("check", w.Text, w, false, theme.SizeNameText, fyne.TextStyle{})
		case *rowTable:
			total := float32(0)
			for i, cw := range w.widths {
				total += cw
				if w.Visible() && w.Size().Width > 0 && total > w.Size().Width+2 {
					out = append(out, fmt.Sprintf("table column %d (of %d) is beyond the visible %.0f px", i+1, len(w.widths), w.Size().Width))
					break
				}
			}
		case *widget.Select:
			check("select", w.Selected, w, false, theme.SizeNameText, fyne.TextStyle{})
		}
	}
	return out
}

// TestEveryScreenInBothLanguagesAt1024 opens every screen at 1024×768 in
// Indonesian and English: none may ask for a wider window, show another
// language's text or a translation key, or cut a button or a label that
// does not say it truncates (table cells open in full).
func TestEveryScreenInBothLanguagesAt1024(t *testing.T) {
	for _, l := range Languages {
		t.Run(l, func(t *testing.T) {
			u, db := newTestUI(t, true)
			seedQuota(t, db)
			seed(t, db, "3528045203950011", "Siti Aminah Nurhayati binti Abdurrahman", wub.DISPERINDAG, 2024)
			SetLanguage(l)
			u.setMainMenu()
			u.showMain()
			u.win.Resize(fyne.NewSize(1024, 768))
			var problems []string
			ids := []string{"peserta-baru"} // the form, over the list
			for _, d := range screenDefs() {
				ids = append(ids, d.id)
			}
			for _, id := range ids {
				d := screenDef{id: id}
				u.nav.show(d.id)
				u.jobs.wait()
				u.win.Resize(fyne.NewSize(1024, 768))
				if w := u.win.Content().MinSize().Width; w > 1024 {
					problems = append(problems, fmt.Sprintf("%s: needs %.0f px, wider than 1024", d.id, w))
				}
				if h := u.win.Content().MinSize().Height; h > 768 {
					problems = append(problems, fmt.Sprintf("%s: needs %.0f px, taller than 768", d.id, h))
				}
				for _, p := range screenProblems(u.win.Canvas(), l) {
					problems = append(problems, d.id+": "+p)
				}
			}
			sort.Strings(problems)
			for _, p := range dedupe(problems) {
				t.Error(p)
			}
		})
	}
}

func dedupe(ss []string) []string {
	var out []string
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// A long cell text (an import reason) ends in "…" and opens in full on a tap.
func TestCutCellOpensInFull(t *testing.T) {
	test.NewTempApp(t)
	long := "NIK tersimpan sebagai angka di Excel dan digit terakhirnya hilang (Excel hanya menyimpan 15 digit); ketik ulang NIK sebagai teks"
	cols := []tableColumn{{"col.row", "", 60}, {"col.reason", "", 600}}
	tb := newRowTable(cols, func() int { return 1 }, func(r, c int) string {
		if c == 0 {
			return "12"
		}
		return long
	}, func(c int) string { return T(cols[c].key) }, func(int) {})
	w := test.NewTempWindow(t, tb)
	w.Resize(fyne.NewSize(400, 200))
	tb.Refresh()
	if tb.widths[1] >= 600 {
		t.Fatalf("the reason column was not fitted: %v", tb.widths)
	}
	// The cell as the table draws it, 300 px wide.
	cell := newRowCell(tb)
	cell.label.SetText(long)
	cw := test.NewTempWindow(t, cell)
	cw.Resize(fyne.NewSize(300, 60))
	test.TapAt(cell, fyne.NewPos(20, 10))
	if tb.full == nil || !tb.full.Visible() || !strings.Contains(test.RenderObjectToMarkup(tb.full.Content), "ketik ulang NIK") {
		t.Fatal("the full reason did not open")
	}
}
