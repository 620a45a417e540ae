package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"wubdesk/internal/wub"
)

// facilitatorRecord is what the audit log keeps of a facilitator.
type facilitatorRecord struct {
	NIK, Name, Sex, BirthDate, Address, DesaCode, KecCode, Phone, Education, Expertise string
	Role, Status, StatusDate, StatusReason, Notes                                      string
}

func facilitatorRecordOf(f *wub.Facilitator) facilitatorRecord {
	return facilitatorRecord{f.NIK, f.Name, f.Sex, wub.ISO(f.BirthDate), f.Address, f.DesaCode, f.KecCode, f.Phone,
		f.Education, f.Expertise, f.Role, f.Status, wub.ISO(f.StatusDate), f.StatusReason, f.Notes}
}

// CheckFacilitator normalises and checks a facilitator without saving.
func (db *DB) CheckFacilitator(ctx context.Context, f *wub.Facilitator) (wub.Issues, error) {
	f.Normalize()
	return f.Check(db.today()), nil
}

// CreateFacilitator saves a new facilitator and the first line of their
// status history. It returns the warnings; errors come back as wub.Issues
// and nothing is saved.
func (db *DB) CreateFacilitator(ctx context.Context, f *wub.Facilitator) (wub.Issues, error) {
	is, _ := db.CheckFacilitator(ctx, f)
	if is.HasErrors() {
		return is.Warnings(), is.Errors()
	}
	err := db.WriteTx(ctx, func(tx *sql.Tx) error {
		if err := refuseFacilitatorNIK(ctx, tx, f.NIK, 0); err != nil {
			return err
		}
		return db.insertFacilitator(ctx, tx, db.now(), f, true)
	})
	if err != nil {
		return nil, err
	}
	return is.Warnings(), nil
}

func (db *DB) insertFacilitator(ctx context.Context, tx *sql.Tx, now string, f *wub.Facilitator, audit bool) error {
	res, err := tx.ExecContext(ctx, `INSERT INTO facilitator (nik, name, sex, birth_date, address, desa_code, kec_code,
		phone, education, expertise, role, status, status_date, status_reason, notes, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		f.NIK, f.Name, f.Sex, wub.ISO(f.BirthDate), f.Address, f.DesaCode, f.KecCode, f.Phone, f.Education,
		f.Expertise, f.Role, f.Status, wub.ISO(f.StatusDate), f.StatusReason, f.Notes, now, now)
	if err != nil {
		if isUniqueViolation(err) {
			return wub.Issues{{Field: "nik", Code: "facilitator_nik_registered", Severity: wub.Error, Args: []any{f.NIK}}}
		}
		return err
	}
	f.ID, _ = res.LastInsertId()
	if err := db.addStatus(ctx, tx, now, f); err != nil {
		return err
	}
	if !audit {
		return nil
	}
	return db.audit(ctx, tx, "facilitator", f.ID, "insert", nil, facilitatorRecordOf(f))
}

func (db *DB) addStatus(ctx context.Context, tx *sql.Tx, now string, f *wub.Facilitator) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO facilitator_status (facilitator_id, status, status_date, reason,
		recorded_at, recorded_by) VALUES (?,?,?,?,?,?)`, f.ID, f.Status, wub.ISO(f.StatusDate), f.StatusReason, now, db.Actor)
	return err
}

// refuseFacilitatorNIK names the live facilitator (other than exceptID)
// who already has the NIK.
func refuseFacilitatorNIK(ctx context.Context, tx *sql.Tx, nik string, exceptID int64) error {
	var name string
	err := tx.QueryRowContext(ctx, "SELECT name FROM facilitator WHERE nik = ? AND deleted_at IS NULL AND id != ?",
		nik, exceptID).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return wub.Issues{{Field: "nik", Code: "facilitator_nik_registered", Severity: wub.Error, Args: []any{name}}}
}

