package ui

import (
	"wubdesk/internal/app"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// The tests seed their registers through the store (bulk loads, fields the
// services do not carry); the window itself only ever sees app.App.

// UseDB shows the app over an already open store.
func (u *App) UseDB(db *store.DB, office wub.Office, agencies wub.Agencies) {
	u.UseApp(app.New(db), office, agencies)
}

// testDB is the window's open store (nil when none is open).
func (u *App) testDB() *store.DB {
	if u.app == nil {
		return nil
	}
	return u.app.Store()
}
