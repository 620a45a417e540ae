package store

import (
	"context"
	"database/sql"

	"wubdesk/internal/wub"
)

// batchRecord is what the audit log keeps of a batch.
type batchRecord struct {
	Agency       string
	Year         int
	Name         string
	TrainingType string `json:",omitempty"`
	StartDate    string `json:",omitempty"`
	EndDate      string `json:",omitempty"`
	DesaCode     string `json:",omitempty"`
	KecCode      string `json:",omitempty"`
	Notes        string `json:",omitempty"`
}

func batchRecordOf(b *wub.Batch) batchRecord {
	return batchRecord{b.AgencyCode, b.Year, b.Name, b.TrainingType, wub.ISO(b.StartDate), wub.ISO(b.EndDate),
		b.DesaCode, b.KecCode, b.Notes}
}

const insertBatchSQL = `INSERT INTO batch (agency_code, year, name, training_type, start_date, end_date,
	desa_code, kec_code, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)`

// insertBatch writes a checked batch and sets its ID. A name already used by
// the agency in that year is a batch_duplicate issue.
func insertBatch(ctx context.Context, tx *sql.Tx, now string, b *wub.Batch) error {
	if b.KecCode == "" {
		if d, ok := wub.Ref().DesaByCode(b.DesaCode); ok {
			b.KecCode = d.KecamatanCode
		}
	}
	res, err := tx.ExecContext(ctx, insertBatchSQL, b.AgencyCode, b.Year, b.Name, b.TrainingType,
		wub.ISO(b.StartDate), wub.ISO(b.EndDate), b.DesaCode, b.KecCode, b.Notes, now, now)
	if err != nil {
		if isUniqueViolation(err) {
			return batchDuplicate(ctx, tx, b)
		}
		return err
	}
	b.ID, err = res.LastInsertId()
	return err
}

func batchDuplicate(ctx context.Context, q querier, b *wub.Batch) error {
	as, err := loadAgencies(ctx, q)
	if err != nil {
		return err
	}
	name := b.AgencyCode
	if a, ok := as.ByCode(b.AgencyCode); ok {
		name = a.NameInYear(b.Year).Short
	}
	return wub.Issues{{Field: "name", Code: "batch_duplicate", Severity: wub.Error, Args: []any{name, b.Year, b.Name}}}
}

// CreateBatch checks and saves a new batch in one transaction. Errors come
// back as wub.Issues and nothing is saved.
func (db *DB) CreateBatch(ctx context.Context, b *wub.Batch) error {
	as, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	if is := b.Check(as); is.HasErrors() {
		return is.Errors()
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		if err := insertBatch(ctx, tx, db.now(), b); err != nil {
			return err
		}
		return db.audit(ctx, tx, "batch", b.ID, "insert", nil, batchRecordOf(b))
	})
}

// InsertBatch writes a batch that the caller has checked inside the bulk
// transaction, so that enrolments written after it can refer to its ID.
func (b *Bulk) InsertBatch(bt *wub.Batch) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	if err := insertBatch(b.ctx, b.tx, b.now, bt); err != nil {
		return err
	}
	if b.Audit {
		return b.audit("batch", bt.ID, "insert", nil, batchRecordOf(bt))
	}
	return nil
}

// Batches lists the live batches of an agency in a year ("" and 0 mean
// any), ordered by year, agency, start date and ID.
func (db *DB) Batches(ctx context.Context, agencyCode string, year int) ([]wub.Batch, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, agency_code, year, name, training_type, start_date, end_date,
		desa_code, kec_code, notes FROM batch
		WHERE deleted_at IS NULL AND (?1 = '' OR agency_code = ?1) AND (?2 = 0 OR year = ?2)
		ORDER BY year, agency_code, start_date, id`, agencyCode, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Batch
	for rows.Next() {
		var b wub.Batch
		var start, end string
		if err := rows.Scan(&b.ID, &b.AgencyCode, &b.Year, &b.Name, &b.TrainingType, &start, &end,
			&b.DesaCode, &b.KecCode, &b.Notes); err != nil {
			return nil, err
		}
		b.StartDate = wub.ParseISODate(start)
		b.EndDate = wub.ParseISODate(end)
		out = append(out, b)
	}
	return out, rows.Err()
}
