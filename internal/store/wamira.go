package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"wubdesk/internal/wub"
)

const outletCols = `id, name, address, desa_code, kec_code, opened_on, closed_on, closed_reason, notes`

func scanOutlet(sc interface{ Scan(...any) error }) (wub.Outlet, error) {
	var o wub.Outlet
	var opened, closed string
	err := sc.Scan(&o.ID, &o.Name, &o.Address, &o.DesaCode, &o.KecCode, &opened, &closed, &o.ClosedReason, &o.Notes)
	o.OpenedOn, o.ClosedOn = wub.ParseISODate(opened), wub.ParseISODate(closed)
	return o, err
}

func liveOutlet(ctx context.Context, q querier, id int64) (wub.Outlet, error) {
	o, err := scanOutlet(q.QueryRowContext(ctx, "SELECT "+outletCols+" FROM outlet WHERE id = ? AND deleted_at IS NULL", id))
	if errors.Is(err, sql.ErrNoRows) {
		return o, wub.Errorf("not_found")
	}
	return o, err
}

// Outlet returns a live outlet.
func (db *DB) Outlet(ctx context.Context, id int64) (wub.Outlet, error) {
	return liveOutlet(ctx, db.r, id)
}

// SaveOutlet records a new outlet (ID 0) or changes one's name, place,
// opening date and notes. Closing goes through CloseOutlet, which also
// takes the products off its shelf.
func (db *DB) SaveOutlet(ctx context.Context, o *wub.Outlet) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.saveOutlet(ctx, o))
}

func (db *DB) saveOutlet(ctx context.Context, o *wub.Outlet) txFn {
	o.Normalize()
	return func(tx *sql.Tx) (wub.Issues, error) {
		var old wub.Outlet
		if o.ID != 0 {
			var err error
			if old, err = liveOutlet(ctx, tx, o.ID); err != nil {
				return nil, err
			}
			o.ClosedOn, o.ClosedReason = old.ClosedOn, old.ClosedReason
		}
		is := o.Check(db.today())
		if is.HasErrors() {
			return is, nil
		}
		if o.ID != 0 {
			// Listings must stay inside the open period.
			var first string
			if err := tx.QueryRowContext(ctx, `SELECT coalesce(min(listed_on), '') FROM listing
				WHERE outlet_id = ? AND deleted_at IS NULL`, o.ID).Scan(&first); err != nil {
				return nil, err
			}
			if f := wub.ParseISODate(first); !f.IsZero() && f.Before(o.OpenedOn) {
				return wub.Issues{{Field: "opened_on", Code: "listing_before_outlet", Severity: wub.Error,
					Args: []any{wub.FormatDate(f), o.Name, wub.FormatDate(o.OpenedOn)}}}, nil
			}
		}
		now := db.now()
		if o.ID == 0 {
			res, err := tx.ExecContext(ctx, `INSERT INTO outlet (name, address, desa_code, kec_code, opened_on, notes,
				created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`, o.Name, o.Address, o.DesaCode, o.KecCode,
				wub.ISO(o.OpenedOn), o.Notes, now, now)
			if err != nil {
				if isUniqueViolation(err) {
					return wub.Issues{{Field: "name", Code: "outlet_duplicate", Severity: wub.Error, Args: []any{o.Name}}}, nil
				}
				return nil, err
			}
			o.ID, _ = res.LastInsertId()
			return is, db.audit(ctx, tx, "outlet", o.ID, "insert", nil, o)
		}
		_, err := tx.ExecContext(ctx, `UPDATE outlet SET name=?, address=?, desa_code=?, kec_code=?, opened_on=?, notes=?,
			updated_at=? WHERE id=?`, o.Name, o.Address, o.DesaCode, o.KecCode, wub.ISO(o.OpenedOn), o.Notes, now, o.ID)
		if err != nil {
			if isUniqueViolation(err) {
				return wub.Issues{{Field: "name", Code: "outlet_duplicate", Severity: wub.Error, Args: []any{o.Name}}}, nil
			}
			return nil, err
		}
		return is, db.audit(ctx, tx, "outlet", o.ID, "update", old, o)
	}
}

