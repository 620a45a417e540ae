package hub

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"

	"wubdesk/internal/hubapi"
)

// The economic section's read views of the review (issue 22, issue 21
// item 5): the calendar, one month beside the previous one and the quota,
// the regency's reported figure beside the live one, the quotas and the
// queue of people counted by several agencies. Hub users only; NIKs go to
// the reviewers who consolidate anyway, never to the logs.

// Calendar is agency × month for year: every office's months up to the
// current one, with their state and lateness against the deadline.
func (h *Hub) Calendar(ctx context.Context, year int) (hubapi.Calendar, error) {
	cal := hubapi.Calendar{Year: year, Months: []hubapi.MonthState{}}
	now := h.now()
	day := h.DeadlineDay(ctx)
	last := 12
	if year == now.Year() {
		last = int(now.Month())
	} else if year > now.Year() {
		last = 0
	}
	states, err := monthStates(ctx, h.Pool, "", "", day, now)
	if err != nil {
		return cal, err
	}
	by := map[string]hubapi.MonthState{}
	for _, s := range states {
		by[s.Agency+" "+s.Month] = s
	}
	agencies, err := h.agencies(ctx)
	if err != nil {
		return cal, err
	}
	for _, a := range agencies {
		for m := 1; m <= last; m++ {
			month := fmt.Sprintf("%04d-%02d", year, m)
			s, ok := by[a+" "+month]
			if !ok {
				dl := deadlineOf(month, day)
				s = hubapi.MonthState{Agency: a, Month: month, State: hubapi.MonthNotSent,
					Deadline: dl.Format("2006-01-02"), Late: now.After(dl)}
			}
			cal.Months = append(cal.Months, s)
		}
	}
	return cal, nil
}

func (h *Hub) agencies(ctx context.Context) ([]string, error) {
	rows, err := h.Pool.Query(ctx, `SELECT agency FROM office ORDER BY agency`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func snapshotFigures(ctx context.Context, q Querier, id *int64) (hubapi.MonthFigures, string, string, error) {
	var f hubapi.MonthFigures
	if id == nil {
		return f, "", "", nil
	}
	var device, code string
	err := q.QueryRow(ctx, `SELECT s.people, s.enrolments, s.trained, s.in_month, coalesce(d.name, ''), s.code
		FROM month_snapshot s LEFT JOIN device d ON d.id = s.device WHERE s.id = $1`, *id).
		Scan(&f.People, &f.Enrolments, &f.Trained, &f.InMonth, &device, &code)
	return f, device, code, err
}

// liveFigures counts an agency's synced records of a year now (each NIK
// once); month "" counts no month of its own.
func liveFigures(ctx context.Context, q Querier, agency string, year int) (hubapi.MonthFigures, error) {
	var f hubapi.MonthFigures
	err := q.QueryRow(ctx, `SELECT count(DISTINCT e.nik), count(*), count(DISTINCT e.nik) FILTER (WHERE e.status = 'trained')
		FROM enrolment e JOIN office o ON o.id = e.owner WHERE e.live AND o.agency = $1 AND e.year = $2`, agency, year).
		Scan(&f.People, &f.Enrolments, &f.Trained)
	return f, err
}

func prevMonth(m string) string {
	t, _ := time.Parse("2006-01", m)
	if t.Month() == time.January {
		return ""
	}
	return t.AddDate(0, -1, 0).Format("2006-01")
}

// MonthDetail is one agency's month for the reviewer.
func (h *Hub) MonthDetail(ctx context.Context, agency, month string) (hubapi.MonthDetail, error) {
	var d hubapi.MonthDetail
	if !validMonth(month) {
		return d, errorf(400, "hub_month_invalid", month)
	}
	st, err := h.MonthState(ctx, agency, month)
	if err != nil {
		return d, err
	}
	d.State = st
	var snap, acc *int64
	err = h.Pool.QueryRow(ctx, `SELECT snapshot, accepted, reopen_ask FROM month_review WHERE agency = $1 AND month = $2`,
		agency, month).Scan(&snap, &acc, &d.ReopenAsk)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return d, err
	}
	if d.Figures, d.SentBy, _, err = snapshotFigures(ctx, h.Pool, snap); err != nil {
		return d, err
	}
	if d.Accepted, _, _, err = snapshotFigures(ctx, h.Pool, acc); err != nil {
		return d, err
	}
	if p := prevMonth(month); p != "" {
		var ps *int64
		h.Pool.QueryRow(ctx, `SELECT snapshot FROM month_review WHERE agency = $1 AND month = $2`, agency, p).Scan(&ps)
		if d.Previous, _, _, err = snapshotFigures(ctx, h.Pool, ps); err != nil {
			return d, err
		}
	}
	year, _ := strconv.Atoi(month[:4])
	if d.Live, err = liveFigures(ctx, h.Pool, agency, year); err != nil {
		return d, err
	}
	h.Pool.QueryRow(ctx, `SELECT people FROM quota WHERE agency = $1 AND year = $2`, agency, year).Scan(&d.Quota)
	if snap != nil {
		if d.Duplicates, err = crossDups(ctx, h.Pool, `SELECT DISTINCT x->>'nik' FROM month_snapshot s, jsonb_array_elements(s.rows) x
			WHERE s.id = $1 AND x->>'count_month' = $2`, *snap, month); err != nil {
			return d, err
		}
	}
	rows, err := h.Pool.Query(ctx, `SELECT state, actor, at, note, code FROM month_event WHERE agency = $1 AND month = $2 ORDER BY id`,
		agency, month)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var e hubapi.Decision
		var at time.Time
		if err := rows.Scan(&e.State, &e.By, &at, &e.Note, &e.Code); err != nil {
			return d, err
		}
		e.At = at.UTC().Format(time.RFC3339)
		d.History = append(d.History, e)
	}
	return d, rows.Err()
}

