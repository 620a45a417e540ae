package store

import (
	"context"
	"database/sql"
	"errors"
	"sort"
	"strings"

	"wubdesk/internal/wub"
)

// Batch returns one live batch.
func (db *DB) Batch(ctx context.Context, id int64) (*wub.Batch, error) {
	return getBatch(ctx, db.r, id)
}

func getBatch(ctx context.Context, q querier, id int64) (*wub.Batch, error) {
	var b wub.Batch
	var start, end string
	err := q.QueryRowContext(ctx, `SELECT id, agency_code, year, name, training_type, start_date, end_date,
		desa_code, kec_code, notes FROM batch WHERE id = ? AND deleted_at IS NULL`, id).Scan(
		&b.ID, &b.AgencyCode, &b.Year, &b.Name, &b.TrainingType, &start, &end, &b.DesaCode, &b.KecCode, &b.Notes)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, wub.Errorf("not_found")
	}
	if err != nil {
		return nil, err
	}
	b.StartDate, b.EndDate = wub.ParseISODate(start), wub.ParseISODate(end)
	return &b, nil
}

// UpdateBatch checks and saves changes to a batch. Its agency and year can
// change only while it has no members (their enrolments belong to them).
func (db *DB) UpdateBatch(ctx context.Context, b *wub.Batch) error {
	as, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	b.Name = strings.Join(strings.Fields(b.Name), " ")
	if is := b.Check(as); is.HasErrors() {
		return is.Errors()
	}
	if b.KecCode == "" {
		if d, ok := wub.Ref().DesaByCode(b.DesaCode); ok {
			b.KecCode = d.KecamatanCode
		}
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getBatch(ctx, tx, b.ID)
		if err != nil {
			return err
		}
		if old.AgencyCode != b.AgencyCode || old.Year != b.Year {
			if n, err := countMembers(ctx, tx, b.ID); err != nil {
				return err
			} else if n > 0 {
				return wub.Errorf("batch_has_members", old.Name, n)
			}
		}
		if batchRecordOf(old) == batchRecordOf(b) {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE batch SET agency_code=?, year=?, name=?, training_type=?, start_date=?,
			end_date=?, desa_code=?, kec_code=?, notes=?, updated_at=? WHERE id=?`, b.AgencyCode, b.Year, b.Name,
			b.TrainingType, wub.ISO(b.StartDate), wub.ISO(b.EndDate), b.DesaCode, b.KecCode, b.Notes, db.now(), b.ID)
		if err != nil {
			if isUniqueViolation(err) {
				return batchDuplicate(ctx, tx, b)
			}
			return err
		}
		return db.audit(ctx, tx, "batch", b.ID, "update", batchRecordOf(old), batchRecordOf(b))
	})
}

func countMembers(ctx context.Context, q querier, batchID int64) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM enrolment WHERE batch_id = ? AND deleted_at IS NULL", batchID).Scan(&n)
	return n, err
}

// DeleteBatch deletes an empty batch softly; one with members is refused.
func (db *DB) DeleteBatch(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getBatch(ctx, tx, id)
		if err != nil {
			return err
		}
		if n, err := countMembers(ctx, tx, id); err != nil {
			return err
		} else if n > 0 {
			return wub.Errorf("batch_has_members", old.Name, n)
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE batch SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "batch", id, "delete", batchRecordOf(old), nil)
	})
}

// BatchSummaries lists live batches of an agency in a year ("" and 0 mean
// any) whose name or training type contains text, with member counts and
// facilitators, newest year first.
func (db *DB) BatchSummaries(ctx context.Context, agencyCode string, year int, text string) ([]wub.BatchSummary, error) {
	like := "%" + likeEscape(strings.TrimSpace(text)) + "%"
	rows, err := db.r.QueryContext(ctx, `SELECT b.id, b.agency_code, b.year, b.name, b.training_type, b.start_date,
		b.end_date, b.desa_code, b.kec_code, b.notes,
		count(e.id), count(e.id) FILTER (WHERE e.status = 'trained'), count(e.id) FILTER (WHERE e.status = 'dropped')
		FROM batch b LEFT JOIN enrolment e ON e.batch_id = b.id AND e.deleted_at IS NULL
			AND e.trainee_id IN (SELECT id FROM trainee WHERE deleted_at IS NULL)
		WHERE b.deleted_at IS NULL AND (?1 = '' OR b.agency_code = ?1) AND (?2 = 0 OR b.year = ?2)
			AND (b.name LIKE ?3 ESCAPE '\' OR b.training_type LIKE ?3 ESCAPE '\')
		GROUP BY b.id ORDER BY b.year DESC, b.agency_code, b.start_date, b.name, b.id`, agencyCode, year, like)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.BatchSummary
	idx := map[int64]int{}
	for rows.Next() {
		var s wub.BatchSummary
		var start, end string
		if err := rows.Scan(&s.ID, &s.AgencyCode, &s.Year, &s.Name, &s.TrainingType, &start, &end, &s.DesaCode,
			&s.KecCode, &s.Notes, &s.Members, &s.Completed, &s.Dropped); err != nil {
			return nil, err
		}
		s.StartDate, s.EndDate = wub.ParseISODate(start), wub.ParseISODate(end)
		idx[s.ID] = len(out)
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	rows.Close()
	frows, err := db.r.QueryContext(ctx, `SELECT bf.batch_id, f.name FROM batch_facilitator bf
		JOIN facilitator f ON f.id = bf.facilitator_id ORDER BY f.name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer frows.Close()
	for frows.Next() {
		var id int64
		var name string
		if err := frows.Scan(&id, &name); err != nil {
			return nil, err
		}
		if i, ok := idx[id]; ok {
			out[i].Facilitators = append(out[i].Facilitators, name)
		}
	}
	return out, frows.Err()
}

// BatchFacilitators returns the IDs and names of the facilitators of a batch.
func (db *DB) BatchFacilitators(ctx context.Context, batchID int64) ([]wub.FacilitatorRow, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT f.id, f.name, f.role, f.status FROM batch_facilitator bf
		JOIN facilitator f ON f.id = bf.facilitator_id WHERE bf.batch_id = ? ORDER BY f.name COLLATE NOCASE`, batchID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.FacilitatorRow
	for rows.Next() {
		var r wub.FacilitatorRow
		if err := rows.Scan(&r.ID, &r.Name, &r.Role, &r.Status); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// SetBatchFacilitators makes the batch's facilitators exactly ids.
func (db *DB) SetBatchFacilitators(ctx context.Context, batchID int64, ids []int64) error {
	want := append([]int64(nil), ids...)
	sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
	want = compactIDs(want)
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := getBatch(ctx, tx, batchID); err != nil {
			return err
		}
		var old []int64
		rows, err := tx.QueryContext(ctx, "SELECT facilitator_id FROM batch_facilitator WHERE batch_id = ? ORDER BY facilitator_id", batchID)
		if err != nil {
			return err
		}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return err
			}
			old = append(old, id)
		}
		rows.Close()
		if equalIDs(old, want) {
			return nil
		}
		had := map[int64]bool{}
		for _, id := range old {
			had[id] = true
		}
		keep := map[int64]bool{}
		for _, id := range want {
			keep[id] = true
			if had[id] {
				continue
			}
			if _, err := getFacilitator(ctx, tx, id); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, "INSERT INTO batch_facilitator (batch_id, facilitator_id, created_at) VALUES (?,?,?)",
				batchID, id, db.now()); err != nil {
				return err
			}
		}
		for _, id := range old {
			if keep[id] {
				continue
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM batch_facilitator WHERE batch_id = ? AND facilitator_id = ?", batchID, id); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, "batch_facilitator", batchID, "update", map[string][]int64{"Facilitators": old},
			map[string][]int64{"Facilitators": want})
	})
}

func compactIDs(s []int64) []int64 {
	out := s[:0]
	for i, v := range s {
		if v != 0 && (i == 0 || v != s[i-1]) {
			out = append(out, v)
		}
	}
	return out
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
