package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// hubQuotaScreen is Kuota on the hub: each agency's quota for a year, the
// people it trained (live) and in its last accepted month.
type hubQuotaScreen struct {
	w    *hubWindow
	root fyne.CanvasObject
	year *widget.Select
	list *widget.Label
}

func newHubQuotaScreen(w *hubWindow) *hubQuotaScreen {
	s := &hubQuotaScreen{w: w}
	var years []string
	for y := w.now().Year(); y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	s.year = newSelect(years, func(string) { s.refresh() })
	s.year.SetSelected(years[0])
	s.list = widget.NewLabel("")
	s.list.TextStyle = fyne.TextStyle{Monospace: true}
	title := widget.NewLabelWithStyle(T("hubview.tab_quota"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.root = container.NewVScroll(container.NewVBox(title, container.NewHBox(widget.NewLabel(T("hubview.year")), s.year), s.list))
	return s
}

func (s *hubQuotaScreen) refresh() {
	if s.list == nil || s.year.Selected == "" {
		return
	}
	year, _ := strconv.Atoi(s.year.Selected)
	var q hubapi.Quotas
	s.w.call(func(ctx context.Context) error {
		var err error
		q, err = s.w.c.Quotas(ctx, year)
		return err
	}, func() {
		var b strings.Builder
		fmt.Fprintf(&b, "%-14s %8s %14s %14s %8s\n", T("hubview.col_agency"), T("hubview.col_quota"), T("hubview.col_trained_live"),
			T("hubview.col_trained_accepted"), "%")
		for _, it := range q.Items {
			share := "—"
			if it.Quota > 0 {
				share = wub.FormatPercent(float64(it.Trained) / float64(it.Quota))
			}
			fmt.Fprintf(&b, "%-14s %8s %14s %14s %8s\n", it.Agency, wub.FormatInt(it.Quota), wub.FormatInt(it.Trained),
				wub.FormatInt(it.Accepted), share)
		}
		s.list.SetText(b.String())
	})
}

// hubDupScreen is the queue of people (NIKs) counted by several agencies:
// the regency counts each once; the agencies settle who trained them.
type hubDupScreen struct {
	w    *hubWindow
	root fyne.CanvasObject
	list *widget.Label
}

func newHubDupScreen(w *hubWindow) *hubDupScreen {
	s := &hubDupScreen{w: w}
	s.list = widget.NewLabel("")
	s.list.Wrapping = fyne.TextWrapWord
	title := widget.NewLabelWithStyle(T("hubview.tab_dups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	intro := widget.NewLabel(T("hubview.dups_intro"))
	intro.Wrapping = fyne.TextWrapWord
	s.root = container.NewVScroll(container.NewVBox(title, intro, s.list))
	return s
}

func (s *hubDupScreen) refresh() {
	var d hubapi.Duplicates
	s.w.call(func(ctx context.Context) error {
		var err error
		d, err = s.w.c.Duplicates(ctx)
		return err
	}, func() {
		if len(d.Items) == 0 {
			s.list.SetText(T("hubview.no_dups_all"))
			return
		}
		lines := []string{T("hubview.dups", len(d.Items))}
		for _, x := range d.Items {
			var as []string
			for _, f := range x.Agencies {
				as = append(as, fmt.Sprintf("%s %d %s", f.Agency, f.Year, wub.StatusLabel(f.Status)))
			}
			lines = append(lines, x.NIK+": "+strings.Join(as, "; "))
		}
		s.list.SetText(strings.Join(lines, "\n"))
	})
}
