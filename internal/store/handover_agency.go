package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// HandoverAgency is an agency's configuration as a handover package
// carries it: which program years it runs and its names by period.
type HandoverAgency = wub.HandoverAgency

// HandoverAgencyName is one name of an agency from a date (YYYY-MM-DD).
type HandoverAgencyName = wub.HandoverAgencyName

// HandoverAgencies is the agency configuration a package from this database
// carries: every agency with its names, the giving agency running the
// program until the year before the handover (the receiving agency carries
// on from the handover's program year).
func (db *DB) HandoverAgencies(ctx context.Context, from string, date time.Time) ([]HandoverAgency, error) {
	as, err := db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]HandoverAgency, 0, len(as))
	for _, a := range as {
		ha := HandoverAgency{Code: a.Code, Order: a.Order, FirstYear: a.FirstYear, LastYear: a.LastYear}
		if a.Code == from && (a.LastYear == 0 || a.LastYear >= date.Year()) {
			ha.LastYear = date.Year() - 1
		}
		for _, n := range a.Names {
			ha.Names = append(ha.Names, HandoverAgencyName{ValidFrom: wub.ISO(n.ValidFrom), Short: n.Short, Full: n.Full})
		}
		out = append(out, ha)
	}
	return out, nil
}

func yearText(y int) string {
	if y == 0 {
		return "…"
	}
	return strconv.Itoa(y)
}

// agencies applies the package's agency configuration: agencies and names
// the receiver lacks are added and the giving agency's last program year is
// taken over; any other difference is reported and the receiver's kept.
// Every agency a record of the package names must exist afterwards.
func (imp *hoImport) agencies() error {
	have, err := loadAgencies(imp.ctx, imp.tx)
	if err != nil {
		return err
	}
	var applied []string
	change := func(code, text string, apply bool) {
		imp.res.Agencies = append(imp.res.Agencies, wub.HandoverAgencyChange{Code: code, Text: text, Applied: apply})
		if apply {
			applied = append(applied, code+": "+text)
		}
	}
	addName := func(code string, n HandoverAgencyName) error {
		_, err := imp.tx.ExecContext(imp.ctx, `INSERT INTO agency_name (agency_code, valid_from, short_name, full_name)
			VALUES (?, ?, ?, ?)`, code, n.ValidFrom, n.Short, n.Full)
		return err
	}
	for _, pa := range imp.in.Agencies {
		a, ok := have.ByCode(pa.Code)
		if !ok {
			if _, err := imp.tx.ExecContext(imp.ctx, `INSERT INTO agency (code, sort_order, first_year, last_year)
				VALUES (?, ?, ?, nullif(?, 0))`, pa.Code, pa.Order, pa.FirstYear, pa.LastYear); err != nil {
				return err
			}
			for _, n := range pa.Names {
				if err := addName(pa.Code, n); err != nil {
					return err
				}
			}
			change(pa.Code, wub.Message("handover_agency_added", "", pa.Code, pa.FirstYear, yearText(pa.LastYear)), true)
			continue
		}
		for _, n := range pa.Names {
			var cur *wub.AgencyName
			for i := range a.Names {
				if wub.ISO(a.Names[i].ValidFrom) == n.ValidFrom {
					cur = &a.Names[i]
				}
			}
			switch {
			case cur == nil:
				if err := addName(pa.Code, n); err != nil {
					return err
				}
				change(pa.Code, wub.Message("handover_name_added", "", n.ValidFrom, n.Short, n.Full), true)
			case cur.Short != n.Short || cur.Full != n.Full:
				change(pa.Code, wub.Message("handover_name_differs", "", n.ValidFrom, cur.Short, n.Short), false)
			}
		}
		switch {
		case pa.Code == imp.in.From && a.LastYear != pa.LastYear:
			if _, err := imp.tx.ExecContext(imp.ctx, "UPDATE agency SET last_year = nullif(?, 0) WHERE code = ?",
				pa.LastYear, pa.Code); err != nil {
				return err
			}
			change(pa.Code, wub.Message("handover_last_year", "", yearText(pa.LastYear), yearText(a.LastYear)), true)
		case a.FirstYear != pa.FirstYear || a.LastYear != pa.LastYear:
			change(pa.Code, wub.Message("handover_years_differ", "", a.FirstYear, yearText(a.LastYear),
				pa.FirstYear, yearText(pa.LastYear)), false)
		}
	}
	if len(applied) > 0 {
		if err := imp.db.audit(imp.ctx, imp.tx, "agency", 0, "update", nil, map[string]any{"handover": imp.in.SHA256,
			"changes": applied}); err != nil {
			return err
		}
	}
	return imp.checkAgencies()
}

// checkAgencies makes sure every agency the records name exists, so that a
// record is never refused half-way by a foreign key.
func (imp *hoImport) checkAgencies() error {
	known := map[string]bool{}
	rows, err := imp.tx.QueryContext(imp.ctx, "SELECT code FROM agency")
	if err != nil {
		return err
	}
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			rows.Close()
			return err
		}
		known[c] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, code := range []string{imp.in.From, imp.in.To} {
		if !known[code] {
			return wub.Errorf("handover_unknown_agency", code)
		}
	}
	for _, k := range hoKinds {
		if k.agency == "" {
			continue
		}
		for _, row := range imp.in.Rows[k.name] {
			if c := valueText(row[k.agency]); !known[c] {
				return wub.Errorf("handover_unknown_agency", c)
			}
		}
	}
	return nil
}

// HandoverImports lists the handover packages this database imported,
// newest first.
func (db *DB) HandoverImports(ctx context.Context) ([]wub.HandoverImport, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, package_sha256, from_agency, to_agency, handover_date, created_at,
		imported_at, imported_by, file_name FROM handover_import ORDER BY id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.HandoverImport
	for rows.Next() {
		var h wub.HandoverImport
		var date, created, imported string
		if err := rows.Scan(&h.ID, &h.SHA256, &h.From, &h.To, &date, &created, &imported, &h.ImportedBy, &h.FileName); err != nil {
			return nil, err
		}
		h.Date, h.CreatedAt, h.ImportedAt = wub.ParseISODate(date), parseTime(created), parseTime(imported)
		out = append(out, h)
	}
	return out, rows.Err()
}

// roundAgencies are the agencies whose contracts of newYear-1 belong in an
// agency's contract round for newYear: the agency itself and any agency
// that handed its program over to it in newYear (their facilitators come
// with the handover, ready for the receiving head's decision).
func roundAgencies(ctx context.Context, q querier, agency string, newYear int) ([]any, error) {
	out := []any{agency}
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT from_agency FROM handover_import
		WHERE to_agency = ? AND handover_date BETWEEN ? AND ? AND from_agency != ?`,
		agency, fmt.Sprintf("%04d-01-01", newYear), fmt.Sprintf("%04d-12-31", newYear), agency)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// inList is "?, ?, ?" for n values.
func inList(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }
