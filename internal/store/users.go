package store

import (
	"context"
	"database/sql"
	"errors"
	"math"
	"regexp"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Sign-in rules.
const (
	MinPasswordLen = 8
	// PauseAfter failed sign-ins in a row, the user must wait PauseFirst
	// before the next try; each further failure doubles it, up to PauseMax.
	PauseAfter = 5
	PauseFirst = 30 * time.Second
	PauseMax   = 15 * time.Minute

	keySignInRequired = "auth.required"
)

var userNameRe = regexp.MustCompile(`^[a-z0-9._-]{3,32}$`)

// userRecord is what the audit log keeps of a user: never the hash.
type userRecord struct {
	Name, FullName, Role string
	Active               bool
	Password             string `json:",omitempty"` // "diganti" when it was changed
}

func userRecordOf(u wub.User) userRecord {
	return userRecord{Name: u.Name, FullName: u.FullName, Role: string(u.Role), Active: u.Active}
}

// NormalizeUserName is how a typed sign-in name is compared and stored.
func NormalizeUserName(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// CreateUser adds a user with a password. The name is stored in lower case.
func (db *DB) CreateUser(ctx context.Context, u wub.User, password string) (wub.User, error) {
	u.Name = NormalizeUserName(u.Name)
	u.FullName = strings.TrimSpace(u.FullName)
	if !userNameRe.MatchString(u.Name) {
		return wub.User{}, wub.Errorf("user_name_invalid", u.Name)
	}
	if !u.Role.Valid() {
		return wub.User{}, wub.Errorf("role_invalid", string(u.Role))
	}
	if len([]rune(password)) < MinPasswordLen {
		return wub.User{}, wub.Errorf("password_short", MinPasswordLen)
	}
	hash := hashPassword(password) // before the transaction: it is slow on purpose
	err := db.writeTx(ctx, func(tx *sql.Tx) error {
		now := db.now()
		res, err := tx.ExecContext(ctx, `INSERT INTO app_user (name, full_name, role, pw_hash, active, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, ?, ?)`, u.Name, u.FullName, string(u.Role), hash, u.Active, now, now)
		if err != nil {
			if isUniqueViolation(err) {
				return wub.Errorf("user_exists", u.Name)
			}
			return err
		}
		u.ID, _ = res.LastInsertId()
		return db.audit(ctx, tx, "user", u.ID, "insert", nil, userRecordOf(u))
	}, wub.ActManageUsers)
	if err != nil {
		return wub.User{}, err
	}
	return u, nil
}

// UpdateUser changes a user's full name, role and active flag (not the
// name, not the password). While sign-in is required, the last active
// admin keeps that role.
func (db *DB) UpdateUser(ctx context.Context, u wub.User) error {
	if !u.Role.Valid() {
		return wub.Errorf("role_invalid", string(u.Role))
	}
	u.FullName = strings.TrimSpace(u.FullName)
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		old, err := userByID(ctx, tx, u.ID)
		if err != nil {
			return err
		}
		u.Name, u.LastLogin = old.Name, old.LastLogin
		if userRecordOf(old) == userRecordOf(u) {
			return nil
		}
		wasAdmin := old.Active && old.Role == wub.RoleAdmin
		if wasAdmin && !(u.Active && u.Role == wub.RoleAdmin) {
			if err := refuseLastAdmin(ctx, tx, old); err != nil {
				return err
			}
		}
		_, err = tx.ExecContext(ctx, `UPDATE app_user SET full_name = ?, role = ?, active = ?, updated_at = ? WHERE id = ?`,
			u.FullName, string(u.Role), u.Active, db.now(), u.ID)
		if err != nil {
			return err
		}
		return db.audit(ctx, tx, "user", u.ID, "update", userRecordOf(old), userRecordOf(u))
	}, wub.ActManageUsers)
}

// refuseLastAdmin stops the only active admin from losing that role while
// sign-in is required: nobody could manage users or settings after it.
func refuseLastAdmin(ctx context.Context, tx *sql.Tx, u wub.User) error {
	var required string
	tx.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", keySignInRequired).Scan(&required)
	if required != "1" {
		return nil
	}
	var others int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1 AND id != ?`,
		u.ID).Scan(&others); err != nil {
		return err
	}
	if others == 0 {
		return wub.Errorf("auth_last_admin", u.Name)
	}
	return nil
}

// SetPassword gives a user a new password and lifts any pause.
func (db *DB) SetPassword(ctx context.Context, id int64, password string) error {
	if len([]rune(password)) < MinPasswordLen {
		return wub.Errorf("password_short", MinPasswordLen)
	}
	hash := hashPassword(password)
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		u, err := userByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE app_user SET pw_hash = ?, failed = 0, paused_until = '', updated_at = ?
			WHERE id = ?`, hash, db.now(), id); err != nil {
			return err
		}
		changed := userRecordOf(u)
		changed.Password = "diganti"
		return db.audit(ctx, tx, "user", id, "update", userRecordOf(u), changed)
	}, wub.ActManageUsers)
}

