package store

import (
	"context"
	"database/sql"

	"wubdesk/internal/wub"
)

// Bulk writes many records in one transaction with prepared statements:
// the import of an office spreadsheet, the demo generator, a handover.
// Nothing is visible to readers until the function given to DB.Bulk returns
// nil; any error (or a cancelled context) rolls everything back.
type Bulk struct {
	db   *DB
	tx   *sql.Tx
	ctx  context.Context
	now  string
	ins  *sql.Stmt
	enr  *sql.Stmt
	aud  *sql.Stmt
	cur  *sql.Stmt
	find *sql.Stmt
	many map[manyKey]*sql.Stmt // multi-row INSERTs by table and rows (bulk_many.go)
	// tally, while BulkLoad fills empty tables, counts the dashboard's
	// tallies as InsertMany writes (bulk_tally.go); nil otherwise.
	tally *loadTally
	// Audit, when false, skips the per-record audit rows (the demo
	// generator); imports keep it true.
	Audit bool
}

// Bulk runs fn inside one write transaction.
func (db *DB) Bulk(ctx context.Context, fn func(b *Bulk) error) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		b := &Bulk{db: db, tx: tx, ctx: ctx, now: db.now(), Audit: true}
		defer b.close()
		var err error
		prep := func(q string) *sql.Stmt {
			if err != nil {
				return nil
			}
			var s *sql.Stmt
			s, err = tx.PrepareContext(ctx, q)
			return s
		}
		b.ins = prep(`INSERT INTO trainee (nik, kk, name, sex, birth_place, birth_date, address, rt_rw,
			desa_code, kec_code, desa_name, kec_name, phone, education, kbli, business_name, notes, source, search,
			cur_agency, cur_year, cur_status, created_at, updated_at, gid)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
		b.enr = prep(`INSERT INTO enrolment (trainee_id, agency_code, year, batch_id, status, enrolled_on,
			completed_on, source, created_at, updated_at, gid) VALUES (?,?,?,?,?,?,?,?,?,?,?)`)
		b.aud = prep(`INSERT INTO audit (at, actor, entity, entity_id, action, old, new) VALUES (?,?,?,?,?,?,?)`)
		b.cur = prep(`UPDATE trainee SET (cur_agency, cur_year, cur_status) = (
			SELECT coalesce(max(agency_code), ''), coalesce(max(year), 0), coalesce(max(status), '') FROM (
				SELECT agency_code, year, status FROM enrolment
				WHERE trainee_id = ?1 AND deleted_at IS NULL ORDER BY year DESC, id DESC LIMIT 1))
			WHERE id = ?1`)
		b.find = prep(`SELECT id FROM trainee WHERE nik = ? AND deleted_at IS NULL`)
		if err != nil {
			return err
		}
		return fn(b)
	})
}

func (b *Bulk) close() {
	for _, s := range b.many {
		s.Close()
	}
	for _, s := range []*sql.Stmt{b.ins, b.enr, b.aud, b.cur, b.find} {
		if s != nil {
			s.Close()
		}
	}
}

// Tx is the transaction, for packages of this module that write more than
// trainees in the same unit of work. What is written through it is not seen
// by BulkLoad's tally counting, which then recounts with SQL instead.
func (b *Bulk) Tx() *sql.Tx {
	b.untallied()
	return b.tx
}

// untallied turns BulkLoad's tally counting off: a write it cannot follow.
func (b *Bulk) untallied() {
	if b.tally != nil {
		b.tally.off = true
	}
}

// Ctx is the context the bulk write runs under.
func (b *Bulk) Ctx() context.Context { return b.ctx }

// IDByNIK returns the live trainee with a NIK inside the transaction (0 when
// none), so that rows earlier in the same import are seen.
func (b *Bulk) IDByNIK(nik string) (int64, error) {
	var id int64
	err := b.find.QueryRowContext(b.ctx, nik).Scan(&id)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return id, err
}

// Insert writes a trainee that the caller has normalised and checked, with
// its enrolments. source says where it came from ("file.xlsx / Sheet1 / 12").
func (b *Bulk) Insert(t *wub.Trainee) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	b.untallied()
	res, err := b.ins.ExecContext(b.ctx, b.traineeValues(nil, t)...)
	if err != nil {
		if isUniqueViolation(err) {
			return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{t.NIK}}}
		}
		return err
	}
	t.ID, _ = res.LastInsertId()
	if b.Audit {
		if err := b.audit("trainee", t.ID, "insert", nil, recordOf(t)); err != nil {
			return err
		}
	}
	for i := range t.Enrolments {
		e := &t.Enrolments[i]
		e.TraineeID = t.ID
		if err := b.insertEnrolment(e, t.Source); err != nil {
			return err
		}
	}
	return nil
}

// AddEnrolment adds an enrolment to an existing trainee and refreshes the
// trainee's current agency/year/status.
func (b *Bulk) AddEnrolment(e *wub.Enrolment, source string) error {
	b.untallied()
	if err := b.insertEnrolment(e, source); err != nil {
		return err
	}
	_, err := b.cur.ExecContext(b.ctx, e.TraineeID)
	return err
}

func (b *Bulk) insertEnrolment(e *wub.Enrolment, source string) error {
	res, err := b.enr.ExecContext(b.ctx, b.enrolmentValues(nil, e, source)...)
	if err != nil {
		if isUniqueViolation(err) {
			return b.db.enrolmentDuplicate(b.ctx, b.tx, e)
		}
		return err
	}
	e.ID, _ = res.LastInsertId()
	if b.Audit {
		if err := b.audit("enrolment", e.ID, "insert", nil, enrolmentRecordOf(e)); err != nil {
			return err
		}
	}
	return nil
}

func (b *Bulk) audit(entity string, id int64, action string, old, new any) error {
	o, err := jsonOrNil(old)
	if err != nil {
		return err
	}
	n, err := jsonOrNil(new)
	if err != nil {
		return err
	}
	_, err = b.aud.ExecContext(b.ctx, b.now, b.db.Actor, entity, id, action, o, n)
	return err
}
