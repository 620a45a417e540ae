package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"wubdesk/internal/wub"
)

// traineeRecord is what the audit log keeps of a trainee.
type traineeRecord struct {
	NIK, KK, Name, Sex, BirthPlace, BirthDate, Address, RTRW string
	DesaCode, KecCode, Phone, Education, KBLI, BusinessName  string
	Notes, Source                                            string
}

func recordOf(t *wub.Trainee) traineeRecord {
	return traineeRecord{t.NIK, t.KK, t.Name, t.Sex, t.BirthPlace, wub.ISO(t.BirthDate), t.Address, t.RTRW,
		t.DesaCode, t.KecCode, t.Phone, t.Education, t.KBLI, t.BusinessName, t.Notes, t.Source}
}

type enrolmentRecord struct {
	TraineeID   int64
	Agency      string
	Year        int
	BatchID     int64 `json:",omitempty"`
	Status      string
	EnrolledOn  string `json:",omitempty"`
	CompletedOn string `json:",omitempty"`
}

func enrolmentRecordOf(e *wub.Enrolment) enrolmentRecord {
	return enrolmentRecord{e.TraineeID, e.AgencyCode, e.Year, e.BatchID, e.Status, wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn)}
}

// CheckTrainee normalises and checks a trainee and its enrolments without
// saving: what the form shows as the clerk types.
func (db *DB) CheckTrainee(ctx context.Context, t *wub.Trainee) (wub.Issues, error) {
	as, err := db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	t.Normalize()
	is := t.Check(db.today())
	for i := range t.Enrolments {
		is = append(is, t.Enrolments[i].Check(as)...)
	}
	return is, nil
}

// checkDates warns about each enrolment of t whose dates are missing
// (wub.Enrolment.CheckDates): it is saved as given, never with a made-up
// date, counts in no month until completed and is listed as data to
// complete (UndatedEnrolments). The form refuses a new or changed
// enrolment without its dates before it gets here and offers the defaults
// the clerk can see (the day entered; the batch's end date for Lulus).
func (db *DB) checkDates(t *wub.Trainee) wub.Issues {
	var is wub.Issues
	for i := range t.Enrolments {
		for _, x := range t.Enrolments[i].CheckDates() {
			x.Severity = wub.Warning
			is = append(is, x)
		}
	}
	return is
}

// CreateTrainee saves a new trainee and its enrolments in one transaction.
// It returns the warnings; errors come back as a wub.Issues error and
// nothing is saved. A NIK that is already registered is a nik_registered
// issue naming where.
func (db *DB) CreateTrainee(ctx context.Context, t *wub.Trainee) (wub.Issues, error) {
	is, err := db.CheckTrainee(ctx, t)
	if err != nil {
		return nil, err
	}
	is = append(is, db.checkDates(t)...)
	if is.HasErrors() {
		return is.Warnings(), is.Errors()
	}
	err = db.WriteTx(ctx, func(tx *sql.Tx) error {
		if err := db.refuseRegistered(ctx, tx, t.NIK, 0); err != nil {
			return err
		}
		return db.insertTrainee(ctx, tx, t)
	})
	if err != nil {
		return nil, err
	}
	return is.Warnings(), nil
}

// refuseRegistered returns a nik_registered issue when a live trainee other
// than exceptID has the NIK.
func (db *DB) refuseRegistered(ctx context.Context, tx *sql.Tx, nik string, exceptID int64) error {
	var id int64
	err := tx.QueryRowContext(ctx, "SELECT id FROM trainee WHERE nik = ? AND deleted_at IS NULL AND id != ?", nik, exceptID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	where, err := describeTrainee(ctx, tx, id)
	if err != nil {
		return err
	}
	return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{where}}}
}

// describeTrainee says where a trainee is registered: "Siti Aminah —
// Disperindag 2022".
func describeTrainee(ctx context.Context, q querier, id int64) (string, error) {
	var name, agency string
	var year int
	err := q.QueryRowContext(ctx, "SELECT name, cur_agency, cur_year FROM trainee WHERE id = ?", id).Scan(&name, &agency, &year)
	if err != nil {
		return "", err
	}
	if agency == "" {
		return name, nil
	}
	as, err := loadAgencies(ctx, q)
	if err != nil {
		return "", err
	}
	label := agency
	if a, ok := as.ByCode(agency); ok {
		label = a.NameInYear(year).Short
	}
	return fmt.Sprintf("%s — %s %d", name, label, year), nil
}

