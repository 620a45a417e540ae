package store

import (
	"context"

	"wubdesk/internal/wub"
)

// WamiraReach counts what Wamira Mart carries now: per outlet and for the
// regency, the WUB products on a shelf, their producers and the agencies
// that trained them (each producer under the agency of their first
// completed training). It counts the same listings as Outlets.
func (db *DB) WamiraReach(ctx context.Context) (wub.WamiraReach, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT l.outlet_id, p.id, p.trainee_id
		FROM listing l JOIN product p ON p.id = l.product_id JOIN outlet o ON o.id = l.outlet_id
		WHERE l.deleted_at IS NULL AND p.deleted_at IS NULL AND o.deleted_at IS NULL AND l.withdrawn_on = ''`)
	if err != nil {
		return wub.WamiraReach{}, err
	}
	var items []wub.ShelfItem
	for rows.Next() {
		var it wub.ShelfItem
		if err := rows.Scan(&it.OutletID, &it.ProductID, &it.TraineeID); err != nil {
			rows.Close()
			return wub.WamiraReach{}, err
		}
		items = append(items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return wub.WamiraReach{}, err
	}
	erows, err := db.r.QueryContext(ctx, `SELECT e.trainee_id, e.agency_code, e.completed_on FROM enrolment e
		WHERE e.status = 'trained' AND e.deleted_at IS NULL AND e.trainee_id IN (SELECT p.trainee_id FROM listing l
			JOIN product p ON p.id = l.product_id WHERE l.deleted_at IS NULL AND p.deleted_at IS NULL AND l.withdrawn_on = '')
		ORDER BY e.trainee_id, e.year, e.id`)
	if err != nil {
		return wub.WamiraReach{}, err
	}
	defer erows.Close()
	type best struct {
		agency string
		done   string
	}
	first := map[int64]*best{}
	for erows.Next() {
		var id int64
		var code, done string
		if err := erows.Scan(&id, &code, &done); err != nil {
			return wub.WamiraReach{}, err
		}
		b := first[id]
		if b == nil || wub.BetterTraining(true, wub.ParseISODate(done), true, wub.ParseISODate(b.done)) {
			first[id] = &best{code, done}
		}
	}
	if err := erows.Err(); err != nil {
		return wub.WamiraReach{}, err
	}
	agencyOf := make(map[int64]string, len(first))
	for id, b := range first {
		agencyOf[id] = b.agency
	}
	return wub.ComputeWamiraReach(items, agencyOf), nil
}
