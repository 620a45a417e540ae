package store

import (
	"database/sql"
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

// The columns Bulk writes, in the order of traineeValues and enrolmentValues.
const (
	bulkTraineeCols = `nik, kk, name, sex, birth_place, birth_date, address, rt_rw,
		desa_code, kec_code, desa_name, kec_name, phone, education, kbli, business_name, notes, source, search,
		cur_agency, cur_year, cur_status, created_at, updated_at, gid`
	traineeNCols      = 25
	bulkEnrolmentCols = `trainee_id, agency_code, year, batch_id, status, enrolled_on, completed_on, source, created_at, updated_at, gid`
	enrolmentNCols    = 11
	// SQLite refuses a statement with more than 32766 bound parameters.
	maxParams = 32766
)

// MaxInsertMany is the most trainees (or enrolments) one InsertMany
// statement may carry.
const MaxInsertMany = maxParams / traineeNCols

type manyKey struct {
	table string
	rows  int
}

// traineeValues appends the column values of a trainee row to vs.
func (b *Bulk) traineeValues(vs []any, t *wub.Trainee) []any {
	ref := wub.Ref()
	desaName, kecName := "", ""
	if t.DesaCode != "" {
		desaName = ref.DesaName(t.DesaCode)
	}
	if t.KecCode != "" {
		kecName = ref.KecamatanName(t.KecCode)
	}
	// The latest enrolment goes into the row now, as refreshCurrent would
	// put it there (highest year, then the last added), which saves an
	// UPDATE per row.
	var cur wub.Enrolment
	for _, e := range t.Enrolments {
		if e.Year >= cur.Year {
			cur = e
		}
	}
	return append(vs, t.NIK, t.KK, t.Name, t.Sex, t.BirthPlace, wub.ISO(t.BirthDate), t.Address,
		t.RTRW, t.DesaCode, t.KecCode, desaName, kecName, t.Phone, t.Education, t.KBLI, t.BusinessName, t.Notes,
		t.Source, wub.SearchText(t.Name, t.NIK, desaName), cur.AgencyCode, cur.Year, cur.Status, b.now, b.now, wub.NewGID())
}

// enrolmentValues appends the column values of an enrolment row to vs.
func (b *Bulk) enrolmentValues(vs []any, e *wub.Enrolment, source string) []any {
	return append(vs, e.TraineeID, e.AgencyCode, e.Year, nullID(e.BatchID), e.Status,
		wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn), source, b.now, b.now, wub.NewGID())
}

// manyStmt prepares (once per transaction) an INSERT of rows rows.
func (b *Bulk) manyStmt(table string, rows int) (*sql.Stmt, error) {
	k := manyKey{table, rows}
	if s, ok := b.many[k]; ok {
		return s, nil
	}
	// A trainee chunk is written OR FAIL: a refused row stops the statement
	// but keeps the rows before it, which names the refused row (below) and
	// spares SQLite a statement journal, a copy of every page the statement
	// touches (for the NIK index, one page per row). The error rolls the
	// whole transaction back. Enrolments have foreign keys, which need the
	// journal anyway, so they keep the default.
	verb, cols, n := "INSERT OR FAIL", bulkTraineeCols, traineeNCols
	switch table {
	case "enrolment":
		verb, cols, n = "INSERT", bulkEnrolmentCols, enrolmentNCols
	case "person_first":
		cols, n = personFirstCols, personFirstNCols
	}
	row := "(?" + strings.Repeat(",?", n-1) + ")"
	q := fmt.Sprintf("%s INTO %s (%s) VALUES %s%s", verb, table, cols, row, strings.Repeat(","+row, rows-1))
	s, err := b.tx.PrepareContext(b.ctx, q)
	if err != nil {
		return nil, err
	}
	if b.many == nil {
		b.many = map[manyKey]*sql.Stmt{}
	}
	b.many[k] = s
	return s, nil
}

