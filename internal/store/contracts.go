package store

import (
	"context"
	"database/sql"
	"strings"

	"wubdesk/internal/wub"
)

type contractRecord struct {
	FacilitatorID    int64
	Year             int
	Agency           string
	SPKNumber        string `json:",omitempty"`
	AssignmentNumber string `json:",omitempty"`
	StartDate        string
	EndDate          string
	KecCode          string `json:",omitempty"`
	Honorarium       int64
	TargetTrainees   int
	RenewedFrom      int64  `json:",omitempty"`
	Notes            string `json:",omitempty"`
}

func contractRecordOf(c *wub.Contract) contractRecord {
	return contractRecord{c.FacilitatorID, c.Year, c.AgencyCode, c.SPKNumber, c.AssignmentNumber, wub.ISO(c.StartDate),
		wub.ISO(c.EndDate), c.KecCode, c.Honorarium, c.TargetTrainees, c.RenewedFrom, c.Notes}
}

// CreateContract checks and saves a new contract. A contract that shares a
// day with another of the same facilitator, agency and year is refused
// with a contract_overlap issue naming the other one; a contract at the
// same time with another agency is only a warning.
func (db *DB) CreateContract(ctx context.Context, c *wub.Contract) (wub.Issues, error) {
	return db.saveContract(ctx, c, false)
}

// UpdateContract saves changes to a contract, with the same checks.
func (db *DB) UpdateContract(ctx context.Context, c *wub.Contract) (wub.Issues, error) {
	return db.saveContract(ctx, c, true)
}

func (db *DB) saveContract(ctx context.Context, c *wub.Contract, update bool) (wub.Issues, error) {
	as, err := db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	c.Normalize()
	is := c.Check(as)
	if is.HasErrors() {
		return is.Warnings(), is.Errors()
	}
	var warns wub.Issues
	err = db.WriteTx(ctx, func(tx *sql.Tx) error {
		if _, err := getFacilitator(ctx, tx, c.FacilitatorID); err != nil {
			return err
		}
		var err error
		warns, err = contractClashes(ctx, tx, as, c)
		if err != nil {
			return err
		}
		if !update {
			return db.insertContract(ctx, tx, db.now(), c, true)
		}
		old, err := getContract(ctx, tx, c.ID)
		if err != nil {
			return err
		}
		if !old.DeletedAt.IsZero() {
			return wub.Errorf("not_found")
		}
		c.RenewedFrom = old.RenewedFrom
		if contractRecordOf(old) == contractRecordOf(c) {
			return nil
		}
		_, err = tx.ExecContext(ctx, `UPDATE contract SET facilitator_id=?, year=?, agency_code=?, spk_number=?,
			assignment_number=?, start_date=?, end_date=?, kec_code=?, honorarium=?, target_trainees=?, notes=?,
			updated_at=? WHERE id=?`, c.FacilitatorID, c.Year, c.AgencyCode, c.SPKNumber, c.AssignmentNumber,
			wub.ISO(c.StartDate), wub.ISO(c.EndDate), c.KecCode, c.Honorarium, c.TargetTrainees, c.Notes, db.now(), c.ID)
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, "contract", c.ID, "update", contractRecordOf(old), contractRecordOf(c))
	})
	if err != nil {
		return nil, err
	}
	return append(is.Warnings(), warns...), nil
}

func (db *DB) insertContract(ctx context.Context, tx *sql.Tx, now string, c *wub.Contract, audit bool) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO contract (facilitator_id, year, agency_code, spk_number,
		assignment_number, start_date, end_date, kec_code, honorarium, target_trainees, renewed_from, notes,
		created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, c.FacilitatorID, c.Year, c.AgencyCode,
		c.SPKNumber, c.AssignmentNumber, wub.ISO(c.StartDate), wub.ISO(c.EndDate), c.KecCode, c.Honorarium,
		c.TargetTrainees, nullID(c.RenewedFrom), c.Notes, now, now)
	if err != nil {
		return err
	}
	c.ID, _ = res.LastInsertId()
	if !audit {
		return nil
	}
	return db.audit(ctx, tx, "contract", c.ID, "insert", nil, contractRecordOf(c))
}

