package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Month locks and the queue of months for the regency hub (issue 22,
// migration 0016). The lock itself lives in the schema's triggers, so no
// write path (form, import, handover, merge, command) can get round it;
// this file turns their error into the wub error and keeps the states.

const lockMark = "wub:month_locked:"

// lockErr turns the triggers' RAISE text into month_locked, naming the
// month; nil when err is not a lock.
func lockErr(err error) error {
	if err == nil {
		return nil
	}
	s := err.Error()
	i := strings.Index(s, lockMark)
	if i < 0 {
		return nil
	}
	rest := s[i+len(lockMark):]
	agency, month, _ := strings.Cut(rest, ":")
	if len(month) > 7 {
		month = month[:7]
	}
	label := month
	if t, err := time.Parse("2006-01", month); err == nil {
		label = wub.PeriodLabel(t)
	}
	return wub.Errorf("month_locked", label, agency, month)
}

// MonthReviews lists the months of agency the office knows a state for,
// or has queued, newest first.
func (db *DB) MonthReviews(ctx context.Context, agency string) ([]wub.MonthReview, error) {
	rows, err := db.r.QueryContext(ctx, `
		WITH months AS (
			SELECT month FROM month_state WHERE agency_code = ?1
			UNION SELECT month FROM month_outbox WHERE agency_code = ?1 AND sent_at IS NULL)
		SELECT m.month, coalesce(s.state, ''), coalesce(s.code, ''), coalesce(s.note, ''), coalesce(s.decided_by, ''),
			coalesce(s.decided_at, ''), coalesce(s.sent_at, ''), coalesce(s.deadline, ''), coalesce(s.late, 0),
			EXISTS (SELECT 1 FROM month_outbox o WHERE o.agency_code = ?1 AND o.month = m.month AND o.kind = 'send' AND o.sent_at IS NULL),
			EXISTS (SELECT 1 FROM month_outbox o WHERE o.agency_code = ?1 AND o.month = m.month AND o.kind = 'reopen' AND o.sent_at IS NULL),
			coalesce((SELECT o.last_error FROM month_outbox o WHERE o.agency_code = ?1 AND o.month = m.month AND o.sent_at IS NULL
				ORDER BY o.id DESC LIMIT 1), '')
		FROM months m LEFT JOIN month_state s ON s.agency_code = ?1 AND s.month = m.month
		ORDER BY m.month DESC`, agency)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.MonthReview
	for rows.Next() {
		r := wub.MonthReview{Agency: agency}
		if err := rows.Scan(&r.Month, &r.State, &r.Code, &r.Note, &r.DecidedBy, &r.DecidedAt, &r.SentAt, &r.Deadline,
			&r.Late, &r.Waiting, &r.AskWaiting, &r.LastError); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// MonthReview is one month's state ({Agency, Month} with no State when the
// office knows nothing of it).
func (db *DB) MonthReview(ctx context.Context, agency, month string) (wub.MonthReview, error) {
	all, err := db.MonthReviews(ctx, agency)
	if err != nil {
		return wub.MonthReview{}, err
	}
	for _, r := range all {
		if r.Month == month {
			return r, nil
		}
	}
	return wub.MonthReview{Agency: agency, Month: month}, nil
}

// SetMonthStates records the hub's states of months (from its answer to a
// send or from the sync round). It is the app's own bookkeeping of what the
// hub decided, so no role check stops it; each change of state is audited.
func (db *DB) SetMonthStates(ctx context.Context, ms []wub.MonthReview) error {
	if len(ms) == 0 {
		return nil
	}
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		for _, m := range ms {
			if _, err := time.Parse("2006-01", m.Month); err != nil || m.Agency == "" {
				continue
			}
			if m.State == "" {
				m.State = wub.MonthNotSent
			}
			var old wub.MonthReview
			var id int64
			err := tx.QueryRowContext(ctx, `SELECT rowid, state, code, note, decided_by, decided_at FROM month_state
				WHERE agency_code = ? AND month = ?`, m.Agency, m.Month).Scan(&id, &old.State, &old.Code, &old.Note, &old.DecidedBy, &old.DecidedAt)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if err == nil && old.State == m.State && old.Code == m.Code && old.Note == m.Note && old.DecidedAt == m.DecidedAt {
				continue
			}
			res, err := tx.ExecContext(ctx, `INSERT INTO month_state (agency_code, month, state, code, note, decided_by, decided_at,
					sent_at, deadline, late, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)
				ON CONFLICT (agency_code, month) DO UPDATE SET state = excluded.state, code = excluded.code, note = excluded.note,
					decided_by = excluded.decided_by, decided_at = excluded.decided_at, sent_at = excluded.sent_at,
					deadline = excluded.deadline, late = excluded.late, updated_at = excluded.updated_at`,
				m.Agency, m.Month, m.State, m.Code, m.Note, m.DecidedBy, m.DecidedAt, m.SentAt, m.Deadline, m.Late, db.now())
			if err != nil {
				return err
			}
			action := "update"
			if id == 0 {
				action = "insert"
				id, _ = res.LastInsertId()
			}
			var before any
			if action == "update" {
				before = monthAudit(old)
			}
			if err := db.audit(ctx, tx, "month_state", id, action, before, monthAudit(m)); err != nil {
				return err
			}
		}
		return nil
	})
}

func monthAudit(m wub.MonthReview) map[string]string {
	return map[string]string{"agency": m.Agency, "month": m.Month, "state": m.State, "code": m.Code,
		"note": m.Note, "decided_by": m.DecidedBy, "decided_at": m.DecidedAt}
}

// Month outbox kinds.
const (
	OutboxSend   = "send"
	OutboxReopen = "reopen"
)

// OutboxMonth is one request waiting for the hub.
type OutboxMonth struct {
	ID       int64
	Kind     string
	Agency   string
	Month    string
	Code     string
	Body     []byte
	QueuedAt string
	Attempts int
}

// QueueMonth puts a request for the hub in the queue, replacing a waiting
// one of the same kind and month, and returns its id. Queuing a month is a
// change the clerk makes (ActEdit); it is audited.
func (db *DB) QueueMonth(ctx context.Context, kind, agency, month, code string, body []byte) (int64, error) {
	var id int64
	err := db.WriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `DELETE FROM month_outbox WHERE kind = ? AND agency_code = ? AND month = ? AND sent_at IS NULL`,
			kind, agency, month); err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO month_outbox (kind, agency_code, month, code, body, queued_at, queued_by)
			VALUES (?,?,?,?,?,?,?)`, kind, agency, month, code, string(body), db.now(), db.Actor)
		if err != nil {
			return err
		}
		id, _ = res.LastInsertId()
		return db.audit(ctx, tx, "month_outbox", id, "insert", nil,
			map[string]string{"kind": kind, "agency": agency, "month": month, "code": code})
	})
	return id, err
}

// WaitingMonths lists the queue, oldest first.
func (db *DB) WaitingMonths(ctx context.Context) ([]OutboxMonth, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, kind, agency_code, month, code, body, queued_at, attempts
		FROM month_outbox WHERE sent_at IS NULL ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []OutboxMonth
	for rows.Next() {
		var o OutboxMonth
		var body string
		if err := rows.Scan(&o.ID, &o.Kind, &o.Agency, &o.Month, &o.Code, &body, &o.QueuedAt, &o.Attempts); err != nil {
			return nil, err
		}
		o.Body = []byte(body)
		out = append(out, o)
	}
	return out, rows.Err()
}

// WaitingMonthCount is the queue's length.
func (db *DB) WaitingMonthCount(ctx context.Context) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, `SELECT count(*) FROM month_outbox WHERE sent_at IS NULL`).Scan(&n)
	return n, err
}

// MonthDelivered marks a queued request as taken by the hub and records
// the state the hub answered with, in one transaction.
func (db *DB) MonthDelivered(ctx context.Context, id int64, state wub.MonthReview) error {
	if err := db.systemTx(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE month_outbox SET sent_at = ?, attempts = attempts + 1, last_error = '' WHERE id = ?`, db.now(), id)
		return err
	}); err != nil {
		return err
	}
	return db.SetMonthStates(ctx, []wub.MonthReview{state})
}

