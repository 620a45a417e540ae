package xlsx

import (
	"context"
	"regexp"
	"strconv"
	"strings"

	"wubdesk/internal/wub"
)

// readRows streams the sheet after the header and classifies every row.
// The table ends only where the data does (a signature block, notes, a
// long run of empty rows); totals, group titles, repeated headers and
// column numbers inside it are skipped and listed.
func (rep *Report) readRows(ctx context.Context, wb *workbook, s sheetRef, h *header, lo layout) error {
	rep.parser.date1904 = wb.date1904
	sr, err := wb.rows(s)
	if err != nil {
		return err
	}
	defer sr.Close()
	nikCol, nameCol := rep.Mapping[FieldNIK], rep.Mapping[FieldName]
	noCol, hasNo := rep.Mapping[FieldNo]
	first := map[uint64]int32{} // NIK → first row index
	var blanks []int            // blank rows not yet known to be inside the table
	ended, gap := false, false  // gap: a long run of blank rows; only data goes on
	last := h.last
	heads := headerSignatures(h)
	fill := mergeFill{merges: lo.merges}
	var group cell // the kecamatan the current group title names
	skip := func(r sheetRow, why string) {
		rep.Rows = append(rep.Rows, Row{Num: r.num, Status: Skipped, skip: skipIndex(why), hidden: r.hidden})
		if r.hidden {
			rep.HiddenRows = append(rep.HiddenRows, r.num)
		}
	}
	for sr.Next() {
		r := sr.Row()
		if r.num <= h.last {
			continue
		}
		if len(rep.Rows)%1024 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		fill.apply(&r)
		if !ended {
			for n := last + 1; n < r.num; n++ { // rows Excel did not write are blank
				blanks = append(blanks, n)
			}
		}
		last = r.num
		blank := true
		nonEmpty := 0
		for c := range r.cells {
			if r.text(c) != "" && !(hasNo && c == noCol) {
				blank = false
				nonEmpty++
			}
		}
		if !ended && len(blanks) >= endGapRows && !blank {
			gap = true
		}
		if gap && !ended && !looksLikeData(r, nikCol) {
			ended = true
		}
		switch {
		case ended:
			if !r.empty() {
				skip(r, SkipAfterTable)
			}
			continue
		case isTotalRow(r, nikCol): // before the blank test: JUMLAH is often in the No column
			skip(r, SkipTotal)
			group = cell{}
			continue
		case r.num == h.numbers:
			skip(r, SkipColumnNumbers)
			continue
		}
		if t, kec, ok := groupTitle(r, nikCol); ok {
			rep.flushBlanks(&blanks)
			skip(r, SkipGroupTitle)
			group = cell{}
			if kec != "" {
				group = cell{text: kec}
				rep.groupColumn()
			}
			_ = t
			continue
		}
		switch {
		case blank:
			blanks = append(blanks, r.num)
			continue
		case r.text(nikCol) == "" && nonEmpty <= 2 && (isSignatureRow(r) || isNotesRow(r)):
			skip(r, SkipAfterTable)
			ended = true
			continue
		}
		gap = false
		rep.flushBlanks(&blanks)
		switch {
		case digits(r.text(nikCol)) < 6 && isHeaderRepeat(r, heads) ||
			matchHeader(r.text(nikCol)) == FieldNIK && matchHeader(r.text(nameCol)) == FieldName:
			skip(r, SkipHeaderRepeat)
			continue
		case isNumberRow(r) && len(r.text(nikCol)) < 4:
			skip(r, SkipColumnNumbers) // the number row repeated on a later page
			continue
		case r.text(nikCol) == "" && r.text(nameCol) == "":
			skip(r, SkipNoData)
			continue
		}
		if group.text != "" {
			if c, ok := rep.Mapping[FieldKecamatan]; ok && r.text(c) == "" {
				r.set(c, group)
			}
		}
		rep.countAgency(r)
		t, is := rep.parser.parse(r)
		row := rep.arena.pack(r)
		row.errs, row.warns = masks(is)
		if r.hidden {
			row.warns |= 1 << bitOf("row_hidden")
			rep.HiddenRows = append(rep.HiddenRows, r.num)
		}
		nikBad := row.errs&(1<<bitOf("nik_missing")|1<<bitOf("nik_format")) != 0
		if n, err := strconv.ParseUint(t.NIK, 10, 64); err == nil && len(t.NIK) == 16 && !nikBad {
			if f, dup := first[n]; dup {
				row.errs |= 1 << bitOf("nik_duplicate_in_file")
				row.dupOf = int32(rep.Rows[f].Num)
			} else {
				first[n] = int32(len(rep.Rows))
			}
		}
		row.Status = Accepted
		if row.errs != 0 {
			row.Status = Rejected
		}
		rep.Rows = append(rep.Rows, row)
	}
	return sr.Err()
}

