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
		cur_agency, cur_year, cur_status, created_at, updated_at`
	traineeNCols      = 24
	bulkEnrolmentCols = `trainee_id, agency_code, year, batch_id, status, enrolled_on, completed_on, source, created_at, updated_at`
	enrolmentNCols    = 10
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
		t.Source, wub.SearchText(t.Name, t.NIK, desaName), cur.AgencyCode, cur.Year, cur.Status, b.now, b.now)
}

// enrolmentValues appends the column values of an enrolment row to vs.
func (b *Bulk) enrolmentValues(vs []any, e *wub.Enrolment, source string) []any {
	return append(vs, e.TraineeID, e.AgencyCode, e.Year, nullID(e.BatchID), e.Status,
		wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn), source, b.now, b.now)
}

// manyStmt prepares (once per transaction) an INSERT of rows rows that
// returns each new id with the row's unique key, so that ids are matched
// to rows by key and not by any assumption about rowid order.
func (b *Bulk) manyStmt(table string, rows int) (*sql.Stmt, error) {
	k := manyKey{table, rows}
	if s, ok := b.many[k]; ok {
		return s, nil
	}
	cols, n, ret := bulkTraineeCols, traineeNCols, "id, nik"
	if table == "enrolment" {
		cols, n, ret = bulkEnrolmentCols, enrolmentNCols, "id, trainee_id, agency_code, year"
	}
	row := "(?" + strings.Repeat(",?", n-1) + ")"
	q := fmt.Sprintf("INSERT INTO %s (%s) VALUES %s%s RETURNING %s",
		table, cols, row, strings.Repeat(","+row, rows-1), ret)
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
// repeated) fails the whole statement, which leaves nothing behind; the
// chunk is then written row by row so the error names the row exactly as
// Insert would. Audit rows, when kept, come per table, not per person.
func (b *Bulk) InsertMany(ts []*wub.Trainee) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if len(ts) == 0 {
		return nil
	}
	// ids are matched by key below, so none may be left from elsewhere.
	var es []*wub.Enrolment
	var sources []string
	for _, t := range ts {
		t.ID = 0
		for i := range t.Enrolments {
			t.Enrolments[i].ID = 0
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
	byNIK := make(map[string]*wub.Trainee, len(ts))
	for _, t := range ts {
		byNIK[t.NIK] = t
	}
	err := b.insertReturning("trainee", len(ts), vs, func(rows *sql.Rows) error {
		var id int64
		var nik string
		if err := rows.Scan(&id, &nik); err != nil {
			return err
		}
		t, ok := byNIK[nik]
		if !ok || t.ID != 0 {
			return fmt.Errorf("store: InsertMany: unexpected trainee id %d", id)
		}
		t.ID = id
		return nil
	})
	if isUniqueViolation(err) {
		return b.insertEach(ts)
	}
	if err != nil {
		return err
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
	type enrolmentKey struct {
		trainee int64
		agency  string
		year    int
	}
	byKey := make(map[enrolmentKey]*wub.Enrolment, len(es))
	vs = vs[:0]
	for _, t := range ts {
		for i := range t.Enrolments {
			e := &t.Enrolments[i]
			e.TraineeID = t.ID
			byKey[enrolmentKey{e.TraineeID, e.AgencyCode, e.Year}] = e
			vs = b.enrolmentValues(vs, e, t.Source)
		}
	}
	err = b.insertReturning("enrolment", len(es), vs, func(rows *sql.Rows) error {
		var id int64
		var k enrolmentKey
		if err := rows.Scan(&id, &k.trainee, &k.agency, &k.year); err != nil {
			return err
		}
		e, ok := byKey[k]
		if !ok || e.ID != 0 {
			return fmt.Errorf("store: InsertMany: unexpected enrolment id %d", id)
		}
		e.ID = id
		return nil
	})
	if isUniqueViolation(err) {
		// Find the refused enrolment; the ones before it are written again
		// but the error rolls the whole transaction back.
		for i, e := range es {
			if err := b.insertEnrolment(e, sources[i]); err != nil {
				return err
			}
		}
	}
	if err != nil {
		return err
	}
	if b.Audit {
		for _, e := range es {
			if err := b.audit("enrolment", e.ID, "insert", nil, enrolmentRecordOf(e)); err != nil {
				return err
			}
		}
	}
	return nil
}

// insertReturning runs the cached n-row INSERT of table with vs and hands
// each returned row to scan.
func (b *Bulk) insertReturning(table string, n int, vs []any, scan func(*sql.Rows) error) error {
	s, err := b.manyStmt(table, n)
	if err != nil {
		return err
	}
	rows, err := s.QueryContext(b.ctx, vs...)
	if err != nil {
		return err
	}
	got := 0
	for rows.Next() {
		if err := scan(rows); err != nil {
			rows.Close()
			return err
		}
		got++
	}
	if err := rows.Close(); err != nil {
		return err
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if got != n {
		return fmt.Errorf("store: InsertMany: %s returned %d ids for %d rows", table, got, n)
	}
	return nil
}

// insertEach writes ts row by row after the multi-row INSERT was refused
// (and so wrote nothing), so that the refused row is named as Insert names
// it.
func (b *Bulk) insertEach(ts []*wub.Trainee) error {
	for _, t := range ts {
		if err := b.Insert(t); err != nil {
			return err
		}
	}
	return nil
}
