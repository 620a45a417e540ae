package ui

import (
	"strconv"

	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// The pickers every screen and form shares: agencies, program years,
// kecamatan and desa. Lists come from the open register (agencies), the
// app's clock (years) and the reference data (places).

// agencyChoice is a Select of agencies by their name in year (0: today),
// with an "all agencies" first option when all is set.
func agencyChoice(u *App, all bool, changed func(code string)) *codeSelect {
	var codes, names []string
	if all {
		codes, names = append(codes, ""), append(names, T("filter.all_agencies"))
	}
	for _, a := range u.agencies.Sorted() {
		codes = append(codes, a.Code)
		names = append(names, a.NameOn(u.today()).Short)
	}
	cs := newCodeSelect(codes, names, changed)
	cs.PlaceHolder = T("form.choose")
	return cs
}

// yearChoice is a Select of program years, newest first, with an "all
// years" first option when all is set.
func yearChoice(u *App, all bool, changed func(year int)) *widget.Select {
	var opts []string
	if all {
		opts = append(opts, T("filter.all_years"))
	}
	for y := u.today().Year() + 1; y >= 2020; y-- {
		opts = append(opts, strconv.Itoa(y))
	}
	s := newSelect(opts, func(v string) {
		if changed != nil {
			y, _ := strconv.Atoi(v)
			changed(y)
		}
	})
	s.PlaceHolder = T("form.choose")
	return s
}

// figureYearChoice is the year Select of the figure screens (Kuota, Hasil):
// the program years, newest first (at least up to 2025), the current one
// chosen.
func figureYearChoice(u *App) *widget.Select {
	today := u.today()
	var years []string
	for y := max(today.Year(), 2024) + 1; y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	s := newSelect(years, nil)
	s.SetSelected(strconv.Itoa(max(today.Year(), 2020)))
	return s
}

// fillScopeChoice offers the regency and the agencies of a year (by their
// names in that year), keeping the choice when it is still offered.
func fillScopeChoice(u *App, cs *codeSelect, year int) {
	codes, names := []string{""}, []string{T("kuota.scope_regency")}
	for _, a := range u.agencies.Sorted().InYear(year) {
		codes = append(codes, a.Code)
		names = append(names, a.NameInYear(year).Short)
	}
	cur := cs.code()
	cs.codes, cs.Options = codes, names
	cs.setCode(cur)
	if cs.SelectedIndex() < 0 {
		cs.SetSelectedIndex(0)
	}
	cs.Refresh()
}

// kecamatanChoice is a Select of the kecamatan of Pamekasan.
func kecamatanChoice(changed func(code string)) *codeSelect {
	var codes, names []string
	for _, k := range wub.Ref().Kecamatan {
		codes = append(codes, k.Code)
		names = append(names, k.Name)
	}
	cs := newCodeSelect(codes, names, changed)
	cs.PlaceHolder = T("form.choose")
	return cs
}

// desaOptions fills a desa Select with the desa of a kecamatan.
func desaOptions(cs *codeSelect, kecCode string) {
	var codes, names []string
	for _, d := range wub.Ref().DesaIn(kecCode) {
		codes = append(codes, d.Code)
		name := d.Name
		if d.Kelurahan {
			name += " (" + T("form.kelurahan") + ")"
		}
		names = append(names, name)
	}
	cs.setOptions(codes, names)
	cs.PlaceHolder = T("form.choose_kecamatan_first")
	if kecCode != "" {
		cs.PlaceHolder = T("form.choose")
	}
}

// placeSelects are a kecamatan select and a desa select that follows it.
func placeSelects(kecCode, desaCode string) (kec, desa *codeSelect) {
	var kc, kn []string
	for _, k := range wub.Ref().Kecamatan {
		kc, kn = append(kc, k.Code), append(kn, k.Name)
	}
	desa = newCodeSelect(nil, nil, nil)
	desa.PlaceHolder = T("form.choose_kecamatan_first")
	fill := func(code string) {
		var dc, dn []string
		for _, d := range wub.Ref().DesaIn(code) {
			dc, dn = append(dc, d.Code), append(dn, d.Name)
		}
		desa.setOptions(dc, dn)
		if code != "" {
			desa.PlaceHolder = T("form.choose")
		}
	}
	kec = newCodeSelect(kc, kn, fill)
	kec.PlaceHolder = T("form.choose")
	kec.setCode(kecCode)
	fill(kecCode)
	desa.setCode(desaCode)
	return kec, desa
}