// endGapRows blank rows in a row end the table unless data follows.
const endGapRows = 20

func (rep *Report) flushBlanks(blanks *[]int) {
	for _, n := range *blanks {
		rep.Rows = append(rep.Rows, Row{Num: n, Status: Skipped, skip: skipIndex(SkipBlank)})
	}
	*blanks = (*blanks)[:0]
}

// groupColumn makes sure the kecamatan field has a column to be filled
// from group titles: the sheet's own, or one added after the header's.
func (rep *Report) groupColumn() {
	if _, ok := rep.Mapping[FieldKecamatan]; ok {
		return
	}
	c := len(rep.Columns)
	rep.Mapping[FieldKecamatan] = c
	rep.Columns = append(rep.Columns, Column{Index: c, Letter: columnLetter(c),
		Header: wub.Message("import_group_column", ""), Field: FieldKecamatan})
}

// looksLikeData says whether a row after a long gap still holds a trainee:
// a NIK of at least ten digits.
func looksLikeData(r sheetRow, nikCol int) bool {
	return len(wub.NormalizeNIK(r.text(nikCol))) >= 10
}

// checkRegistered looks up the NIKs of the accepted rows in the database,
// a batch at a time so that a large file needs no list of all its NIKs.
func (rep *Report) checkRegistered(ctx context.Context, db Register) error {
	if db == nil {
		return nil
	}
	rep.registered = map[int]string{}
	const batch = 500
	niks := make([]string, 0, batch)
	idx := make([]int, 0, batch)
	flush := func() error {
		where, err := db.RegisteredNIKs(ctx, niks)
		if err != nil {
			return err
		}
		for k, i := range idx {
			w, ok := where[niks[k]]
			if !ok {
				continue
			}
			if rep.Update {
				rep.Rows[i].Status = Update
				continue
			}
			rep.Rows[i].Status = Rejected
			rep.Rows[i].errs |= 1 << bitOf("nik_registered")
			rep.registered[i] = w
		}
		niks, idx = niks[:0], idx[:0]
		return nil
	}
	for i, r := range rep.Rows {
		if r.Status != Accepted {
			continue
		}
		niks = append(niks, rep.NIK(i))
		idx = append(idx, i)
		if len(niks) == batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

func (rep *Report) count() {
	rep.Accepted, rep.Updates, rep.Rejected, rep.Skipped = 0, 0, 0, 0
	for _, r := range rep.Rows {
		switch r.Status {
		case Accepted:
			rep.Accepted++
		case Update:
			rep.Updates++
		case Rejected:
			rep.Rejected++
		case Skipped:
			rep.Skipped++
		}
	}
}

// SetTarget changes the program year and agency after the preview (the
// clerk confirms what the title rows said). Rows do not depend on them.
func (rep *Report) SetTarget(agency string, year int) {
	rep.Agency, rep.Year = strings.ToUpper(strings.TrimSpace(agency)), year
	rep.parser.agency, rep.parser.year = rep.Agency, rep.Year
	rep.checkTarget()
}

// Detail is one row rebuilt for display: the cells, the trainee it becomes
// and every issue with its message.
type Detail struct {
	Row     Row
	Cells   []string
	Trainee *wub.Trainee // nil for skipped rows
	Issues  wub.Issues
}

// Detail rebuilds row i of the report.
func (rep *Report) Detail(i int) Detail {
	r := rep.Rows[i]
	d := Detail{Row: r, Cells: rep.arena.cells(r)}
	if r.Status == Skipped {
		return d
	}
	t, is := rep.parser.parse(rep.arena.unpack(r))
	d.Trainee = t
	if r.dupOf > 0 {
		is = append(is, wub.Issue{Field: "nik", Code: "nik_duplicate_in_file", Severity: wub.Error, Args: []any{int(r.dupOf)}})
	}
	if w, ok := rep.registered[i]; ok {
		is = append(is, wub.Issue{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{w}})
	}
	if r.hidden {
		is = append(is, wub.Issue{Code: "row_hidden", Severity: wub.Warning})
	}
	d.Issues = is
	return d
}

// Reason is the clerk's explanation of a rejected row, in the current
// language: every error message joined.
func (rep *Report) Reason(i int) string {
	var msgs []string
	for _, is := range rep.Detail(i).Issues.Errors() {
		msgs = append(msgs, is.Message())
	}
	return strings.Join(msgs, " ")
}

// SkipMessage is the clerk's explanation of a skip reason.
func SkipMessage(reason string) string { return wub.Message("skip_"+reason, "") }

var (
	yearAfterTahun = regexp.MustCompile(`(?i)\bTAHUN(?:\s+ANGGARAN)?\s*:?\s*(20[2-9][0-9])\b`)
	anyYear        = regexp.MustCompile(`\b(20[2-9][0-9])\b`)
)

// titleYear finds the program year in the title rows ("TAHUN 2022").
func titleYear(lines []string) int {
	for _, re := range []*regexp.Regexp{yearAfterTahun, anyYear} {
		for _, l := range lines {
			if m := re.FindStringSubmatch(l); m != nil {
				y, _ := strconv.Atoi(m[1])
				return y
			}
		}
	}
	return 0
}

// agencyHints are words by which a title names an agency.
var agencyHints = []struct {
	code  string
	words []string
}{
	{wub.DPMPTSP, []string{"DPMPTSP", "PENANAMAN MODAL"}},
	{wub.DISKOPUKM, []string{"DISKOPUKM", "DISKOP", "DISKOPERINDAG UKM", "KOPERASI"}},
	{wub.DISPERINDAG, []string{"DISPERINDAG", "PERINDUSTRIAN"}},
	{wub.DISPORAPAR, []string{"DISPORAPAR", "KEPEMUDAAN", "PARIWISATA"}},
	{wub.DKPP, []string{"DKPP", "KETAHANAN PANGAN"}},
	{wub.DKP, []string{"DKP", "KELAUTAN"}},
	{wub.DP3AP2KB, []string{"DP3AP2KB", "PEMBERDAYAAN PEREMPUAN", "PERLINDUNGAN ANAK"}},
}

// titleAgency finds the agency a title names: the hint that appears first.
func titleAgency(lines []string) string {
	text := " " + strings.Join(headerTokens(strings.Join(lines, " ")), " ") + " "
	best, at := "", len(text)
	for _, h := range agencyHints {
		for _, w := range h.words {
			if i := strings.Index(text, " "+w+" "); i >= 0 && i < at {
				best, at = h.code, i
			}
		}
	}
	return best
}

// NIK is the NIK of row i as read (normalised, "" when missing).
func (rep *Report) NIK(i int) string {
	col, ok := rep.Mapping[FieldNIK]
	if !ok {
		return ""
	}
	nik, _ := nikFromCell(rep.arena.cell(rep.Rows[i], col))
	return nik
}

// Cells are row i's cells as read (by column, 0 = A).
func (rep *Report) Cells(i int) []string { return rep.arena.cells(rep.Rows[i]) }
