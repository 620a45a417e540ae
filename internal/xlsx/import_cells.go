package xlsx

import (
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// nikFromCell reads a NIK cell. A NIK from a numeric cell went through
// Excel's 15 significant digits: one ending in 0 has probably lost its last
// digit and is refused; any other is taken with a warning.
func nikFromCell(c cell) (string, *wub.Issue) {
	nik := wub.NormalizeNIK(c.text)
	if !c.num || len(nik) != 16 {
		return nik, nil
	}
	if strings.HasSuffix(nik, "0") {
		return nik, &wub.Issue{Field: "nik", Code: "nik_numeric_cell", Severity: wub.Error}
	}
	return nik, &wub.Issue{Field: "nik", Code: "nik_numeric_cell", Msg: "nik_numeric_warn", Severity: wub.Warning}
}

// parseDateText reads a date as offices write it, or an Excel serial number
// that reached us as a number or as text. ok is false for anything else; an
// empty text is the zero time and ok.
func parseDateText(s string, date1904 bool) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, true
	}
	if t, err := wub.ParseDate(s); err == nil {
		return t, true
	}
	// "12-05-1990 00:00:00" as some exports write it.
	if i := strings.LastIndexByte(s, ' '); i > 0 && strings.Count(s[i:], ":") >= 1 {
		if t, err := wub.ParseDate(s[:i]); err == nil {
			return t, true
		}
	}
	if f, err := strconv.ParseFloat(s, 64); err == nil && f >= 1 && f < 2958466 && f == float64(int(f)) {
		if t, err := excelize.ExcelDateToTime(f, date1904); err == nil {
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), true
		}
	}
	return time.Time{}, false
}

// splitTTL splits "tempat, tanggal lahir" written in one cell:
// "Pamekasan, 12-05-1990", "PAMEKASAN, 12 Mei 1990", "Sumenep 03/11/1985".
// date is "" when the cell names only a place.
func splitTTL(s string) (place, date string) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return "", ""
	}
	if i := strings.IndexByte(s, ','); i >= 0 {
		rest := strings.TrimSpace(s[i+1:])
		if _, err := wub.ParseDate(rest); err == nil || looksLikeDate(rest) {
			return strings.TrimSpace(s[:i]), rest
		}
	}
	// Without a comma: the date is the last one to three words.
	f := strings.Fields(strings.ReplaceAll(s, ",", " "))
	for k := 1; k <= 3 && k < len(f)+1; k++ {
		cand := strings.Join(f[len(f)-k:], " ")
		if _, err := wub.ParseDate(cand); err == nil {
			return strings.Join(f[:len(f)-k], " "), cand
		}
	}
	if looksLikeDate(s) {
		return "", s
	}
	if len(f) > 0 && looksLikeDate(f[len(f)-1]) {
		return strings.Join(f[:len(f)-1], " "), f[len(f)-1]
	}
	return s, ""
}

// looksLikeDate reports text that holds digits and a date separator, so
// that a mistyped date is reported as such instead of being kept as a place.
func looksLikeDate(s string) bool {
	digits := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 4 && strings.ContainsAny(s, "/-.")
}

// kbliFromText recognises a KBLI section written as its letter or title.
func kbliFromText(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	ref := wub.Ref()
	if k, ok := ref.KBLIByCode(s); ok {
		return k.Code, true
	}
	if k, ok := kbliTitles()[strings.Join(headerTokens(s), " ")]; ok {
		return k, true
	}
	return "", false
}

// kbliTitles maps each KBLI section title, folded like a header, to its letter.
var kbliTitles = sync.OnceValue(func() map[string]string {
	m := map[string]string{}
	for _, k := range wub.Ref().KBLI {
		m[strings.Join(headerTokens(k.Title), " ")] = k.Code
	}
	return m
})

// isTotalRow recognises the JUMLAH / TOTAL row that ends an office table.
func isTotalRow(r sheetRow, nikCol int) bool {
	if wub.NormalizeNIK(r.text(nikCol)) != "" && r.text(nikCol) != "-" {
		t := headerTokens(r.text(nikCol))
		if len(t) == 0 || !isTotalWord(t[0]) {
			return false
		}
	}
	for c := range r.cells {
		t := headerTokens(r.text(c))
		if len(t) > 0 {
			return isTotalWord(t[0]) || (t[0] == "SUB" && len(t) > 1 && isTotalWord(t[1]))
		}
	}
	return false
}

func isTotalWord(w string) bool {
	return w == "JUMLAH" || w == "TOTAL" || w == "JML" || w == "GRANDTOTAL" || w == "SUBTOTAL"
}

// signatureWords start the lines of the signature block under a table.
var signatureWords = []string{"MENGETAHUI", "KEPALA", "NIP", "PEMBINA", "PENATA", "SEKRETARIS", "PLT", "PLH",
	"TTD", "DIBUAT", "DISETUJUI", "PETUGAS", "BUPATI", "CAMAT", "KABID", "KASI", "PPTK", "PENGATUR"}

// isSignatureRow recognises a line of the signature block: "Pamekasan,
// 30 Desember 2022", "Kepala Dinas …", "NIP. 1970…", "a.n. Kepala …".
func isSignatureRow(r sheetRow) bool {
	for c := range r.cells {
		s := r.text(c)
		if s == "" {
			continue
		}
		t := headerTokens(s)
		if len(t) == 0 {
			continue
		}
		for _, w := range signatureWords {
			if t[0] == w {
				return true
			}
		}
		if len(t) > 1 && (t[0] == "A" && t[1] == "N" || t[0] == "AN") {
			return true
		}
		if i := strings.IndexByte(s, ','); i > 0 && !strings.ContainsAny(s[:i], "0123456789") {
			if _, err := wub.ParseDate(strings.TrimSpace(s[i+1:])); err == nil && len(headerTokens(s[i+1:])) == 3 {
				return true
			}
		}
	}
	return false
}