// InsertMany writes trainees like Insert, with their enrolments, but with
// one multi-row INSERT for the trainees and one for their enrolments: the
// per-statement cost of database/sql and the driver is paid once per chunk
// instead of once per row (the demo generator, at a million people). At
// most MaxInsertMany trainees, and as many enrolments, per call. A refused
// row (a NIK already registered, here or earlier in ts; an enrolment
// repeated) is named as Insert names it. After an error fn must return it
// (so the transaction rolls back), never carry on: the trainees before a
// refused one are still written. Audit rows, when kept, come per table,
// not per person.
func (b *Bulk) InsertMany(ts []*wub.Trainee) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if len(ts) == 0 {
		return nil
	}
	var es []*wub.Enrolment
	var sources []string
	for _, t := range ts {
		for i := range t.Enrolments {
			es = append(es, &t.Enrolments[i])
			sources = append(sources, t.Source)
		}
	}
	if len(ts) > MaxInsertMany || len(es) > MaxInsertMany {
		return fmt.Errorf("store: InsertMany: %d trainees, %d enrolments; at most %d each", len(ts), len(es), MaxInsertMany)
	}
	vs := make([]any, 0, len(ts)*traineeNCols)
	for _, t := range ts {
		vs = b.traineeValues(vs, t)
	}
	first, err := b.insertMany("trainee", len(ts), vs)
	if isUniqueViolation(err) {
		// The rows before the refused one were written (OR FAIL).
		var k int
		if err := b.tx.QueryRowContext(b.ctx, "SELECT count(*) FROM trainee WHERE id >= ?", first).Scan(&k); err != nil {
			return err
		}
		if k < len(ts) {
			return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{ts[k].NIK}}}
		}
	}
	if err != nil {
		return err
	}
	for i, t := range ts {
		t.ID = first + int64(i)
	}
	if b.Audit {
		for _, t := range ts {
			if err := b.audit("trainee", t.ID, "insert", nil, recordOf(t)); err != nil {
				return err
			}
		}
	}
	if len(es) == 0 {
		return nil
	}
	for _, t := range ts {
		for i := range t.Enrolments {
			t.Enrolments[i].TraineeID = t.ID
		}
	}
	vs = vs[:0]
	for i, e := range es {
		vs = b.enrolmentValues(vs, e, sources[i])
	}
	first, err = b.insertMany("enrolment", len(es), vs)
	if isUniqueViolation(err) {
		// The statement was undone; row by row finds the refused one.
		for i, e := range es {
			if err := b.insertEnrolment(e, sources[i]); err != nil {
				return err
			}
		}
	}
	if err != nil {
		return err
	}
	for i, e := range es {
		e.ID = first + int64(i)
	}
	if b.Audit {
		for _, e := range es {
			if err := b.audit("enrolment", e.ID, "insert", nil, enrolmentRecordOf(e)); err != nil {
				return err
			}
		}
	}
	if b.tally != nil && !b.tally.off {
		if vs = b.tally.add(vs[:0], ts); len(vs) > 0 {
			s, err := b.manyStmt("person_first", len(vs)/personFirstNCols)
			if err != nil {
				return err
			}
			if _, err := s.ExecContext(b.ctx, vs...); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertMany runs the cached n-row INSERT of table with vs and returns the
// id of its first row. Without an id given, SQLite gives each new row one
// more than the largest id in the table, so the rows of one statement get
// consecutive ids in the order of VALUES; that they did is checked: n new
// rows and the last id exactly n above the largest before. On an error,
// first is still where the statement's rows began.
func (b *Bulk) insertMany(table string, n int, vs []any) (first int64, err error) {
	s, err := b.manyStmt(table, n)
	if err != nil {
		return 0, err
	}
	// A bare max(id), not wrapped in coalesce, is read from the end of the
	// table instead of scanning it.
	var max sql.NullInt64
	if err := b.tx.QueryRowContext(b.ctx, "SELECT max(id) FROM "+table).Scan(&max); err != nil {
		return 0, err
	}
	top := max.Int64
	res, err := s.ExecContext(b.ctx, vs...)
	if err != nil {
		return top + 1, err
	}
	last, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	rows, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	if rows != int64(n) || last != top+int64(n) {
		return 0, fmt.Errorf("store: InsertMany: %s ids %d..%d for %d rows after %d", table, last-rows+1, last, n, top)
	}
	return top + 1, nil
}
