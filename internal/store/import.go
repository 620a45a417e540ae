package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"wubdesk/internal/wub"
)

// RegisteredNIKs returns, for those of niks that a live trainee has, where
// the NIK is registered ("Siti Aminah — Disperindag 2022"). The import's
// preview uses it to reject or offer to update those rows.
func (db *DB) RegisteredNIKs(ctx context.Context, niks []string) (map[string]string, error) {
	out := map[string]string{}
	if len(niks) == 0 {
		return out, nil
	}
	as, err := db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	const batch = 500
	for start := 0; start < len(niks); start += batch {
		part := niks[start:min(start+batch, len(niks))]
		args := make([]any, len(part))
		for i, n := range part {
			args[i] = n
		}
		q := `SELECT nik, name, cur_agency, cur_year FROM trainee WHERE deleted_at IS NULL AND nik IN (?` +
			strings.Repeat(",?", len(part)-1) + `)`
		rows, err := db.r.QueryContext(ctx, q, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var nik, name, agency string
			var year int
			if err := rows.Scan(&nik, &name, &agency, &year); err != nil {
				rows.Close()
				return nil, err
			}
			where := name
			if agency != "" {
				label := agency
				if a, ok := as.ByCode(agency); ok {
					label = a.NameInYear(year).Short
				}
				where = fmt.Sprintf("%s — %s %d", name, label, year)
			}
			out[nik] = where
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UpdateImported is the import's "update existing" for a registered NIK:
// the live trainee id gets the fields named in provided from t (keys as in
// the import: name, sex, birth_place, birth_date, kk, address, rt_rw, desa,
// kecamatan, phone, education, kbli, business_name, notes), with an audit
// row when anything changed, and t's enrolment is added unless the trainee
// already has one with that agency and year. It reports whether the
// trainee changed and whether an enrolment was added.
func (b *Bulk) UpdateImported(id int64, t *wub.Trainee, provided map[string]bool, source string) (changed, enrolled bool, err error) {
	if err := b.ctx.Err(); err != nil {
		return false, false, err
	}
	old, err := getTrainee(b.ctx, b.tx, id)
	if err != nil {
		return false, false, err
	}
	nt := *old
	set := func(key string, apply func()) {
		if provided[key] {
			apply()
		}
	}
	set("kk", func() { nt.KK = t.KK })
	set("name", func() { nt.Name = t.Name })
	set("sex", func() { nt.Sex = t.Sex })
	set("birth_place", func() { nt.BirthPlace = t.BirthPlace })
	set("birth_date", func() { nt.BirthDate = t.BirthDate })
	set("address", func() { nt.Address = t.Address })
	set("rt_rw", func() { nt.RTRW = t.RTRW })
	set("desa", func() { nt.DesaCode = t.DesaCode })
	set("kecamatan", func() { nt.KecCode = t.KecCode })
	set("phone", func() { nt.Phone = t.Phone })
	set("education", func() { nt.Education = t.Education })
	set("kbli", func() {
		if t.KBLI != "" {
			nt.KBLI = t.KBLI
		}
	})
	set("business_name", func() { nt.BusinessName = t.BusinessName })
	set("notes", func() {
		if t.Notes != "" && !strings.Contains(nt.Notes, t.Notes) {
			nt.Notes = strings.TrimPrefix(nt.Notes+"; "+t.Notes, "; ")
		}
	})
	if recordOf(old) != recordOf(&nt) {
		ref := wub.Ref()
		desaName, kecName := "", ""
		if nt.DesaCode != "" {
			desaName = ref.DesaName(nt.DesaCode)
		}
		if nt.KecCode != "" {
			kecName = ref.KecamatanName(nt.KecCode)
		}
		_, err := b.tx.ExecContext(b.ctx, `UPDATE trainee SET kk=?, name=?, sex=?, birth_place=?, birth_date=?,
			address=?, rt_rw=?, desa_code=?, kec_code=?, desa_name=?, kec_name=?, phone=?, education=?, kbli=?,
			business_name=?, notes=?, search=?, updated_at=? WHERE id=?`,
			nt.KK, nt.Name, nt.Sex, nt.BirthPlace, wub.ISO(nt.BirthDate), nt.Address, nt.RTRW, nt.DesaCode,
			nt.KecCode, desaName, kecName, nt.Phone, nt.Education, nt.KBLI, nt.BusinessName, nt.Notes,
			wub.SearchText(nt.Name, nt.NIK, desaName), b.now, id)
		if err != nil {
			return false, false, err
		}
		if err := b.audit("trainee", id, "update", recordOf(old), recordOf(&nt)); err != nil {
			return false, false, err
		}
		changed = true
	}
	for i := range t.Enrolments {
		e := t.Enrolments[i]
		e.TraineeID = id
		var have int64
		err := b.tx.QueryRowContext(b.ctx, `SELECT id FROM enrolment WHERE trainee_id = ? AND agency_code = ?
			AND year = ? AND deleted_at IS NULL`, id, e.AgencyCode, e.Year).Scan(&have)
		if err == nil {
			continue
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return changed, enrolled, err
		}
		if err := b.AddEnrolment(&e, source); err != nil {
			return changed, enrolled, err
		}
		enrolled = true
	}
	return changed, enrolled, nil
}

// BulkImport is Bulk tuned for a large import. The trigram index's insert
// trigger is set aside for the transaction and the new rows are indexed in
// one statement at the end: through the trigger, SQLite opens a statement
// journal per row and the index flushes itself to disk at each one, which
// made a 100,000-row import several times slower. Statement journals stay
// in memory for the same reason. All of it is inside the one transaction:
// a failure or a cancel rolls the trigger back with everything else. (A
// larger page cache was tried: no faster here, and 20 MB more memory.)
func (db *DB) BulkImport(ctx context.Context, fn func(b *Bulk) error) (err error) {
	if err := db.allowed(wub.ActEdit); err != nil {
		return err
	}
	// A copy of the file as it was, so an import that should not have
	// happened can be undone from Pengaturan (docs/RELIABILITY.md).
	// The import needs room for the backup and for its own pages.
	if err := ensureSpace(filepath.Dir(db.Path), 2*fileSize(db.Path)); err != nil {
		return err
	}
	backup, err := db.BackupBefore(ctx, ReasonImport)
	if err != nil {
		return fmt.Errorf("cadangan sebelum impor gagal, impor tidak dimulai: %w", err)
	}
	// A failed import changed nothing: its backup is the file as it still
	// is, and on a full disk each retry would leave another one.
	defer func() {
		if err != nil {
			dropBackup(backup.Path)
		}
	}()
	if _, err := db.w.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err != nil {
		return err
	}
	defer db.w.ExecContext(context.WithoutCancel(ctx), "PRAGMA temp_store = DEFAULT")
	return db.Bulk(ctx, func(b *Bulk) error {
		var trigger string
		var maxID int64
		err := b.tx.QueryRowContext(ctx, `SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = 'trainee_fts_ai'`).Scan(&trigger)
		if err != nil {
			return fmt.Errorf("trigger trainee_fts_ai: %w", err)
		}
		if err := b.tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM trainee").Scan(&maxID); err != nil {
			return err
		}
		if _, err := b.tx.ExecContext(ctx, "DROP TRIGGER trainee_fts_ai"); err != nil {
			return err
		}
		if err := fn(b); err != nil {
			return err
		}
		if _, err := b.tx.ExecContext(ctx, "INSERT INTO trainee_fts (rowid, search) SELECT id, search FROM trainee WHERE id > ?", maxID); err != nil {
			return err
		}
		_, err = b.tx.ExecContext(ctx, trigger)
		return err
	})
}

// dropBackup removes a pre-import backup that the failed import made
// redundant, with its folder entry synced.
func dropBackup(path string) {
	if path == "" {
		return
	}
	if os.Remove(path) == nil {
		syncDir(filepath.Dir(path))
	}
}
