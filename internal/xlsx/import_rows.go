package xlsx

import (
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// RowStatus says what the import does with a row.
type RowStatus uint8

const (
	// Accepted rows are imported as new trainees.
	Accepted RowStatus = iota + 1
	// Update rows are registered NIKs that the clerk chose to update.
	Update
	// Rejected rows have errors and are not imported.
	Rejected
	// Skipped rows are not data: blank, column numbers, totals, signature.
	Skipped
)

// Skip reasons (Row.Skip), stable for scripts.
const (
	SkipBlank         = "blank"
	SkipColumnNumbers = "column_numbers"
	SkipTotal         = "total"
	SkipAfterTable    = "after_table"
	SkipHeaderRepeat  = "header_repeat"
	SkipNoData        = "no_data"
	SkipGroupTitle    = "group_title" // "KECAMATAN PADEMAWU" above a group of rows
)

// rowParser turns a sheet row into a trainee and its enrolment with the
// issues found, the same way at preview and at commit.
type rowParser struct {
	m        map[Field]int
	date1904 bool
	today    time.Time
	fileDate time.Time // the completion date a Lulus row without one gets (Options.FileDate)
	agency   string
	year     int
	status   string

	// Office files repeat the same few desa and kecamatan names; the
	// matches are remembered (per parser: Commit uses a fresh one).
	kecs  map[string]kecHit
	desas map[[2]string]desaHit
}

type kecHit struct {
	k         wub.Kecamatan
	exact, ok bool
}

type desaHit struct {
	d         wub.Desa
	exact, ok bool
}

const lookupCacheMax = 20000

// maxPlaceName bounds the text matched against desa and kecamatan names: the
// fuzzy match costs its length times every name, and no name is this long.
const maxPlaceName = 64

func (p *rowParser) findKecamatan(s string) (wub.Kecamatan, bool, bool) {
	if h, ok := p.kecs[s]; ok {
		return h.k, h.exact, h.ok
	}
	if len(s) > maxPlaceName {
		return wub.Kecamatan{}, false, false
	}
	k, exact, ok := wub.Ref().FindKecamatan(s)
	if p.kecs == nil {
		p.kecs = map[string]kecHit{}
	}
	if len(p.kecs) < lookupCacheMax {
		p.kecs[s] = kecHit{k, exact, ok}
	}
	return k, exact, ok
}

func (p *rowParser) findDesa(s, kec string) (wub.Desa, bool, bool) {
	key := [2]string{s, kec}
	if h, ok := p.desas[key]; ok {
		return h.d, h.exact, h.ok
	}
	if len(s) > maxPlaceName {
		return wub.Desa{}, false, false
	}
	d, exact, ok := wub.Ref().FindDesa(s, kec)
	if p.desas == nil {
		p.desas = map[[2]string]desaHit{}
	}
	if len(p.desas) < lookupCacheMax {
		p.desas[key] = desaHit{d, exact, ok}
	}
	return d, exact, ok
}

func (p *rowParser) cell(r sheetRow, f Field) cell {
	c, ok := p.m[f]
	if !ok {
		return cell{}
	}
	return r.get(c)
}

func (p *rowParser) text(r sheetRow, f Field) string {
	return strings.TrimSpace(p.cell(r, f).text)
}

// provided lists the trainee fields the row gives a value for (what an
// update of a registered trainee may change).
func (p *rowParser) provided(r sheetRow) map[string]bool {
	out := map[string]bool{}
	set := func(name string, fs ...Field) {
		for _, f := range fs {
			if p.text(r, f) != "" {
				out[name] = true
			}
		}
	}
	set("kk", FieldKK)
	set("name", FieldName)
	set("sex", FieldSex)
	set("birth_place", FieldBirthPlace, FieldTTL)
	set("birth_date", FieldBirthDate, FieldTTL)
	set("address", FieldAddress, FieldDesa, FieldKecamatan)
	set("rt_rw", FieldRT, FieldRW)
	set("desa", FieldDesa)
	set("kecamatan", FieldKecamatan, FieldDesa)
	set("phone", FieldPhone)
	set("education", FieldEducation)
	set("kbli", FieldKBLI, FieldBusinessType)
	set("business_name", FieldBusinessName)
	set("notes", FieldNotes, FieldBusinessType)
	return out
}

// parse reads a data row. It never fails: what is wrong is in the issues.
func (p *rowParser) parse(r sheetRow) (*wub.Trainee, wub.Issues) {
	t := &wub.Trainee{}
	pre := p.badText(r)
	nik, is := nikFromCell(p.cell(r, FieldNIK))
	t.NIK = nik
	if is != nil {
		pre = append(pre, *is)
	}
	t.Name = p.text(r, FieldName)
	if s := p.text(r, FieldSex); s != "" {
		if v, ok := wub.ParseSex(s); ok {
			t.Sex = v
		} else {
			t.Sex = s // Check reports gender_invalid with the text
		}
	}
	place, date := p.text(r, FieldBirthPlace), p.text(r, FieldBirthDate)
	if ttl := p.text(r, FieldTTL); ttl != "" {
		tp, td := splitTTL(ttl)
		if place == "" {
			place = tp
		}
		if date == "" {
			date = td
		}
	}
	t.BirthPlace = place
	dateBad := false
	if d, ok := parseDateText(date, p.date1904); ok {
		t.BirthDate = d
	} else {
		dateBad = true
		pre = append(pre, wub.Issue{Field: "birth_date", Code: "date_invalid", Severity: wub.Error, Args: []any{date}})
	}
	t.Phone = p.text(r, FieldPhone)
	var addr []string
	if a := p.text(r, FieldAddress); a != "" {
		addr = append(addr, a)
	}
	rt, rw := p.text(r, FieldRT), p.text(r, FieldRW)
	switch {
	case rt != "" && rw != "":
		t.RTRW = rt + "/" + rw
	default:
		t.RTRW = rt + rw
	}
	if k := p.text(r, FieldKecamatan); k != "" {
		kec, exact, ok := p.findKecamatan(k)
		switch {
		case !ok:
			addr = append(addr, k)
			pre = append(pre, wub.Issue{Field: "kecamatan", Code: "kecamatan_unknown", Severity: wub.Warning, Args: []any{k}})
		case !exact:
			t.KecCode = kec.Code
			pre = append(pre, wub.Issue{Field: "kecamatan", Code: "kecamatan_fuzzy", Severity: wub.Warning, Args: []any{k, kec.Name}})
		default:
			t.KecCode = kec.Code
		}
	}
	if d := p.text(r, FieldDesa); d != "" {
		desa, exact, ok := p.findDesa(d, t.KecCode)
		switch {
		case !ok:
			addr = append(addr, d)
			pre = append(pre, wub.Issue{Field: "desa", Code: "desa_unknown", Severity: wub.Warning, Args: []any{d}})
		case !exact:
			t.DesaCode = desa.Code
			pre = append(pre, wub.Issue{Field: "desa", Code: "desa_fuzzy", Severity: wub.Warning, Args: []any{d, desa.Name}})
		default:
			t.DesaCode = desa.Code
		}
	}
	t.Address = strings.Join(addr, ", ")
	kk := p.cell(r, FieldKK)
	t.KK = kk.text
	if kk.num && strings.HasSuffix(wub.NormalizeNIK(kk.text), "0") {
		pre = append(pre, wub.Issue{Field: "kk", Code: "kk_numeric_cell", Severity: wub.Warning})
	}
	t.Education = p.text(r, FieldEducation)
	t.BusinessName = p.text(r, FieldBusinessName)
	t.KBLI = p.text(r, FieldKBLI)
	var notes []string
	if bt := p.text(r, FieldBusinessType); bt != "" {
		if k, ok := kbliFromText(bt); ok && t.KBLI == "" {
			t.KBLI = k
		} else {
			notes = append(notes, "Jenis usaha: "+bt)
		}
	}
	if n := p.text(r, FieldNotes); n != "" {
		notes = append(notes, n)
	}
	t.Notes = strings.Join(notes, "; ")
	e := wub.Enrolment{AgencyCode: p.agency, Year: p.year, Status: p.status}
	if s := p.text(r, FieldStatus); s != "" {
		if v, ok := wub.ParseStatus(s); ok {
			e.Status = v
			if v == wub.StatusDropped && !strings.EqualFold(oneLine(s), "keluar") {
				// Keluar stands for both; the clerk's word is kept.
				t.Notes = joinNote(t.Notes, "Status di berkas: "+oneLine(s))
			}
		} else {
			pre = append(pre, wub.Issue{Field: "status", Code: "import_status_unknown", Severity: wub.Error, Args: []any{s, wub.StatusWords}})
		}
	}
	pre = append(pre, p.countDates(&e)...)
	t.Enrolments = []wub.Enrolment{e}
	t.Normalize()
	all := append(pre, t.Check(p.today)...)
	nikLost := is != nil && is.Severity == wub.Error
	if dateBad || nikLost {
		// Nothing is taken from a NIK or a date that the row gets wrong, and
		// a NIK that lost its last digit is reported for that alone.
		kept := all[:0]
		for _, i := range all {
			switch {
			case i.Code == "date_from_nik":
			case dateBad && i.Code == "nik_mismatch" && i.Field == "birth_date":
			case nikLost && i.Code == "nik_format":
			default:
				kept = append(kept, i)
			}
		}
		all = kept
	}
	return t, all
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// countDates applies the count-date rule to an imported enrolment: a Lulus
// row without a completion date gets the file's date, with a warning on the
// row (the preview lists it; docs/IMPORT.md says which date). Nothing else
// is filled in: an enrolment or leaving date the file does not have stays
// empty and the record is listed under Data perlu dilengkapi.
func (p *rowParser) countDates(e *wub.Enrolment) wub.Issues {
	if e.Status != wub.StatusTrained || !e.CompletedOn.IsZero() || p.fileDate.IsZero() {
		return nil
	}
	e.CompletedOn = p.fileDate
	return wub.Issues{{Field: "completed_on", Code: "import_completed_on_offered", Severity: wub.Warning}}
}

func masks(is wub.Issues) (errs, warns uint64) {
	for _, i := range is {
		if i.Severity == wub.Error {
			errs |= 1 << bitOf(i.Code)
		} else {
			warns |= 1 << bitOf(i.Code)
		}
	}
	return errs, warns
}