// UpdateFacilitator saves changes; a changed status (or its date or reason)
// adds a line to the status history.
func (db *DB) UpdateFacilitator(ctx context.Context, f *wub.Facilitator) (wub.Issues, error) {
	is, _ := db.CheckFacilitator(ctx, f)
	if is.HasErrors() {
		return is.Warnings(), is.Errors()
	}
	err := db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getFacilitator(ctx, tx, f.ID)
		if err != nil {
			return err
		}
		if !old.DeletedAt.IsZero() {
			return wub.Errorf("not_found")
		}
		if err := refuseFacilitatorNIK(ctx, tx, f.NIK, f.ID); err != nil {
			return err
		}
		if facilitatorRecordOf(old) == facilitatorRecordOf(f) {
			return nil
		}
		now := db.now()
		_, err = tx.ExecContext(ctx, `UPDATE facilitator SET nik=?, name=?, sex=?, birth_date=?, address=?, desa_code=?,
			kec_code=?, phone=?, education=?, expertise=?, role=?, status=?, status_date=?, status_reason=?, notes=?,
			updated_at=? WHERE id=?`,
			f.NIK, f.Name, f.Sex, wub.ISO(f.BirthDate), f.Address, f.DesaCode, f.KecCode, f.Phone, f.Education,
			f.Expertise, f.Role, f.Status, wub.ISO(f.StatusDate), f.StatusReason, f.Notes, now, f.ID)
		if err != nil {
			if isUniqueViolation(err) {
				return wub.Issues{{Field: "nik", Code: "facilitator_nik_registered", Severity: wub.Error, Args: []any{f.NIK}}}
			}
			return err
		}
		if old.Status != f.Status || !old.StatusDate.Equal(f.StatusDate) || old.StatusReason != f.StatusReason {
			if err := db.addStatus(ctx, tx, now, f); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, "facilitator", f.ID, "update", facilitatorRecordOf(old), facilitatorRecordOf(f))
	})
	if err != nil {
		return nil, err
	}
	return is.Warnings(), nil
}

// DeleteFacilitator deletes a facilitator softly; contracts, reports and
// visits stay and come back with RestoreFacilitator.
func (db *DB) DeleteFacilitator(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getFacilitator(ctx, tx, id)
		if err != nil {
			return err
		}
		if !old.DeletedAt.IsZero() {
			return nil
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE facilitator SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "facilitator", id, "delete", facilitatorRecordOf(old), nil)
	})
}

// RestoreFacilitator undoes a delete, unless the NIK was registered again.
func (db *DB) RestoreFacilitator(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getFacilitator(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.DeletedAt.IsZero() {
			return nil
		}
		if err := refuseFacilitatorNIK(ctx, tx, old.NIK, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE facilitator SET deleted_at=NULL, updated_at=? WHERE id=?", db.now(), id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "facilitator", id, "restore", nil, facilitatorRecordOf(old))
	})
}

// Facilitator returns one facilitator (deleted ones too).
func (db *DB) Facilitator(ctx context.Context, id int64) (*wub.Facilitator, error) {
	return getFacilitator(ctx, db.r, id)
}

const facilitatorCols = `id, nik, name, sex, birth_date, address, desa_code, kec_code, phone, education, expertise,
	role, status, status_date, status_reason, notes, created_at, updated_at, coalesce(deleted_at, '')`

func getFacilitator(ctx context.Context, q querier, id int64) (*wub.Facilitator, error) {
	var f wub.Facilitator
	var birth, statusDate, created, updated, deleted string
	err := q.QueryRowContext(ctx, "SELECT "+facilitatorCols+" FROM facilitator WHERE id = ?", id).Scan(
		&f.ID, &f.NIK, &f.Name, &f.Sex, &birth, &f.Address, &f.DesaCode, &f.KecCode, &f.Phone, &f.Education,
		&f.Expertise, &f.Role, &f.Status, &statusDate, &f.StatusReason, &f.Notes, &created, &updated, &deleted)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, wub.Errorf("not_found")
	}
	if err != nil {
		return nil, err
	}
	f.BirthDate = wub.ParseISODate(birth)
	f.StatusDate = wub.ParseISODate(statusDate)
	f.CreatedAt, f.UpdatedAt, f.DeletedAt = parseTime(created), parseTime(updated), parseTime(deleted)
	return &f, nil
}