// CloseOutlet closes an outlet on a day (its funding ended, ...). The
// products still on its shelf are withdrawn on that day. It returns how
// many were withdrawn.
func (db *DB) CloseOutlet(ctx context.Context, id int64, on time.Time, reason string) (withdrawn int, err error) {
	_, err = db.checkedWrite(ctx, db.closeOutlet(ctx, id, on, reason, &withdrawn))
	return withdrawn, err
}

func (db *DB) closeOutlet(ctx context.Context, id int64, on time.Time, reason string, withdrawn *int) txFn {
	return func(tx *sql.Tx) (wub.Issues, error) {
		old, err := liveOutlet(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		if !old.ClosedOn.IsZero() {
			return wub.Issues{{Field: "closed_on", Code: "outlet_already_closed", Severity: wub.Error,
				Args: []any{old.Name, wub.FormatDate(old.ClosedOn)}}}, nil
		}
		o := old
		o.ClosedOn, o.ClosedReason = on, reason
		o.Normalize()
		if on.IsZero() {
			return wub.Issues{{Field: "closed_on", Code: "stage_date_missing", Severity: wub.Error}}, nil
		}
		if is := o.Check(db.today()); is.HasErrors() {
			return is, nil
		}
		// A listing that began after the closing day cannot be on the shelf then.
		var late string
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(listed_on), '') FROM listing
			WHERE outlet_id = ? AND deleted_at IS NULL`, id).Scan(&late); err != nil {
			return nil, err
		}
		if l := wub.ParseISODate(late); !l.IsZero() && l.After(on) {
			return wub.Issues{{Field: "closed_on", Code: "date_order", Severity: wub.Error,
				Args: []any{wub.FormatDate(on), wub.FormatDate(l)}}}, nil
		}
		now := db.now()
		res, err := tx.ExecContext(ctx, `UPDATE listing SET withdrawn_on=?, withdrawn_reason=?, updated_at=?
			WHERE outlet_id=? AND deleted_at IS NULL AND withdrawn_on = ''`, wub.ISO(on), "outlet tutup", now, id) // data: Indonesian
		if err != nil {
			return nil, err
		}
		n, _ := res.RowsAffected()
		*withdrawn = int(n)
		if _, err := tx.ExecContext(ctx, "UPDATE outlet SET closed_on=?, closed_reason=?, updated_at=? WHERE id=?",
			wub.ISO(on), o.ClosedReason, now, id); err != nil {
			return nil, err
		}
		return nil, db.audit(ctx, tx, "outlet", id, "update", old, o)
	}
}

// Outlets lists the live outlets with their product counts, open ones
// first, then by name.
func (db *DB) Outlets(ctx context.Context) ([]wub.OutletCount, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT o.id, o.name, o.address, o.desa_code, o.kec_code, o.opened_on,
		o.closed_on, o.closed_reason, o.notes,
		(SELECT count(*) FROM listing l JOIN product p ON p.id = l.product_id WHERE l.outlet_id = o.id
			AND l.deleted_at IS NULL AND p.deleted_at IS NULL AND l.withdrawn_on = ''),
		(SELECT count(DISTINCT p.trainee_id) FROM listing l JOIN product p ON p.id = l.product_id
			WHERE l.outlet_id = o.id AND l.deleted_at IS NULL AND p.deleted_at IS NULL AND l.withdrawn_on = ''),
		(SELECT count(*) FROM listing l JOIN product p ON p.id = l.product_id WHERE l.outlet_id = o.id
			AND l.deleted_at IS NULL AND p.deleted_at IS NULL)
		FROM outlet o WHERE o.deleted_at IS NULL ORDER BY o.closed_on != '', o.name COLLATE NOCASE`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.OutletCount
	for rows.Next() {
		var c wub.OutletCount
		var opened, closed string
		if err := rows.Scan(&c.ID, &c.Name, &c.Address, &c.DesaCode, &c.KecCode, &opened, &closed, &c.ClosedReason,
			&c.Notes, &c.OnShelf, &c.Producers, &c.EverListed); err != nil {
			return nil, err
		}
		c.OpenedOn, c.ClosedOn = wub.ParseISODate(opened), wub.ParseISODate(closed)
		c.KecName = wub.Ref().KecamatanName(c.KecCode)
		out = append(out, c)
	}
	return out, rows.Err()
}

// SaveProduct records a new product of a business (ID 0) or changes one.
func (db *DB) SaveProduct(ctx context.Context, p *wub.Product) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.saveProduct(ctx, p))
}

