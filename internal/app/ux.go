package app

import (
	"context"

	"wubdesk/internal/wub"
)

// RequireSignIn turns "Wajib masuk dengan nama pengguna dan kata sandi" on
// or off; on is refused (auth_no_admin) while there is no active admin.
func (a *App) RequireSignIn(ctx context.Context, on bool) error {
	return a.db.SetSignInRequired(ctx, on)
}

// CreateAdminAndRequireSignIn creates the first admin beside the tick
// (issue 19) and then requires sign-in; the admin stays when the second
// step fails, and the error says why.
func (a *App) CreateAdminAndRequireSignIn(ctx context.Context, u wub.User, password string) (wub.User, error) {
	u.Role, u.Active = wub.RoleAdmin, true
	made, err := a.db.CreateUser(ctx, u, password)
	if err != nil {
		return made, err
	}
	return made, a.db.SetSignInRequired(ctx, true)
}
