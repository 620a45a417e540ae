package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"time"

	"wubdesk/internal/wub"
)

// audit records one change. old and new are marshalled to JSON; nil is NULL.
func (db *DB) audit(ctx context.Context, tx *sql.Tx, entity string, id int64, action string, old, new any) error {
	o, err := jsonOrNil(old)
	if err != nil {
		return err
	}
	n, err := jsonOrNil(new)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit (at, actor, entity, entity_id, action, old, new)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, db.now(), db.Actor, entity, id, action, o, n)
	return err
}

// jsonOrNil marshals v for an audit column; nil stays NULL.
func jsonOrNil(v any) (any, error) {
	if v == nil {
		return nil, nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return string(b), nil
}

// AuditEntry is one row of the audit log (defined in wub so that the
// workbook export does not import the store).
type AuditEntry = wub.AuditEntry

// AuditFor lists the changes of one record, oldest first.
func (db *DB) AuditFor(ctx context.Context, entity string, id int64) ([]AuditEntry, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, at, actor, entity, entity_id, action, coalesce(old, ''), coalesce(new, '')
		FROM audit WHERE entity = ? AND entity_id = ? ORDER BY id`, entity, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &e.Old, &e.New); err != nil {
			return nil, err
		}
		e.At, _ = time.Parse(time.RFC3339, at)
		out = append(out, e)
	}
	return out, rows.Err()
}