// ListUsers returns every user, by name.
func (db *DB) ListUsers(ctx context.Context) ([]wub.User, error) {
	rows, err := db.r.QueryContext(ctx, `SELECT id, name, full_name, role, active, last_login FROM app_user ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.User
	for rows.Next() {
		var u wub.User
		var role string
		if err := rows.Scan(&u.ID, &u.Name, &u.FullName, &role, &u.Active, &u.LastLogin); err != nil {
			return nil, err
		}
		u.Role = wub.Role(role)
		out = append(out, u)
	}
	return out, rows.Err()
}

func userByID(ctx context.Context, q querier, id int64) (wub.User, error) {
	var u wub.User
	var role string
	err := q.QueryRowContext(ctx, `SELECT id, name, full_name, role, active, last_login FROM app_user WHERE id = ?`, id).
		Scan(&u.ID, &u.Name, &u.FullName, &role, &u.Active, &u.LastLogin)
	if errors.Is(err, sql.ErrNoRows) {
		return u, wub.Errorf("not_found")
	}
	u.Role = wub.Role(role)
	return u, err
}

// pauseFor is how long a user waits after the n-th failed sign-in in a row.
func pauseFor(failed int) time.Duration {
	if failed < PauseAfter {
		return 0
	}
	d := PauseFirst << min(failed-PauseAfter, 10)
	return min(d, PauseMax)
}

// Authenticate checks a name and password. A wrong password and an unknown
// name give the same answer (auth_failed) after the same work. After
// PauseAfter failures in a row no password is checked until the pause ends
// (auth_paused says how long); a good password resets the count. A disabled
// account is named only to someone who knows its password. Sign-in
// bookkeeping is not audited: it changes no record of the office.
func (db *DB) Authenticate(ctx context.Context, name, password string) (wub.User, error) {
	name = NormalizeUserName(name)
	var u wub.User
	var role, hash, pausedUntil string
	var failed int
	err := db.r.QueryRowContext(ctx, `SELECT id, name, full_name, role, active, last_login, pw_hash, failed, paused_until
		FROM app_user WHERE name = ?`, name).
		Scan(&u.ID, &u.Name, &u.FullName, &role, &u.Active, &u.LastLogin, &hash, &failed, &pausedUntil)
	if errors.Is(err, sql.ErrNoRows) {
		return wub.User{}, db.unknownName(ctx, name, password)
	}
	if err != nil {
		return wub.User{}, err
	}
	u.Role = wub.Role(role)
	now := db.Now().UTC()
	if until := parseTime(pausedUntil); now.Before(until) {
		return wub.User{}, wub.Errorf("auth_paused", int(math.Ceil(until.Sub(now).Seconds())))
	}
	if !checkPassword(password, hash) {
		failed++
		until := ""
		if d := pauseFor(failed); d > 0 {
			until = now.Add(d).Format(time.RFC3339)
		}
		if err := db.bookkeep(ctx, func(tx *sql.Tx) error {
			_, err := tx.ExecContext(ctx, "UPDATE app_user SET failed = failed + 1, paused_until = ? WHERE id = ?", until, u.ID)
			return err
		}); err != nil {
			return wub.User{}, err
		}
		if d := pauseFor(failed); d > 0 {
			return wub.User{}, wub.Errorf("auth_paused", int(d.Seconds()))
		}
		return wub.User{}, wub.Errorf("auth_failed")
	}
	if !u.Active {
		return wub.User{}, wub.Errorf("auth_inactive", u.Name)
	}
	u.LastLogin = now.Format(time.RFC3339)
	err = db.bookkeep(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "UPDATE app_user SET failed = 0, paused_until = '', last_login = ? WHERE id = ?", u.LastLogin, u.ID)
		return err
	})
	return u, err
}

// unknownName answers a sign-in under a name that is no user exactly as a
// wrong password of a user is answered: the same password work, the same
// count of failures in a row and the same pauses, so neither the answer
// nor the delay tells which names exist.
func (db *DB) unknownName(ctx context.Context, name, password string) error {
	var failed int
	var pausedUntil string
	err := db.r.QueryRowContext(ctx, "SELECT failed, paused_until FROM signin_attempt WHERE name = ?", name).Scan(&failed, &pausedUntil)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	now := db.Now().UTC()
	if until := parseTime(pausedUntil); now.Before(until) {
		return wub.Errorf("auth_paused", int(math.Ceil(until.Sub(now).Seconds())))
	}
	checkPassword(password, dummyHash())
	failed++
	until := ""
	if d := pauseFor(failed); d > 0 {
		until = now.Add(d).Format(time.RFC3339)
	}
	if err := db.bookkeep(ctx, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO signin_attempt (name, failed, paused_until) VALUES (?, 1, ?)
			ON CONFLICT (name) DO UPDATE SET failed = failed + 1, paused_until = excluded.paused_until`, name, until)
		return err
	}); err != nil {
		return err
	}
	if d := pauseFor(failed); d > 0 {
		return wub.Errorf("auth_paused", int(d.Seconds()))
	}
	return wub.Errorf("auth_failed")
}

