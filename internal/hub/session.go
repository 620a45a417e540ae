package hub

import (
	"context"
	"errors"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"

	"wubdesk/internal/hubapi"
)

// Hub user roles.
const (
	RoleReviewer = "reviewer"
	RoleAdmin    = "admin"
)

// User is a signed-in hub user.
type User struct {
	Username string
	Role     string
}

// SessionLife is how long a session token is valid.
const SessionLife = 12 * time.Hour

// Sign-in slowing: after freeFailures failed attempts for a user name, the
// next attempt waits 2^(n-freeFailures) seconds, at most maxWait. A day
// without failures starts the count again.
const (
	freeFailures = 3
	maxWait      = 15 * time.Minute
)

// MinPasswordLen is the shortest hub password accepted.
const MinPasswordLen = 10

// AddUser adds a hub user, or sets a new password and role for an existing one.
func (h *Hub) AddUser(ctx context.Context, username, password, role, actor string) error {
	username = strings.TrimSpace(username)
	if username == "" || len(username) > 64 || strings.ContainsAny(username, " \t:\x00") || !utf8.ValidString(username) {
		return errorf(400, "hub_username_invalid")
	}
	if role != RoleReviewer && role != RoleAdmin {
		return errorf(400, "hub_role_invalid", role)
	}
	if utf8.RuneCountInString(password) < MinPasswordLen {
		return errorf(400, "hub_password_short", MinPasswordLen)
	}
	hash := hashPassword(password)
	return pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO hub_user (username, password_hash, role, created_at) VALUES ($1, $2, $3, $4)
			ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash, role = EXCLUDED.role, disabled_at = NULL`,
			username, hash, role, h.now())
		if err != nil {
			return err
		}
		_ = tag
		if _, err := tx.Exec(ctx, "DELETE FROM session WHERE username = $1", username); err != nil {
			return err
		}
		return h.Audit(ctx, tx, actor, "user_set", "", map[string]any{"username": username, "role": role})
	})
}

// SignIn checks a hub user's password and opens a session. After a few
// failures for a name (known or not), further attempts are refused until a
// doubling wait has passed (429 hub_signin_wait), and each check costs an
// argon2id hash whether or not the name exists.
func (h *Hub) SignIn(ctx context.Context, username, password string) (hubapi.SignInResponse, error) {
	var resp hubapi.SignInResponse
	username = clip(strings.TrimSpace(username), 64)
	now := h.now()
	var wait time.Time
	err := h.Pool.QueryRow(ctx, "SELECT wait_until FROM sign_in_failure WHERE username = $1", username).Scan(&wait)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return resp, err
	}
	if now.Before(wait) {
		secs := int(wait.Sub(now).Seconds() + 0.999)
		h.Audit(ctx, h.Pool, "anonymous", "sign_in_slowed", "", map[string]any{"username": username, "wait_s": secs})
		return resp, errorf(429, "hub_signin_wait", secs)
	}
	var hash, role string
	var disabled *time.Time
	err = h.Pool.QueryRow(ctx, "SELECT password_hash, role, disabled_at FROM hub_user WHERE username = $1", username).Scan(&hash, &role, &disabled)
	known := err == nil
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return resp, err
	}
	if !known {
		hash = dummyHash()
	}
	ok := checkPassword(password, hash) && known && disabled == nil
	if !ok {
		err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
			var n int
			if err := tx.QueryRow(ctx, `INSERT INTO sign_in_failure (username, failures, last_at, wait_until) VALUES ($1, 1, $2, $2)
				ON CONFLICT (username) DO UPDATE SET last_at = $2,
					failures = CASE WHEN sign_in_failure.last_at < $2 - interval '24 hours' THEN 1 ELSE sign_in_failure.failures + 1 END
				RETURNING failures`, username, now).Scan(&n); err != nil {
				return err
			}
			if n >= freeFailures {
				w := time.Duration(1<<min(n-freeFailures, 20)) * time.Second
				if w > maxWait {
					w = maxWait
				}
				if _, err := tx.Exec(ctx, "UPDATE sign_in_failure SET wait_until = $2 WHERE username = $1", username, now.Add(w)); err != nil {
					return err
				}
			}
			return h.Audit(ctx, tx, "anonymous", "sign_in_failed", "", map[string]any{"username": username, "failures": n})
		})
		if err != nil {
			return resp, err
		}
		return resp, errorf(401, "hub_signin_failed")
	}
	token, th := newToken()
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "DELETE FROM sign_in_failure WHERE username = $1", username); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "DELETE FROM session WHERE username = $1 AND expires < $2", username, now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "INSERT INTO session (token_hash, username, created_at, expires) VALUES ($1, $2, $3, $4)",
			th, username, now, now.Add(SessionLife)); err != nil {
			return err
		}
		return h.Audit(ctx, tx, "user:"+username, "signed_in", "", map[string]any{"role": role})
	})
	if err != nil {
		return resp, err
	}
	return hubapi.SignInResponse{Token: token, Role: role}, nil
}

// UserBySession authenticates a session token.
func (h *Hub) UserBySession(ctx context.Context, token string) (*User, error) {
	if token == "" {
		return nil, errorf(401, "hub_auth_missing")
	}
	u := &User{}
	var expires time.Time
	var disabled *time.Time
	err := h.Pool.QueryRow(ctx, `SELECT u.username, u.role, s.expires, u.disabled_at FROM session s JOIN hub_user u ON u.username = s.username
		WHERE s.token_hash = $1`, tokenHash(token)).Scan(&u.Username, &u.Role, &expires, &disabled)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, errorf(401, "hub_token_invalid")
	}
	if err != nil {
		return nil, err
	}
	if disabled != nil || !h.now().Before(expires) {
		return nil, errorf(401, "hub_session_expired")
	}
	return u, nil
}

func init() {
	Route("POST", hubapi.PathSession, AuthNone, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.SignInRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.SignIn(ctx, req.Username, req.Password)
	})
}
