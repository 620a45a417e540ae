package store

import (
	"context"
	"iter"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// auditWhere builds the Audit screen's filter. A trainee's record includes
// the changes to its enrolments. Dates are local calendar days.
func auditWhere(f wub.AuditFilter) (string, []any) {
	var conds []string
	var args []any
	switch {
	case f.Entity == "trainee" && f.EntityID != 0:
		conds = append(conds, `((entity IN ('trainee', 'access', 'correction', 'erasure') AND entity_id = ?) OR
			(entity = 'enrolment' AND entity_id IN (SELECT id FROM enrolment WHERE trainee_id = ?)))`)
		args = append(args, f.EntityID, f.EntityID)
	case f.Entity != "":
		conds = append(conds, "entity = ?")
		args = append(args, f.Entity)
		if f.EntityID != 0 {
			conds = append(conds, "entity_id = ?")
			args = append(args, f.EntityID)
		}
	}
	if f.Actor != "" {
		conds = append(conds, "actor = ?")
		args = append(args, f.Actor)
	}
	if !f.From.IsZero() {
		conds = append(conds, "at >= ?")
		args = append(args, localDayStartUTC(f.From))
	}
	if !f.To.IsZero() {
		conds = append(conds, "at < ?")
		args = append(args, localDayStartUTC(f.To.AddDate(0, 0, 1)))
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// localDayStartUTC is the stored form of local midnight of d's date.
func localDayStartUTC(d time.Time) string {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.Local).UTC().Format(time.RFC3339)
}

// ListAudit returns one page of the audit log, newest first.
func (db *DB) ListAudit(ctx context.Context, f wub.AuditFilter, offset, limit int) ([]wub.AuditEntry, error) {
	var out []wub.AuditEntry
	for e, err := range db.auditRows(ctx, f, offset, limit) {
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, nil
}

// CountAudit counts the rows a filter selects.
func (db *DB) CountAudit(ctx context.Context, f wub.AuditFilter) (int, error) {
	where, args := auditWhere(f)
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM audit"+where, args...).Scan(&n)
	return n, err
}

// AuditSeq yields every row a filter selects, newest first, without
// holding them all (the export of a large log).
func (db *DB) AuditSeq(ctx context.Context, f wub.AuditFilter) iter.Seq2[wub.AuditEntry, error] {
	return db.auditRows(ctx, f, 0, -1)
}

// AuditActors lists the names that appear in the audit log, for the
// screen's user filter.
func (db *DB) AuditActors(ctx context.Context) ([]string, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT DISTINCT actor FROM audit ORDER BY actor")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func (db *DB) auditRows(ctx context.Context, f wub.AuditFilter, offset, limit int) iter.Seq2[wub.AuditEntry, error] {
	return func(yield func(wub.AuditEntry, error) bool) {
		where, args := auditWhere(f)
		rows, err := db.r.QueryContext(ctx, `SELECT id, at, actor, entity, entity_id, action, coalesce(old, ''), coalesce(new, '')
			FROM audit`+where+" ORDER BY at DESC, id DESC LIMIT ? OFFSET ?", append(args, limit, offset)...)
		if err != nil {
			yield(wub.AuditEntry{}, err)
			return
		}
		defer rows.Close()
		for rows.Next() {
			var e wub.AuditEntry
			var at string
			if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &e.Old, &e.New); err != nil {
				yield(e, err)
				return
			}
			e.At = parseTime(at)
			if !yield(e, nil) {
				return
			}
		}
		if err := rows.Err(); err != nil {
			yield(wub.AuditEntry{}, err)
		}
	}
}
