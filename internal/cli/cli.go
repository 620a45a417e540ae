// Package cli holds WUBDesk's headless commands (wubdesk import, export,
// demo, ...). They run on the same binary as the GUI and use the same
// packages; scripts and CI depend on their exact flags and JSON output.
// A command parses its flags, opens the register's use cases (openApp,
// openAppForWrite: internal/app), calls one and prints the result; it never
// imports the store.
//
// Each command lives in its own file and registers itself in commands.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/instance"
)

// Env is what a command may use besides its arguments.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

type command struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

// commands is filled by each command file's init.
var commands = map[string]command{}

func register(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	commands[name] = command{summary, run}
}

// IsCommand reports whether name is a headless command.
func IsCommand(name string) bool {
	_, ok := commands[name]
	return ok || name == "help" || name == "-h" || name == "--help"
}

// UsageError is a wrong invocation: a message and exit code 2.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// ExitError carries an exit code other than 2 (e.g. 1 for "check found a
// problem") with its message.
type ExitError struct {
	Code int
	Msg  string
}

func (e *ExitError) Error() string { return e.Msg }

// Run runs the command in args[0] and returns the process exit code:
// 0 on success, 2 with a message on stderr otherwise (or an ExitError's code).
func Run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stderr)
		return 0
	}
	c, ok := commands[args[0]]
	if !ok {
		Unknown(stderr, args[0])
		return 2
	}
	err := c.run(ctx, env, args[1:])
	if err == nil {
		return 0
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	var ee *ExitError
	if errors.As(err, &ee) {
		if ee.Msg != "" {
			fmt.Fprintf(stderr, "wubdesk %s: %s\n", args[0], ee.Msg)
		}
		return ee.Code
	}
	fmt.Fprintf(stderr, "wubdesk %s: %s\n", args[0], err)
	return 2
}

// Unknown tells that word is no command (or a stray argument before the
// window's flags) and lists the commands; the caller exits 2.
func Unknown(w io.Writer, word string) {
	fmt.Fprintf(w, "wubdesk: perintah tidak dikenal %q\n\n", word)
	usage(w)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Pemakaian: wubdesk [--db BERKAS] [--lang id|en]   (membuka aplikasi)")
	fmt.Fprintln(w, "           wubdesk PERINTAH [opsi]                 (tanpa jendela)")
	fmt.Fprintln(w, "\nPerintah:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-12s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\n`wubdesk PERINTAH -h` menampilkan opsi perintah itu.")
}

// newFlags makes a FlagSet that reports errors instead of exiting.
func newFlags(env *Env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet("wubdesk "+name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.Stderr, "Pemakaian: wubdesk %s %s\n", name, usage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args and allows flags after positional arguments
// (`wubdesk import FILE.xlsx --json`), which scripts often write.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// openApp opens the --db file, creating it with the current schema if it
// does not exist yet (true of every headless command that takes --db), and
// returns its use cases (internal/app). It holds the file's instance lock
// until closed: a command does not write while the app (or another command)
// has the file open (db_locked). The closer closes the register.
func openApp(path string) (*app.App, io.Closer, error) {
	if strings.TrimSpace(path) == "" {
		return nil, nil, &UsageError{"--db BERKAS wajib diisi"}
	}
	lock, err := instance.AcquireQuietly(path)
	if err != nil {
		return nil, nil, err
	}
	a, err := app.Open(path)
	if err != nil {
		lock.Release()
		return nil, nil, err
	}
	a.OnClose(func() { lock.Release() })
	return a, a, nil
}

// stdoutIsTerminal is used to decide on progress output.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
