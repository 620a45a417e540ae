package ui

import (
	"context"
	"sync"
)

// page is one answer of a paged fetch: the rows asked for, how many match
// in all, and (first page only) whatever else the source says about the
// whole list, handed to onReload (Peserta: a capped count, entry order).
type page[T any] struct {
	rows  []T
	total int
	info  any
	err   error // a reload's failure, handed to onError (pagedList.reload)
}

// pageFetch reads rows [offset, offset+limit) of a list.
type pageFetch[T any] func(ctx context.Context, offset, limit int) (page[T], error)

// pagedList is the one paged list of people (Peserta, the people behind a
// Kuota figure, the people behind a Hasil figure): a rowTable over a list
// read a page at a time as it scrolls. reload starts again from the first
// page (a new search or filter); only the newest reload's answer shows, and
// pages asked for before it are dropped when they arrive (the stale-result
// guard). Every fetch runs with the screen's context (load), so leaving the
// screen cancels it.
type pagedList[T any] struct {
	u     *App
	fetch pageFetch[T]
	table *rowTable
	// onReload runs on the UI goroutine after the first page of a reload
	// arrived and before the table is refreshed (counts, buttons).
	onReload func(total int, info any)
	// onError shows a reload's failure (nil: an error dialog), e.g. under the
	// filter that caused it.
	onError func(error)
	size    int // rows per page (0: pageSize)

	total   int
	pages   map[int][]T
	loading map[int]bool
	gen     uint64 // the reload whose pages are shown
	query   latest
}

func newPagedList[T any](u *App, fetch pageFetch[T]) *pagedList[T] {
	return &pagedList[T]{u: u, fetch: fetch, pages: map[int][]T{}, loading: map[int]bool{}}
}

// length is the table's row count.
func (p *pagedList[T]) length() int { return p.total }

// reload counts and loads the first page again.
func (p *pagedList[T]) reload() {
	fetch, size, onError := p.fetch, p.pageSize(), p.onError
	load(p.u, &p.query, func(ctx context.Context) (page[T], error) {
		pg, err := fetch(ctx, 0, size)
		if err != nil && ctx.Err() == nil && onError != nil {
			return page[T]{err: err}, nil // shown by onError, not in a dialog
		}
		return pg, err
	}, func(first page[T]) {
		if first.err != nil {
			onError(first.err)
			return
		}
		p.gen++
		p.total = first.total
		p.pages = map[int][]T{0: first.rows}
		p.loading = map[int]bool{}
		if p.table != nil {
			p.table.clearSelection()
		}
		if p.onReload != nil {
			p.onReload(first.total, first.info)
		}
		if p.table != nil {
			p.table.ScrollToTop()
			p.table.Refresh()
		}
	})
}

func (p *pagedList[T]) pageSize() int {
	if p.size > 0 {
		return p.size
	}
	return pageSize
}

// row returns a loaded row, or nil and starts loading its page.
func (p *pagedList[T]) row(i int) *T {
	if i < 0 {
		return nil
	}
	size := p.pageSize()
	n := i / size
	rows, ok := p.pages[n]
	if !ok {
		p.loadPage(n)
		return nil
	}
	if i%size >= len(rows) {
		return nil
	}
	return &rows[i%size]
}

func (p *pagedList[T]) loadPage(n int) {
	if p.loading[n] {
		return
	}
	p.loading[n] = true
	gen, fetch, size := p.gen, p.fetch, p.pageSize()
	load(p.u, nil, func(ctx context.Context) (page[T], error) {
		return fetch(ctx, n*size, size)
	}, func(pg page[T]) {
		if gen != p.gen { // a reload came in between: these rows belong to another list
			return
		}
		delete(p.loading, n)
		if len(p.pages) > 40 { // keep memory flat while scrolling far
			p.pages = map[int][]T{}
		}
		p.pages[n] = pg.rows
		if p.table != nil {
			p.table.Refresh()
		}
	})
}

// wholeList adapts a source that answers the whole list at once (the Hasil
// people) to a paged fetch: the first fetch reads it, later pages are cut
// from it. all returns what was read (nil before).
func wholeList[T any](read func(ctx context.Context) ([]T, error)) (fetch pageFetch[T], all func() []T) {
	var mu sync.Mutex
	var rows []T
	var done bool
	fetch = func(ctx context.Context, offset, limit int) (page[T], error) {
		mu.Lock()
		defer mu.Unlock()
		if !done || offset == 0 {
			r, err := read(ctx)
			if err != nil {
				return page[T]{}, err
			}
			rows, done = r, true
		}
		lo, hi := min(offset, len(rows)), min(offset+limit, len(rows))
		return page[T]{rows: rows[lo:hi], total: len(rows)}, nil
	}
	all = func() []T {
		mu.Lock()
		defer mu.Unlock()
		return rows
	}
	return fetch, all
}
