package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// AddListing puts a product on an outlet's shelf. A closed outlet takes no
// new products; the date must fall in the outlet's open period and after
// the producer's training; a product already on that shelf is refused.
func (db *DB) AddListing(ctx context.Context, l *wub.Listing) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.addListing(ctx, l))
}

func (db *DB) addListing(ctx context.Context, l *wub.Listing) txFn {
	return func(tx *sql.Tx) (wub.Issues, error) {
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
		is := l.CheckNewListing(o, tr, db.today())
		if is.HasErrors() {
			return is, nil
		}
		var since string
		err = tx.QueryRowContext(ctx, `SELECT listed_on FROM listing WHERE product_id = ? AND outlet_id = ?
			AND deleted_at IS NULL AND withdrawn_on = ''`, l.ProductID, l.OutletID).Scan(&since)
		if err == nil {
			return wub.Issues{{Field: "product", Code: "listing_duplicate", Severity: wub.Error,
				Args: []any{o.Name, wub.FormatDate(wub.ParseISODate(since))}}}, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return nil, err
		}
		l.RecordedBy = db.Actor
		now := db.now()
		res, err := tx.ExecContext(ctx, `INSERT INTO listing (product_id, outlet_id, listed_on, withdrawn_on,
			withdrawn_reason, recorded_by, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`, l.ProductID, l.OutletID,
			wub.ISO(l.ListedOn), wub.ISO(l.WithdrawnOn), strings.TrimSpace(l.WithdrawnReason), l.RecordedBy, now, now)
		if err != nil {
			return nil, err
		}
		l.ID, _ = res.LastInsertId()
		return is, db.audit(ctx, tx, "listing", l.ID, "insert", nil, l)
	}
}

func liveListing(ctx context.Context, q querier, id int64) (wub.Listing, error) {
	var l wub.Listing
	var listed, withdrawn string
	err := q.QueryRowContext(ctx, `SELECT id, product_id, outlet_id, listed_on, withdrawn_on, withdrawn_reason, recorded_by
		FROM listing WHERE id = ? AND deleted_at IS NULL`, id).Scan(&l.ID, &l.ProductID, &l.OutletID, &listed,
		&withdrawn, &l.WithdrawnReason, &l.RecordedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return l, wub.Errorf("not_found")
	}
	l.ListedOn, l.WithdrawnOn = wub.ParseISODate(listed), wub.ParseISODate(withdrawn)
	return l, err
}

// WithdrawListing takes a product off an outlet's shelf on a day.
func (db *DB) WithdrawListing(ctx context.Context, id int64, on time.Time, reason string) (wub.Issues, error) {
	return db.checkedWrite(ctx, db.withdrawListing(ctx, id, on, reason))
}

func (db *DB) withdrawListing(ctx context.Context, id int64, on time.Time, reason string) txFn {
	return func(tx *sql.Tx) (wub.Issues, error) {
		old, err := liveListing(ctx, tx, id)
		if err != nil {
			return nil, err
		}
		if !old.Active() {
			return wub.Issues{{Field: "withdrawn_on", Code: "listing_withdrawn", Severity: wub.Error,
				Args: []any{wub.FormatDate(old.WithdrawnOn)}}}, nil
		}
		o, err := liveOutlet(ctx, tx, old.OutletID)
		if err != nil {
			return nil, err
		}
		l := old
		l.WithdrawnOn, l.WithdrawnReason = on, strings.TrimSpace(reason)
		is := l.CheckWithdrawal(o, db.today())
		if is.HasErrors() {
			return is, nil
		}
		if _, err := tx.ExecContext(ctx, "UPDATE listing SET withdrawn_on=?, withdrawn_reason=?, updated_at=? WHERE id=?",
			wub.ISO(on), l.WithdrawnReason, db.now(), id); err != nil {
			return nil, err
		}
		return is, db.audit(ctx, tx, "listing", id, "update", old, l)
	}
}

// DeleteListing removes a listing recorded by mistake (softly).
func (db *DB) DeleteListing(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := liveListing(ctx, tx, id)
		if err != nil {
			return err
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE listing SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "listing", id, "delete", old, nil)
	})
}

// productRowSelect reads a product with its producer. The outlets column
// lists the outlets whose shelf has it now, separated by a newline.
const productRowSelect = `SELECT p.id, p.business_id, p.trainee_id, p.name, p.category, p.price, p.unit, p.pirt,
	p.halal, p.photo_path, p.recorded_by, b.name, t.name, t.phone, t.kec_code, t.kec_name, t.desa_name,
	coalesce((SELECT group_concat(name, char(10)) FROM (SELECT o.name FROM listing l JOIN outlet o ON o.id = l.outlet_id
		WHERE l.product_id = p.id AND l.deleted_at IS NULL AND l.withdrawn_on = '' AND o.deleted_at IS NULL
		ORDER BY o.name)), '')
	FROM product p JOIN business b ON b.id = p.business_id JOIN trainee t ON t.id = p.trainee_id`