// crossDups lists the NIKs the query yields (its first column; nil query:
// every NIK) that live enrolments of more than one agency carry, with each
// agency's year and status.
func crossDups(ctx context.Context, q Querier, niks string, args ...any) ([]hubapi.CrossDup, error) {
	filter := ""
	if niks != "" {
		filter = "AND e.nik IN (" + niks + ")"
	}
	rows, err := q.Query(ctx, `WITH many AS (
			SELECT e.nik FROM enrolment e WHERE e.live AND e.nik <> '' `+filter+`
			GROUP BY e.nik HAVING count(DISTINCT e.owner) > 1 ORDER BY e.nik LIMIT 1000)
		SELECT e.nik, o.agency, e.year, e.status FROM enrolment e JOIN office o ON o.id = e.owner
		WHERE e.live AND e.nik IN (SELECT nik FROM many) ORDER BY e.nik, o.agency, e.year`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []hubapi.CrossDup
	for rows.Next() {
		var f hubapi.Fact
		if err := rows.Scan(&f.NIK, &f.Agency, &f.Year, &f.Status); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].NIK != f.NIK {
			out = append(out, hubapi.CrossDup{NIK: f.NIK})
		}
		out[len(out)-1].Agencies = append(out[len(out)-1].Agencies, f)
	}
	return out, rows.Err()
}

// Duplicates is the queue of people counted by several agencies.
func (h *Hub) Duplicates(ctx context.Context) (hubapi.Duplicates, error) {
	items, err := crossDups(ctx, h.Pool, "")
	if items == nil {
		items = []hubapi.CrossDup{}
	}
	return hubapi.Duplicates{Items: items}, err
}

// Quotas is each office's quota for year beside its live and accepted
// trained people.
func (h *Hub) Quotas(ctx context.Context, year int) (hubapi.Quotas, error) {
	qs := hubapi.Quotas{Year: year, Items: []hubapi.QuotaState{}}
	agencies, err := h.agencies(ctx)
	if err != nil {
		return qs, err
	}
	for _, a := range agencies {
		q := hubapi.QuotaState{Agency: a}
		h.Pool.QueryRow(ctx, `SELECT people FROM quota WHERE agency = $1 AND year = $2`, a, year).Scan(&q.Quota)
		live, err := liveFigures(ctx, h.Pool, a, year)
		if err != nil {
			return qs, err
		}
		q.Trained = live.Trained
		h.Pool.QueryRow(ctx, `SELECT s.trained FROM month_review r JOIN month_snapshot s ON s.id = r.accepted
			WHERE r.agency = $1 AND r.month LIKE $2 ORDER BY r.month DESC LIMIT 1`, a, fmt.Sprintf("%04d-%%", year)).Scan(&q.Accepted)
		qs.Items = append(qs.Items, q)
	}
	return qs, nil
}

