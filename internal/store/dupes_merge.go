package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"wubdesk/internal/wub"
)

// wholeRecord is a trainee as the merge keeps it: every field and every
// live enrolment with its agency and year.
type wholeRecord struct {
	ID         int64
	Record     traineeRecord
	Enrolments []enrolmentKept
}

type enrolmentKept struct {
	ID int64
	enrolmentRecord
}

func wholeOf(t *wub.Trainee) wholeRecord {
	w := wholeRecord{ID: t.ID, Record: recordOf(t)}
	for i := range t.Enrolments {
		w.Enrolments = append(w.Enrolments, enrolmentKept{t.Enrolments[i].ID, enrolmentRecordOf(&t.Enrolments[i])})
	}
	return w
}

// mergeDetail is trainee_merge.detail and the audit row's new value: both
// records whole before the merge, the kept record after it, and which rows
// moved or were deleted, so that the merge can be undone exactly.
type mergeDetail struct {
	Kept, Dropped wholeRecord
	Result        traineeRecord
	Moved         []int64            // enrolments that moved from dropped to kept
	Deleted       []int64            // enrolments deleted: both had the agency and year
	Other         map[string][]int64 `json:",omitempty"` // mentoring, business, product rows moved
}

// statusRank orders statuses for two enrolments of one person with one
// agency in one year: the one that says more is kept.
var statusRank = map[string]int{wub.StatusTrained: 3, wub.StatusRegistered: 2, wub.StatusDropped: 1}

// otherTables hold rows of a trainee that follow the person on a merge.
var otherTables = []string{"mentoring", "business", "product"}

