package xlsx

import (
	"bytes"
	"strings"
	"sync"
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
	hidden bool  // the row is hidden in Excel
	dupOf  int32 // first row with the same NIK, for nik_duplicate_in_file
	errs   uint64
	warns  uint64
	nums   uint64  // bit c: column c held a number
	cells  cellRef // cell texts joined by \x00, in the report's arena
}

// skipReasons are the Skip codes by index; 0 is "not skipped".
var skipReasons = []string{"", SkipBlank, SkipColumnNumbers, SkipTotal, SkipAfterTable, SkipHeaderRepeat, SkipNoData, SkipGroupTitle}

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
	return Row{Num: sr.num, cells: a.add(a.buf), nums: nums, hidden: sr.hidden}
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
	sr := sheetRow{num: r.Num, hidden: r.hidden}
	for i, t := range a.cells(r) {
		sr.cells = append(sr.cells, cell{text: t, num: i < 64 && r.nums&(1<<uint(i)) != 0})
	}
	return sr
}
