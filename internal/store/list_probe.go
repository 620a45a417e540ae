package store

import (
	"context"
	"encoding/json"

	"wubdesk/internal/wub"
)

// Probes: cheap counts, each stopped after listCap+1 rows of one index,
// that tell ListTrainees which path a search takes.

// probe is what ListTrainees learns about a search before reading rows.
type probe struct {
	d        *driver // the narrowest driver; nil when no index can drive
	n        int     // its candidates, at most listCap+1
	lower    int     // people who surely match, at most listCap+1
	deleted  int     // deleted people in the database
	filtered bool    // enrolment or kecamatan filters apply
}

func hasFilters(f wub.TraineeFilter) bool {
	return f.Year != 0 || f.AgencyCode != "" || f.Status != "" || f.KecCode != ""
}

// countUpTo counts the rows of q, stopping after lim.
func (db *DB) countUpTo(ctx context.Context, lim int, q string, args ...any) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM ("+q+" LIMIT ?)", append(args, lim)...).Scan(&n)
	return n, err
}

func (db *DB) probe(ctx context.Context, f wub.TraineeFilter, words []searchWord) (probe, error) {
	p := probe{n: -1, filtered: hasFilters(f)}
	if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM trainee WHERE deleted_at IS NOT NULL").Scan(&p.deleted); err != nil {
		return p, err
	}
	lim := listCap + 1
	alone := len(words) == 1 && !p.filtered // the word decides alone
	consider := func(d driver, n int) {
		if p.n < 0 || n < p.n {
			p.d, p.n = &d, min(n, lim)
		}
	}
	if fts, ok := exactFTS(words); ok {
		n, err := db.countUpTo(ctx, lim+p.deleted, "SELECT 1 FROM trainee_fts WHERE trainee_fts MATCH ?", fts.fts)
		if err != nil {
			return p, err
		}
		consider(fts, n)
		if len(fts.words) == len(words) && !p.filtered {
			p.lower = n - p.deleted
		}
	}
	for _, w := range words {
		switch {
		case w.kind == wordNIK:
			n, err := db.countUpTo(ctx, lim+p.deleted, "SELECT 1 FROM trainee WHERE nik >= ? AND nik < ?", w.text, w.text+":")
			if err != nil {
				return p, err
			}
			consider(driver{kind: wordNIK, words: []searchWord{w}}, n)
			if alone {
				p.lower = n - p.deleted
			}
		case w.kind == wordStart && isASCII(w.text):
			// The name index holds live people only, and folds ASCII case.
			byName, err := db.countUpTo(ctx, lim, `SELECT 1 FROM trainee WHERE name LIKE ? ESCAPE '\' AND deleted_at IS NULL`, likeEscape(w.text)+"%")
			if err != nil {
				return p, err
			}
			d := shortDriver(w)
			later := 0
			if byName < lim {
				if later, err = db.countUpTo(ctx, lim+p.deleted, "SELECT 1 FROM trainee_fts WHERE trainee_fts MATCH ?", d.fts); err != nil {
					return p, err
				}
			}
			consider(d, byName+later)
			if alone {
				p.lower = max(byName, later-p.deleted)
			}
		}
	}
	if p.lower <= listCap && !p.filtered && len(words) > 1 && !hasNIK(words) && !hasPartialIndex(words) {
		// Every word through the trigram index; words of one character
		// only after a space, so this may find fewer than match.
		n, err := db.countUpTo(ctx, lim+p.deleted, "SELECT 1 FROM trainee_fts WHERE trainee_fts MATCH ?", allWordsFTS(words))
		if err != nil {
			return p, err
		}
		p.lower = max(p.lower, n-p.deleted)
	}
	return p, nil
}

func hasNIK(words []searchWord) bool {
	for _, w := range words {
		if w.kind == wordNIK {
			return true
		}
	}
	return false
}

// firstMatches returns the IDs of the first n people matching, in the
// order they were entered.
func (db *DB) firstMatches(ctx context.Context, f wub.TraineeFilter, words []searchWord, p probe, n int) ([]int64, error) {
	if p.d != nil && p.d.kind == wordNIK {
		// A NIK prefix of a few thousand people: their IDs come from the NIK
		// index and are sorted; for more, rows are read in order.
		w := p.d.words[0]
		k, err := db.countUpTo(ctx, nikSortMax+1, "SELECT 1 FROM trainee WHERE nik >= ? AND nik < ? AND deleted_at IS NULL", w.text, w.text+":")
		if err != nil {
			return nil, err
		}
		if k <= nikSortMax {
			where, args := traineeWhere(f, words, p.d, false)
			return db.ids(ctx, "SELECT t.id FROM trainee t WHERE "+where+" ORDER BY t.id LIMIT ?", append(args, n)...)
		}
	}
	if !p.filtered && !hasNIK(words) && !hasOneChar(words) && !hasPartialIndex(words) && (len(words) > 1 || words[0].kind == wordPart) {
		// The trigram index decides every word: skip the few deleted
		// people instead of reading every candidate's row.
		if p.deleted <= maxSkipDeleted {
			deleted, err := db.ids(ctx, "SELECT id FROM trainee WHERE deleted_at IS NOT NULL")
			if err != nil {
				return nil, err
			}
			return db.ftsFirst(ctx, allWordsFTS(words), deleted, n)
		}
	}
	if fts, ok := exactFTS(words); ok {
		// The trigram index streams in rowid order; each candidate's row is read.
		fts.joined = true
		where, args := traineeWhere(f, words, &fts, true)
		return db.ids(ctx, "SELECT t.id FROM trainee_fts f JOIN trainee t ON t.id = f.rowid WHERE f.trainee_fts MATCH ? AND "+
			where+" ORDER BY f.rowid LIMIT ?", append(append([]any{fts.fts}, args...), n)...)
	}
	// Short words and broad NIKs match many of the rows read.
	where, args := traineeWhere(f, words, nil, true)
	return db.ids(ctx, "SELECT t.id FROM trainee t WHERE "+where+" ORDER BY t.id LIMIT ?", append(args, n)...)
}

// nikSortMax is how many IDs from the NIK index firstMatches still sorts
// (a variable for tests).
var nikSortMax = 20_000

// maxSkipDeleted bounds the deleted IDs firstMatches holds in memory.
const maxSkipDeleted = 20_000

func (db *DB) ftsFirst(ctx context.Context, fts string, deleted []int64, n int) ([]int64, error) {
	skip := make(map[int64]bool, len(deleted))
	for _, id := range deleted {
		skip[id] = true
	}
	rows, err := db.r.QueryContext(ctx, "SELECT rowid FROM trainee_fts WHERE trainee_fts MATCH ? ORDER BY rowid", fts)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for len(out) < n && rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		if !skip[id] {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}

// rowsByID reads list rows by ID, in the order given by tail.
func (db *DB) rowsByID(ctx context.Context, ids []int64, tail string, args ...any) ([]wub.TraineeRow, error) {
	b, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	return db.traineeRows(ctx, "SELECT "+rowCols+" FROM trainee t WHERE t.id IN (SELECT value FROM json_each(?))"+tail,
		append([]any{string(b)}, args...)...)
}

func (db *DB) ids(ctx context.Context, q string, args ...any) ([]int64, error) {
	rows, err := db.r.QueryContext(ctx, q, args...)
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
