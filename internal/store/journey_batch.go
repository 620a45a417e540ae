package store

import (
	"context"
	"database/sql"
	"time"

	"wubdesk/internal/wub"
)

// JourneyBatch records many journey entries in one transaction (the demo
// generator, a future import). Each entry obeys the same rules and writes
// the same audit rows as the single-record methods; a refused entry
// returns its issues as the error and writes nothing, and the caller
// decides whether to go on or to return the error and roll back.
type JourneyBatch struct {
	db  *DB
	ctx context.Context
	tx  *sql.Tx
}

// JourneyBulk runs fn inside one write transaction; an error from fn rolls
// back everything.
func (db *DB) JourneyBulk(ctx context.Context, fn func(jb *JourneyBatch) error) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		return fn(&JourneyBatch{db: db, ctx: ctx, tx: tx})
	})
}

func (jb *JourneyBatch) run(fn txFn) error {
	if err := jb.ctx.Err(); err != nil {
		return err
	}
	is, err := fn(jb.tx)
	if err != nil {
		return err
	}
	if is.HasErrors() {
		return is.Errors()
	}
	return nil
}

// SaveBusiness is DB.SaveBusiness inside the batch.
func (jb *JourneyBatch) SaveBusiness(b *wub.Business) error {
	return jb.run(jb.db.saveBusiness(jb.ctx, b))
}

// AddLicence is DB.AddLicence inside the batch.
func (jb *JourneyBatch) AddLicence(l *wub.Licence) error { return jb.run(jb.db.addLicence(jb.ctx, l)) }

// AddChannel is DB.AddChannel inside the batch.
func (jb *JourneyBatch) AddChannel(c *wub.Channel) error { return jb.run(jb.db.addChannel(jb.ctx, c)) }

// AddCapital is DB.AddCapital inside the batch.
func (jb *JourneyBatch) AddCapital(c *wub.Capital) error { return jb.run(jb.db.addCapital(jb.ctx, c)) }

// SaveOutlet is DB.SaveOutlet inside the batch.
func (jb *JourneyBatch) SaveOutlet(o *wub.Outlet) error { return jb.run(jb.db.saveOutlet(jb.ctx, o)) }

// CloseOutlet is DB.CloseOutlet inside the batch.
func (jb *JourneyBatch) CloseOutlet(id int64, on time.Time, reason string) (withdrawn int, err error) {
	err = jb.run(jb.db.closeOutlet(jb.ctx, id, on, reason, &withdrawn))
	return withdrawn, err
}

// SaveProduct is DB.SaveProduct inside the batch.
func (jb *JourneyBatch) SaveProduct(p *wub.Product) error {
	return jb.run(jb.db.saveProduct(jb.ctx, p))
}

// AddListing is DB.AddListing inside the batch.
func (jb *JourneyBatch) AddListing(l *wub.Listing) error { return jb.run(jb.db.addListing(jb.ctx, l)) }

// WithdrawListing is DB.WithdrawListing inside the batch.
func (jb *JourneyBatch) WithdrawListing(id int64, on time.Time, reason string) error {
	return jb.run(jb.db.withdrawListing(jb.ctx, id, on, reason))
}

// Training is DB.TraineeTraining inside the batch.
func (jb *JourneyBatch) Training(traineeID int64) (wub.Training, error) {
	return trainingOf(jb.ctx, jb.tx, traineeID)
}
