package store

import (
	"context"
	"strings"
	"unicode/utf8"

	"wubdesk/internal/wub"
)

// sortColumns maps the list's sort keys to indexed columns.
var sortColumns = map[string]string{
	wub.SortName:      "t.name COLLATE NOCASE",
	wub.SortNIK:       "t.nik",
	wub.SortSex:       "t.sex",
	wub.SortDesa:      "t.desa_name COLLATE NOCASE",
	wub.SortKecamatan: "t.kec_name COLLATE NOCASE",
	wub.SortAgency:    "t.cur_agency",
	wub.SortYear:      "t.cur_year",
	wub.SortStatus:    "t.cur_status",
}

// wordKind is how a word of the search text matches a trainee.
type wordKind int

const (
	wordPart  wordKind = iota // 3+ characters: anywhere in name, NIK or desa (trigram index)
	wordNIK                   // 6+ digits: the beginning of the NIK (NIK index)
	wordStart                 // 1–2 characters: the beginning of a word of name, NIK or desa
)

type searchWord struct {
	text string // lower case
	kind wordKind
	// index, when set, is what the trigram index is asked for instead of
	// text: a part of it, so the index gives a superset and the row filter
	// decides (see digitsIndexText).
	index string
}

// indexText is the text the trigram index is asked for.
func (w searchWord) indexText() string {
	if w.index != "" {
		return w.index
	}
	return w.text
}

// digitsIndexText is the part of a run of NIK digits the trigram index is
// asked for. Nearly every NIK of the register begins "3528" (or at least
// "35"), so the trigrams of such a beginning are in every row and would
// make the index read the whole table; the rest of the run is rare. ""
// when the run is asked for whole.
func digitsIndexText(d string) string {
	switch {
	case strings.HasPrefix(d, "3528") && len(d) >= 7:
		return d[4:]
	case strings.HasPrefix(d, "35") && len(d) >= 5:
		return d[2:]
	}
	return ""
}

// hasPartialIndex reports whether a word's trigram query is only a
// superset (its index text is a part of it).
func hasPartialIndex(words []searchWord) bool {
	for _, w := range words {
		if w.index != "" {
			return true
		}
	}
	return false
}

func (w searchWord) oneChar() bool { return w.kind == wordStart && utf8.RuneCountInString(w.text) == 1 }

// searchWords splits the search text. A number of four or more digits,
// also written with dots or dashes inside a word ("35.28.04"), is part of a
// NIK, found anywhere in it through the trigram index. searchWords no
// longer makes wordNIK words (the NIK-prefix path of the probe and drivers).
func searchWords(text string) []searchWord {
	var out []searchWord
	for _, w := range strings.Fields(strings.ToLower(text)) {
		if d := wub.NormalizeNIK(w); len(d) >= 4 && strings.Trim(d, "0123456789") == "" {
			// Any run of four or more digits of a NIK, not only its
			// beginning ("0941029" finds 3528094102990010).
			out = append(out, searchWord{text: d, kind: wordPart, index: digitsIndexText(d)})
		} else if utf8.RuneCountInString(w) >= 3 {
			out = append(out, searchWord{text: w, kind: wordPart})
		} else {
			out = append(out, searchWord{text: w, kind: wordStart})
		}
	}
	return out
}

// rowFilter tests a word against the trainee row itself. scan keeps
// SQLite from reading a NIK prefix through the NIK index when rows are read
// newest first anyway.
func (w searchWord) rowFilter(scan bool) (string, []any) {
	switch w.kind {
	case wordNIK:
		if scan {
			return "+t.nik >= ? AND +t.nik < ?", []any{w.text, w.text + ":"}
		}
		return "t.nik >= ? AND t.nik < ?", []any{w.text, w.text + ":"} // ':' follows '9'
	case wordPart:
		return `t.search LIKE ? ESCAPE '\'`, []any{"%" + likeEscape(w.text) + "%"}
	}
	return `(' ' || t.search) LIKE ? ESCAPE '\'`, []any{"% " + likeEscape(w.text) + "%"}
}