func scanProductRow(sc interface{ Scan(...any) error }, extra ...any) (wub.ProductRow, error) {
	var r wub.ProductRow
	var outlets string
	dest := []any{&r.ID, &r.BusinessID, &r.TraineeID, &r.Name, &r.Category, &r.Price, &r.Unit, &r.PIRT, &r.Halal,
		&r.PhotoPath, &r.RecordedBy, &r.BusinessName, &r.Producer, &r.Phone, &r.KecCode, &r.KecName, &r.DesaName, &outlets}
	err := sc.Scan(append(dest, extra...)...)
	if outlets != "" {
		r.Outlets = strings.Split(outlets, "\n")
	}
	return r, err
}

// SearchProducts finds live products by product or producer name, by the
// outlet whose shelf has them now, and by the producer's kecamatan.
func (db *DB) SearchProducts(ctx context.Context, f wub.ProductFilter) ([]wub.ProductRow, error) {
	f = f.Normalized()
	conds := []string{"p.deleted_at IS NULL", "b.deleted_at IS NULL", "t.deleted_at IS NULL"}
	var args []any
	for _, w := range strings.Fields(strings.ToLower(f.Text)) {
		conds = append(conds, `(p.name LIKE ?1 ESCAPE '\' OR t.name LIKE ?1 ESCAPE '\' OR b.name LIKE ?1 ESCAPE '\'
			OR p.category LIKE ?1 ESCAPE '\')`)
		args = append(args, "%"+likeEscape(w)+"%")
	}
	// Each word is its own numbered parameter: renumber ?1 per word.
	for i := range args {
		conds[3+i] = strings.ReplaceAll(conds[3+i], "?1", "?"+strconv.Itoa(i+1))
	}
	next := len(args) + 1
	if f.OutletID != 0 {
		conds = append(conds, `EXISTS (SELECT 1 FROM listing l WHERE l.product_id = p.id AND l.outlet_id = ?`+strconv.Itoa(next)+`
			AND l.deleted_at IS NULL AND l.withdrawn_on = '')`)
		args = append(args, f.OutletID)
		next++
	}
	if f.KecCode != "" {
		conds = append(conds, "t.kec_code = ?"+strconv.Itoa(next))
		args = append(args, f.KecCode)
	}
	if f.Listed {
		conds = append(conds, `EXISTS (SELECT 1 FROM listing l WHERE l.product_id = p.id AND l.deleted_at IS NULL
			AND l.withdrawn_on = '')`)
	}
	rows, err := db.r.QueryContext(ctx, productRowSelect+" WHERE "+strings.Join(conds, " AND ")+
		" ORDER BY p.name COLLATE NOCASE, p.id", args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.ProductRow
	for rows.Next() {
		r, err := scanProductRow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// OutletListings lists an outlet's listings with product and producer:
// the products on its shelf now, and with withdrawn also those taken off.
// Ordered by product name.
func (db *DB) OutletListings(ctx context.Context, outletID int64, withdrawn bool) ([]wub.ListingRow, error) {
	o, err := liveOutlet(ctx, db.r, outletID)
	if err != nil {
		return nil, err
	}
	q := productRowSelect + `, listing li WHERE li.product_id = p.id AND li.outlet_id = ? AND li.deleted_at IS NULL
		AND p.deleted_at IS NULL AND b.deleted_at IS NULL AND t.deleted_at IS NULL`
	if !withdrawn {
		q += " AND li.withdrawn_on = ''"
	}
	q = strings.Replace(q, "SELECT p.id,", "SELECT li.id, li.listed_on, li.withdrawn_on, li.withdrawn_reason, li.recorded_by, p.id,", 1)
	rows, err := db.r.QueryContext(ctx, q+" ORDER BY li.withdrawn_on != '', p.name COLLATE NOCASE, li.id", outletID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.ListingRow
	for rows.Next() {
		var r wub.ListingRow
		var listed, wd string
		pr, err := scanProductRow(multiScan{rows, []any{&r.Listing.ID, &listed, &wd, &r.WithdrawnReason, &r.Listing.RecordedBy}})
		if err != nil {
			return nil, err
		}
		r.ProductRow = pr
		r.ProductID, r.OutletID, r.OutletName = pr.ID, outletID, o.Name
		r.ListedOn, r.WithdrawnOn = wub.ParseISODate(listed), wub.ParseISODate(wd)
		out = append(out, r)
	}
	return out, rows.Err()
}

// multiScan scans some leading columns into its own destinations and the
// rest into the caller's.
type multiScan struct {
	sc   interface{ Scan(...any) error }
	lead []any
}

func (m multiScan) Scan(dest ...any) error { return m.sc.Scan(append(m.lead, dest...)...) }
