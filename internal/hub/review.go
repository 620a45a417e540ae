package hub

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"wubdesk/internal/hubapi"
)

// Review of each agency's month (issue 22): an office sends a snapshot, a
// reviewer accepts or returns it with a note, an admin reopens an accepted
// month with a reason. Every step is one transaction that locks the
// month's row, so of two reviewers deciding at once one wins and the other
// is told who decided; every step is audited (hub_audit and month_event).

// SettingDeadlineDay is the hub setting of the day of the next month by
// which a month is due (DefaultDeadlineDay when unset).
const (
	SettingDeadlineDay = "deadline_day"
	DefaultDeadlineDay = 5
)

func validMonth(m string) bool {
	t, err := time.Parse("2006-01", m)
	return err == nil && len(m) == 7 && t.Year() >= 2000 && t.Year() <= 2100
}

// Send stores an office's snapshot of a month and marks the month sent.
// An accepted month is refused (409): it must be reopened first.
func (h *Hub) Send(ctx context.Context, dev *Device, req hubapi.SendRequest) (hubapi.MonthState, error) {
	if !validMonth(req.Month) {
		return hubapi.MonthState{}, errorf(400, "hub_month_invalid", req.Month)
	}
	if req.People == nil {
		req.People = []hubapi.MonthPerson{}
	}
	rows, err := json.Marshal(req.People)
	if err != nil {
		return hubapi.MonthState{}, err
	}
	now := h.now()
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		cur, _, err := lockMonth(ctx, tx, dev.Agency, req.Month)
		if err != nil {
			return err
		}
		if cur == hubapi.MonthAccepted {
			return errorf(409, "send_accepted_already", req.Month)
		}
		var id int64
		if err := tx.QueryRow(ctx, `INSERT INTO month_snapshot (agency, month, code, device, sent_at, people, enrolments, trained, in_month, rows)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			dev.Agency, req.Month, req.Code, dev.ID, now, req.Figures.People, req.Figures.Enrolments, req.Figures.Trained,
			req.Figures.InMonth, rows).Scan(&id); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO month_review (agency, month, state, code, note, decided_by, decided_at, sent_at, snapshot)
			VALUES ($1, $2, 'sent', $3, '', '', NULL, $4, $5)
			ON CONFLICT (agency, month) DO UPDATE SET state = 'sent', code = EXCLUDED.code, note = '', decided_by = '',
				decided_at = NULL, sent_at = EXCLUDED.sent_at, snapshot = EXCLUDED.snapshot, reopen_ask = ''`,
			dev.Agency, req.Month, req.Code, now, id); err != nil {
			return err
		}
		actor := "device:" + dev.ID
		if err := event(ctx, tx, dev.Agency, req.Month, hubapi.MonthSent, actor, now, "", req.Code); err != nil {
			return err
		}
		return h.Audit(ctx, tx, actor, "month_sent", dev.OfficeID, map[string]any{"agency": dev.Agency, "month": req.Month,
			"code": req.Code, "people": req.Figures.People, "enrolments": req.Figures.Enrolments, "snapshot": id})
	})
	if err != nil {
		return hubapi.MonthState{}, err
	}
	return h.MonthState(ctx, dev.Agency, req.Month)
}

// lockMonth locks the month's review row (FOR UPDATE) and returns its state
// ("not_sent" without a row) and who decided it last.
func lockMonth(ctx context.Context, tx pgx.Tx, agency, month string) (state, by string, err error) {
	// A row to lock even for a month never sent: two first sends serialise too.
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, agency, month); err != nil {
		return "", "", err
	}
	err = tx.QueryRow(ctx, `SELECT state, decided_by FROM month_review WHERE agency = $1 AND month = $2 FOR UPDATE`,
		agency, month).Scan(&state, &by)
	if errors.Is(err, pgx.ErrNoRows) {
		return hubapi.MonthNotSent, "", nil
	}
	return state, by, err
}

