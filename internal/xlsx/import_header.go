package xlsx

import (
	"strconv"
	"strings"
)

// Field is what a column of an office spreadsheet holds.
type Field string

// The fields an import understands. Columns are found by header text.
const (
	FieldNo           Field = "no"
	FieldNIK          Field = "nik"
	FieldKK           Field = "kk"
	FieldName         Field = "name"
	FieldSex          Field = "sex"
	FieldTTL          Field = "ttl" // tempat, tanggal lahir in one cell
	FieldBirthPlace   Field = "birth_place"
	FieldBirthDate    Field = "birth_date"
	FieldAddress      Field = "address"
	FieldRT           Field = "rt" // RT or RT/RW
	FieldRW           Field = "rw"
	FieldDesa         Field = "desa"
	FieldKecamatan    Field = "kecamatan"
	FieldPhone        Field = "phone"
	FieldEducation    Field = "education"
	FieldBusinessName Field = "business_name"
	FieldBusinessType Field = "business_type"
	FieldKBLI         Field = "kbli"
	FieldStatus       Field = "status"
	FieldNotes        Field = "notes"
)

// Fields lists the fields in the order a mapping is shown.
var Fields = []Field{FieldNo, FieldNIK, FieldKK, FieldName, FieldSex, FieldTTL, FieldBirthPlace, FieldBirthDate,
	FieldAddress, FieldRT, FieldRW, FieldDesa, FieldKecamatan, FieldPhone, FieldEducation, FieldBusinessName,
	FieldBusinessType, FieldKBLI, FieldStatus, FieldNotes}

// headerTokens folds a header to upper-case words of letters and digits:
// "No. HP/WA" → [NO HP WA].
func headerTokens(s string) []string {
	return strings.FieldsFunc(strings.ToUpper(s), func(r rune) bool {
		return !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	})
}

// nameExcluded are words that make a "NAMA …" column something other than
// the trainee's name.
var nameExcluded = []string{"IBU", "AYAH", "BAPAK", "SUAMI", "ISTRI", "ORANG", "WALI", "DESA", "KELURAHAN",
	"KECAMATAN", "KELOMPOK", "LEMBAGA", "PENDAMPING", "PELATIHAN", "INSTRUKTUR", "DINAS", "OPD", "KABUPATEN",
	"PROGRAM", "BANK", "KEGIATAN", "AHLI", "PASANGAN", "KK", "KEPALA"}

// matchHeader says which field a header text names ("" when none).
func matchHeader(s string) Field {
	t := headerTokens(s)
	if len(t) == 0 {
		return ""
	}
	j := strings.Join(t, " ")
	has := func(ws ...string) bool {
		for _, w := range ws {
			for _, x := range t {
				if x == w {
					return true
				}
			}
		}
		return false
	}
	switch {
	case j == "NO" || j == "NO URUT" || j == "NOMOR" || j == "NOMOR URUT" || j == "NO URT":
		return FieldNo
	case (has("KK") || strings.Contains(j, "KARTU KELUARGA")) && !has("NIK"):
		return FieldKK
	case has("NIK") || strings.Contains(j, "INDUK KEPENDUDUKAN"):
		return FieldNIK
	case t[0] == "NAMA" && has("USAHA", "UMKM", "PRODUK", "MEREK", "MERK", "TOKO"):
		return FieldBusinessName
	case t[0] == "NAMA" && !has(nameExcluded...):
		return FieldName
	case has("KTP") && !has("ALAMAT"):
		return FieldNIK
	case has("TTL") || has("TEMPAT") && has("TANGGAL", "TGL", "TG") && has("LAHIR", "LHR"):
		return FieldTTL
	case has("TEMPAT") && has("LAHIR", "LHR", "KELAHIRAN"):
		return FieldBirthPlace
	case has("TANGGAL", "TGL", "TG") && has("LAHIR", "LHR", "KELAHIRAN"):
		return FieldBirthDate
	case j == "JK" || j == "L P" || j == "P L" || j == "LK PR" || has("KELAMIN") || j == "GENDER" || j == "SEX":
		return FieldSex
	case has("USAHA", "UMKM") && has("JENIS", "BIDANG", "SEKTOR", "KATEGORI", "JNS"):
		return FieldBusinessType
	case has("KBLI"):
		return FieldKBLI
	case has("HP", "TELP", "TELEPON", "TELPON", "TLP", "WA", "WHATSAPP", "HANDPHONE", "PONSEL", "KONTAK", "TELEPHONE", "PHONE"):
		return FieldPhone
	case has("KECAMATAN", "KEC"):
		return FieldKecamatan
	case has("DESA", "KELURAHAN", "KEL", "DS"):
		return FieldDesa
	case j == "RT RW" || j == "RT" || j == "RT RW DUSUN":
		return FieldRT
	case j == "RW":
		return FieldRW
	case has("ALAMAT", "DUSUN", "JALAN", "JL", "DSN", "KAMPUNG") && !has("USAHA", "EMAIL"):
		return FieldAddress
	case has("PENDIDIKAN", "IJAZAH"):
		return FieldEducation
	case j == "STATUS" || has("STATUS") && has("PELATIHAN", "PESERTA", "KELULUSAN"):
		return FieldStatus
	case has("KETERANGAN", "KET", "CATATAN"):
		return FieldNotes
	}
	return ""
}

