package app

import (
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// App is one office's use cases over one open register. It carries the
// domain services (internal/wub/services.go) as embedded interfaces, so a
// front end calls a.Trainee(ctx, id) or hands a to a screen that needs a
// few of them; the use cases that take more than one service call (backup,
// restore, handover, documents) are App's own methods, one file each.
type App struct {
	wub.Register
	wub.Journey
	wub.Wamira
	wub.Facilitators
	wub.Batches
	wub.Targets
	wub.Users
	wub.Settings
	wub.Backups
	wub.Handovers
	wub.Submissions

	db *store.DB
}

// New returns the use cases over an open register.
func New(db *store.DB) *App {
	return &App{Register: db, Journey: db, Wamira: db, Facilitators: db, Batches: db, Targets: db,
		Users: db, Settings: db, Backups: db, Handovers: db, Submissions: db, db: db}
}

// Now is the one clock: the store's clock (tests pin it with SetClock),
// else the wall clock.
func (a *App) Now() time.Time {
	if a.db != nil && a.db.Now != nil {
		return a.db.Now()
	}
	return time.Now()
}

// SetClock replaces the clock of the register and of every use case (tests).
func (a *App) SetClock(now func() time.Time) { a.db.Now = now }

// Progress reports long work: done of total units (total 0 = unknown).
type Progress func(done, total int)

// Path is the register's file.
func (a *App) Path() string { return a.db.Path }

// ReadOnly reports that the file cannot be written: every change is refused.
func (a *App) ReadOnly() bool { return a.db.ReadOnly }

// Actor is who the audit log names for changes: the signed-in user, else
// the computer's user.
func (a *App) Actor() string { return a.db.Actor }

// Close closes the register (and runs what OnClose registered).
func (a *App) Close() error { return a.db.Close() }

// OnClose runs fn after the register is closed (an instance lock's release).
func (a *App) OnClose(fn func()) { a.db.OnClose(fn) }

// Store is the open store for the code that issue 20 has not yet moved
// onto these use cases (the import, export and consolidation front ends);
// nothing new may call it.
//
// Deprecated: call the use cases and services of App.
func (a *App) Store() *store.DB { return a.db }