// MonthFailed counts a failed attempt and keeps the error in words; the
// request stays queued. Permanent, when the hub refused it for good (a
// wrong body), takes it out of the queue.
func (db *DB) MonthFailed(ctx context.Context, id int64, msg string, permanent bool) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		q := `UPDATE month_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?`
		if permanent {
			q = `UPDATE month_outbox SET attempts = attempts + 1, last_error = ?, sent_at = '' WHERE id = ?`
		}
		_, err := tx.ExecContext(ctx, q, msg, id)
		return err
	})
}

// SnapshotIDs returns the global ids of the agency's enrolments of year and
// of their trainees (the gid columns of migration 0015), keyed by local id;
// empty maps in a schema without them.
func (db *DB) SnapshotIDs(ctx context.Context, agency string, year int) (enrolments, trainees map[int64]string, err error) {
	enrolments, trainees = map[int64]string{}, map[int64]string{}
	has := func(table string) bool {
		var n int
		db.r.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info(?) WHERE name = 'gid'`, table).Scan(&n)
		return n > 0
	}
	if !has("enrolment") || !has("trainee") {
		return enrolments, trainees, nil
	}
	rows, err := db.r.QueryContext(ctx, `SELECT e.id, coalesce(e.gid, ''), t.id, coalesce(t.gid, '') FROM enrolment e
		JOIN trainee t ON t.id = e.trainee_id WHERE e.agency_code = ? AND e.year = ? AND e.deleted_at IS NULL`, agency, year)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var eid, tid int64
		var eg, tg string
		if err := rows.Scan(&eid, &eg, &tid, &tg); err != nil {
			return nil, nil, err
		}
		enrolments[eid], trainees[tid] = eg, tg
	}
	return enrolments, trainees, rows.Err()
}

// LastSentMonth is the body of the last send of a month the hub took
// (hubapi.SendRequest as JSON), nil when none.
func (db *DB) LastSentMonth(ctx context.Context, agency, month string) ([]byte, error) {
	var body string
	err := db.r.QueryRowContext(ctx, `SELECT body FROM month_outbox WHERE kind = 'send' AND agency_code = ? AND month = ?
		AND sent_at IS NOT NULL AND sent_at != '' ORDER BY id DESC LIMIT 1`, agency, month).Scan(&body)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return []byte(body), err
}
