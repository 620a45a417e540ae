package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

// Personal data protection (issue 24): the copy log, access rows in the
// audit, correction with a reason, erasure, the retention review and the
// breach log. docs/PRIVACY.md.

// RecordCopy logs a copy that left the PC with the NIKs it held (none for
// a copy of everyone), and an audit row ("copy") that says whether it was
// encrypted. Any role that may make the copy may log it.
func (db *DB) RecordCopy(ctx context.Context, c wub.CopyRecord, niks []string) (int64, error) {
	var id int64
	err := db.systemTx(ctx, func(tx *sql.Tx) error {
		if c.People == 0 {
			c.People = len(niks)
		}
		if c.Everyone && c.People == 0 {
			if err := tx.QueryRowContext(ctx, "SELECT count(DISTINCT nik) FROM trainee WHERE deleted_at IS NULL AND nik NOT LIKE 'HAPUS-%'").Scan(&c.People); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO copy_log (at, actor, kind, path, encrypted, lock, everyone, people, note)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, db.now(), db.Actor, c.Kind, c.Path, b2i(c.Encrypted), c.Lock,
			b2i(c.Everyone), c.People, c.Note)
		if err != nil {
			return err
		}
		if id, err = res.LastInsertId(); err != nil {
			return err
		}
		st, err := tx.PrepareContext(ctx, "INSERT OR IGNORE INTO copy_nik (copy_id, nik) VALUES (?, ?)")
		if err != nil {
			return err
		}
		defer st.Close()
		for _, n := range niks {
			if _, err := st.ExecContext(ctx, id, wub.NormalizeNIK(n)); err != nil {
				return err
			}
		}
		return db.audit(ctx, tx, "copy", id, "insert", nil, map[string]any{"kind": c.Kind, "path": c.Path,
			"encrypted": c.Encrypted, "lock": c.Lock, "everyone": c.Everyone, "people": c.People, "note": c.Note})
	})
	return id, err
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

const copyCols = "id, at, actor, kind, path, encrypted, lock, everyone, people, note"

func scanCopies(rows *sql.Rows) ([]wub.CopyRecord, error) {
	defer rows.Close()
	var out []wub.CopyRecord
	for rows.Next() {
		var c wub.CopyRecord
		var at string
		var enc, every int
		if err := rows.Scan(&c.ID, &at, &c.Actor, &c.Kind, &c.Path, &enc, &c.Lock, &every, &c.People, &c.Note); err != nil {
			return nil, err
		}
		c.At, c.Encrypted, c.Everyone = parseTime(at), enc == 1, every == 1
		out = append(out, c)
	}
	return out, rows.Err()
}

// Copies lists the copy log, newest first (limit <= 0: all).
func (db *DB) Copies(ctx context.Context, limit int) ([]wub.CopyRecord, error) {
	if limit <= 0 {
		limit = -1
	}
	rows, err := db.r.QueryContext(ctx, "SELECT "+copyCols+" FROM copy_log ORDER BY at DESC, id DESC LIMIT ?", limit)
	if err != nil {
		return nil, err
	}
	return scanCopies(rows)
}

// Copy returns one copy log entry.
func (db *DB) Copy(ctx context.Context, id int64) (wub.CopyRecord, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT "+copyCols+" FROM copy_log WHERE id = ?", id)
	if err != nil {
		return wub.CopyRecord{}, err
	}
	cs, err := scanCopies(rows)
	if err != nil {
		return wub.CopyRecord{}, err
	}
	if len(cs) == 0 {
		return wub.CopyRecord{}, wub.Errorf("pdp_copy_unknown", id)
	}
	return cs[0], nil
}

// CopiesOfNIK lists the copies that carried a NIK, oldest first: those
// that logged it, and the copies of everyone made while a record with it
// existed.
func (db *DB) CopiesOfNIK(ctx context.Context, nik string) ([]wub.CopyRecord, error) {
	nik = wub.NormalizeNIK(nik)
	rows, err := db.r.QueryContext(ctx, "SELECT "+copyCols+` FROM copy_log c
		WHERE EXISTS (SELECT 1 FROM copy_nik n WHERE n.copy_id = c.id AND n.nik = ?1)
		OR (c.everyone = 1 AND EXISTS (SELECT 1 FROM trainee t WHERE t.nik = ?1 AND t.created_at <= c.at
			AND (t.deleted_at IS NULL OR t.deleted_at > c.at)))
		ORDER BY at, id`, nik)
	if err != nil {
		return nil, err
	}
	return scanCopies(rows)
}

// PeopleInCopy lists the people a logged copy held, by name, for the
// breach notification: its logged NIKs, or for a copy of everyone every
// record that existed when it was made. Erased people are marked (their
// data is gone; there is no one to write to).
func (db *DB) PeopleInCopy(ctx context.Context, id int64) ([]wub.BreachPerson, error) {
	c, err := db.Copy(ctx, id)
	if err != nil {
		return nil, err
	}
	q := `SELECT t.id, t.nik, t.name, t.address, t.desa_name, t.phone FROM trainee t
		WHERE t.id IN (SELECT max(t2.id) FROM trainee t2 JOIN copy_nik n ON n.nik = t2.nik AND n.copy_id = ?1 GROUP BY t2.nik)
		OR t.id IN (SELECT t3.id FROM trainee t3 JOIN erasure e ON e.trainee_id = t3.id JOIN copy_nik n ON n.nik = e.pseudonym AND n.copy_id = ?1)
		ORDER BY t.name, t.id`
	if c.Everyone {
		q = `SELECT t.id, t.nik, t.name, t.address, t.desa_name, t.phone FROM trainee t, copy_log c
			WHERE c.id = ?1 AND t.created_at <= c.at AND (t.deleted_at IS NULL OR t.deleted_at > c.at)
			ORDER BY t.name, t.id`
	}
	rows, err := db.r.QueryContext(ctx, q, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.BreachPerson
	for rows.Next() {
		var p wub.BreachPerson
		if err := rows.Scan(&p.TraineeID, &p.NIK, &p.Name, &p.Address, &p.Desa, &p.Phone); err != nil {
			return nil, err
		}
		p.Erased = wub.IsErasedPseudonym(p.NIK)
		out = append(out, p)
	}
	return out, rows.Err()
}

// AuditAccess records who looked at or took out whose personal data: an
// audit row "access" on the trainee record (0 for many), kind one of
// wub.Access*, what a short description (a file name, a document kind).
func (db *DB) AuditAccess(ctx context.Context, traineeID int64, kind, what string, records int) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		return db.audit(ctx, tx, "access", traineeID, "insert", nil,
			map[string]any{"kind": kind, "what": what, "records": records})
	})
}

