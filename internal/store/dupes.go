package store

import (
	"context"
	"database/sql"
	"strings"
	"sync"

	"wubdesk/internal/wub"
)

// dupCache keeps the last full scan: the review queue, Kuota and Rekap ask
// for it often and it only changes when something is written (every write
// adds an audit row, so the audit log's last ID marks the data).
type dupCache struct {
	mu      sync.Mutex
	scanned bool
	mark    int64
	pairs   []wub.DupPair
}

// dupCache returns the DB's scan cache.
func (db *DB) dupCache() *dupCache { return &db.dups }

const dupCols = `id, nik, name, sex, birth_date, desa_code, phone, cur_agency, cur_year`

func scanDupPerson(sc interface{ Scan(...any) error }) (wub.DupPerson, error) {
	var p wub.DupPerson
	var birth string
	err := sc.Scan(&p.ID, &p.NIK, &p.Name, &p.Sex, &birth, &p.DesaCode, &p.Phone, &p.Agency, &p.Year)
	p.BirthDate = wub.ParseISODate(birth)
	return p, err
}

func dupPeople(ctx context.Context, q querier, where string, args ...any) ([]wub.DupPerson, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+dupCols+" FROM trainee WHERE deleted_at IS NULL"+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.DupPerson
	for rows.Next() {
		p, err := scanDupPerson(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// dismissed is the set of pairs marked "bukan orang yang sama".
func dismissed(ctx context.Context, q querier) (map[[2]int64]bool, error) {
	rows, err := q.QueryContext(ctx, "SELECT a_id, b_id FROM dup_dismissed")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[[2]int64]bool{}
	for rows.Next() {
		var a, b int64
		if err := rows.Scan(&a, &b); err != nil {
			return nil, err
		}
		out[[2]int64{a, b}] = true
	}
	return out, rows.Err()
}

func pairKey(a, b int64) [2]int64 {
	if b < a {
		a, b = b, a
	}
	return [2]int64{a, b}
}

// LikelyDuplicates lists the open pairs of the register, best first: the
// people the rules of wub.FindDuplicates pair, without the pairs marked as
// two people. Merged people are gone from it (the dropped record is
// deleted); an undone merge brings its pair back.
func (db *DB) LikelyDuplicates(ctx context.Context) ([]wub.DupPair, error) {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var mark int64
	if err := tx.QueryRowContext(ctx, "SELECT coalesce(max(id), 0) FROM audit").Scan(&mark); err != nil {
		return nil, err
	}
	c := db.dupCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.scanned && c.mark == mark {
		return append([]wub.DupPair(nil), c.pairs...), nil
	}
	people, err := dupPeople(ctx, tx, "")
	if err != nil {
		return nil, err
	}
	gone, err := dismissed(ctx, tx)
	if err != nil {
		return nil, err
	}
	all := wub.FindDuplicates(people)
	open := all[:0]
	for _, p := range all {
		if !gone[pairKey(p.A.ID, p.B.ID)] {
			open = append(open, p)
		}
	}
	c.scanned, c.mark, c.pairs = true, mark, open
	return append([]wub.DupPair(nil), open...), nil
}

// OpenDuplicateCount is the number of likely pairs nobody has reviewed
// yet: "N kemungkinan ganda belum diperiksa" on Kuota and Rekap.
func (db *DB) OpenDuplicateCount(ctx context.Context) (int, error) {
	ps, err := db.LikelyDuplicates(ctx)
	return len(ps), err
}

// DuplicatesOf checks one person while it is typed (p.ID is the record
// being edited, 0 for a new one): the register's people one NIK digit or
// swap away, with the NIK the birth date implies, or born the same day,
// that the rules pair with p. Pairs marked as two people are left out.
// It reads through indexes only (NIK, birth date).
func (db *DB) DuplicatesOf(ctx context.Context, p wub.DupPerson) ([]wub.DupPair, error) {
	p.NIK = wub.NormalizeNIK(p.NIK)
	niks := wub.DupLookupNIKs(p)
	var cands []wub.DupPerson
	// Two queries, each on its own index (an OR of both would scan).
	if len(niks) > 0 {
		args := make([]any, 0, len(niks)+1)
		for _, n := range niks {
			args = append(args, n)
		}
		got, err := dupPeople(ctx, db.r, " AND nik IN ("+strings.TrimSuffix(strings.Repeat("?,", len(niks)), ",")+") AND id != ?",
			append(args, p.ID)...)
		if err != nil {
			return nil, err
		}
		cands = got
	}
	if !p.BirthDate.IsZero() {
		got, err := dupPeople(ctx, db.r, " AND birth_date = ? AND birth_date != '' AND id != ?", wub.ISO(p.BirthDate), p.ID)
		if err != nil {
			return nil, err
		}
		cands = append(cands, got...)
	}
	pairs := wub.MatchPerson(p, cands)
	if p.ID == 0 || len(pairs) == 0 {
		return pairs, nil
	}
	gone, err := dismissed(ctx, db.r)
	if err != nil {
		return nil, err
	}
	out := pairs[:0]
	for _, x := range pairs {
		if !gone[pairKey(x.A.ID, x.B.ID)] {
			out = append(out, x)
		}
	}
	return out, nil
}

// DuplicatesAmong checks rows about to be imported (IDs 0, Ref = the
// caller's row index) against the register and each other: every likely
// pair with at least one row in it, best first, the row as A.
func (db *DB) DuplicatesAmong(ctx context.Context, rows []wub.DupPerson) ([]wub.DupPair, error) {
	if len(rows) == 0 {
		return nil, nil
	}
	people, err := dupPeople(ctx, db.r, "")
	if err != nil {
		return nil, err
	}
	// Rows get negative IDs here so that the rules can tell them apart.
	for i := range rows {
		r := rows[i]
		r.ID = -int64(i + 1)
		people = append(people, r)
	}
	var out []wub.DupPair
	for _, p := range wub.FindDuplicates(people) {
		if p.A.ID >= 0 && p.B.ID >= 0 {
			continue
		}
		if p.A.ID >= 0 || (p.B.ID < 0 && p.B.Ref < p.A.Ref) {
			p.A, p.B = p.B, p.A
		}
		p.A.ID = 0
		if p.B.ID < 0 {
			p.B.ID = 0
		}
		out = append(out, p)
	}
	return out, nil
}

// DismissPair records that two trainees are not one person: the pair is
// never listed again.
func (db *DB) DismissPair(ctx context.Context, aID, bID int64, reason string) error {
	if aID == bID || aID <= 0 || bID <= 0 {
		return wub.Errorf("dup_dismiss_invalid")
	}
	k := pairKey(aID, bID)
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO dup_dismissed (a_id, b_id, reason, at, actor) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`, k[0], k[1], reason, db.now(), db.Actor)
		if err != nil {
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil
		}
		return db.audit(ctx, tx, "dup_dismissed", k[0], "insert", nil, map[string]any{"a_id": k[0], "b_id": k[1], "reason": reason})
	}, wub.ActEdit, wub.ActSignOff)
}

// ForgetDuplicateScan drops the cached scan (benchmarks; a file replaced
// under the same DB value).
func (db *DB) ForgetDuplicateScan() {
	c := db.dupCache()
	c.mu.Lock()
	c.scanned = false
	c.mu.Unlock()
}
