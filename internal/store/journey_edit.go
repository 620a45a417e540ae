package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"wubdesk/internal/wub"
)

// Corrections of a trainee's journey: reading one record for its form,
// changing it, deleting it softly and restoring it. Every change is one
// audited transaction; the timeline shows who changed a record last
// (fillChanges) and the deleted records can be listed and restored.

// Licence returns a live licence.
func (db *DB) Licence(ctx context.Context, id int64) (wub.Licence, error) {
	return liveLicence(ctx, db.r, id)
}

func liveLicence(ctx context.Context, q querier, id int64) (wub.Licence, error) {
	var l wub.Licence
	var issued string
	err := q.QueryRowContext(ctx, `SELECT id, business_id, kind, number, issued_on, recorded_by FROM licence
		WHERE id = ? AND deleted_at IS NULL`, id).Scan(&l.ID, &l.BusinessID, &l.Kind, &l.Number, &issued, &l.RecordedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return l, wub.Errorf("not_found")
	}
	l.IssuedOn = wub.ParseISODate(issued)
	return l, err
}

// Channel returns a live marketing channel.
func (db *DB) Channel(ctx context.Context, id int64) (wub.Channel, error) {
	return liveChannel(ctx, db.r, id)
}

func liveChannel(ctx context.Context, q querier, id int64) (wub.Channel, error) {
	var c wub.Channel
	var started string
	err := q.QueryRowContext(ctx, `SELECT id, business_id, kind, detail, started_on, recorded_by FROM marketing_channel
		WHERE id = ? AND deleted_at IS NULL`, id).Scan(&c.ID, &c.BusinessID, &c.Kind, &c.Detail, &started, &c.RecordedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return c, wub.Errorf("not_found")
	}
	c.StartedOn = wub.ParseISODate(started)
	return c, err
}

// Capital returns a live capital record.
func (db *DB) Capital(ctx context.Context, id int64) (wub.Capital, error) {
	return liveCapital(ctx, db.r, id)
}

func liveCapital(ctx context.Context, q querier, id int64) (wub.Capital, error) {
	var c wub.Capital
	var received string
	err := q.QueryRowContext(ctx, `SELECT id, business_id, source, provider, amount, received_on, notes, recorded_by
		FROM capital WHERE id = ? AND deleted_at IS NULL`, id).Scan(&c.ID, &c.BusinessID, &c.Source, &c.Provider,
		&c.Amount, &received, &c.Notes, &c.RecordedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return c, wub.Errorf("not_found")
	}
	c.ReceivedOn = wub.ParseISODate(received)
	return c, err
}

// Listing returns a live Wamira Mart listing.
func (db *DB) Listing(ctx context.Context, id int64) (wub.Listing, error) {
	return liveListing(ctx, db.r, id)
}

// sameOwner makes sure a record moved from one business to another stays
// with the same trainee.
func sameOwner(ctx context.Context, tx *sql.Tx, from, to int64) error {
	if from == to {
		return nil
	}
	a, err := liveBusiness(ctx, tx, from)
	if err != nil {
		return err
	}
	b, err := liveBusiness(ctx, tx, to)
	if err != nil {
		return err
	}
	if a.TraineeID != b.TraineeID {
		return wub.Errorf("not_found")
	}
	return nil
}

