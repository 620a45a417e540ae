package store

import (
	"database/sql"
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

// Importer writes the new trainees of an import inside a Bulk, a batch at
// a time: one multi-row INSERT for the trainees, one for their enrolments
// and one for the audit rows. Row by row, an import spends more time
// passing statements to SQLite than SQLite spends writing. The statements
// are prepared once per batch size.
type Importer struct {
	b     *Bulk
	stmts map[string]*sql.Stmt
}

// Importer returns an Importer for this transaction; Close it when done.
func (b *Bulk) Importer() *Importer { return &Importer{b: b, stmts: map[string]*sql.Stmt{}} }

// Close releases the prepared statements.
func (im *Importer) Close() {
	for _, s := range im.stmts {
		s.Close()
	}
}

func (im *Importer) stmt(q string) (*sql.Stmt, error) {
	if s, ok := im.stmts[q]; ok {
		return s, nil
	}
	s, err := im.b.tx.PrepareContext(im.b.ctx, q)
	if err != nil {
		return nil, err
	}
	im.stmts[q] = s
	return s, nil
}

// Insert writes trainees, each with its enrolments (one per trainee) and
// the audit rows. The trainee's current agency, year and status are written
// with it. A NIK registered meanwhile is a nik_registered issue naming it;
// the caller's transaction must then be rolled back (Bulk does).
func (im *Importer) Insert(ts []*wub.Trainee) error {
	b := im.b
	if len(ts) == 0 {
		return nil
	}
	if err := b.ctx.Err(); err != nil {
		return err
	}
	ref := wub.Ref()
	const cols = 25
	args := make([]any, 0, len(ts)*cols)
	byNIK := make(map[string]*wub.Trainee, len(ts))
	for _, t := range ts {
		desaName, kecName := "", ""
		if t.DesaCode != "" {
			desaName = ref.DesaName(t.DesaCode)
		}
		if t.KecCode != "" {
			kecName = ref.KecamatanName(t.KecCode)
		}
		curAgency, curYear, curStatus := "", 0, ""
		for _, e := range t.Enrolments {
			if e.Year >= curYear {
				curAgency, curYear, curStatus = e.AgencyCode, e.Year, e.Status
			}
		}
		args = append(args, t.NIK, t.KK, t.Name, t.Sex, t.BirthPlace, wub.ISO(t.BirthDate), t.Address, t.RTRW,
			t.DesaCode, t.KecCode, desaName, kecName, t.Phone, t.Education, t.KBLI, t.BusinessName, t.Notes,
			t.Source, wub.SearchText(t.Name, t.NIK, desaName), curAgency, curYear, curStatus, b.now, b.now, wub.NewGID())
		byNIK[t.NIK] = t
	}
	q := `INSERT INTO trainee (nik, kk, name, sex, birth_place, birth_date, address, rt_rw, desa_code, kec_code,
		desa_name, kec_name, phone, education, kbli, business_name, notes, source, search, cur_agency, cur_year,
		cur_status, created_at, updated_at, gid) VALUES ` + placeholders(len(ts), cols) + ` RETURNING id, nik`
	st, err := im.stmt(q)
	if err != nil {
		return err
	}
	rows, err := st.QueryContext(b.ctx, args...)
	if err != nil {
		return b.registeredOr(err, ts)
	}
	for rows.Next() {
		var id int64
		var nik string
		if err := rows.Scan(&id, &nik); err != nil {
			rows.Close()
			return err
		}
		if t := byNIK[nik]; t != nil {
			t.ID = id
		}
	}
	if err := rows.Close(); err != nil {
		return b.registeredOr(err, ts)
	}
	if err := rows.Err(); err != nil {
		return b.registeredOr(err, ts)
	}

	var enr []*wub.Enrolment
	var eargs []any
	byTrainee := map[int64]*wub.Enrolment{}
	for _, t := range ts {
		if t.ID == 0 {
			return fmt.Errorf("import: no id returned for a trainee")
		}
		for i := range t.Enrolments {
			e := &t.Enrolments[i]
			e.TraineeID = t.ID
			enr = append(enr, e)
			byTrainee[t.ID] = e
			eargs = append(eargs, e.TraineeID, e.AgencyCode, e.Year, nullID(e.BatchID), e.Status,
				wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn), t.Source, b.now, b.now, wub.NewGID())
		}
	}
	if len(enr) > 0 {
		if len(enr) != len(byTrainee) {
			return fmt.Errorf("import: one enrolment per trainee expected")
		}
		st, err := im.stmt(`INSERT INTO enrolment (trainee_id, agency_code, year, batch_id, status,
			enrolled_on, completed_on, source, created_at, updated_at, gid) VALUES ` + placeholders(len(enr), 11) +
			` RETURNING id, trainee_id`)
		if err != nil {
			return err
		}
		rows, err := st.QueryContext(b.ctx, eargs...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id, tid int64
			if err := rows.Scan(&id, &tid); err != nil {
				rows.Close()
				return err
			}
			byTrainee[tid].ID = id
		}
		if err := rows.Close(); err != nil {
			return err
		}
		if err := rows.Err(); err != nil {
			return err
		}
	}
	if !b.Audit {
		return nil
	}
	var aargs []any
	for _, t := range ts {
		n, err := jsonOrNil(recordOf(t))
		if err != nil {
			return err
		}
		aargs = append(aargs, b.now, b.db.Actor, "trainee", t.ID, "insert", nil, n)
	}
	for _, e := range enr {
		n, err := jsonOrNil(enrolmentRecordOf(e))
		if err != nil {
			return err
		}
		aargs = append(aargs, b.now, b.db.Actor, "enrolment", e.ID, "insert", nil, n)
	}
	st, err = im.stmt(`INSERT INTO audit (at, actor, entity, entity_id, action, old, new) VALUES ` +
		placeholders(len(aargs)/7, 7))
	if err != nil {
		return err
	}
	_, err = st.ExecContext(b.ctx, aargs...)
	return err
}

// registeredOr names the first NIK of the batch that is now registered when
// err is a unique violation.
func (b *Bulk) registeredOr(err error, ts []*wub.Trainee) error {
	if !isUniqueViolation(err) {
		return err
	}
	for _, t := range ts {
		if id, ferr := b.IDByNIK(t.NIK); ferr == nil && id != 0 {
			return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{t.NIK}}}
		}
	}
	return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{""}}}
}

// placeholders is "(?,?,…),(?,?,…)…" for n rows of cols values.
func placeholders(n, cols int) string {
	row := "(?" + strings.Repeat(",?", cols-1) + ")"
	return strings.TrimSuffix(strings.Repeat(row+",", n), ",")
}