// CorrectTrainee saves a correction of a person's fields with the reason:
// the update's own audit row and a "correction" row with the reason and
// the fields changed.
func (db *DB) CorrectTrainee(ctx context.Context, t *wub.Trainee, reason string) (wub.Issues, error) {
	if strings.TrimSpace(reason) == "" {
		return nil, wub.Errorf("pdp_reason_required", "koreksi")
	}
	old, err := getTrainee(ctx, db.r, t.ID)
	if err != nil {
		return nil, err
	}
	is, err := db.UpdateTrainee(ctx, t)
	if err != nil {
		return is, err
	}
	fields := changedFields(recordOf(old), recordOf(t))
	return is, db.writeTx(ctx, func(tx *sql.Tx) error {
		return db.audit(ctx, tx, "correction", t.ID, "insert", nil, map[string]any{"reason": reason, "fields": fields})
	}, wub.ActEdit)
}

func changedFields(a, b traineeRecord) []string {
	var out []string
	add := func(name string, x, y any) {
		if x != y {
			out = append(out, name)
		}
	}
	add("nik", a.NIK, b.NIK)
	add("kk", a.KK, b.KK)
	add("name", a.Name, b.Name)
	add("sex", a.Sex, b.Sex)
	add("birth_place", a.BirthPlace, b.BirthPlace)
	add("birth_date", a.BirthDate, b.BirthDate)
	add("address", a.Address, b.Address)
	add("rt_rw", a.RTRW, b.RTRW)
	add("desa", a.DesaCode, b.DesaCode)
	add("kecamatan", a.KecCode, b.KecCode)
	add("phone", a.Phone, b.Phone)
	add("education", a.Education, b.Education)
	add("kbli", a.KBLI, b.KBLI)
	add("business_name", a.BusinessName, b.BusinessName)
	add("notes", a.Notes, b.Notes)
	return out
}

