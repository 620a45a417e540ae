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

// where builds the WHERE clause of the trainee list. Words of three or more
// characters go through the trigram index; shorter words (a trigram index
// cannot hold them) match as a prefix of the name, NIK or desa.
func traineeWhere(f wub.TraineeFilter) (string, []any) {
	f = f.Normalized()
	var conds []string
	var args []any
	if f.Deleted {
		conds = append(conds, "t.deleted_at IS NOT NULL")
	} else {
		conds = append(conds, "t.deleted_at IS NULL")
	}
	var long []string
	for _, w := range strings.Fields(strings.ToLower(f.Text)) {
		if utf8.RuneCountInString(w) >= 3 {
			long = append(long, `"`+strings.ReplaceAll(w, `"`, `""`)+`"`)
			continue
		}
		// A prefix of the name, of any later word of the name, of the NIK or of the desa.
		conds = append(conds, `(t.name LIKE ? ESCAPE '\' OR t.name LIKE ? ESCAPE '\' OR t.nik LIKE ? ESCAPE '\' OR t.desa_name LIKE ? ESCAPE '\')`)
		p := likeEscape(w) + "%"
		args = append(args, p, "% "+p, p, p)
	}
	if len(long) > 0 {
		conds = append(conds, "t.id IN (SELECT rowid FROM trainee_fts WHERE trainee_fts MATCH ?)")
		args = append(args, strings.Join(long, " AND "))
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

// SearchTrainees returns one page of the trainee list.
func (db *DB) SearchTrainees(ctx context.Context, f wub.TraineeFilter, offset, limit int) ([]wub.TraineeRow, error) {
	where, args := traineeWhere(f)
	col, ok := sortColumns[f.Sort]
	if !ok {
		col = sortColumns[wub.SortName]
	}
	dir := "ASC"
	if f.Desc {
		dir = "DESC"
	}
	q := `SELECT t.id, t.nik, t.name, t.sex, t.desa_code, t.desa_name, t.kec_code, t.kec_name, t.cur_agency,
		t.cur_year, t.cur_status, coalesce(t.deleted_at, '')
		FROM trainee t WHERE ` + where + ` ORDER BY ` + col + ` ` + dir + `, t.id ` + dir + ` LIMIT ? OFFSET ?`
	args = append(args, limit, offset)
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([]wub.TraineeRow, 0, limit)
	for rows.Next() {
		var r wub.TraineeRow
		var deleted string
		if err := rows.Scan(&r.ID, &r.NIK, &r.Name, &r.Sex, &r.DesaCode, &r.DesaName, &r.KecCode, &r.KecName,
			&r.AgencyCode, &r.Year, &r.Status, &deleted); err != nil {
			return nil, err
		}
		r.DeletedAt = parseTime(deleted)
		out = append(out, r)
	}
	return out, rows.Err()
}

// CountTrainees counts the people the filter selects.
func (db *DB) CountTrainees(ctx context.Context, f wub.TraineeFilter) (int, error) {
	where, args := traineeWhere(f)
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM trainee t WHERE "+where, args...).Scan(&n)
	return n, err
}