// UpdateLicence corrects a licence (its business, kind, number or date).
func (db *DB) UpdateLicence(ctx context.Context, l *wub.Licence) (wub.Issues, error) {
	return db.checkedWrite(ctx, func(tx *sql.Tx) (wub.Issues, error) {
		old, err := liveLicence(ctx, tx, l.ID)
		if err != nil {
			return nil, err
		}
		if l.BusinessID == 0 {
			l.BusinessID = old.BusinessID
		}
		if err := sameOwner(ctx, tx, old.BusinessID, l.BusinessID); err != nil {
			return nil, err
		}
		return db.addUnderBusiness(ctx, l.BusinessID, func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error) {
			is := l.Check(has, tr, db.today())
			if is.HasErrors() {
				return is, nil
			}
			l.RecordedBy = old.RecordedBy
			if _, err := tx.ExecContext(ctx, `UPDATE licence SET business_id=?, kind=?, number=?, issued_on=?, updated_at=?
				WHERE id=?`, l.BusinessID, l.Kind, l.Number, wub.ISO(l.IssuedOn), db.now(), l.ID); err != nil {
				return nil, err
			}
			return is, db.audit(ctx, tx, "licence", l.ID, "update", old, l)
		})(tx)
	})
}

// UpdateChannel corrects a marketing channel.
func (db *DB) UpdateChannel(ctx context.Context, c *wub.Channel) (wub.Issues, error) {
	return db.checkedWrite(ctx, func(tx *sql.Tx) (wub.Issues, error) {
		old, err := liveChannel(ctx, tx, c.ID)
		if err != nil {
			return nil, err
		}
		if c.BusinessID == 0 {
			c.BusinessID = old.BusinessID
		}
		if err := sameOwner(ctx, tx, old.BusinessID, c.BusinessID); err != nil {
			return nil, err
		}
		return db.addUnderBusiness(ctx, c.BusinessID, func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error) {
			is := c.Check(has, tr, db.today())
			if is.HasErrors() {
				return is, nil
			}
			c.RecordedBy = old.RecordedBy
			if _, err := tx.ExecContext(ctx, `UPDATE marketing_channel SET business_id=?, kind=?, detail=?, started_on=?,
				updated_at=? WHERE id=?`, c.BusinessID, c.Kind, c.Detail, wub.ISO(c.StartedOn), db.now(), c.ID); err != nil {
				return nil, err
			}
			return is, db.audit(ctx, tx, "marketing_channel", c.ID, "update", old, c)
		})(tx)
	})
}

// UpdateCapital corrects a capital record.
func (db *DB) UpdateCapital(ctx context.Context, c *wub.Capital) (wub.Issues, error) {
	return db.checkedWrite(ctx, func(tx *sql.Tx) (wub.Issues, error) {
		old, err := liveCapital(ctx, tx, c.ID)
		if err != nil {
			return nil, err
		}
		if c.BusinessID == 0 {
			c.BusinessID = old.BusinessID
		}
		if err := sameOwner(ctx, tx, old.BusinessID, c.BusinessID); err != nil {
			return nil, err
		}
		return db.addUnderBusiness(ctx, c.BusinessID, func(tx *sql.Tx, has bool, tr wub.Training) (wub.Issues, error) {
			is := c.Check(has, tr, db.today())
			if is.HasErrors() {
				return is, nil
			}
			c.RecordedBy = old.RecordedBy
			if _, err := tx.ExecContext(ctx, `UPDATE capital SET business_id=?, source=?, provider=?, amount=?, received_on=?,
				notes=?, updated_at=? WHERE id=?`, c.BusinessID, c.Source, c.Provider, c.Amount, wub.ISO(c.ReceivedOn),
				c.Notes, db.now(), c.ID); err != nil {
				return nil, err
			}
			return is, db.audit(ctx, tx, "capital", c.ID, "update", old, c)
		})(tx)
	})
}

