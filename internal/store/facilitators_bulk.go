package store

import (
	"time"

	"wubdesk/internal/wub"
)

// The methods below write facilitator records inside a Bulk transaction
// (the demo generator). The caller has checked the records; the database
// constraints (unique NIK, no overlapping contracts, one report a month)
// still apply. Audit rows follow Bulk.Audit.

// InsertFacilitator writes a facilitator and the first line of their status
// history.
func (b *Bulk) InsertFacilitator(f *wub.Facilitator) error {
	if err := b.ctx.Err(); err != nil {
		return err
	}
	return b.db.insertFacilitator(b.ctx, b.tx, b.now, f, b.Audit)
}

// SetFacilitatorStatus changes a facilitator's status, adding to the
// status history.
func (b *Bulk) SetFacilitatorStatus(id int64, status string, on time.Time, reason string) error {
	f := &wub.Facilitator{ID: id, Status: status, StatusDate: on, StatusReason: reason}
	if _, err := b.tx.ExecContext(b.ctx, `UPDATE facilitator SET status=?, status_date=?, status_reason=?, updated_at=?
		WHERE id=?`, status, wub.ISO(on), reason, b.now, id); err != nil {
		return err
	}
	if err := b.db.addStatus(b.ctx, b.tx, b.now, f); err != nil {
		return err
	}
	if b.Audit {
		return b.audit("facilitator", id, "update", nil, map[string]string{"Status": status, "StatusDate": wub.ISO(on), "StatusReason": reason})
	}
	return nil
}

// InsertContract writes a contract.
func (b *Bulk) InsertContract(c *wub.Contract) error {
	return b.db.insertContract(b.ctx, b.tx, b.now, c, b.Audit)
}

// AddBatchFacilitator records that a facilitator ran a batch.
func (b *Bulk) AddBatchFacilitator(batchID, facilitatorID int64) error {
	_, err := b.tx.ExecContext(b.ctx, `INSERT OR IGNORE INTO batch_facilitator (batch_id, facilitator_id, created_at)
		VALUES (?,?,?)`, batchID, facilitatorID, b.now)
	return err
}

// InsertMentoring writes a mentoring visit.
func (b *Bulk) InsertMentoring(m *wub.Mentoring) error {
	return b.db.insertMentoring(b.ctx, b.tx, b.now, m, b.Audit)
}

// InsertActivityReport writes a monthly report.
func (b *Bulk) InsertActivityReport(r *wub.ActivityReport) error {
	return b.db.insertReport(b.ctx, b.tx, b.now, r, b.Audit)
}

// InsertDecision records a decision of a contract round.
func (b *Bulk) InsertDecision(agencyCode string, forYear int, d wub.ContractDecision) error {
	return b.db.insertDecision(b.ctx, b.tx, agencyCode, forYear, d)
}
