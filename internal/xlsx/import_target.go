package xlsx

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"wubdesk/internal/wub"
)

// TargetWarning says that the file names another agency or program year
// than the one the rows are about to be enrolled in: the clerk may have
// picked another office's file.
type TargetWarning struct {
	Source string // "title", "column" (a Dinas/Instansi column) or "file_name"
	Kind   string // "agency" or "year"
	Found  string // the agency code or year the file names
	Chosen string // the agency code or year chosen
	Rows   int    // for a column: how many rows name Found
}

// Message is the warning in the clerk's language.
func (w TargetWarning) Message() string {
	src := wub.Message("import_target_src_"+w.Source, "")
	if w.Kind == "year" {
		return wub.Message("import_target_year", "", src, w.Found, w.Chosen)
	}
	if w.Source == "column" {
		return wub.Message("import_target_agency_rows", "", w.Rows, w.Found, w.Chosen)
	}
	return wub.Message("import_target_agency", "", src, w.Found, w.Chosen)
}

// agencyColumn says whether a header names the agency of each row.
func agencyColumn(text string) bool {
	for _, t := range headerTokens(text) {
		switch t {
		case "DINAS", "INSTANSI", "OPD", "PELAKSANA", "PENYELENGGARA":
			return true
		}
	}
	return false
}

// countAgency counts the agency a row's Dinas/Instansi cell names.
func (rep *Report) countAgency(r sheetRow) {
	if rep.agencyCol < 0 {
		return
	}
	t := r.text(rep.agencyCol)
	if t == "" {
		return
	}
	code := titleAgency([]string{t})
	if code == "" {
		if a, ok := agencyByCode(t); ok {
			code = a
		}
	}
	if code == "" {
		return
	}
	if rep.columnAgencies == nil {
		rep.columnAgencies = map[string]int{}
	}
	rep.columnAgencies[code]++
}

func agencyByCode(t string) (string, bool) {
	code := strings.ToUpper(strings.Join(headerTokens(t), ""))
	for _, h := range agencyHints {
		if h.code == code {
			return code, true
		}
	}
	return "", false
}

// fileWords is a file name as words: "peserta_disperindag-2023.xlsx" →
// "PESERTA DISPERINDAG 2023".
func fileWords(name string) string {
	base := strings.TrimSuffix(filepath.Base(name), filepath.Ext(name))
	return strings.Join(headerTokens(base), " ")
}

// checkTarget compares the chosen agency and year with what the title,
// a Dinas column and the file name say.
func (rep *Report) checkTarget() {
	rep.Target = nil
	add := func(w TargetWarning) { rep.Target = append(rep.Target, w) }
	year := strconv.Itoa(rep.Year)
	if rep.Agency != "" {
		if rep.TitleAgency != "" && rep.TitleAgency != rep.Agency {
			add(TargetWarning{Source: "title", Kind: "agency", Found: rep.TitleAgency, Chosen: rep.Agency})
		}
		var codes []string
		for c := range rep.columnAgencies {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		for _, c := range codes {
			if c != rep.Agency {
				add(TargetWarning{Source: "column", Kind: "agency", Found: c, Chosen: rep.Agency, Rows: rep.columnAgencies[c]})
			}
		}
		if fa := titleAgency([]string{fileWords(rep.File)}); fa != "" && fa != rep.Agency {
			add(TargetWarning{Source: "file_name", Kind: "agency", Found: fa, Chosen: rep.Agency})
		}
	}
	if rep.Year != 0 {
		if rep.TitleYear != 0 && rep.TitleYear != rep.Year {
			add(TargetWarning{Source: "title", Kind: "year", Found: strconv.Itoa(rep.TitleYear), Chosen: year})
		}
		if fy := titleYear([]string{fileWords(rep.File)}); fy != 0 && fy != rep.Year && fy != rep.TitleYear {
			add(TargetWarning{Source: "file_name", Kind: "year", Found: strconv.Itoa(fy), Chosen: year})
		}
	}
}

// hiddenColumns notes the hidden columns of the header (they are read).
func (rep *Report) hiddenColumns(lo layout) {
	rep.HiddenColumns = nil
	for i := range rep.Columns {
		c := &rep.Columns[i]
		if lo.hiddenCols[c.Index] {
			c.Hidden = true
			if c.Field != "" || c.Header != "" {
				rep.HiddenColumns = append(rep.HiddenColumns, c.Letter)
			}
		}
	}
}

// Notices are the remarks about the whole file the clerk should read
// before importing: hidden rows and columns, another agency or year.
func (rep *Report) Notices() []string {
	var out []string
	for _, w := range rep.Target {
		out = append(out, w.Message())
	}
	if len(rep.HiddenColumns) > 0 {
		out = append(out, wub.Message("import_hidden_columns", "", strings.Join(rep.HiddenColumns, ", ")))
	}
	if len(rep.HiddenRows) > 0 {
		out = append(out, wub.Message("import_hidden_rows", "", len(rep.HiddenRows), rowList(rep.HiddenRows, 12)))
	}
	if len(rep.OtherTables) > 0 {
		var parts []string
		for _, t := range rep.OtherTables {
			parts = append(parts, fmt.Sprintf("%q (%d)", t.Sheet, t.Rows))
		}
		out = append(out, wub.Message("import_other_tables", "", strings.Join(parts, ", ")))
	}
	return out
}

// rowList is "5, 6, 9 …" with at most n numbers.
func rowList(rows []int, n int) string {
	var parts []string
	for i, r := range rows {
		if i == n {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.Itoa(r))
	}
	return strings.Join(parts, ", ")
}