// matchSubHeader reads a sub-header under a group header: "TEMPAT" and
// "TANGGAL" under "TEMPAT, TANGGAL LAHIR", "DESA" under "ALAMAT".
func matchSubHeader(top, sub string) Field {
	if f := matchHeader(sub); f != "" && f != FieldTTL {
		return f
	}
	if f := matchHeader(top + " " + sub); f != "" && f != FieldTTL {
		return f
	}
	st := headerTokens(sub)
	if tf := matchHeader(top); (tf == FieldTTL || tf == FieldBirthDate) && len(st) > 0 {
		switch st[0] {
		case "TEMPAT", "KOTA", "KAB", "KABUPATEN":
			return FieldBirthPlace
		case "TANGGAL", "TGL", "TG", "TANGGAL BULAN TAHUN":
			return FieldBirthDate
		}
	}
	return matchHeader(sub)
}

// Column is one column of the detected header.
type Column struct {
	Index  int    // 0 = A
	Letter string // "A"
	Header string // the header text, "ALAMAT / DESA" under a group
	Field  Field  // "" when the column is not imported
	Hidden bool   // the column is hidden in Excel (it is read all the same)
}

// header is what was found at the top of a sheet.
type header struct {
	top, last int // Excel row numbers of the first and last header row
	numbers   int // row number of the column-number row, 0 when none
	columns   []Column
	mapping   map[Field]int
	title     []sheetRow // rows above the header
	rows      []sheetRow // the header rows as they were
}

// headScanRows is how far down a sheet the header is looked for.
const headScanRows = 50

// findHeader looks for the header among the first rows of a sheet: the
// first row with a NIK and a name column, an optional sub-header row under
// it, and an optional row of column numbers.
func findHeader(rows []sheetRow) *header {
	for i, r := range rows {
		cols := map[Field]int{}
		for c := range r.cells {
			if f := matchHeader(r.text(c)); f != "" {
				if _, dup := cols[f]; !dup {
					cols[f] = c
				}
			}
		}
		nikCol, okN := cols[FieldNIK]
		nameCol, okM := cols[FieldName]
		if !okN || !okM {
			continue
		}
		h := &header{top: r.num, last: r.num, title: rows[:i], rows: rows[i : i+1]}
		next := func(k int) (sheetRow, bool) {
			if i+k < len(rows) && rows[i+k].num == r.num+k {
				return rows[i+k], true
			}
			return sheetRow{}, false
		}
		if i > 0 && rows[i-1].num == r.num-1 && isGroupRow(rows[i-1], r) {
			// DATA PESERTA over NIK / NAMA / L-P, with NO, TTL, NO. HP
			// merged down both rows: the upper row is the header's top.
			up := rows[i-1]
			h.top, h.title, h.rows = up.num, rows[:i-1], rows[i-1:i+1]
			if nr, ok := next(1); ok && isNumberRow(nr) {
				h.numbers = nr.num
			}
			h.build(up, r, true)
			return h
		}
		sub, hasSub := next(1)
		if hasSub && (sub.text(nikCol) != "" || sub.text(nameCol) != "" || isNumberRow(sub) || !hasText(sub)) {
			hasSub = false
		}
		if hasSub {
			h.last = sub.num
			h.rows = rows[i : i+2]
		}
		if nr, ok := next(h.last - r.num + 1); ok && isNumberRow(nr) {
			h.numbers = nr.num
		}
		h.build(r, sub, hasSub)
		return h
	}
	return nil
}

// build names every column and maps the first column of each field.
func (h *header) build(top, sub sheetRow, hasSub bool) {
	n := len(top.cells)
	if hasSub && len(sub.cells) > n {
		n = len(sub.cells)
	}
	h.mapping = map[Field]int{}
	group := ""
	for c := 0; c < n; c++ {
		t, s := top.text(c), ""
		if hasSub {
			s = sub.text(c)
		}
		// A group header merged across columns has its text in the first
		// cell only; the cells to its right that have a sub-header belong to it.
		if t != "" {
			group = t
		} else if s == "" {
			group = ""
		}
		var f Field
		text := t
		switch {
		case s != "":
			f = matchSubHeader(group, s)
			text = s
			if group != "" {
				text = group + " / " + s
			}
		case t != "":
			f = matchHeader(t)
		}
		col := Column{Index: c, Letter: columnLetter(c), Header: oneLine(text)}
		if f != "" {
			if _, dup := h.mapping[f]; !dup {
				h.mapping[f] = c
				col.Field = f
			}
		}
		h.columns = append(h.columns, col)
	}
}

// isGroupRow says whether up, the row above the one naming NIK and Nama,
// is the upper row of a two-row header: it names a column (merged down
// over both rows) above a cell that is empty in the lower row, or groups
// several of them. A title row has one cell and names no column.
func isGroupRow(up, low sheetRow) bool {
	n, named := 0, false
	for c := range up.cells {
		t := up.text(c)
		if t == "" {
			continue
		}
		n++
		if low.text(c) == "" && matchHeader(t) != "" {
			named = true
		}
	}
	return n >= 2 && named && !isNumberRow(up)
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func hasText(r sheetRow) bool {
	for _, c := range r.cells {
		if t := strings.TrimSpace(c.text); t != "" && !c.num {
			if _, err := strconv.Atoi(t); err != nil {
				return true
			}
		}
	}
	return false
}

// isNumberRow recognises the row of column numbers (1, 2, 3, … or (1),
// (2), …) that office tables put under the header.
func isNumberRow(r sheetRow) bool {
	prev, n := 0, 0
	for _, c := range r.cells {
		t := strings.Trim(strings.TrimSpace(c.text), "().")
		if t == "" {
			continue
		}
		v, err := strconv.Atoi(t)
		if err != nil || (n > 0 && v != prev+1) {
			return false
		}
		prev, n = v, n+1
	}
	return n >= 3
}

func columnLetter(c int) string {
	s := ""
	for c++; c > 0; c = (c - 1) / 26 {
		s = string(rune('A'+(c-1)%26)) + s
	}
	return s
}