// bookkeep is systemTx for sign-in bookkeeping, skipped on a read-only file
// (whose users can still sign in to read it).
func (db *DB) bookkeep(ctx context.Context, fn func(tx *sql.Tx) error) error {
	if db.ReadOnly {
		return nil
	}
	return db.systemTx(ctx, fn)
}

// SignIn authenticates and makes the user the actor of every change this
// DB writes to the audit log from now on. Call it before any other work
// starts (db.Actor is not guarded).
func (db *DB) SignIn(ctx context.Context, name, password string) (wub.User, error) {
	u, err := db.Authenticate(ctx, name, password)
	if err != nil {
		return u, err
	}
	db.Actor = u.Name
	db.role = u.Role
	return u, nil
}

// SignInRequired reports whether the office has turned sign-in on.
func (db *DB) SignInRequired(ctx context.Context) (bool, error) {
	v, err := db.Setting(ctx, keySignInRequired)
	return v == "1", err
}

// SetSignInRequired turns sign-in on or off. Turning it on needs an active
// admin, so that someone can still manage users afterwards.
func (db *DB) SetSignInRequired(ctx context.Context, on bool) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		v := "0"
		if on {
			v = "1"
			var admins int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM app_user WHERE role = 'admin' AND active = 1").Scan(&admins); err != nil {
				return err
			}
			if admins == 0 {
				return wub.Errorf("auth_no_admin")
			}
		}
		return setSettings(ctx, db, tx, map[string]string{keySignInRequired: v})
	}, wub.ActManageUsers)
}

// CheckCredentialsIn reads the file at path (read-only, nothing written)
// and says whether it requires sign-in and, if so, whether name and
// password belong to an active user of it, who is returned. For a restore,
// where the current file may be too damaged to open for writing: the
// failed-attempt pause is not counted here (the argon2 cost still is).
func CheckCredentialsIn(ctx context.Context, path, name, password string) (required bool, u wub.User, err error) {
	c, err := sql.Open("sqlite", readOnlyURI(path))
	if err != nil {
		return false, u, err
	}
	defer c.Close()
	var v string
	if err := c.QueryRowContext(ctx, "SELECT value FROM setting WHERE key = ?", keySignInRequired).Scan(&v); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return false, u, damaged(err, path)
	}
	if v != "1" {
		return false, u, nil
	}
	var role, hash string
	err = c.QueryRowContext(ctx, `SELECT id, name, full_name, role, active, pw_hash FROM app_user WHERE name = ?`,
		NormalizeUserName(name)).Scan(&u.ID, &u.Name, &u.FullName, &role, &u.Active, &hash)
	if errors.Is(err, sql.ErrNoRows) {
		checkPassword(password, dummyHash())
		return true, wub.User{}, wub.Errorf("auth_failed")
	}
	if err != nil {
		return true, wub.User{}, damaged(err, path)
	}
	if !checkPassword(password, hash) {
		return true, wub.User{}, wub.Errorf("auth_failed")
	}
	if !u.Active {
		return true, wub.User{}, wub.Errorf("auth_inactive", u.Name)
	}
	u.Role = wub.Role(role)
	return true, u, nil
}
