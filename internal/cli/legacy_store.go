package cli

import (
	"context"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// openDB and openForWrite hand the store itself to the commands issue 20b
// moves onto the use cases (import, export); nothing else may call them.
// Delete this file when they no longer do.

func openDB(path string) (*store.DB, error) {
	a, _, err := openApp(path)
	if err != nil {
		return nil, err
	}
	return a.Store(), nil
}

func openForWrite(ctx context.Context, env *Env, path, user string, act wub.Action) (*store.DB, error) {
	a, err := openAppForWrite(ctx, env, path, user, act)
	if err != nil {
		return nil, err
	}
	return a.Store(), nil
}
