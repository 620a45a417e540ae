package app

import (
	"context"

	"wubdesk/internal/store"
)

// Open opens (or creates, with the current schema) the register at path.
func Open(path string) (*App, error) {
	db, err := store.Open(path)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// OpenChecked is how the window opens the office's register at start: a
// check before anything is written (a damaged file comes back as
// *wub.DamagedError), then Open; a large file's full check is left to
// CheckOpened.
func OpenChecked(ctx context.Context, path string) (*App, error) {
	db, err := store.OpenChecked(ctx, path)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// OpenForWrite opens the register for a headless command that changes it,
// with the same checks as the window.
func OpenForWrite(ctx context.Context, path string) (*App, error) {
	db, err := store.OpenForWrite(ctx, path)
	if err != nil {
		return nil, err
	}
	return New(db), nil
}

// Create makes an empty register at path (the damaged-file view's "start
// empty" when the file is gone) and closes it.
func Create(path string) error {
	db, err := store.Open(path)
	if err != nil {
		return err
	}
	return db.Close()
}

// SchemaVersion is the schema this WUBDesk writes (the newest migration).
func SchemaVersion() int { return store.SchemaVersion() }
