package xlsx

import (
	"sort"
	"unicode/utf8"

	"wubdesk/internal/wub"
)

// badText reports every mapped cell of the row whose text is not text:
// bytes that are not UTF-8 (a file saved in another code page, a damaged
// cell: \xff\xfe, \xc3( …) or control characters. Such a value would be
// stored as is and later dropped by the export, so the submission would no
// longer match the register; the row is refused, naming the column, and the
// clerk retypes the cell.
func (p *rowParser) badText(r sheetRow) wub.Issues {
	var cols []int
	field := map[int]Field{}
	for f, c := range p.m {
		if _, seen := field[c]; !seen {
			cols = append(cols, c)
		}
		field[c] = f
	}
	sort.Ints(cols)
	var out wub.Issues
	for _, c := range cols {
		if s := r.get(c).text; !cleanText(s) {
			out = append(out, wub.Issue{Field: string(field[c]), Code: "cell_not_text", Severity: wub.Error,
				Args: []any{colName(c)}})
		}
	}
	return out
}

// cleanText reports whether s is valid UTF-8 without control characters
// (tab and line breaks, which a cell may hold, are allowed).
func cleanText(s string) bool {
	if !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r < 0xa0) || r == 0xfffe || r == 0xffff {
			return false
		}
	}
	return true
}
