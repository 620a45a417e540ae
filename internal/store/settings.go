package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"wubdesk/internal/wub"
)

// Setting returns a setting's value, "" when unset.
func (db *DB) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := db.r.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSettings writes several settings in one transaction, with an audit row.
func (db *DB) SetSettings(ctx context.Context, kv map[string]string) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		return setSettings(ctx, db, tx, kv)
	}, wub.ActSettings)
}

func setSettings(ctx context.Context, db *DB, tx *sql.Tx, kv map[string]string) error {
	old := map[string]string{}
	for k, v := range kv {
		var prev string
		err := tx.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", k).Scan(&prev)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if err == nil && prev == v {
			continue
		}
		old[k] = prev
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", k, v); err != nil {
			return err
		}
	}
	if len(old) == 0 {
		return nil
	}
	changed := map[string]string{}
	for k := range old {
		changed[k] = kv[k]
	}
	return db.audit(ctx, tx, "setting", 0, "update", old, changed)
}

// Setting keys.
const (
	keyOfficeAgency = "office.agency"
	keyHeadName     = "office.head_name"
	keyHeadNIP      = "office.head_nip"
	keyPlace        = "office.place"
)

// Office returns which office this database belongs to.
func (db *DB) Office(ctx context.Context) (wub.Office, error) {
	var o wub.Office
	var err error
	get := func(k string) string {
		if err != nil {
			return ""
		}
		var v string
		v, err = db.Setting(ctx, k)
		return v
	}
	o.AgencyCode = get(keyOfficeAgency)
	o.HeadName = get(keyHeadName)
	o.HeadNIP = get(keyHeadNIP)
	o.Place = get(keyPlace)
	if o.Place == "" {
		o.Place = "Pamekasan"
	}
	return o, err
}

// SetOffice saves the office settings after checking the agency exists.
func (db *DB) SetOffice(ctx context.Context, o wub.Office) error {
	as, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	if _, ok := as.ByCode(o.AgencyCode); !ok {
		return wub.Errorf("agency_unknown", o.AgencyCode)
	}
	if o.Place == "" {
		o.Place = "Pamekasan"
	}
	return db.SetSettings(ctx, map[string]string{
		keyOfficeAgency: o.AgencyCode,
		keyHeadName:     o.HeadName,
		keyHeadNIP:      o.HeadNIP,
		keyPlace:        o.Place,
	})
}

// Agencies returns the agency history, ordered for display.
func (db *DB) Agencies(ctx context.Context) (wub.Agencies, error) {
	return loadAgencies(ctx, db.r)
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func loadAgencies(ctx context.Context, q querier) (wub.Agencies, error) {
	rows, err := q.QueryContext(ctx, `SELECT a.code, a.sort_order, a.first_year, coalesce(a.last_year, 0),
		n.valid_from, n.short_name, n.full_name
		FROM agency a LEFT JOIN agency_name n ON n.agency_code = a.code
		ORDER BY a.sort_order, a.code, n.valid_from`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out wub.Agencies
	for rows.Next() {
		var a wub.Agency
		var from, short, full sql.NullString
		if err := rows.Scan(&a.Code, &a.Order, &a.FirstYear, &a.LastYear, &from, &short, &full); err != nil {
			return nil, err
		}
		if len(out) == 0 || out[len(out)-1].Code != a.Code {
			out = append(out, a)
		}
		if from.Valid {
			last := &out[len(out)-1]
			t, _ := time.Parse(wub.ISODate, from.String)
			last.Names = append(last.Names, wub.AgencyName{ValidFrom: t, Short: short.String, Full: full.String})
		}
	}
	return out, rows.Err()
}
