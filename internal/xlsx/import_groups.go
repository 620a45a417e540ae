package xlsx

import (
	"strings"

	"wubdesk/internal/wub"
)

// headerSignatures are the header rows as folded text, to recognise the
// header repeated where a new printed page starts.
func headerSignatures(h *header) []string {
	var out []string
	for _, r := range h.rows {
		if s := rowSignature(r); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// rowSignature is the folded text of a row's cells by column.
func rowSignature(r sheetRow) string {
	var b strings.Builder
	n := 0
	for c := range r.cells {
		t := strings.Join(headerTokens(r.text(c)), " ")
		if t == "" {
			continue
		}
		n++
		b.WriteString(columnLetter(c))
		b.WriteByte('=')
		b.WriteString(t)
		b.WriteByte(';')
	}
	if n < 2 {
		return ""
	}
	return b.String()
}

func isHeaderRepeat(r sheetRow, heads []string) bool {
	if len(heads) == 0 {
		return false
	}
	s := rowSignature(r)
	for _, h := range heads {
		if s == h {
			return true
		}
	}
	return false
}

// groupWords start a group title: "KECAMATAN PADEMAWU", "Angkatan II".
var groupWords = map[string]bool{"KECAMATAN": true, "KEC": true, "ANGKATAN": true, "ANGK": true, "GELOMBANG": true,
	"KELOMPOK": true, "BATCH": true, "KELAS": true, "WILAYAH": true, "DESA": true, "KELURAHAN": true, "LOKASI": true}

// groupTitle recognises the title row of a group in a grouped list: no NIK,
// one text (perhaps after an enumerator such as "A." or "II") that starts
// with a group word or is the name of a kecamatan. kec is the kecamatan it
// names, "" when it names another kind of group.
func groupTitle(r sheetRow, nikCol int) (title, kec string, ok bool) {
	if digits(r.text(nikCol)) >= 6 { // a NIK, even a wrong one: a trainee's row
		return "", "", false
	}
	var texts []string
	for c := range r.cells {
		if t := r.text(c); t != "" {
			texts = append(texts, t)
		}
	}
	switch {
	case len(texts) == 2 && isEnumerator(texts[0]):
		texts = texts[1:]
	case len(texts) != 1:
		return "", "", false
	}
	title = oneLine(texts[0])
	tok := headerTokens(title)
	if len(tok) > 1 && isEnumerator(tok[0]) {
		tok = tok[1:]
	}
	if len(tok) == 0 || len(tok) > 8 {
		return "", "", false
	}
	rest := strings.Join(tok, " ")
	if groupWords[tok[0]] {
		if tok[0] != "KECAMATAN" && tok[0] != "KEC" {
			return title, "", true
		}
		rest = strings.Join(tok[1:], " ")
		if k, _, found := wub.Ref().FindKecamatan(rest); found {
			return title, k.Name, true
		}
		return title, "", true
	}
	if k, exact, found := wub.Ref().FindKecamatan(rest); found && exact {
		return title, k.Name, true
	}
	return "", "", false
}

func digits(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			n++
		}
	}
	return n
}

// isEnumerator is "A", "1.", "II", "(3)": the numbering of a group.
func isEnumerator(s string) bool {
	s = strings.Trim(strings.TrimSpace(s), ".)(")
	if s == "" || len(s) > 4 {
		return false
	}
	if strings.Trim(s, "0123456789") == "" {
		return true
	}
	if len(s) == 1 && s[0] >= 'A' && s[0] <= 'Z' || len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' {
		return true
	}
	return strings.Trim(strings.ToUpper(s), "IVX") == ""
}

// notesWords start the notes under a table.
var notesWords = map[string]bool{"CATATAN": true, "NB": true, "KETERANGAN": true, "KET": true, "SUMBER": true}

// isNotesRow recognises "Catatan: …", "Keterangan: L = laki-laki" under a table.
func isNotesRow(r sheetRow) bool {
	for c := range r.cells {
		if t := headerTokens(r.text(c)); len(t) > 0 {
			return notesWords[t[0]]
		}
	}
	return false
}