func event(ctx context.Context, tx pgx.Tx, agency, month, state, actor string, at time.Time, note, code string) error {
	_, err := tx.Exec(ctx, `INSERT INTO month_event (agency, month, state, actor, at, note, code) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		agency, month, state, actor, at, note, code)
	return err
}

// Review accepts or returns a sent month. A return needs a note. When the
// month is no longer sent (another reviewer decided, or the office sent a
// newer snapshot than the one req.Code names) the answer is 409 with who
// decided.
func (h *Hub) Review(ctx context.Context, user string, req hubapi.ReviewRequest) (hubapi.MonthState, error) {
	req.Agency = strings.ToUpper(strings.TrimSpace(req.Agency))
	req.Note = strings.TrimSpace(req.Note)
	if !validMonth(req.Month) {
		return hubapi.MonthState{}, errorf(400, "hub_month_invalid", req.Month)
	}
	if !req.Accept && req.Note == "" {
		return hubapi.MonthState{}, errorf(400, "review_note_required")
	}
	state := hubapi.MonthReturned
	if req.Accept {
		state = hubapi.MonthAccepted
	}
	now := h.now()
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		cur, by, err := lockMonth(ctx, tx, req.Agency, req.Month)
		if err != nil {
			return err
		}
		var code string
		var decidedAt *time.Time
		tx.QueryRow(ctx, `SELECT code, decided_at FROM month_review WHERE agency = $1 AND month = $2`, req.Agency, req.Month).Scan(&code, &decidedAt)
		switch {
		case cur == hubapi.MonthNotSent || cur == hubapi.MonthReopened:
			return errorf(409, "review_not_sent", req.Agency, req.Month, cur)
		case cur != hubapi.MonthSent:
			at := ""
			if decidedAt != nil {
				at = decidedAt.UTC().Format(time.RFC3339)
			}
			return errorf(409, "review_conflict", req.Agency, req.Month, by, cur+" "+at)
		case req.Code != "" && req.Code != code:
			return errorf(409, "review_conflict", req.Agency, req.Month, "dinas / the office", "kode "+code)
		}
		q := `UPDATE month_review SET state = $3, note = $4, decided_by = $5, decided_at = $6 WHERE agency = $1 AND month = $2`
		if req.Accept {
			q = `UPDATE month_review SET state = $3, note = $4, decided_by = $5, decided_at = $6, accepted = snapshot
				WHERE agency = $1 AND month = $2`
		}
		if _, err := tx.Exec(ctx, q, req.Agency, req.Month, state, req.Note, user, now); err != nil {
			return err
		}
		if err := event(ctx, tx, req.Agency, req.Month, state, "user:"+user, now, req.Note, code); err != nil {
			return err
		}
		action := "month_returned"
		if req.Accept {
			action = "month_accepted"
		}
		return h.Audit(ctx, tx, "user:"+user, action, officeOf(ctx, tx, req.Agency),
			map[string]any{"agency": req.Agency, "month": req.Month, "code": code})
	})
	if err != nil {
		return hubapi.MonthState{}, err
	}
	return h.MonthState(ctx, req.Agency, req.Month)
}

// Reopen reopens an accepted month (admin) with a reason: the office may
// change its figures again and must send the month to be accepted again.
// The accepted snapshot stays the reported figure until then.
func (h *Hub) Reopen(ctx context.Context, user string, req hubapi.ReopenRequest) (hubapi.MonthState, error) {
	req.Agency = strings.ToUpper(strings.TrimSpace(req.Agency))
	req.Reason = strings.TrimSpace(req.Reason)
	if !validMonth(req.Month) {
		return hubapi.MonthState{}, errorf(400, "hub_month_invalid", req.Month)
	}
	if req.Reason == "" {
		return hubapi.MonthState{}, errorf(400, "reopen_reason_required")
	}
	now := h.now()
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		cur, _, err := lockMonth(ctx, tx, req.Agency, req.Month)
		if err != nil {
			return err
		}
		if cur != hubapi.MonthAccepted {
			return errorf(409, "reopen_not_accepted", req.Agency, req.Month, cur)
		}
		if _, err := tx.Exec(ctx, `UPDATE month_review SET state = 'reopened', note = $3, decided_by = $4, decided_at = $5,
			reopen_ask = '' WHERE agency = $1 AND month = $2`, req.Agency, req.Month, req.Reason, user, now); err != nil {
			return err
		}
		if err := event(ctx, tx, req.Agency, req.Month, hubapi.MonthReopened, "user:"+user, now, req.Reason, ""); err != nil {
			return err
		}
		return h.Audit(ctx, tx, "user:"+user, "month_reopened", officeOf(ctx, tx, req.Agency),
			map[string]any{"agency": req.Agency, "month": req.Month})
	})
	if err != nil {
		return hubapi.MonthState{}, err
	}
	return h.MonthState(ctx, req.Agency, req.Month)
}

// AskReopen records an office's request to reopen its accepted month.
func (h *Hub) AskReopen(ctx context.Context, dev *Device, req hubapi.ReopenAskRequest) (hubapi.MonthState, error) {
	req.Reason = strings.TrimSpace(req.Reason)
	if !validMonth(req.Month) {
		return hubapi.MonthState{}, errorf(400, "hub_month_invalid", req.Month)
	}
	if req.Reason == "" {
		return hubapi.MonthState{}, errorf(400, "reopen_reason_required")
	}
	now := h.now()
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		cur, _, err := lockMonth(ctx, tx, dev.Agency, req.Month)
		if err != nil {
			return err
		}
		if cur != hubapi.MonthAccepted {
			return errorf(409, "reopen_not_accepted", dev.Agency, req.Month, cur)
		}
		if _, err := tx.Exec(ctx, `UPDATE month_review SET reopen_ask = $3 WHERE agency = $1 AND month = $2`,
			dev.Agency, req.Month, req.Reason); err != nil {
			return err
		}
		actor := "device:" + dev.ID
		if err := event(ctx, tx, dev.Agency, req.Month, "reopen_asked", actor, now, req.Reason, ""); err != nil {
			return err
		}
		return h.Audit(ctx, tx, actor, "month_reopen_asked", dev.OfficeID, map[string]any{"agency": dev.Agency, "month": req.Month})
	})
	if err != nil {
		return hubapi.MonthState{}, err
	}
	return h.MonthState(ctx, dev.Agency, req.Month)
}

func officeOf(ctx context.Context, q Querier, agency string) string {
	var id string
	q.QueryRow(ctx, `SELECT id::text FROM office WHERE agency = $1`, agency).Scan(&id)
	return id
}

// DeadlineDay is the day of the next month by which a month is due.
func (h *Hub) DeadlineDay(ctx context.Context) int { return deadlineDayIn(ctx, h.Pool) }

func deadlineDayIn(ctx context.Context, q Querier) int {
	var v string
	q.QueryRow(ctx, `SELECT value FROM hub_setting WHERE key = $1`, SettingDeadlineDay).Scan(&v)
	if d, err := strconv.Atoi(v); err == nil && d >= 1 && d <= 28 {
		return d
	}
	return DefaultDeadlineDay
}

// SetDeadlineDay sets the deadline (1–28), audited.
func (h *Hub) SetDeadlineDay(ctx context.Context, day int, actor string) error {
	if day < 1 || day > 28 {
		return errorf(400, "hub_deadline_invalid", day)
	}
	return pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO hub_setting (key, value) VALUES ($1, $2)
			ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, SettingDeadlineDay, strconv.Itoa(day)); err != nil {
			return err
		}
		return h.Audit(ctx, tx, actor, "deadline_set", "", map[string]any{"day": day})
	})
}

// deadlineOf is the due date of month m (YYYY-MM): day of the next month.
func deadlineOf(m string, day int) time.Time {
	t, _ := time.Parse("2006-01", m)
	return time.Date(t.Year(), t.Month()+1, day, 23, 59, 59, 0, time.UTC)
}

// MonthState is one agency's month as the wire carries it.
func (h *Hub) MonthState(ctx context.Context, agency, month string) (hubapi.MonthState, error) {
	ms, err := monthStates(ctx, h.Pool, agency, month, h.DeadlineDay(ctx), h.now())
	if err != nil {
		return hubapi.MonthState{}, err
	}
	if len(ms) == 0 {
		st := hubapi.MonthState{Agency: agency, Month: month, State: hubapi.MonthNotSent}
		dl := deadlineOf(month, h.DeadlineDay(ctx))
		st.Deadline, st.Late = dl.Format("2006-01-02"), h.now().After(dl)
		return st, nil
	}
	return ms[0], nil
}

// monthStates lists the review rows of agency ("" every agency) and month
// ("" every month), by agency and month.
func monthStates(ctx context.Context, q Querier, agency, month string, day int, now time.Time) ([]hubapi.MonthState, error) {
	rows, err := q.Query(ctx, `SELECT agency, month, state, code, note, decided_by, decided_at, sent_at FROM month_review
		WHERE ($1 = '' OR agency = $1) AND ($2 = '' OR month = $2) ORDER BY agency, month`, agency, month)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []hubapi.MonthState{}
	for rows.Next() {
		var s hubapi.MonthState
		var at, sent *time.Time
		if err := rows.Scan(&s.Agency, &s.Month, &s.State, &s.Code, &s.Note, &s.By, &at, &sent); err != nil {
			return nil, err
		}
		if at != nil {
			s.At = at.UTC().Format(time.RFC3339)
		}
		dl := deadlineOf(s.Month, day)
		s.Deadline = dl.Format("2006-01-02")
		if sent != nil {
			s.SentAt = sent.UTC().Format(time.RFC3339)
			if s.At == "" {
				s.At = s.SentAt
			}
			s.Late = sent.After(dl)
		} else {
			s.Late = now.After(dl)
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

func init() {
	MonthsHook = func(ctx context.Context, q Querier, agency string) ([]hubapi.MonthState, error) {
		// The deadline the economic section set (the office state and
		// the report show lateness against it, as the calendar does).
		return monthStates(ctx, q, agency, "", deadlineDayIn(ctx, q), time.Now().UTC())
	}
	Route("POST", hubapi.PathSend, AuthDevice, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.SendRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.Send(ctx, c.Device, req)
	})
	Route("POST", hubapi.PathReopenAsk, AuthDevice, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.ReopenAskRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.AskReopen(ctx, c.Device, req)
	})
	Route("POST", hubapi.PathReview, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.ReviewRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.Review(ctx, c.User.Username, req)
	})
	Route("POST", hubapi.PathReopen, AuthAdmin, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.ReopenRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.Reopen(ctx, c.User.Username, req)
	})
	Route("POST", hubapi.PathDeadline, AuthAdmin, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.DeadlineRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		if err := c.Hub.SetDeadlineDay(ctx, req.Day, c.Actor()); err != nil {
			return nil, err
		}
		return req, nil
	})
	Route("GET", hubapi.PathDeadline, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		return hubapi.DeadlineRequest{Day: c.Hub.DeadlineDay(ctx)}, nil
	})
}

// MigrationVersions lists the numbers of the hub's migrations (they may
// have gaps: 0001–0009 are the hub core's, 0010 and later the review's).
func MigrationVersions() []int {
	ms, _ := migrations()
	out := make([]int, len(ms))
	for i, m := range ms {
		out[i] = m.version
	}
	return out
}