func (db *DB) saveProduct(ctx context.Context, p *wub.Product) txFn {
	p.Normalize()
	return func(tx *sql.Tx) (wub.Issues, error) {
		var old wub.Product
		if p.ID != 0 {
			var err error
			if old, err = liveProduct(ctx, tx, p.ID); err != nil {
				return nil, err
			}
			p.BusinessID, p.RecordedBy = old.BusinessID, old.RecordedBy
		}
		b, err := liveBusiness(ctx, tx, p.BusinessID)
		if err != nil && wub.ErrorCode(err) != "not_found" {
			return nil, err
		}
		p.TraineeID = b.TraineeID
		is := p.Check(err == nil)
		if is.HasErrors() {
			return is, nil
		}
		now := db.now()
		if p.ID == 0 {
			p.RecordedBy = db.Actor
			res, err := tx.ExecContext(ctx, `INSERT INTO product (business_id, trainee_id, name, category, price, unit, pirt,
				halal, photo_path, recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
				p.BusinessID, p.TraineeID, p.Name, p.Category, p.Price, p.Unit, p.PIRT, p.Halal, p.PhotoPath,
				p.RecordedBy, now, now)
			if err != nil {
				return nil, err
			}
			p.ID, _ = res.LastInsertId()
			return is, db.audit(ctx, tx, "product", p.ID, "insert", nil, p)
		}
		_, err = tx.ExecContext(ctx, `UPDATE product SET name=?, category=?, price=?, unit=?, pirt=?, halal=?,
			photo_path=?, updated_at=? WHERE id=?`, p.Name, p.Category, p.Price, p.Unit, p.PIRT, p.Halal, p.PhotoPath,
			now, p.ID)
		if err != nil {
			return nil, err
		}
		return is, db.audit(ctx, tx, "product", p.ID, "update", old, p)
	}
}

const productCols = `id, business_id, trainee_id, name, category, price, unit, pirt, halal, photo_path, recorded_by`

func scanProduct(sc interface{ Scan(...any) error }) (wub.Product, error) {
	var p wub.Product
	err := sc.Scan(&p.ID, &p.BusinessID, &p.TraineeID, &p.Name, &p.Category, &p.Price, &p.Unit, &p.PIRT, &p.Halal,
		&p.PhotoPath, &p.RecordedBy)
	return p, err
}

func liveProduct(ctx context.Context, q querier, id int64) (wub.Product, error) {
	p, err := scanProduct(q.QueryRowContext(ctx, "SELECT "+productCols+" FROM product WHERE id = ? AND deleted_at IS NULL", id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, wub.Errorf("not_found")
	}
	return p, err
}

// ProductsOfTrainee lists a trainee's live products, by name.
func (db *DB) ProductsOfTrainee(ctx context.Context, traineeID int64) ([]wub.Product, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT "+productCols+` FROM product
		WHERE trainee_id = ? AND deleted_at IS NULL ORDER BY name COLLATE NOCASE, id`, traineeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Product
	for rows.Next() {
		p, err := scanProduct(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// DeleteProduct deletes a product softly with its listings.
func (db *DB) DeleteProduct(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := liveProduct(ctx, tx, id)
		if err != nil {
			return err
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE listing SET deleted_at=?1, updated_at=?1 WHERE product_id=?2 AND deleted_at IS NULL", now, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE product SET deleted_at=?1, updated_at=?1 WHERE id=?2", now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "product", id, "delete", old, nil)
	})
}
