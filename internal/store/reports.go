package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

type reportRecord struct {
	FacilitatorID   int64
	Month           string
	Activities      string `json:",omitempty"`
	TraineesVisited int
	SubmittedOn     string
	Notes           string `json:",omitempty"`
}

func reportRecordOf(r *wub.ActivityReport) reportRecord {
	return reportRecord{r.FacilitatorID, r.Month, r.Activities, r.TraineesVisited, wub.ISO(r.SubmittedOn), r.Notes}
}

// SaveActivityReport adds a monthly report (ID 0) or saves changes to one.
// A second report for the same facilitator and month is refused.
func (db *DB) SaveActivityReport(ctx context.Context, r *wub.ActivityReport) error {
	if is := r.Check(db.today()); is.HasErrors() {
		return is.Errors()
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		f, err := getFacilitator(ctx, tx, r.FacilitatorID)
		if err != nil {
			return err
		}
		dup := func(err error) error {
			if isUniqueViolation(err) {
				return wub.Issues{{Field: "month", Code: "report_duplicate", Severity: wub.Error,
					Args: []any{wub.MonthLabel(r.Month), f.Name}}}
			}
			return err
		}
		now := db.now()
		if r.ID == 0 {
			return dup(db.insertReport(ctx, tx, now, r, true))
		}
		old, err := getReport(ctx, tx, r.ID)
		if err != nil {
			return err
		}
		if reportRecordOf(old) == reportRecordOf(r) {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE activity_report SET facilitator_id=?, month=?, activities=?,
			trainees_visited=?, submitted_on=?, notes=?, updated_at=? WHERE id=? AND deleted_at IS NULL`,
			r.FacilitatorID, r.Month, r.Activities, r.TraineesVisited, wub.ISO(r.SubmittedOn), r.Notes, now, r.ID)
		if err != nil {
			return dup(err)
		}
		return db.audit(ctx, tx, "activity_report", r.ID, "update", reportRecordOf(old), reportRecordOf(r))
	})
}

func (db *DB) insertReport(ctx context.Context, tx *sql.Tx, now string, r *wub.ActivityReport, audit bool) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO activity_report (facilitator_id, month, activities,
		trainees_visited, submitted_on, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`,
		r.FacilitatorID, r.Month, r.Activities, r.TraineesVisited, wub.ISO(r.SubmittedOn), r.Notes, now, now)
	if err != nil {
		return err
	}
	r.ID, _ = res.LastInsertId()
	if !audit {
		return nil
	}
	return db.audit(ctx, tx, "activity_report", r.ID, "insert", nil, reportRecordOf(r))
}

// DeleteActivityReport deletes a report softly.
func (db *DB) DeleteActivityReport(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getReport(ctx, tx, id)
		if err != nil {
			return err
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE activity_report SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "activity_report", id, "delete", reportRecordOf(old), nil)
	})
}

func getReport(ctx context.Context, q querier, id int64) (*wub.ActivityReport, error) {
	rs, err := queryReports(ctx, q, "r.id = ? AND r.deleted_at IS NULL", id)
	if err != nil {
		return nil, err
	}
	if len(rs) == 0 {
		return nil, wub.Errorf("not_found")
	}
	return &rs[0], nil
}

// ActivityReports lists a facilitator's live reports of a year (0: all
// years; facilitator 0: everyone), month by month.
func (db *DB) ActivityReports(ctx context.Context, facilitatorID int64, year int) ([]wub.ActivityReport, error) {
	conds := []string{"r.deleted_at IS NULL"}
	var args []any
	if facilitatorID != 0 {
		conds = append(conds, "r.facilitator_id = ?")
		args = append(args, facilitatorID)
	}
	if year != 0 {
		conds = append(conds, "r.month LIKE ?")
		args = append(args, fmt.Sprintf("%04d-%%", year))
	}
	return queryReports(ctx, db.r, strings.Join(conds, " AND "), args...)
}

func queryReports(ctx context.Context, q querier, where string, args ...any) ([]wub.ActivityReport, error) {
	rows, err := q.QueryContext(ctx, `SELECT r.id, r.facilitator_id, f.name, r.month, r.activities,
		r.trainees_visited, r.submitted_on, r.notes
		FROM activity_report r JOIN facilitator f ON f.id = r.facilitator_id
		WHERE `+where+` ORDER BY r.month, f.name COLLATE NOCASE, r.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.ActivityReport
	for rows.Next() {
		var r wub.ActivityReport
		var sub string
		if err := rows.Scan(&r.ID, &r.FacilitatorID, &r.FacilitatorName, &r.Month, &r.Activities,
			&r.TraineesVisited, &sub, &r.Notes); err != nil {
			return nil, err
		}
		r.SubmittedOn = wub.ParseISODate(sub)
		out = append(out, r)
	}
	return out, rows.Err()
}

// MissingReports lists the contracts that ran in month ("2023-04") whose
// facilitator has no report for that month: who has not reported. agency ""
// means every agency. A facilitator with two contracts in the month is
// listed once, with the earliest.
func (db *DB) MissingReports(ctx context.Context, agencyCode, month string) ([]wub.Contract, error) {
	first, ok := wub.ParseMonth(month)
	if !ok {
		return nil, wub.Errorf("report_month_invalid", month)
	}
	month = wub.FormatMonth(first)
	last := first.AddDate(0, 1, -1)
	cs, err := queryContracts(ctx, db.r, `c.deleted_at IS NULL AND f.deleted_at IS NULL
		AND c.start_date <= ? AND ? <= c.end_date AND (? = '' OR c.agency_code = ?)
		AND NOT EXISTS (SELECT 1 FROM activity_report r WHERE r.facilitator_id = c.facilitator_id
			AND r.month = ? AND r.deleted_at IS NULL)`,
		wub.ISO(last), wub.ISO(first), agencyCode, agencyCode, month)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	out := cs[:0]
	for _, c := range cs {
		if !seen[c.FacilitatorID] {
			seen[c.FacilitatorID] = true
			out = append(out, c)
		}
	}
	return out, nil
}
