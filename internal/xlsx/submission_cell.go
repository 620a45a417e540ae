package xlsx

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Kind says how a column's values are written and read back.
type Kind int

const (
	// KindText is free text typed by users (names, addresses).
	KindText Kind = iota
	// KindID is an identifier made of digits that must stay text (NIK,
	// No. KK, phone): a Text-formatted (@) column, never a number.
	KindID
	// KindDate is a real Excel date shown dd/mm/yyyy; the value given and
	// read back is YYYY-MM-DD ("" when unknown).
	KindDate
	// KindInt is a whole number (the row number "No").
	KindInt
	// KindSerialDate is a real Excel date like KindDate, but its value
	// given and read back is the date's serial number ("45352"): what a
	// reader that does not know the column reads and hashes, so columns
	// added at the end of a sheet keep older readers' checksums right.
	KindSerialDate
)

// SheetColumn is one column of a data sheet.
type SheetColumn struct {
	Header string
	Kind   Kind
	Width  float64 // 0: fitted to the header and the first rows
	// Wrap caps a fitted column at this width and wraps longer values onto
	// more lines (the Peserta sheet's names, addresses, businesses), so
	// that the printed page keeps a legible size instead of clipping.
	Wrap float64
}

// Table is an optional data sheet (Fasilitator): columns and rows of
// values in the canonical form of each Kind.
type Table struct {
	Columns []SheetColumn
	Rows    [][]string
}

// maxCellChars is Excel's limit on the length of a cell (UTF-16 units).
const maxCellChars = 32767

// sanitize makes a user value storable in a cell and unchanged when read
// back: invalid UTF-8 and characters XML 1.0 forbids are dropped, and the
// value is cut at Excel's cell limit. The checksum is computed over the
// sanitized value.
func sanitize(s string) string {
	clean := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
			clean = false
			break
		}
	}
	if clean && len(s) <= maxCellChars {
		return s
	}
	var b strings.Builder
	units := 0
	for _, r := range strings.ToValidUTF8(s, "") {
		if !xmlChar(r) {
			continue
		}
		n := 1
		if r > 0xFFFF {
			n = 2
		}
		if units+n > maxCellChars {
			break
		}
		units += n
		b.WriteRune(r)
	}
	return b.String()
}

// xmlChar reports whether r may appear in an XML 1.0 document.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

// risky reports whether Excel would take a typed value as a formula: such
// cells get the quote-prefix style so that they stay text even when a clerk
// edits them (formula injection).
func risky(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r', '\n':
		return true
	}
	return false
}

// appendEscaped appends s as XML text. Besides the XML escapes, a literal
// "_xHHHH_" is written as "_x005F_xHHHH_" because spreadsheet readers decode
// that pattern as an escaped character.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b = append(b, "&amp;"...)
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '\r':
			b = append(b, "&#xD;"...)
		case '_':
			if escapePattern(s[i:]) {
				b = append(b, "_x005F"...)
			}
			b = append(b, c)
		default:
			b = append(b, c)
		}
	}
	return b
}

// escapePattern reports whether s starts with _xHHHH_.
func escapePattern(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// needsPreserve reports whether leading or trailing white space must be
// kept with xml:space="preserve".
func needsPreserve(s string) bool {
	if s == "" {
		return false
	}
	isSpace := func(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
	return isSpace(s[0]) || isSpace(s[len(s)-1])
}

// excelEpoch is day 0 of Excel's 1900 date system as used for dates after
// February 1900.
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// dateSerial turns YYYY-MM-DD into an Excel serial day number.
func dateSerial(iso string) (int64, bool) {
	t, err := time.Parse("2006-01-02", iso)
	if err != nil || t.Year() < 1901 {
		return 0, false
	}
	return t.Unix()/86400 + 25569, true
}

// serialDate turns an Excel serial day number (as read from a cell) into
// YYYY-MM-DD; ok is false when the text is not a whole day number.
func serialDate(s string) (string, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || f < 367 || f > 2958465 || f != float64(int64(f)) {
		return "", false
	}
	return excelEpoch.AddDate(0, 0, int(f)).Format("2006-01-02"), true
}

// colName is the letter(s) of a 0-based column index.
func colName(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// textWidth is a column width (in Excel's character units) that fits s.
func textWidth(s string) float64 {
	// The longest line in runes, without allocating: it runs for every
	// text cell of the Peserta sheet.
	n, line := 0, 0
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			if s[i] == '\n' {
				n, line = max(n, line), 0
			} else {
				line++
			}
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
		line++
	}
	return float64(max(n, line)) + 2
}

func itoa(n int) string { return strconv.Itoa(n) }

// thousands writes n the Indonesian way: 2220 -> "2.220".
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	return b.String()
}