// contractClashes returns a contract_overlap error when c shares a day with
// another live contract of the facilitator with the same agency and year,
// and contract_other_agency warnings for overlaps with other agencies.
func contractClashes(ctx context.Context, tx *sql.Tx, as wub.Agencies, c *wub.Contract) (wub.Issues, error) {
	others, err := queryContracts(ctx, tx, `c.facilitator_id = ? AND c.deleted_at IS NULL AND c.id != ?
		AND c.start_date <= ? AND ? <= c.end_date`, c.FacilitatorID, c.ID, wub.ISO(c.EndDate), wub.ISO(c.StartDate))
	if err != nil {
		return nil, err
	}
	var warns wub.Issues
	for _, o := range others {
		name := agencyShort(as, o.AgencyCode, o.Year)
		if o.AgencyCode == c.AgencyCode && o.Year == c.Year {
			num := o.SPKNumber
			if num == "" {
				num = wub.Message("contract_no_number", "")
			}
			return nil, wub.Issues{{Field: "start_date", Code: "contract_overlap", Severity: wub.Error,
				Args: []any{num, name, o.Year, wub.FormatDate(o.StartDate), wub.FormatDate(o.EndDate)}}}
		}
		warns = append(warns, wub.Issue{Field: "agency", Code: "contract_other_agency", Severity: wub.Warning,
			Args: []any{name, wub.FormatDate(o.StartDate), wub.FormatDate(o.EndDate)}})
	}
	return warns, nil
}

func agencyShort(as wub.Agencies, code string, year int) string {
	if a, ok := as.ByCode(code); ok {
		return a.NameInYear(year).Short
	}
	return code
}

// DeleteContract deletes a contract softly.
func (db *DB) DeleteContract(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getContract(ctx, tx, id)
		if err != nil {
			return err
		}
		if !old.DeletedAt.IsZero() {
			return nil
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE contract SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "contract", id, "delete", contractRecordOf(old), nil)
	})
}

// Contract returns one contract (deleted ones too).
func (db *DB) Contract(ctx context.Context, id int64) (*wub.Contract, error) {
	return getContract(ctx, db.r, id)
}

func getContract(ctx context.Context, q querier, id int64) (*wub.Contract, error) {
	cs, err := queryContracts(ctx, q, "c.id = ?", id)
	if err != nil {
		return nil, err
	}
	if len(cs) == 0 {
		return nil, wub.Errorf("not_found")
	}
	return &cs[0], nil
}

// ContractFilter selects contracts (wub.ContractFilter).
type ContractFilter = wub.ContractFilter

// Contracts lists live contracts, newest year first, then by facilitator.
func (db *DB) Contracts(ctx context.Context, f ContractFilter) ([]wub.Contract, error) {
	conds := []string{"c.deleted_at IS NULL"}
	var args []any
	if f.FacilitatorID != 0 {
		conds = append(conds, "c.facilitator_id = ?")
		args = append(args, f.FacilitatorID)
	}
	if f.AgencyCode != "" {
		conds = append(conds, "c.agency_code = ?")
		args = append(args, f.AgencyCode)
	}
	if f.Year != 0 {
		conds = append(conds, "c.year = ?")
		args = append(args, f.Year)
	}
	return queryContracts(ctx, db.r, strings.Join(conds, " AND "), args...)
}

func queryContracts(ctx context.Context, q querier, where string, args ...any) ([]wub.Contract, error) {
	rows, err := q.QueryContext(ctx, `SELECT c.id, c.facilitator_id, f.name, c.year, c.agency_code, c.spk_number,
		c.assignment_number, c.start_date, c.end_date, c.kec_code, c.honorarium, c.target_trainees,
		coalesce(c.renewed_from, 0), c.notes, coalesce(c.deleted_at, '')
		FROM contract c JOIN facilitator f ON f.id = c.facilitator_id
		WHERE `+where+` ORDER BY c.year DESC, f.name COLLATE NOCASE, c.start_date, c.id`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Contract
	for rows.Next() {
		var c wub.Contract
		var start, end, deleted string
		if err := rows.Scan(&c.ID, &c.FacilitatorID, &c.FacilitatorName, &c.Year, &c.AgencyCode, &c.SPKNumber,
			&c.AssignmentNumber, &start, &end, &c.KecCode, &c.Honorarium, &c.TargetTrainees, &c.RenewedFrom,
			&c.Notes, &deleted); err != nil {
			return nil, err
		}
		c.StartDate, c.EndDate, c.DeletedAt = wub.ParseISODate(start), wub.ParseISODate(end), parseTime(deleted)
		out = append(out, c)
	}
	return out, rows.Err()
}