// erasedFields are the personal fields an erasure empties, for the berita
// acara. What stays: sex, desa, kecamatan and KBLI of the record, its
// enrolments (agency, year, status, dates) and the count of visits and
// businesses: what the tallies and past figures need.
var erasedFields = []string{"NIK", "No. KK", "Nama", "Tempat lahir", "Tanggal lahir", "Alamat", "RT/RW",
	"No. HP", "Pendidikan", "Nama usaha", "Catatan", "Sumber impor", "Catatan pendampingan dan foto",
	"Nama, produk dan alamat usaha", "Nomor izin", "Saluran pemasaran", "Permodalan (pemberi, catatan)",
	"Nama dan foto produk", "Isi log audit tentang orang ini", "Baris laporan yang diterima"}

// ErasePerson erases every record of a NIK (deleted ones too) in one
// transaction, keeping each as a pseudonymous counted record so that
// tallies and past figures stay (VerifyTallies holds after). Admin only.
// The returned erasures (one per record) carry what the berita acara
// needs.
func (db *DB) ErasePerson(ctx context.Context, nik, ground, reason string) ([]wub.Erasure, error) {
	nik = wub.NormalizeNIK(nik)
	if strings.TrimSpace(reason) == "" {
		return nil, wub.Errorf("pdp_reason_required", "penghapusan")
	}
	if ground != wub.EraseOnRequest && ground != wub.EraseRetention {
		ground = wub.EraseOnRequest
	}
	var out []wub.Erasure
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		out = nil
		rows, err := tx.QueryContext(ctx, "SELECT id, name FROM trainee WHERE nik = ? ORDER BY id", nik)
		if err != nil {
			return err
		}
		type rec struct {
			id   int64
			name string
		}
		var recs []rec
		for rows.Next() {
			var r rec
			if err := rows.Scan(&r.id, &r.name); err != nil {
				rows.Close()
				return err
			}
			recs = append(recs, r)
		}
		rows.Close()
		if len(recs) == 0 {
			return wub.Errorf("pdp_nik_unknown", wub.MaskNIK(nik))
		}
		now := db.now()
		for _, r := range recs {
			e, err := db.eraseRecord(ctx, tx, r.id, nik, ground, reason, now)
			if err != nil {
				return err
			}
			e.MaskedNIK, e.Name, e.Emptied = wub.MaskNIK(nik), r.name, erasedFields
			out = append(out, e)
		}
		return nil
	}, wub.ActSettings)
	return out, err
}