// UpdateListing corrects the dates of a Wamira Mart listing (when it went
// on the shelf, when it was withdrawn and why). Product and outlet stay:
// a listing on the wrong shelf is deleted and recorded again.
func (db *DB) UpdateListing(ctx context.Context, l *wub.Listing) (wub.Issues, error) {
	return db.checkedWrite(ctx, func(tx *sql.Tx) (wub.Issues, error) {
		old, err := liveListing(ctx, tx, l.ID)
		if err != nil {
			return nil, err
		}
		l.ProductID, l.OutletID, l.RecordedBy = old.ProductID, old.OutletID, old.RecordedBy
		l.WithdrawnReason = strings.TrimSpace(l.WithdrawnReason)
		p, err := liveProduct(ctx, tx, l.ProductID)
		if err != nil {
			return nil, err
		}
		o, err := liveOutlet(ctx, tx, l.OutletID)
		if err != nil {
			return nil, err
		}
		tr, err := trainingOf(ctx, tx, p.TraineeID)
		if err != nil {
			return nil, err
		}
		is := l.CheckCorrection(o, tr, db.today())
		if is.HasErrors() {
			return is, nil
		}
		if l.Active() && !old.Active() {
			if is := activeListingClash(ctx, tx, l, o); is != nil {
				return is, nil
			}
		}
		if _, err := tx.ExecContext(ctx, `UPDATE listing SET listed_on=?, withdrawn_on=?, withdrawn_reason=?, updated_at=?
			WHERE id=?`, wub.ISO(l.ListedOn), wub.ISO(l.WithdrawnOn), l.WithdrawnReason, db.now(), l.ID); err != nil {
			return nil, err
		}
		return is, db.audit(ctx, tx, "listing", l.ID, "update", old, l)
	})
}

// activeListingClash is the listing_duplicate issue when another live
// listing already has the product on that outlet's shelf.
func activeListingClash(ctx context.Context, tx *sql.Tx, l *wub.Listing, o wub.Outlet) wub.Issues {
	var since string
	err := tx.QueryRowContext(ctx, `SELECT listed_on FROM listing WHERE product_id = ? AND outlet_id = ? AND id != ?
		AND deleted_at IS NULL AND withdrawn_on = ''`, l.ProductID, l.OutletID, l.ID).Scan(&since)
	if err != nil {
		return nil
	}
	return wub.Issues{{Field: "product", Code: "listing_duplicate", Severity: wub.Error,
		Args: []any{o.Name, wub.FormatDate(wub.ParseISODate(since))}}}
}

// JourneyEntities are the records of a journey that can be corrected,
// deleted and restored, by audit entity.
var JourneyEntities = []string{"business", "licence", "marketing_channel", "capital", "listing", "product"}

// DeleteJourneyRecord deletes a record of a trainee's journey softly: a
// business with everything under it, a product with its listings, or one
// licence, channel, capital record or listing.
func (db *DB) DeleteJourneyRecord(ctx context.Context, entity string, id int64) error {
	switch entity {
	case "business":
		return db.DeleteBusiness(ctx, id)
	case "product":
		return db.DeleteProduct(ctx, id)
	case "listing":
		return db.DeleteListing(ctx, id)
	}
	return db.DeleteRecord(ctx, entity, id)
}

// journeyParent is, per entity, its table and the query that tells whether
// the record's parent is live (restoring under a deleted parent is refused).
var journeyParent = map[string]struct{ table, parentLive, parent string }{
	"business":          {"business", "SELECT t.deleted_at IS NULL FROM business x JOIN trainee t ON t.id = x.trainee_id WHERE x.id = ?", "trainee"},
	"licence":           {"licence", "SELECT b.deleted_at IS NULL FROM licence x JOIN business b ON b.id = x.business_id WHERE x.id = ?", "business"},
	"marketing_channel": {"marketing_channel", "SELECT b.deleted_at IS NULL FROM marketing_channel x JOIN business b ON b.id = x.business_id WHERE x.id = ?", "business"},
	"capital":           {"capital", "SELECT b.deleted_at IS NULL FROM capital x JOIN business b ON b.id = x.business_id WHERE x.id = ?", "business"},
	"product":           {"product", "SELECT b.deleted_at IS NULL FROM product x JOIN business b ON b.id = x.business_id WHERE x.id = ?", "business"},
	"listing":           {"listing", "SELECT p.deleted_at IS NULL FROM listing x JOIN product p ON p.id = x.product_id WHERE x.id = ?", "product"},
}