// MergeTrainees merges dropID into keepID in one transaction: result holds
// the fields to keep (its NIK one of the two), every live enrolment of the
// dropped record moves to the kept person with its agency and year (where
// both have one for the same agency and year, the one with the stronger
// status stays and the other is deleted), mentoring visits, businesses and
// products follow, and the dropped record is deleted. The audit log and
// trainee_merge keep both records whole; UndoMerge restores them.
func (db *DB) MergeTrainees(ctx context.Context, keepID, dropID int64, result wub.Trainee, reason string) (int64, error) {
	if keepID == dropID {
		return 0, wub.Errorf("merge_same")
	}
	var mergeID int64
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		keep, err := getTrainee(ctx, tx, keepID)
		if err != nil {
			return err
		}
		drop, err := getTrainee(ctx, tx, dropID)
		if err != nil {
			return err
		}
		for _, t := range []*wub.Trainee{keep, drop} {
			if !t.DeletedAt.IsZero() {
				return wub.Errorf("merge_not_live", wub.MaskNIK(t.NIK))
			}
		}
		result.Normalize()
		if result.NIK != keep.NIK && result.NIK != drop.NIK {
			return wub.Errorf("merge_nik_choice", wub.MaskNIK(keep.NIK), wub.MaskNIK(drop.NIK))
		}
		result.ID, result.Source = keep.ID, keep.Source
		d := mergeDetail{Kept: wholeOf(keep), Dropped: wholeOf(drop), Result: recordOf(&result), Other: map[string][]int64{}}
		now := db.now()
		keptBy := map[[2]any]wub.Enrolment{}
		for _, e := range keep.Enrolments {
			keptBy[[2]any{e.AgencyCode, e.Year}] = e
		}
		for _, e := range drop.Enrolments {
			other, clash := keptBy[[2]any{e.AgencyCode, e.Year}]
			if clash {
				loser := e
				if statusRank[e.Status] > statusRank[other.Status] {
					loser = other
				}
				if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET deleted_at=?, updated_at=? WHERE id=?", now, now, loser.ID); err != nil {
					return err
				}
				if err := db.audit(ctx, tx, "enrolment", loser.ID, "delete", enrolmentRecordOf(&loser), nil); err != nil {
					return err
				}
				d.Deleted = append(d.Deleted, loser.ID)
				if loser.ID == e.ID {
					continue
				}
			}
			if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET trainee_id=?, updated_at=? WHERE id=?", keepID, now, e.ID); err != nil {
				return err
			}
			moved := e
			moved.TraineeID = keepID
			if err := db.audit(ctx, tx, "enrolment", e.ID, "update", enrolmentRecordOf(&e), enrolmentRecordOf(&moved)); err != nil {
				return err
			}
			d.Moved = append(d.Moved, e.ID)
		}
		for _, table := range otherTables {
			ids, err := liveIDs(ctx, tx, table, dropID)
			if err != nil {
				return err
			}
			if len(ids) == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET trainee_id=? WHERE trainee_id=? AND deleted_at IS NULL", keepID, dropID); err != nil {
				return err
			}
			d.Other[table] = ids
		}
		if _, err := tx.ExecContext(ctx, "UPDATE trainee SET deleted_at=?, updated_at=? WHERE id=?", now, now, dropID); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "trainee", dropID, "delete", recordOf(drop), nil); err != nil {
			return err
		}
		if err := db.writeFields(ctx, tx, &result); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "trainee", keepID, "update", recordOf(keep), recordOf(&result)); err != nil {
			return err
		}
		if err := refreshCurrent(ctx, tx, keepID); err != nil {
			return err
		}
		detail, err := json.Marshal(d)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO trainee_merge (kept_id, dropped_id, reason, detail, at, actor)
			VALUES (?, ?, ?, ?, ?, ?)`, keepID, dropID, reason, string(detail), now, db.Actor)
		if err != nil {
			return err
		}
		mergeID, _ = res.LastInsertId()
		return db.audit(ctx, tx, "trainee_merge", mergeID, "insert", nil, d)
	}, wub.ActEdit, wub.ActSignOff)
	return mergeID, err
}

func liveIDs(ctx context.Context, tx *sql.Tx, table string, traineeID int64) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" WHERE trainee_id=? AND deleted_at IS NULL ORDER BY id", traineeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// writeFields writes every field of a normalised trainee (and the names
// and search text derived from them).
func (db *DB) writeFields(ctx context.Context, tx *sql.Tx, t *wub.Trainee) error {
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
	if isUniqueViolation(err) {
		return wub.Issues{{Field: "nik", Code: "nik_registered", Severity: wub.Error, Args: []any{t.NIK}}}
	}
	return err
}

func traineeFromRecord(id int64, r traineeRecord) wub.Trainee {
	return wub.Trainee{ID: id, NIK: r.NIK, KK: r.KK, Name: r.Name, Sex: r.Sex, BirthPlace: r.BirthPlace,
		BirthDate: wub.ParseISODate(r.BirthDate), Address: r.Address, RTRW: r.RTRW, DesaCode: r.DesaCode,
		KecCode: r.KecCode, Phone: r.Phone, Education: r.Education, KBLI: r.KBLI, BusinessName: r.BusinessName,
		Notes: r.Notes, Source: r.Source}
}

// UndoMerge undoes a merge from its record in one transaction: the kept
// record gets its fields back, the dropped one is restored, the enrolments
// and other rows that moved go back, and the enrolments deleted for the
// merge are restored. It is refused, naming what changed, when the records
// were changed since in a way that would make the undo wrong.
func (db *DB) UndoMerge(ctx context.Context, mergeID int64) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		var detail string
		var undone sql.NullString
		var keepID, dropID int64
		err := tx.QueryRowContext(ctx, "SELECT kept_id, dropped_id, detail, undone_at FROM trainee_merge WHERE id=?", mergeID).
			Scan(&keepID, &dropID, &detail, &undone)
		if errors.Is(err, sql.ErrNoRows) {
			return wub.Errorf("not_found")
		}
		if err != nil {
			return err
		}
		if undone.Valid {
			return wub.Errorf("merge_undone")
		}
		var d mergeDetail
		if err := json.Unmarshal([]byte(detail), &d); err != nil {
			return err
		}
		keep, err := getTrainee(ctx, tx, keepID)
		if err != nil {
			return err
		}
		drop, err := getTrainee(ctx, tx, dropID)
		if err != nil {
			return err
		}
		changed := func(t *wub.Trainee, what string) error {
			return wub.Errorf("merge_undo_changed", wub.MaskNIK(t.NIK), what)
		}
		if !keep.DeletedAt.IsZero() {
			return changed(keep, "dihapus")
		}
		if drop.DeletedAt.IsZero() {
			return changed(drop, "dipulihkan")
		}
		now := db.now()
		// The kept record's fields as they were (its NIK first, so that the
		// dropped record's NIK is free again).
		before := traineeFromRecord(keepID, d.Kept.Record)
		if err := db.writeFields(ctx, tx, &before); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "trainee", keepID, "update", recordOf(keep), d.Kept.Record); err != nil {
			return err
		}
		if err := db.refuseRegistered(ctx, tx, drop.NIK, dropID); err != nil {
			return changed(drop, "NIK-nya sudah terdaftar lagi")
		}
		if _, err := tx.ExecContext(ctx, "UPDATE trainee SET deleted_at=NULL, updated_at=? WHERE id=?", now, dropID); err != nil {
			return err
		}
		if err := db.audit(ctx, tx, "trainee", dropID, "restore", nil, recordOf(drop)); err != nil {
			return err
		}
		for _, id := range d.Moved {
			if _, err := tx.ExecContext(ctx, "UPDATE enrolment SET trainee_id=?, updated_at=? WHERE id=? AND trainee_id=?", dropID, now, id, keepID); err != nil {
				return err
			}
			if err := db.audit(ctx, tx, "enrolment", id, "update", map[string]int64{"TraineeID": keepID}, map[string]int64{"TraineeID": dropID}); err != nil {
				return err
			}
		}
		for _, id := range d.Deleted {
			_, err := tx.ExecContext(ctx, "UPDATE enrolment SET deleted_at=NULL, updated_at=? WHERE id=?", now, id)
			if isUniqueViolation(err) {
				return changed(keep, fmt.Sprintf("keikutsertaan baru pada dinas dan tahun yang sama, #%d", id))
			}
			if err != nil {
				return err
			}
			if err := db.audit(ctx, tx, "enrolment", id, "restore", nil, map[string]int64{"ID": id}); err != nil {
				return err
			}
		}
		for table, ids := range d.Other {
			for _, id := range ids {
				if _, err := tx.ExecContext(ctx, "UPDATE "+table+" SET trainee_id=? WHERE id=? AND trainee_id=?", dropID, id, keepID); err != nil {
					return err
				}
			}
		}
		for _, id := range []int64{keepID, dropID} {
			if err := refreshCurrent(ctx, tx, id); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "UPDATE trainee_merge SET undone_at=?, undone_by=? WHERE id=?", now, db.Actor, mergeID); err != nil {
			return err
		}
		return db.audit(ctx, tx, "trainee_merge", mergeID, "delete", d, nil)
	}, wub.ActEdit, wub.ActSignOff)
}

// Merges lists the merges, newest first, for the review screen's undo list.
func (db *DB) Merges(ctx context.Context, limit int) ([]wub.Merge, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT m.id, m.kept_id, m.dropped_id, k.nik, d.nik, k.name, d.name, m.reason,
		m.at, m.actor, coalesce(m.undone_at, '')
		FROM trainee_merge m JOIN trainee k ON k.id = m.kept_id JOIN trainee d ON d.id = m.dropped_id
		ORDER BY m.id DESC LIMIT ?`, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Merge
	for rows.Next() {
		var m wub.Merge
		var at, undone string
		if err := rows.Scan(&m.ID, &m.KeptID, &m.DroppedID, &m.KeptNIK, &m.DroppedNIK, &m.KeptName, &m.DroppedName,
			&m.Reason, &at, &m.Actor, &undone); err != nil {
			return nil, err
		}
		m.At, m.UndoneAt = parseTime(at), parseTime(undone)
		out = append(out, m)
	}
	return out, rows.Err()
}
