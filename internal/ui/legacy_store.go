package ui

import (
	"wubdesk/internal/app"
	"wubdesk/internal/store"
)

// legacyDB is the open store for the screens issue 20b moves onto the use
// cases (import*, consolidate*, submission): until then they reach it as
// u.db. Delete this file, App.db and the setLegacyDB call when they no
// longer do; nothing else may use u.db.
type legacyDB = *store.DB

func (u *App) setLegacyDB(a *app.App) {
	u.db = nil
	if a != nil {
		u.db = a.Store()
	}
}