func (db *DB) eraseRecord(ctx context.Context, tx *sql.Tx, id int64, nik, ground, reason, now string) (wub.Erasure, error) {
	ps := wub.ErasedPseudonym(id)
	var n int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM enrolment WHERE trainee_id = ? AND deleted_at IS NULL", id).Scan(&n); err != nil {
		return wub.Erasure{}, err
	}
	stmts := []struct {
		q    string
		args []any
	}{
		// The audit rows about the person first, while the rows they
		// reach through still exist; personAudit's selection.
		{`UPDATE audit SET old = CASE WHEN old IS NULL THEN NULL ELSE '{"erased":true}' END,
			new = CASE WHEN new IS NULL THEN NULL ELSE '{"erased":true}' END WHERE ` + personAuditWhere, []any{id}},
		{`UPDATE trainee SET nik = ?, kk = '', name = ?, birth_place = '', birth_date = '', address = '', rt_rw = '',
			phone = '', education = '', business_name = '', notes = '', source = '', search = '', updated_at = ?
			WHERE id = ?`, []any{ps, "(data dihapus #" + fmt.Sprint(id) + ")", now, id}},
		{"UPDATE mentoring SET notes = '', photo_path = '' WHERE trainee_id = ?", []any{id}},
		{`UPDATE licence SET number = '' WHERE business_id IN (SELECT id FROM business WHERE trainee_id = ?)`, []any{id}},
		{`UPDATE marketing_channel SET detail = '' WHERE business_id IN (SELECT id FROM business WHERE trainee_id = ?)`, []any{id}},
		{`UPDATE capital SET provider = '', notes = '' WHERE business_id IN (SELECT id FROM business WHERE trainee_id = ?)`, []any{id}},
		{"UPDATE product SET name = '(dihapus)', photo_path = '' WHERE trainee_id = ?", []any{id}},
		{"UPDATE business SET name = '(dihapus)', products = '', address = '' WHERE trainee_id = ?", []any{id}},
		{`UPDATE trainee_merge SET detail = '{"erased":true}' WHERE kept_id = ?1 OR dropped_id = ?1`, []any{id}},
		{"UPDATE received_row SET nik = ?, name = '(data dihapus)' WHERE nik = ?", []any{ps, nik}},
		{"UPDATE copy_nik SET nik = ? WHERE nik = ?", []any{ps, nik}},
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s.q, s.args...); err != nil {
			if isUniqueViolation(err) && strings.Contains(s.q, "copy_nik") {
				continue // two records of one NIK in the same copy: the first pseudonym stands
			}
			return wub.Erasure{}, err
		}
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO erasure (trainee_id, pseudonym, ground, reason, at, actor, enrolments)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, id, ps, ground, reason, now, db.Actor, n)
	if err != nil {
		if isUniqueViolation(err) {
			return wub.Erasure{}, wub.Errorf("pdp_already_erased", id, now)
		}
		return wub.Erasure{}, err
	}
	eid, _ := res.LastInsertId()
	if err := db.audit(ctx, tx, "erasure", id, "insert", nil, map[string]any{"ground": ground, "reason": reason,
		"pseudonym": ps, "enrolments": n}); err != nil {
		return wub.Erasure{}, err
	}
	return wub.Erasure{ID: eid, TraineeID: id, Pseudonym: ps, Ground: ground, Reason: reason,
		At: parseTime(now), Actor: db.Actor, Enrolments: n}, nil
}

// SetErasureLetter stores the number of an erasure's berita acara.
func (db *DB) SetErasureLetter(ctx context.Context, ids []int64, number string) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, "UPDATE erasure SET letter = ? WHERE id = ?", number, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// Erasures lists the erasures, newest first.
func (db *DB) Erasures(ctx context.Context) ([]wub.Erasure, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, trainee_id, pseudonym, ground, reason, at, actor, enrolments, letter
		FROM erasure ORDER BY at DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.Erasure
	for rows.Next() {
		var e wub.Erasure
		var at string
		if err := rows.Scan(&e.ID, &e.TraineeID, &e.Pseudonym, &e.Ground, &e.Reason, &at, &e.Actor, &e.Enrolments, &e.Letter); err != nil {
			return nil, err
		}
		e.At = parseTime(at)
		out = append(out, e)
	}
	return out, rows.Err()
}

// Can reports whether the signed-in role may do a (everything without
// sign-in), for use cases that check before they start.
func (db *DB) Can(a wub.Action) bool { return db.allowed(a) == nil }