// RestoreJourneyRecord brings back a deleted record of a journey, with
// the records deleted together with it (a business's licences, channels,
// capital, products and listings; a product's listings). A record whose
// business or product is still deleted is not restored on its own.
func (db *DB) RestoreJourneyRecord(ctx context.Context, entity string, id int64) error {
	jp, ok := journeyParent[entity]
	if !ok {
		return wub.Errorf("not_found")
	}
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		var gone sql.NullString
		err := tx.QueryRowContext(ctx, "SELECT deleted_at FROM "+jp.table+" WHERE id = ?", id).Scan(&gone)
		if errors.Is(err, sql.ErrNoRows) || err == nil && !gone.Valid {
			return wub.Errorf("not_found")
		}
		if err != nil {
			return err
		}
		var parentLive bool
		if err := tx.QueryRowContext(ctx, jp.parentLive, id).Scan(&parentLive); err != nil {
			return err
		}
		if !parentLive {
			return wub.Errorf("restore_parent_deleted", wub.EntityLabel(jp.parent))
		}
		now := db.now()
		var stmts []string
		switch entity {
		case "business":
			stmts = []string{
				"UPDATE licence SET deleted_at=NULL, updated_at=?1 WHERE business_id=?2 AND deleted_at=?3",
				"UPDATE marketing_channel SET deleted_at=NULL, updated_at=?1 WHERE business_id=?2 AND deleted_at=?3",
				"UPDATE capital SET deleted_at=NULL, updated_at=?1 WHERE business_id=?2 AND deleted_at=?3",
				`UPDATE listing SET deleted_at=NULL, updated_at=?1 WHERE deleted_at=?3
					AND product_id IN (SELECT id FROM product WHERE business_id=?2 AND deleted_at=?3)`,
				"UPDATE product SET deleted_at=NULL, updated_at=?1 WHERE business_id=?2 AND deleted_at=?3",
			}
		case "product":
			// A listing deleted on its own in the same second is not the
			// product's; one that would put the product on a shelf twice stays deleted.
			stmts = []string{`UPDATE listing SET deleted_at=NULL, updated_at=?1 WHERE product_id=?2 AND deleted_at=?3
				AND (withdrawn_on != '' OR NOT EXISTS (SELECT 1 FROM listing o WHERE o.product_id = listing.product_id
				AND o.outlet_id = listing.outlet_id AND o.deleted_at IS NULL AND o.withdrawn_on = ''))`}
		case "listing":
			l := wub.Listing{ID: id}
			var withdrawn string
			if err := tx.QueryRowContext(ctx, "SELECT product_id, outlet_id, withdrawn_on FROM listing WHERE id = ?", id).
				Scan(&l.ProductID, &l.OutletID, &withdrawn); err != nil {
				return err
			}
			if withdrawn == "" {
				o, err := liveOutlet(ctx, tx, l.OutletID)
				if err != nil {
					return err
				}
				if is := activeListingClash(ctx, tx, &l, o); is != nil {
					return is
				}
			}
		}
		stmts = append(stmts, "UPDATE "+jp.table+" SET deleted_at=NULL, updated_at=?1 WHERE id=?2 AND deleted_at=?3")
		for _, s := range stmts {
			if _, err := tx.ExecContext(ctx, s, now, id, gone.String); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, entity, id, "restore", map[string]string{"deleted_at": gone.String}, map[string]int64{"id": id})
	})
}

// DeletedJourney lists the records of a trainee's journey that were
// deleted on their own (newest deletion first), for restoring.
func (db *DB) DeletedJourney(ctx context.Context, traineeID int64) ([]wub.StageEvent, error) {
	ev, err := db.journeyEvents(ctx, traineeID, true)
	if err != nil {
		return nil, err
	}
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].DeletedAt.After(ev[j-1].DeletedAt); j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
	return ev, nil
}