// FacilitatorStatusHistory lists a facilitator's statuses, oldest first.
func (db *DB) FacilitatorStatusHistory(ctx context.Context, id int64) ([]wub.FacilitatorStatusChange, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, facilitator_id, status, status_date, reason, recorded_at, recorded_by
		FROM facilitator_status WHERE facilitator_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.FacilitatorStatusChange
	for rows.Next() {
		var c wub.FacilitatorStatusChange
		var date, at string
		if err := rows.Scan(&c.ID, &c.FacilitatorID, &c.Status, &date, &c.Reason, &at, &c.RecordedBy); err != nil {
			return nil, err
		}
		c.Date, c.RecordedAt = wub.ParseISODate(date), parseTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// SearchFacilitators lists facilitators by name. There are tens of them,
// not thousands: no paging. Each row shows the latest live contract.
func (db *DB) SearchFacilitators(ctx context.Context, f wub.FacilitatorFilter) ([]wub.FacilitatorRow, error) {
	conds := []string{"f.deleted_at IS NULL"}
	if f.Deleted {
		conds[0] = "f.deleted_at IS NOT NULL"
	}
	var args []any
	for _, w := range strings.Fields(strings.ToLower(f.Text)) {
		conds = append(conds, `(lower(f.name) LIKE ? ESCAPE '\' OR f.nik LIKE ? ESCAPE '\' OR lower(f.expertise) LIKE ? ESCAPE '\')`)
		p := "%" + likeEscape(w) + "%"
		args = append(args, p, p, p)
	}
	if f.Status != "" {
		conds = append(conds, "f.status = ?")
		args = append(args, f.Status)
	}
	var kconds []string
	if f.AgencyCode != "" {
		kconds = append(kconds, " AND k.agency_code = ?")
		args = append(args, f.AgencyCode)
	}
	if f.Year != 0 {
		kconds = append(kconds, " AND k.year = ?")
		args = append(args, f.Year)
	}
	if len(kconds) > 0 {
		conds = append(conds, "EXISTS (SELECT 1 FROM contract k WHERE k.facilitator_id = f.id AND k.deleted_at IS NULL"+
			strings.Join(kconds, "")+")")
	}
	q := `SELECT f.id, f.nik, f.name, f.sex, f.desa_code, f.kec_code, f.phone, f.role, f.status, f.expertise,
		coalesce(c.agency_code, ''), coalesce(c.year, 0), coalesce(c.kec_code, ''), coalesce(f.deleted_at, '')
		FROM facilitator f LEFT JOIN contract c ON c.id = (SELECT k.id FROM contract k
			WHERE k.facilitator_id = f.id AND k.deleted_at IS NULL ORDER BY k.start_date DESC, k.id DESC LIMIT 1)
		WHERE ` + strings.Join(conds, " AND ") + ` ORDER BY f.name COLLATE NOCASE, f.id`
	rows, err := db.r.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ref := wub.Ref()
	var out []wub.FacilitatorRow
	for rows.Next() {
		var r wub.FacilitatorRow
		var desa, kec, deleted string
		if err := rows.Scan(&r.ID, &r.NIK, &r.Name, &r.Sex, &desa, &kec, &r.Phone, &r.Role, &r.Status, &r.Expertise,
			&r.AgencyCode, &r.Year, &r.AssignedKec, &deleted); err != nil {
			return nil, err
		}
		if desa != "" {
			r.DesaName = ref.DesaName(desa)
		}
		if kec != "" {
			r.KecName = ref.KecamatanName(kec)
		}
		r.DeletedAt = parseTime(deleted)
		out = append(out, r)
	}
	return out, rows.Err()
}