// Figures is the regency's reported figure for month — from the accepted
// snapshots of that month, each NIK once — beside the live figure of the
// year, agency by agency, and the reasons they differ.
func (h *Hub) Figures(ctx context.Context, month string) (hubapi.Figures, error) {
	f := hubapi.Figures{Month: month, Agencies: []hubapi.AgencyFigures{}, Why: []string{}}
	if !validMonth(month) {
		return f, errorf(400, "hub_month_invalid", month)
	}
	year, _ := strconv.Atoi(month[:4])
	if err := h.Pool.QueryRow(ctx, `WITH p AS (
			SELECT x->>'nik' AS nik, x->>'status' AS status FROM month_review r JOIN month_snapshot s ON s.id = r.accepted,
				jsonb_array_elements(s.rows) x WHERE r.month = $1)
		SELECT count(DISTINCT nik), count(*), count(DISTINCT nik) FILTER (WHERE status = 'trained') FROM p`, month).
		Scan(&f.Reported.People, &f.Reported.Enrolments, &f.Reported.TrainedPeople); err != nil {
		return f, err
	}
	if err := h.Pool.QueryRow(ctx, `SELECT count(DISTINCT nik), count(*), count(DISTINCT nik) FILTER (WHERE status = 'trained')
		FROM enrolment WHERE live AND year = $1`, year).Scan(&f.Live.People, &f.Live.Enrolments, &f.Live.TrainedPeople); err != nil {
		return f, err
	}
	agencies, err := h.agencies(ctx)
	if err != nil {
		return f, err
	}
	for _, a := range agencies {
		st, err := h.MonthState(ctx, a, month)
		if err != nil {
			return f, err
		}
		af := hubapi.AgencyFigures{Agency: a, State: st.State}
		var acc *int64
		h.Pool.QueryRow(ctx, `SELECT accepted FROM month_review WHERE agency = $1 AND month = $2`, a, month).Scan(&acc)
		if af.Accepted, _, _, err = snapshotFigures(ctx, h.Pool, acc); err != nil {
			return f, err
		}
		if af.Live, err = liveFigures(ctx, h.Pool, a, year); err != nil {
			return f, err
		}
		switch {
		case acc == nil:
			f.Why = append(f.Why, fmt.Sprintf("%s: %s belum diterima — tidak ada di angka dilaporkan / not accepted yet — not in the reported figure", a, month))
		case st.State == hubapi.MonthReopened:
			f.Why = append(f.Why, fmt.Sprintf("%s: dibuka kembali; angka dilaporkan tetap yang terakhir diterima / reopened; the reported figure stays the last accepted", a))
		}
		if acc != nil && af.Live.Enrolments != af.Accepted.Enrolments {
			f.Why = append(f.Why, fmt.Sprintf("%s: %+d pendaftaran sesudah akhir bulan atau diubah sesudah diterima / enrolments after the month's end or changed since",
				a, af.Live.Enrolments-af.Accepted.Enrolments))
		}
		f.Agencies = append(f.Agencies, af)
	}
	if f.Reported.People != f.Live.People && len(f.Why) == 0 {
		f.Why = append(f.Why, "angka hidup menghitung seluruh tahun sampai hari ini / the live figure counts the whole year to date")
	}
	return f, nil
}

func queryInt(q url.Values, key string, def int) int {
	if v, err := strconv.Atoi(q.Get(key)); err == nil {
		return v
	}
	return def
}

func init() {
	Route("GET", hubapi.PathCalendar, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		return c.Hub.Calendar(ctx, queryInt(c.Req.URL.Query(), "year", c.Hub.now().Year()))
	})
	Route("GET", hubapi.PathMonth, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		q := c.Req.URL.Query()
		return c.Hub.MonthDetail(ctx, q.Get("agency"), q.Get("month"))
	})
	Route("GET", hubapi.PathDuplicates, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		return c.Hub.Duplicates(ctx)
	})
	Route("GET", hubapi.PathQuotas, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		return c.Hub.Quotas(ctx, queryInt(c.Req.URL.Query(), "year", c.Hub.now().Year()))
	})
	Route("GET", hubapi.PathFigures, AuthUser, func(ctx context.Context, c *Call) (any, error) {
		return c.Hub.Figures(ctx, c.Req.URL.Query().Get("month"))
	})
}