// insertTrainee writes a checked, normalised trainee and its enrolments.
func (db *DB) insertTrainee(ctx context.Context, tx *sql.Tx, t *wub.Trainee) error {
	now := db.now()
	ref := wub.Ref()
	desaName := ""
	if t.DesaCode != "" {
		desaName = ref.DesaName(t.DesaCode)
	}
	kecName := ""
	if t.KecCode != "" {
		kecName = ref.KecamatanName(t.KecCode)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO trainee (nik, kk, name, sex, birth_place, birth_date, address, rt_rw,
		desa_code, kec_code, desa_name, kec_name, phone, education, kbli, business_name, notes, source, search,
		created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		t.NIK, t.KK, t.Name, t.Sex, t.BirthPlace, wub.ISO(t.BirthDate), t.Address, t.RTRW,
		t.DesaCode, t.KecCode, desaName, kecName, t.Phone, t.Education, t.KBLI, t.BusinessName, t.Notes, t.Source,
		wub.SearchText(t.Name, t.NIK, desaName), now, now)
	if err != nil {
		if isUniqueViolation(err) {
			return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{t.NIK}}}
		}
		return err
	}
	t.ID, _ = res.LastInsertId()
	if err := db.audit(ctx, tx, "trainee", t.ID, "insert", nil, recordOf(t)); err != nil {
		return err
	}
	for i := range t.Enrolments {
		e := &t.Enrolments[i]
		e.TraineeID = t.ID
		if err := db.insertEnrolment(ctx, tx, e); err != nil {
			return err
		}
	}
	return refreshCurrent(ctx, tx, t.ID)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (db *DB) insertEnrolment(ctx context.Context, tx *sql.Tx, e *wub.Enrolment) error {
	now := db.now()
	res, err := tx.ExecContext(ctx, `INSERT INTO enrolment (trainee_id, agency_code, year, batch_id, status,
		enrolled_on, completed_on, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?)`,
		e.TraineeID, e.AgencyCode, e.Year, nullID(e.BatchID), e.Status, wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn), now, now)
	if err != nil {
		if isUniqueViolation(err) {
			return db.enrolmentDuplicate(ctx, tx, e)
		}
		return err
	}
	e.ID, _ = res.LastInsertId()
	return db.audit(ctx, tx, "enrolment", e.ID, "insert", nil, enrolmentRecordOf(e))
}

func (db *DB) enrolmentDuplicate(ctx context.Context, tx *sql.Tx, e *wub.Enrolment) error {
	as, err := loadAgencies(ctx, tx)
	if err != nil {
		return err
	}
	name := e.AgencyCode
	if a, ok := as.ByCode(e.AgencyCode); ok {
		name = a.NameInYear(e.Year).Short
	}
	return wub.Issues{{Field: "agency", Code: "enrolment_duplicate", Severity: wub.Error, Args: []any{name, e.Year}}}
}

