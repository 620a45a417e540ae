package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// hasTable reports whether the schema has a table (the mentoring table
// arrives with another migration).
func hasTable(ctx context.Context, q querier, name string) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", name).Scan(&n)
	return n > 0, err
}

// mentoringVisit is a mentoring visit as the journey sees it.
type mentoringVisit struct {
	ID          int64
	Date        time.Time
	Facilitator string
	State       string // not_started, running, stopped
}

// mentoringVisits is the store hook that derives the "mentored" stage from
// mentoring visits.
//
// The mentoring table comes from migration 0004 (facilitators);
// SaveMentoring confirms the business stage of a "sudah berjalan" visit.
func mentoringVisits(ctx context.Context, q querier, traineeID int64) ([]mentoringVisit, error) {
	rows, err := q.QueryContext(ctx, `SELECT m.id, m.visit_date, coalesce(f.name, ''), m.business_state
		FROM mentoring m LEFT JOIN facilitator f ON f.id = m.facilitator_id
		WHERE m.trainee_id = ? AND m.deleted_at IS NULL ORDER BY m.visit_date, m.id`, traineeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []mentoringVisit
	for rows.Next() {
		var v mentoringVisit
		var date string
		if err := rows.Scan(&v.ID, &date, &v.Facilitator, &v.State); err != nil {
			return nil, err
		}
		v.Date = wub.ParseISODate(date)
		out = append(out, v)
	}
	return out, rows.Err()
}

// mentoringFirstDatesSQL selects, per trainee of a program year's cohort,
// the first visit and the first visit that found the business running
// (the same hook as mentoringVisits, for the outcome figures).
const mentoringFirstDatesSQL = `SELECT trainee_id, min(visit_date),
	coalesce(min(CASE WHEN business_state = 'running' THEN visit_date END), '')
	FROM mentoring WHERE deleted_at IS NULL AND visit_date != ''
	AND trainee_id IN (SELECT trainee_id FROM enrolment WHERE year = ? AND deleted_at IS NULL)
	GROUP BY trainee_id`

// Timeline lists a trainee's journey: registration and training from the
// enrolments, mentoring visits, businesses, licences, marketing (Wamira
// Mart listings and other channels) and capital, sorted by date, each with
// who recorded it.
func (db *DB) Timeline(ctx context.Context, traineeID int64) ([]wub.StageEvent, error) {
	t, err := getTrainee(ctx, db.r, traineeID)
	if err != nil {
		return nil, err
	}
	var ev []wub.StageEvent
	for _, e := range t.Enrolments {
		by, err := enrolmentRecorder(ctx, db, e.ID)
		if err != nil {
			return nil, err
		}
		agency := e.AgencyCode
		if as, err := db.Agencies(ctx); err == nil {
			if a, ok := as.ByCode(e.AgencyCode); ok {
				agency = a.NameInYear(e.Year).Short
			}
		}
		title := fmt.Sprintf("%s %d", agency, e.Year)
		if e.BatchName != "" {
			title += " — " + e.BatchName
		}
		// A missing date stays missing (shown empty), never 1 January.
		reg := e.EnrolledOn
		ev = append(ev, wub.StageEvent{Stage: wub.StageRegistered, Date: reg, RecordedBy: by, Title: title,
			Detail: wub.StatusLabel(e.Status), Entity: "enrolment", EntityID: e.ID})
		if e.Status == wub.StatusTrained {
			done := e.CompletedOn
			ev = append(ev, wub.StageEvent{Stage: wub.StageTrained, Date: done, RecordedBy: by, Title: title,
				Entity: "enrolment", EntityID: e.ID})
		}
	}
	visits, err := mentoringVisits(ctx, db.r, traineeID)
	if err != nil {
		return nil, err
	}
	for _, v := range visits {
		ev = append(ev, wub.StageEvent{Stage: wub.StageMentored, Date: v.Date, RecordedBy: v.Facilitator,
			Title: wub.Message("visit_"+v.State, ""), Entity: "mentoring", EntityID: v.ID})
	}
	more, err := db.businessEvents(ctx, traineeID)
	if err != nil {
		return nil, err
	}
	ev = append(ev, more...)
	wub.SortTimeline(ev)
	return ev, nil
}

// enrolmentRecorder is who first recorded an enrolment, from the audit log
// ("" for rows written without audit, such as demo data).
func enrolmentRecorder(ctx context.Context, db *DB, id int64) (string, error) {
	var actor string
	err := db.r.QueryRowContext(ctx, `SELECT coalesce((SELECT actor FROM audit WHERE entity = 'enrolment'
		AND entity_id = ? ORDER BY id LIMIT 1), '')`, id).Scan(&actor)
	return actor, err
}

// businessEvents are the timeline entries of a trainee's live businesses
// and everything live under them.
func (db *DB) businessEvents(ctx context.Context, traineeID int64) ([]wub.StageEvent, error) {
	return db.journeyEvents(ctx, traineeID, false)
}

// journeyEvents reads the records under a trainee's businesses. With
// deleted false it is the live records; with deleted true the records
// deleted on their own (a record whose business or product is deleted
// comes back with it and is not listed), products included.
func (db *DB) journeyEvents(ctx context.Context, traineeID int64, deleted bool) ([]wub.StageEvent, error) {
	own := " IS NULL"
	if deleted {
		own = " IS NOT NULL"
	}
	const live = ` AND b.trainee_id = ?1`
	// Each query selects: id, business id, date, recorded by, four texts, a number, deleted at.
	queries := []struct {
		stage, entity, sql string
		event              func(s [4]string, n int64) (title, detail string)
	}{
		{wub.StageBusiness, "business", `SELECT b.id, b.id, b.started_on, b.recorded_by, b.name, b.kbli, b.turnover,
			b.source, b.workers, coalesce(b.deleted_at, '') FROM business b WHERE b.deleted_at` + own + live,
			func(s [4]string, workers int64) (string, string) {
				var parts []string
				if s[1] != "" {
					parts = append(parts, "KBLI "+s[1])
				}
				if s[2] != "" {
					parts = append(parts, wub.TurnoverLabel(s[2]))
				}
				if workers > 0 {
					parts = append(parts, wub.Message("timeline_workers", "", workers))
				}
				if s[3] == "mentoring" {
					parts = append(parts, wub.Message("timeline_from_visit", ""))
				}
				return s[0], strings.Join(parts, " · ")
			}},
		{wub.StageLicensed, "licence", `SELECT l.id, b.id, l.issued_on, l.recorded_by, l.kind, l.number, b.name, '', 0,
			coalesce(l.deleted_at, '') FROM licence l JOIN business b ON b.id = l.business_id
			WHERE b.deleted_at IS NULL AND l.deleted_at` + own + live,
			func(s [4]string, _ int64) (string, string) {
				return wub.LicenceLabel(s[0]) + " " + s[1], s[2]
			}},
		{wub.StageMarketed, "marketing_channel", `SELECT c.id, b.id, c.started_on, c.recorded_by, c.kind, c.detail,
			b.name, '', 0, coalesce(c.deleted_at, '') FROM marketing_channel c JOIN business b ON b.id = c.business_id
			WHERE b.deleted_at IS NULL AND c.deleted_at` + own + live,
			func(s [4]string, _ int64) (string, string) {
				t := wub.ChannelLabel(s[0])
				if s[1] != "" {
					t += ": " + s[1]
				}
				return t, s[2]
			}},
		{wub.StageMarketed, "listing", `SELECT li.id, b.id, li.listed_on, li.recorded_by, o.name, p.name,
			li.withdrawn_on, b.name, p.price, coalesce(li.deleted_at, '') FROM listing li JOIN product p ON p.id = li.product_id
			JOIN outlet o ON o.id = li.outlet_id JOIN business b ON b.id = p.business_id
			WHERE p.deleted_at IS NULL AND b.deleted_at IS NULL AND li.deleted_at` + own + live,
			func(s [4]string, price int64) (string, string) {
				detail := s[1] + " · " + wub.FormatRupiah(price)
				if s[2] != "" {
					detail += " · " + wub.Message("timeline_withdrawn", "", wub.FormatDate(wub.ParseISODate(s[2])))
				}
				return "Wamira Mart " + strings.TrimPrefix(s[0], "Wamira Mart "), detail
			}},
		{wub.StageCapital, "capital", `SELECT c.id, b.id, c.received_on, c.recorded_by, c.source, c.provider, b.name,
			'', c.amount, coalesce(c.deleted_at, '') FROM capital c JOIN business b ON b.id = c.business_id
			WHERE b.deleted_at IS NULL AND c.deleted_at` + own + live,
			func(s [4]string, amount int64) (string, string) {
				t := wub.CapitalLabel(s[0])
				if s[1] != "" {
					t += " — " + s[1]
				}
				return t, wub.FormatRupiah(amount) + " · " + s[2]
			}},
	}
	if deleted {
		queries = append(queries, struct {
			stage, entity, sql string
			event              func(s [4]string, n int64) (title, detail string)
		}{wub.StageMarketed, "product", `SELECT p.id, b.id, substr(p.created_at, 1, 10), p.recorded_by, p.name, p.unit,
			b.name, '', p.price, coalesce(p.deleted_at, '') FROM product p JOIN business b ON b.id = p.business_id
			WHERE b.deleted_at IS NULL AND p.deleted_at IS NOT NULL` + live,
			func(s [4]string, price int64) (string, string) {
				return s[0], wub.FormatRupiah(price) + " · " + s[2]
			}})
	}
	var out []wub.StageEvent
	for _, q := range queries {
		rows, err := db.r.QueryContext(ctx, q.sql, traineeID)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			e := wub.StageEvent{Stage: q.stage, Entity: q.entity}
			var date, gone string
			var txt [4]string
			var n int64
			if err := rows.Scan(&e.EntityID, &e.BusinessID, &date, &e.RecordedBy, &txt[0], &txt[1], &txt[2], &txt[3], &n, &gone); err != nil {
				rows.Close()
				return nil, err
			}
			e.Date, e.DeletedAt = wub.ParseISODate(date), parseTime(gone)
			e.Title, e.Detail = q.event(txt, n)
			out = append(out, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, db.fillChanges(ctx, out)
}

// fillChanges sets who last changed (or restored, or for a deleted record
// deleted) each record after it was recorded, from the audit log.
func (db *DB) fillChanges(ctx context.Context, ev []wub.StageEvent) error {
	for i := range ev {
		e := &ev[i]
		var at, actor, action string
		err := db.r.QueryRowContext(ctx, `SELECT at, actor, action FROM audit WHERE entity = ? AND entity_id = ?
			AND action IN ('update', 'restore', 'delete') ORDER BY id DESC LIMIT 1`, e.Entity, e.EntityID).Scan(&at, &actor, &action)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return err
		}
		if action == "delete" {
			e.DeletedBy = actor
			continue
		}
		e.ChangedAt, e.ChangedBy = parseTime(at), actor
	}
	return nil
}