// traineeWhere builds the WHERE clause of the trainee list, with d (when
// not nil) as the source of candidates and every other word tested on the
// row (see rowFilter for scan).
func traineeWhere(f wub.TraineeFilter, words []searchWord, d *driver, scan bool) (string, []any) {
	var conds []string
	var args []any
	if f.Deleted {
		conds = append(conds, "t.deleted_at IS NOT NULL")
	} else {
		conds = append(conds, "t.deleted_at IS NULL")
	}
	covered := map[searchWord]bool{}
	if d != nil {
		if !d.joined {
			q, a := d.candidates()
			conds = append(conds, "t.id IN ("+q+")")
			args = append(args, a...)
		}
		for _, w := range d.words {
			covered[w] = true
		}
	}
	for _, w := range words {
		if covered[w] {
			continue
		}
		q, a := w.rowFilter(scan)
		conds = append(conds, q)
		args = append(args, a...)
	}
	enrol := []string{}
	var eargs []any
	if f.Year != 0 {
		enrol = append(enrol, "e.year = ?")
		eargs = append(eargs, f.Year)
	}
	if f.AgencyCode != "" {
		enrol = append(enrol, "e.agency_code = ?")
		eargs = append(eargs, f.AgencyCode)
	}
	if f.Status != "" {
		enrol = append(enrol, "e.status = ?")
		eargs = append(eargs, f.Status)
	}
	if len(enrol) > 0 {
		live := "e.deleted_at IS NULL"
		if f.Deleted {
			live = "e.deleted_at = t.deleted_at"
		}
		conds = append(conds, "EXISTS (SELECT 1 FROM enrolment e WHERE e.trainee_id = t.id AND "+live+" AND "+strings.Join(enrol, " AND ")+")")
		args = append(args, eargs...)
	}
	if f.KecCode != "" {
		conds = append(conds, "t.kec_code = ?")
		args = append(args, f.KecCode)
	}
	return strings.Join(conds, " AND "), args
}

func likeEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)
	return r.Replace(s)
}

const rowCols = `t.id, t.nik, t.name, t.sex, t.desa_code, t.desa_name, t.kec_code, t.kec_name, t.cur_agency,
	t.cur_year, t.cur_status, coalesce(t.deleted_at, '')`

func orderBy(f wub.TraineeFilter) string {
	col, ok := sortColumns[f.Sort]
	if !ok {
		col = sortColumns[wub.SortName]
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	return " ORDER BY " + col + " " + dir + ", t.id " + dir
}

// SearchTrainees returns one page of the trainee list, exactly sorted.
// Interactive lists should use ListTrainees, which stays fast when a search
// matches hundreds of thousands of people.
func (db *DB) SearchTrainees(ctx context.Context, f wub.TraineeFilter, offset, limit int) ([]wub.TraineeRow, error) {
	f = f.Normalized()
	words := searchWords(f.Text)
	where, args := traineeWhere(f, words, exactDriver(words), false)
	return db.traineeRows(ctx, "SELECT "+rowCols+" FROM trainee t WHERE "+where+orderBy(f)+" LIMIT ? OFFSET ?",
		append(args, limit, offset)...)
}

func (db *DB) traineeRows(ctx context.Context, q string, args ...any) ([]wub.TraineeRow, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []wub.TraineeRow{}
	for rows.Next() {
		r, err := scanRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func scanRow(sc interface{ Scan(...any) error }) (wub.TraineeRow, error) {
	var r wub.TraineeRow
	var deleted string
	err := sc.Scan(&r.ID, &r.NIK, &r.Name, &r.Sex, &r.DesaCode, &r.DesaName, &r.KecCode, &r.KecName,
		&r.AgencyCode, &r.Year, &r.Status, &deleted)
	r.DeletedAt = parseTime(deleted)
	return r, err
}

// CountTrainees counts the people the filter selects, exactly. At a
// million trainees a broad search takes a second or more to count; see
// ListTrainees for the capped count an interactive list needs.
func (db *DB) CountTrainees(ctx context.Context, f wub.TraineeFilter) (int, error) {
	f = f.Normalized()
	words := searchWords(f.Text)
	where, args := traineeWhere(f, words, exactDriver(words), false)
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM trainee t WHERE "+where, args...).Scan(&n)
	return n, err
}