// refreshCurrent copies the latest live enrolment into the trainee row that
// the list sorts and shows.
func refreshCurrent(ctx context.Context, tx *sql.Tx, traineeID int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE trainee SET
		(cur_agency, cur_year, cur_status) = (
			SELECT coalesce(max(agency_code), ''), coalesce(max(year), 0), coalesce(max(status), '') FROM (
				SELECT agency_code, year, status FROM enrolment
				WHERE trainee_id = ?1 AND deleted_at IS NULL ORDER BY year DESC, id DESC LIMIT 1))
		WHERE id = ?1`, traineeID)
	return err
}

// UpdateTrainee saves changes to a trainee and its enrolments in one
// transaction: enrolments with an ID are updated, those without are added,
// live ones missing from t.Enrolments are deleted (softly).
func (db *DB) UpdateTrainee(ctx context.Context, t *wub.Trainee) (wub.Issues, error) {
	is, err := db.CheckTrainee(ctx, t)
	if err != nil {
		return nil, err
	}
	is = append(is, db.checkDates(t)...)
	if is.HasErrors() {
		return is.Warnings(), is.Errors()
	}
	err = db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getTrainee(ctx, tx, t.ID)
		if err != nil {
			return err
		}
		if !old.DeletedAt.IsZero() {
			return wub.Errorf("not_found")
		}
		if err := db.refuseRegistered(ctx, tx, t.NIK, t.ID); err != nil {
			return err
		}
		t.Source = old.Source
		if recordOf(old) != recordOf(t) {
			ref := wub.Ref()
			desaName, kecName := "", ""
			if t.DesaCode != "" {
				desaName = ref.DesaName(t.DesaCode)
			}
			if t.KecCode != "" {
				kecName = ref.KecamatanName(t.KecCode)
			}
			_, err := tx.ExecContext(ctx, `UPDATE trainee SET nik=?, kk=?, name=?, sex=?, birth_place=?, birth_date=?,
				address=?, rt_rw=?, desa_code=?, kec_code=?, desa_name=?, kec_name=?, phone=?, education=?, kbli=?,
				business_name=?, notes=?, search=?, updated_at=? WHERE id=?`,
				t.NIK, t.KK, t.Name, t.Sex, t.BirthPlace, wub.ISO(t.BirthDate), t.Address, t.RTRW,
				t.DesaCode, t.KecCode, desaName, kecName, t.Phone, t.Education, t.KBLI, t.BusinessName, t.Notes,
				wub.SearchText(t.Name, t.NIK, desaName), db.now(), t.ID)
			if err != nil {
				if isUniqueViolation(err) {
					return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{t.NIK}}}
				}
				return err
			}
			if err := db.audit(ctx, tx, "trainee", t.ID, "update", recordOf(old), recordOf(t)); err != nil {
				return err
			}
		}
		if err := db.syncEnrolments(ctx, tx, t, old.Enrolments); err != nil {
			return err
		}
		return refreshCurrent(ctx, tx, t.ID)
	})
	if err != nil {
		return nil, err
	}
	return is.Warnings(), nil
}

func (db *DB) syncEnrolments(ctx context.Context, tx *sql.Tx, t *wub.Trainee, old []wub.Enrolment) error {
	keep := map[int64]bool{}
	byID := map[int64]wub.Enrolment{}
	for _, e := range old {
		byID[e.ID] = e
	}
	// Deletions first, so that a row removed and re-added for the same
	// agency and year does not collide with the unique index.
	for _, e := range t.Enrolments {
		keep[e.ID] = true
	}
	now := db.now()
	for _, e := range old {
		if keep[e.ID] {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET deleted_at=?, updated_at=? WHERE id=?", now, now, e.ID); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "enrolment", e.ID, "delete", enrolmentRecordOf(&e), nil); err != nil {
			return err
		}
	}
	for i := range t.Enrolments {
		e := &t.Enrolments[i]
		e.TraineeID = t.ID
		if e.ID == 0 {
			if err := db.insertEnrolment(ctx, tx, e); err != nil {
				return err
			}
			continue
		}
		prev, ok := byID[e.ID]
		if !ok {
			return wub.Errorf("not_found")
		}
		if enrolmentRecordOf(&prev) == enrolmentRecordOf(e) {
			continue
		}
		_, err := tx.ExecContext(ctx, `UPDATE enrolment SET agency_code=?, year=?, batch_id=?, status=?, enrolled_on=?,
			completed_on=?, updated_at=? WHERE id=? AND trainee_id=?`,
			e.AgencyCode, e.Year, nullID(e.BatchID), e.Status, wub.ISO(e.EnrolledOn), wub.ISO(e.CompletedOn), now, e.ID, t.ID)
		if err != nil {
			if isUniqueViolation(err) {
				return db.enrolmentDuplicate(ctx, tx, e)
			}
			return err
		}
		if err := db.audit(ctx, tx, "enrolment", e.ID, "update", enrolmentRecordOf(&prev), enrolmentRecordOf(e)); err != nil {
			return err
		}
	}
	return nil
}

// DeleteTrainee deletes a trainee softly, with its live enrolments; it can be
// undone with RestoreTrainee.
func (db *DB) DeleteTrainee(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getTrainee(ctx, tx, id)
		if err != nil {
			return err
		}
		if !old.DeletedAt.IsZero() {
			return nil
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE trainee SET deleted_at=?, updated_at=? WHERE id=?", now, now, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET deleted_at=?, updated_at=? WHERE trainee_id=? AND deleted_at IS NULL", now, now, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "trainee", id, "delete", recordOf(old), nil)
	})
}

// RestoreTrainee undoes a delete: the trainee and the enrolments deleted with
// it come back. It is refused when the NIK was registered again meanwhile.
func (db *DB) RestoreTrainee(ctx context.Context, id int64) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		old, err := getTrainee(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.DeletedAt.IsZero() {
			return nil
		}
		if err := db.refuseRegistered(ctx, tx, old.NIK, id); err != nil {
			return err
		}
		var deletedAt string
		if err := tx.QueryRowContext(ctx, "SELECT deleted_at FROM trainee WHERE id=?", id).Scan(&deletedAt); err != nil {
			return err
		}
		now := db.now()
		if _, err := tx.ExecContext(ctx, "UPDATE trainee SET deleted_at=NULL, updated_at=? WHERE id=?", now, id); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET deleted_at=NULL, updated_at=? WHERE trainee_id=? AND deleted_at=?", now, id, deletedAt); err != nil {
			return err
		}
		if err := refreshCurrent(ctx, tx, id); err != nil {
			return err
		}
		return db.audit(ctx, tx, "trainee", id, "restore", nil, recordOf(old))
	})
}

// Trainee returns a trainee with its live enrolments.
func (db *DB) Trainee(ctx context.Context, id int64) (*wub.Trainee, error) {
	return getTrainee(ctx, db.r, id)
}

// TraineeByNIK returns the live trainee with a NIK, or nil.
func (db *DB) TraineeByNIK(ctx context.Context, nik string) (*wub.Trainee, error) {
	var id int64
	err := db.r.QueryRowContext(ctx, "SELECT id FROM trainee WHERE nik = ? AND deleted_at IS NULL", wub.NormalizeNIK(nik)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return getTrainee(ctx, db.r, id)
}

// DescribeNIK says where a live NIK is registered ("" when it is not), for
// the form's "sudah terdaftar" note.
func (db *DB) DescribeNIK(ctx context.Context, nik string) (id int64, where string, err error) {
	err = db.r.QueryRowContext(ctx, "SELECT id FROM trainee WHERE nik = ? AND deleted_at IS NULL", wub.NormalizeNIK(nik)).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", err
	}
	where, err = describeTrainee(ctx, db.r, id)
	return id, where, err
}

const traineeCols = `id, nik, kk, name, sex, birth_place, birth_date, address, rt_rw, desa_code, kec_code, phone,
	education, kbli, business_name, notes, source, created_at, updated_at, coalesce(deleted_at, '')`

func scanTrainee(sc interface{ Scan(...any) error }) (*wub.Trainee, error) {
	var t wub.Trainee
	var birth, created, updated, deleted string
	err := sc.Scan(&t.ID, &t.NIK, &t.KK, &t.Name, &t.Sex, &t.BirthPlace, &birth, &t.Address, &t.RTRW, &t.DesaCode,
		&t.KecCode, &t.Phone, &t.Education, &t.KBLI, &t.BusinessName, &t.Notes, &t.Source, &created, &updated, &deleted)
	if err != nil {
		return nil, err
	}
	t.BirthDate = wub.ParseISODate(birth)
	t.CreatedAt = parseTime(created)
	t.UpdatedAt = parseTime(updated)
	t.DeletedAt = parseTime(deleted)
	return &t, nil
}

func getTrainee(ctx context.Context, q querier, id int64) (*wub.Trainee, error) {
	t, err := scanTrainee(q.QueryRowContext(ctx, "SELECT "+traineeCols+" FROM trainee WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, wub.Errorf("not_found")
	}
	if err != nil {
		return nil, err
	}
	live := "AND e.deleted_at IS NULL"
	if !t.DeletedAt.IsZero() {
		live = "AND e.deleted_at = (SELECT deleted_at FROM trainee WHERE id = e.trainee_id)"
	}
	rows, err := q.QueryContext(ctx, `SELECT e.id, e.trainee_id, e.agency_code, e.year, coalesce(e.batch_id, 0),
		coalesce(b.name, ''), e.status, e.enrolled_on, e.completed_on
		FROM enrolment e LEFT JOIN batch b ON b.id = e.batch_id
		WHERE e.trainee_id = ? `+live+` ORDER BY e.year, e.id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e wub.Enrolment
		var enr, comp string
		if err := rows.Scan(&e.ID, &e.TraineeID, &e.AgencyCode, &e.Year, &e.BatchID, &e.BatchName, &e.Status, &enr, &comp); err != nil {
			return nil, err
		}
		e.EnrolledOn = wub.ParseISODate(enr)
		e.CompletedOn = wub.ParseISODate(comp)
		t.Enrolments = append(t.Enrolments, e)
	}
	return t, rows.Err()
}
