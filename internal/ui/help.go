package ui

import (
	"regexp"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/docs"
)

// helpView is Bantuan → Panduan (F1): the user guide (docs/PANDUAN.md, or
// docs/GUIDE.md in English) in its own window, its sections on the left.
type helpView struct {
	win      fyne.Window
	sections []guideSection
	list     *widget.List
	text     *widget.RichText
	scroll   *container.Scroll
}

// guideSection is one "## " part of the guide; the first is the title and
// introduction.
type guideSection struct {
	title string
	body  string
}

// guideText returns the guide in the current language.
func guideText() string {
	if Language() == "en" {
		return docs.Guide
	}
	return docs.Panduan
}

var (
	mdImage   = regexp.MustCompile(`!\[[^\]]*\]\([^)]*\)`)
	mdRuleRow = regexp.MustCompile(`^\|\s*-{3}`)
)

// splitGuide cuts the guide into sections and makes its Markdown fit
// Fyne's renderer: pictures are left out (the window shows the screens
// themselves) and tables become lists ("**Pekerjaan** — Layar: langkah").
func splitGuide(md string) []guideSection {
	var out []guideSection
	cur := guideSection{}
	var header []string
	fenced := false
	flush := func() {
		cur.body = strings.TrimSpace(cur.body)
		if cur.title != "" || cur.body != "" {
			out = append(out, cur)
		}
	}
	for _, line := range strings.Split(md, "\n") {
		trimmed := strings.TrimSpace(line)
		if strings.HasPrefix(trimmed, "```") {
			fenced = !fenced
		} else if !fenced {
			// Fyne draws inline code as a block of its own, breaking the
			// sentence; in the window the path or command reads as well plain.
			line = strings.ReplaceAll(line, "`", "")
			trimmed = strings.TrimSpace(line)
		}
		switch {
		case strings.HasPrefix(line, "# "):
			cur.title = strings.TrimPrefix(line, "# ")
			continue
		case strings.HasPrefix(line, "## "):
			flush()
			cur = guideSection{title: strings.TrimPrefix(line, "## ")}
			header = nil
			continue
		case mdImage.MatchString(trimmed) && strings.TrimSpace(mdImage.ReplaceAllString(trimmed, "")) == "":
			continue
		case mdRuleRow.MatchString(trimmed):
			continue
		case strings.HasPrefix(trimmed, "|"):
			cells := strings.Split(strings.Trim(trimmed, "|"), "|")
			for i := range cells {
				cells[i] = strings.TrimSpace(cells[i])
			}
			if header == nil {
				header = cells
				continue
			}
			line = "- " + cells[0]
			if len(cells) > 1 {
				line += " — " + strings.Join(cells[1:], " — ")
			}
		default:
			if trimmed == "" {
				header = nil
			}
		}
		cur.body += line + "\n"
	}
	flush()
	return out
}

// showHelp opens the guide window, or brings it to the front.
func (u *App) showHelp() *helpView {
	if u.help != nil {
		u.help.win.RequestFocus()
		return u.help
	}
	h := &helpView{sections: splitGuide(guideText())}
	h.win = u.fyne.NewWindow(T("ux.help_title"))
	h.text = widget.NewRichTextFromMarkdown("")
	h.text.Wrapping = fyne.TextWrapWord
	h.scroll = container.NewVScroll(container.NewPadded(h.text))
	h.list = widget.NewList(func() int { return len(h.sections) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("Template section title")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(h.sections[id].title) })
	h.list.OnSelected = func(id widget.ListItemID) { h.open(id) }
	split := container.NewHSplit(h.list, h.scroll)
	split.Offset = 0.3
	h.win.SetContent(split)
	h.win.Resize(fyne.NewSize(960, 680))
	h.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		if e.Name == fyne.KeyEscape {
			h.win.Close()
		}
	})
	h.win.SetOnClosed(func() { u.help = nil })
	u.help = h
	if len(h.sections) > 0 {
		h.list.Select(0)
	}
	h.win.Show()
	return h
}

// open shows one section of the guide.
func (h *helpView) open(i int) {
	if i < 0 || i >= len(h.sections) {
		return
	}
	s := h.sections[i]
	h.text.ParseMarkdown("## " + s.title + "\n\n" + s.body)
	h.scroll.ScrollToTop()
}
