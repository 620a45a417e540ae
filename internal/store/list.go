package store

import (
	"context"

	"wubdesk/internal/wub"
)

// ListCap is how many people matching a search ListTrainees still sorts and
// counts exactly. Beyond it, sorting would cost a row read per match (a
// million people: seconds), so the list shows the first matches in the
// order they were entered instead.
const ListCap = 500

// ListCountCap is how far ListTrainees counts the list without search
// text (a cheap count of index entries); more shows as "50.000+".
const ListCountCap = 50_000

// listCap and listCountCap are ListCap and ListCountCap; tests lower them.
var listCap, listCountCap = ListCap, ListCountCap

// TraineeList is one page of the trainee list (wub.TraineeList).
type TraineeList = wub.TraineeList

// ListTrainees returns a page of the trainee list and how many people it
// holds, for the list screen on every keystroke: at a million people a
// keystroke costs a few milliseconds (docs/PERFORMANCE.md).
//
// Without search text, or when a search matches at most ListCap people,
// the page is sorted as asked and the count exact (up to ListCountCap). A
// broader search gives its first ListCap matches in the order they were
// entered (EntryOrder) and "more than ListCap". The same filter on the same
// data always takes the same path, so pages fetched one after another fit.
// Matching is the same as SearchTrainees'.
func (db *DB) ListTrainees(ctx context.Context, f wub.TraineeFilter, offset, limit int) (TraineeList, error) {
	f = f.Normalized()
	words := searchWords(f.Text)
	if len(words) == 0 || f.Deleted {
		return db.listSorted(ctx, f, words, exactDriver(words), offset, limit)
	}
	p, err := db.probe(ctx, f, words)
	if err != nil {
		return TraineeList{}, err
	}
	if p.n <= listCap {
		return db.listNarrow(ctx, f, words, p.d, offset, limit)
	}
	broad := TraineeList{Total: listCap, More: true, EntryOrder: true, Rows: []wub.TraineeRow{}}
	if offset >= listCap {
		return broad, nil
	}
	want := listCap + 1 // to learn whether more than listCap match
	if p.lower > listCap {
		want = min(offset+limit, listCap) // known already: read only up to this page
	}
	ids, err := db.firstMatches(ctx, f, words, p, want)
	if err != nil {
		return TraineeList{}, err
	}
	if p.lower <= listCap && len(ids) <= listCap { // the other words narrowed it after all
		return db.listIDs(ctx, f, ids, offset, limit)
	}
	if offset < len(ids) {
		broad.Rows, err = db.rowsByID(ctx, ids[offset:min(offset+limit, len(ids), listCap)], " ORDER BY t.id")
	}
	return broad, err
}

// listNarrow reads every match through driver d, sorted, counting them all
// and keeping one page.
func (db *DB) listNarrow(ctx context.Context, f wub.TraineeFilter, words []searchWord, d *driver, offset, limit int) (TraineeList, error) {
	where, args := traineeWhere(f, words, d, false)
	rows, err := db.r.QueryContext(ctx, "SELECT "+rowCols+" FROM trainee t WHERE "+where+orderBy(f), args...)
	if err != nil {
		return TraineeList{}, err
	}
	defer rows.Close()
	l := TraineeList{Rows: []wub.TraineeRow{}}
	for ; rows.Next(); l.Total++ {
		if l.Total < offset || l.Total >= offset+limit {
			continue
		}
		r, err := scanRow(rows)
		if err != nil {
			return TraineeList{}, err
		}
		l.Rows = append(l.Rows, r)
	}
	return l, rows.Err()
}

// listSorted is the list without search text (or of deleted records): the
// sort follows an index, and the count stops at ListCountCap.
func (db *DB) listSorted(ctx context.Context, f wub.TraineeFilter, words []searchWord, d *driver, offset, limit int) (TraineeList, error) {
	where, args := traineeWhere(f, words, d, false)
	rows, err := db.traineeRows(ctx, "SELECT "+rowCols+" FROM trainee t WHERE "+where+orderBy(f)+" LIMIT ? OFFSET ?",
		append(args, limit, offset)...)
	if err != nil {
		return TraineeList{}, err
	}
	l := TraineeList{Rows: rows}
	err = db.r.QueryRowContext(ctx, "SELECT count(*) FROM (SELECT 1 FROM trainee t WHERE "+where+" LIMIT ?)",
		append(args, listCountCap+1)...).Scan(&l.Total)
	if l.Total > listCountCap {
		l.Total, l.More = listCountCap, true
	}
	return l, err
}

// listIDs sorts a known set of matching IDs.
func (db *DB) listIDs(ctx context.Context, f wub.TraineeFilter, ids []int64, offset, limit int) (TraineeList, error) {
	rows, err := db.rowsByID(ctx, ids, orderBy(f)+" LIMIT ? OFFSET ?", limit, offset)
	return TraineeList{Rows: rows, Total: len(ids)}, err
}
