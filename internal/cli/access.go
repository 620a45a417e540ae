package cli

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/instance"
	"wubdesk/internal/wub"
)

// PasswordEnv holds the password of --user for scheduled jobs; without it
// the command asks on the terminal.
const PasswordEnv = "WUBDESK_PASSWORD"

// userFlag adds --user to a command that writes.
func userFlag(fs *flag.FlagSet) *string {
	return fs.String("user", "", "nama pengguna WUBDesk, bila kantor mewajibkan masuk (kata sandi dari "+PasswordEnv+" atau ditanyakan)")
}

// openAppForWrite opens --db for a command that changes it: the instance
// lock, the same checks as the window (a damaged or emptied file is refused
// with the newest good backup and how to restore it), and, when the office
// requires sign-in, --user with its password, checked like the window's
// sign-in; the user's role must allow act and becomes the audit actor.
func openAppForWrite(ctx context.Context, env *Env, path, user string, act wub.Action) (*app.App, error) {
	if strings.TrimSpace(path) == "" {
		return nil, &UsageError{"--db BERKAS wajib diisi"}
	}
	lock, err := instance.AcquireQuietly(path)
	if err != nil {
		return nil, err
	}
	a, err := app.OpenForWrite(ctx, path)
	if err != nil {
		lock.Release()
		return nil, damagedAdvice(err)
	}
	a.OnClose(func() { lock.Release() })
	if err := signIn(ctx, env, a, user, act); err != nil {
		a.Close()
		return nil, err
	}
	return a, nil
}

func signIn(ctx context.Context, env *Env, db wub.Users, user string, act wub.Action) error {
	required, err := db.SignInRequired(ctx)
	if err != nil {
		return err
	}
	if !required {
		return nil
	}
	if strings.TrimSpace(user) == "" {
		return &UsageError{wub.Message("cli_user_required", "", PasswordEnv)}
	}
	pw, err := password(env, user)
	if err != nil {
		return err
	}
	u, err := db.SignIn(ctx, user, pw)
	if err != nil {
		return err
	}
	if !u.Role.Can(act) {
		return wub.Errorf("cli_role_denied", u.Name, u.Role.Label())
	}
	return nil
}

// password reads WUBDESK_PASSWORD, else asks on the terminal without echo.
func password(env *Env, user string) (string, error) {
	if pw, ok := os.LookupEnv(PasswordEnv); ok {
		return pw, nil
	}
	if !isTerminal(os.Stdin) {
		return "", &UsageError{wub.Message("cli_password_missing", "", PasswordEnv)}
	}
	fmt.Fprintf(env.Stderr, "Kata sandi %s: ", user)
	restore := noEcho(os.Stdin)
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	restore()
	fmt.Fprintln(env.Stderr)
	if err != nil && line == "" {
		return "", &UsageError{wub.Message("cli_password_missing", "", PasswordEnv)}
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// damagedAdvice adds to a damaged-file refusal what the window offers: the
// newest good backup and how to restore it.
func damagedAdvice(err error) error {
	var de *wub.DamagedError
	if !errors.As(err, &de) {
		return err
	}
	advice := wub.Message("db_restore_none", "", de.Path)
	if de.HasBackup {
		advice = wub.Message("db_restore_advice", "", de.Backup.At.Format("02/01/2006 15:04"), de.Backup.Reason, de.Path, de.Backup.Path)
	}
	return fmt.Errorf("%s\n%s", de.Detail.Error(), advice)
}
