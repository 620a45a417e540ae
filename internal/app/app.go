package app

import (
	"time"

	"wubdesk/internal/store"
)

// App is one office's use cases over one open register.
type App struct {
	db *store.DB
}

// New returns the use cases over an open register.
func New(db *store.DB) *App { return &App{db: db} }

// Now is the one clock: the store's clock (tests pin DB.Now), else the wall clock.
func (a *App) Now() time.Time {
	if a.db != nil && a.db.Now != nil {
		return a.db.Now()
	}
	return time.Now()
}

// Progress reports long work: done of total units (total 0 = unknown).
type Progress func(done, total int)
