package store

import (
	"context"

	"wubdesk/internal/wub"
)

// PersonData gathers everything the database holds about one NIK: every
// trainee record with it (deleted ones too, oldest first), each with its
// enrolments, journey timeline, mentoring visits, businesses and every
// audit row that touched the record or what hangs off it (enrolments,
// visits, businesses and their licences, channels, capital and products,
// product listings, letters numbered for it). Nil when the NIK is unknown.
func (db *DB) PersonData(ctx context.Context, nik string) (*wub.PersonData, error) {
	nik = wub.NormalizeNIK(nik)
	rows, err := db.r.QueryContext(ctx, "SELECT id FROM trainee WHERE nik = ? ORDER BY id", nik)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(ids) == 0 {
		return nil, nil
	}
	out := &wub.PersonData{NIK: nik}
	for _, id := range ids {
		t, err := getTrainee(ctx, db.r, id)
		if err != nil {
			return nil, err
		}
		rec := wub.PersonRecord{Trainee: *t}
		if rec.Timeline, err = db.Timeline(ctx, id); err != nil {
			return nil, err
		}
		if rec.Mentorings, err = db.Mentorings(ctx, MentoringFilter{TraineeID: id}); err != nil {
			return nil, err
		}
		if rec.Businesses, err = db.Businesses(ctx, id); err != nil {
			return nil, err
		}
		if rec.Audit, err = db.personAudit(ctx, id); err != nil {
			return nil, err
		}
		out.Records = append(out.Records, rec)
	}
	if out.Copies, err = db.CopiesOfNIK(ctx, nik); err != nil {
		return nil, err
	}
	return out, nil
}

// personAudit lists the audit rows about a trainee record and what hangs
// off it, oldest first.
func (db *DB) personAudit(ctx context.Context, id int64) ([]wub.AuditEntry, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, at, actor, entity, entity_id, action, coalesce(old, ''), coalesce(new, '')
		FROM audit WHERE `+personAuditWhere+`
		ORDER BY at, id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.AuditEntry
	for rows.Next() {
		var e wub.AuditEntry
		var at string
		if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &e.Old, &e.New); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// personAuditWhere selects the audit rows about trainee record ?1 and what
// hangs off it, and who looked at, corrected or erased it.
const personAuditWhere = `((entity IN ('trainee', 'access', 'correction', 'erasure') AND entity_id = ?1)
		OR (entity = 'enrolment' AND entity_id IN (SELECT id FROM enrolment WHERE trainee_id = ?1))
		OR (entity = 'mentoring' AND entity_id IN (SELECT id FROM mentoring WHERE trainee_id = ?1))
		OR (entity = 'business' AND entity_id IN (SELECT id FROM business WHERE trainee_id = ?1))
		OR (entity = 'licence' AND entity_id IN (SELECT l.id FROM licence l JOIN business b ON b.id = l.business_id WHERE b.trainee_id = ?1))
		OR (entity = 'marketing_channel' AND entity_id IN (SELECT c.id FROM marketing_channel c JOIN business b ON b.id = c.business_id WHERE b.trainee_id = ?1))
		OR (entity = 'capital' AND entity_id IN (SELECT c.id FROM capital c JOIN business b ON b.id = c.business_id WHERE b.trainee_id = ?1))
		OR (entity = 'product' AND entity_id IN (SELECT id FROM product WHERE trainee_id = ?1))
		OR (entity = 'listing' AND entity_id IN (SELECT l.id FROM listing l JOIN product p ON p.id = l.product_id WHERE p.trainee_id = ?1))
		OR (entity = 'letter_number' AND entity_id IN (SELECT id FROM letter_number WHERE doc_key LIKE 'trainee:' || ?1 || ':%')))`
