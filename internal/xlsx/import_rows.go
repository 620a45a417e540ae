package xlsx

import (
	"bytes"
	"strings"
	"sync"
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
)

// Row is one row of the preview, held compactly and without pointers (so
// the garbage collector never scans a 100,000-row preview): the cells as
// read live in the report's arena, the issue codes are bits. The trainee
// and the full messages are rebuilt from the cells when needed
// (Report.Detail, Commit).
type Row struct {
	Num    int // the row number Excel shows
	Status RowStatus
	skip   uint8 // index in skipReasons
	dupOf  int32 // first row with the same NIK, for nik_duplicate_in_file
	errs   uint64
	warns  uint64
	nums   uint64  // bit c: column c held a number
	cells  cellRef // cell texts joined by \x00, in the report's arena
}

// skipReasons are the Skip codes by index; 0 is "not skipped".
var skipReasons = []string{"", SkipBlank, SkipColumnNumbers, SkipTotal, SkipAfterTable, SkipHeaderRepeat, SkipNoData}

func skipIndex(reason string) uint8 {
	for i, r := range skipReasons {
		if r == reason {
			return uint8(i)
		}
	}
	return 0
}

// Skip is the reason a Skipped row was skipped ("" for other rows).
func (r Row) Skip() string { return skipReasons[r.skip] }

// codes are the issue codes a row can carry; a row keeps them as bits.
var (
	codeMu  sync.Mutex
	codes   = []string{}
	codeBit = map[string]uint{}
)

func init() {
	for _, c := range []string{"nik_missing", "nik_format", "nik_numeric_cell", "nik_duplicate_in_file",
		"nik_registered", "name_missing", "name_too_long", "gender_invalid", "gender_missing", "date_invalid",
		"date_future", "date_too_old", "kk_format", "status_invalid", "nik_mismatch", "nik_outside_regency",
		"phone_invalid", "kecamatan_fuzzy", "kecamatan_unknown", "desa_fuzzy", "desa_unknown",
		"desa_not_in_kecamatan", "gender_from_nik", "date_from_nik", "nik_equals_kk", "kk_numeric_cell",
		"kbli_unknown"} {
		bitOf(c)
	}
}

// bitOf returns the bit of a code, adding codes the domain may grow.
func bitOf(code string) uint {
	codeMu.Lock()
	defer codeMu.Unlock()
	if b, ok := codeBit[code]; ok {
		return b
	}
	if len(codes) == 63 {
		return 63 // the domain would need 36 more codes to get here
	}
	codeBit[code] = uint(len(codes))
	codes = append(codes, code)
	return codeBit[code]
}

func codesOf(mask uint64) []string {
	codeMu.Lock()
	defer codeMu.Unlock()
	var out []string
	for b := range uint(64) {
		if mask&(1<<b) != 0 && int(b) < len(codes) {
			out = append(out, codes[b])
		}
	}
	return out
}

// Errors are the codes that reject the row.
func (r Row) Errors() []string { return codesOf(r.errs) }

// Warnings are the codes the row is flagged with.
func (r Row) Warnings() []string { return codesOf(r.warns) }

// cellRef locates a row's packed cells in an arena.
type cellRef struct{ chunk, off, n uint32 }

// arena holds the packed cells of every row in large pointer-free chunks.
type arena struct {
	chunks [][]byte
	buf    []byte // scratch for packing one row
}

const arenaChunk = 1 << 20

func (a *arena) add(b []byte) cellRef {
	if len(b) == 0 {
		return cellRef{}
	}
	k := len(a.chunks) - 1
	if k < 0 || len(a.chunks[k])+len(b) > cap(a.chunks[k]) {
		a.chunks = append(a.chunks, make([]byte, 0, max(arenaChunk, len(b))))
		k++
	}
	off := len(a.chunks[k])
	a.chunks[k] = append(a.chunks[k], b...)
	return cellRef{chunk: uint32(k), off: uint32(off), n: uint32(len(b))}
}

func (a *arena) get(ref cellRef) []byte {
	if ref.n == 0 {
		return nil
	}
	return a.chunks[ref.chunk][ref.off : ref.off+ref.n]
}

// pack stores a sheet row's cells and returns the row with them.
func (a *arena) pack(sr sheetRow) Row {
	a.buf = a.buf[:0]
	var nums uint64
	for i, c := range sr.cells {
		if i > 0 {
			a.buf = append(a.buf, 0)
		}
		for j := 0; j < len(c.text); j++ {
			if c.text[j] != 0 {
				a.buf = append(a.buf, c.text[j])
			}
		}
		if c.num && i < 64 {
			nums |= 1 << uint(i)
		}
	}
	return Row{Num: sr.num, cells: a.add(a.buf), nums: nums}
}

// cells returns a row's cell texts (by column, 0 = A).
func (a *arena) cells(r Row) []string {
	b := a.get(r.cells)
	if b == nil {
		return nil
	}
	return strings.Split(string(b), "\x00")
}

// cell returns one cell of a row without unpacking the others.
func (a *arena) cell(r Row, col int) cell {
	b := a.get(r.cells)
	for i := 0; i < col; i++ {
		k := bytes.IndexByte(b, 0)
		if k < 0 {
			return cell{}
		}
		b = b[k+1:]
	}
	if k := bytes.IndexByte(b, 0); k >= 0 {
		b = b[:k]
	}
	return cell{text: string(b), num: col < 64 && r.nums&(1<<uint(col)) != 0}
}

func (a *arena) unpack(r Row) sheetRow {
	sr := sheetRow{num: r.Num}
	for i, t := range a.cells(r) {
		sr.cells = append(sr.cells, cell{text: t, num: i < 64 && r.nums&(1<<uint(i)) != 0})
	}
	return sr
}

// rowParser turns a sheet row into a trainee and its enrolment with the
// issues found, the same way at preview and at commit.
type rowParser struct {
	m        map[Field]int
	date1904 bool
	today    time.Time
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
	var pre wub.Issues
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
		} else {
			pre = append(pre, wub.Issue{Field: "status", Code: "status_invalid", Severity: wub.Error, Args: []any{s}})
		}
	}
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
