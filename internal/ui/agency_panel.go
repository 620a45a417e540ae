package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// agencyPanel is the "Dinas" card of Pengaturan: the agency history (a code
// that never changes, its names from dates, its first and last program
// year) and, for an admin, adding an agency, a new name from a date and the
// last program year. The store checks every change against the records.
type agencyPanel struct {
	u                   *App
	list                *fyne.Container
	add, rename, end    *widget.Button
	box                 *fyne.Container
	dialog              *recordDialog // the form open last (tests reach it)
	addCode, name, full *widget.Entry
	from, lastYear      *widget.Entry
	agency              *codeSelect
}

func newAgencyPanel(u *App) *agencyPanel {
	p := &agencyPanel{u: u}
	p.list = container.NewVBox()
	p.add = widget.NewButtonWithIcon(T("regency.agency_add"), theme.ContentAddIcon(), p.openAdd)
	p.rename = widget.NewButtonWithIcon(T("regency.agency_rename"), theme.DocumentCreateIcon(), p.openRename)
	p.end = widget.NewButtonWithIcon(T("regency.agency_end"), theme.CalendarIcon(), p.openEnd)
	if !u.can(wub.ActSettings) {
		p.add.Disable()
		p.rename.Disable()
		p.end.Disable()
	}
	intro := widget.NewLabel(T("regency.agency_intro"))
	intro.Wrapping = fyne.TextWrapWord
	p.box = container.NewVBox(intro, p.list, container.NewHBox(p.add, p.rename, p.end))
	p.render()
	return p
}

// render lists every agency with its years and names.
func (p *agencyPanel) render() {
	p.list.Objects = nil
	for _, a := range p.u.agencies.Sorted() {
		last := T("regency.agency_running")
		if a.LastYear != 0 {
			last = strconv.Itoa(a.LastYear)
		}
		head := widget.NewLabelWithStyle(fmt.Sprintf("%s · %d–%s", a.Code, a.FirstYear, last), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		var names []string
		for _, n := range a.Names {
			names = append(names, T("regency.agency_name_from", wub.FormatDate(n.ValidFrom), n.Short, n.Full))
		}
		lines := widget.NewLabel(strings.Join(names, "\n"))
		lines.Wrapping = fyne.TextWrapWord
		p.list.Add(container.NewVBox(head, lines))
	}
	p.list.Refresh()
}

// agencySelect offers every agency by code and today's name.
func (p *agencyPanel) agencySelect() *codeSelect {
	var codes, names []string
	for _, a := range p.u.agencies.Sorted() {
		codes, names = append(codes, a.Code), append(names, a.Code+" — "+a.NameOn(p.u.today()).Short)
	}
	cs := newCodeSelect(codes, names, nil)
	cs.PlaceHolder = T("form.choose")
	return cs
}

func (p *agencyPanel) openAdd() {
	d := newRecordDialog(p.u, T("regency.agency_add_title"))
	p.addCode, p.name, p.full, p.from = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), dateInput(zeroTime)
	p.addCode.SetPlaceHolder("DISKOMINFO")
	p.name.SetPlaceHolder(T("regency.agency_short_hint"))
	d.add("code", T("regency.agency_code"), p.addCode)
	d.add("from", T("regency.agency_from"), p.from)
	d.add("name", T("regency.agency_short"), p.name)
	d.add("full", T("regency.agency_full"), p.full)
	p.dialog = d
	d.show(func() {
		var parse wub.Issues
		c := wub.AgencyChange{Kind: wub.AgencyAdd, Code: p.addCode.Text, Short: p.name.Text, Full: p.full.Text,
			From: parseDateInput(p.from, "from", &parse)}
		p.save(d, parse, c)
	})
}

func (p *agencyPanel) openRename() {
	d := newRecordDialog(p.u, T("regency.agency_rename_title"))
	p.agency, p.name, p.full, p.from = p.agencySelect(), widget.NewEntry(), widget.NewEntry(), dateInput(zeroTime)
	p.name.SetPlaceHolder(T("regency.agency_short_hint"))
	d.add("agency", T("regency.agency"), p.agency.Select)
	d.add("from", T("regency.agency_from"), p.from)
	d.add("name", T("regency.agency_short"), p.name)
	d.add("full", T("regency.agency_full"), p.full)
	p.dialog = d
	d.show(func() {
		var parse wub.Issues
		if p.agency.code() == "" {
			parse = append(parse, wub.Issue{Field: "agency", Code: "agency_choose", Severity: wub.Error})
		}
		c := wub.AgencyChange{Kind: wub.AgencyRename, Code: p.agency.code(), Short: p.name.Text, Full: p.full.Text,
			From: parseDateInput(p.from, "from", &parse)}
		p.save(d, parse, c)
	})
}

func (p *agencyPanel) openEnd() {
	d := newRecordDialog(p.u, T("regency.agency_end_title"))
	p.agency, p.lastYear = p.agencySelect(), widget.NewEntry()
	p.lastYear.SetPlaceHolder(T("regency.agency_last_year_hint"))
	p.agency.OnChanged = func(string) {
		if a, ok := p.u.agencies.ByCode(p.agency.code()); ok && a.LastYear != 0 {
			p.lastYear.SetText(strconv.Itoa(a.LastYear))
		} else {
			p.lastYear.SetText("")
		}
	}
	d.add("agency", T("regency.agency"), p.agency.Select)
	d.add("last_year", T("regency.agency_last_year"), p.lastYear)
	p.dialog = d
	d.show(func() {
		var parse wub.Issues
		if p.agency.code() == "" {
			parse = append(parse, wub.Issue{Field: "agency", Code: "agency_choose", Severity: wub.Error})
		}
		y := 0
		if s := strings.TrimSpace(p.lastYear.Text); s != "" {
			var err error
			if y, err = strconv.Atoi(s); err != nil || y < wub.MinAgencyYear || y > 9999 {
				parse = append(parse, wub.Issue{Field: "last_year", Code: "agency_year_invalid", Severity: wub.Error, Args: []any{s}})
			}
		}
		p.save(d, parse, wub.AgencyChange{Kind: wub.AgencyEnd, Code: p.agency.code(), LastYear: y})
	})
}

// save hands the change to the store off the UI goroutine; the new history
// replaces the app's, so every screen built afterwards names agencies by it.
func (p *agencyPanel) save(d *recordDialog, parse wub.Issues, c wub.AgencyChange) {
	var as wub.Agencies
	d.run(parse, func(ctx context.Context) (wub.Issues, error) {
		var err error
		as, err = p.u.app.ChangeAgency(ctx, c)
		return nil, err
	}, func(wub.Issues) {
		c.Normalize()
		p.u.agencies = as
		p.u.win.SetTitle(p.u.title()) // this office's name may have changed
		p.render()
		p.u.notify(c.Describe())
	})
}
