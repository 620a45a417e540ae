package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"wubdesk/internal/hub"
)

// `wubdesk hub SUB ...`: the regency hub's commands (issue 21). Each
// subcommand lives in its own hub_*.go file and registers itself with
// registerHub, so that other issues (the review, issue 22) add theirs
// without touching this file. A name may be two words ("office add").
func init() {
	register("hub", "hub kabupaten (PostgreSQL): init, serve, office add|revoke, user add, report, quota, target", runHub)
}

type hubSub struct {
	summary string
	run     func(ctx context.Context, env *Env, args []string) error
}

var hubSubs = map[string]hubSub{}

func registerHub(name, summary string, run func(ctx context.Context, env *Env, args []string) error) {
	if _, dup := hubSubs[name]; dup {
		panic("cli: hub subcommand registered twice: " + name)
	}
	hubSubs[name] = hubSub{summary, run}
}

func hubUsage(w io.Writer) {
	fmt.Fprintln(w, "Pemakaian: wubdesk hub PERINTAH --pg ALAMAT [opsi]")
	fmt.Fprintln(w, "  ALAMAT: postgres://PENGGUNA:SANDI@HOST:5432/BASISDATA (atau variabel WUBDESK_HUB_PG)")
	fmt.Fprintln(w, "\nPerintah:")
	names := make([]string, 0, len(hubSubs))
	for n := range hubSubs {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, hubSubs[n].summary)
	}
}

func runHub(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		hubUsage(env.Stderr)
		if len(args) == 0 {
			return &UsageError{"sebutkan perintah hub, misalnya `wubdesk hub init --pg ALAMAT`"}
		}
		return nil
	}
	if len(args) > 1 {
		if s, ok := hubSubs[args[0]+" "+args[1]]; ok {
			return s.run(ctx, env, args[2:])
		}
	}
	if s, ok := hubSubs[args[0]]; ok {
		return s.run(ctx, env, args[1:])
	}
	hubUsage(env.Stderr)
	return &UsageError{fmt.Sprintf("perintah hub tidak dikenal: %q", strings.Join(args[:min(2, len(args))], " "))}
}

// HubPGEnv holds the hub's PostgreSQL address when --pg is not given (so the
// password need not appear in the process list).
const HubPGEnv = "WUBDESK_HUB_PG"

func pgURL(flagValue string) (string, error) {
	u := strings.TrimSpace(flagValue)
	if u == "" {
		u = strings.TrimSpace(os.Getenv(HubPGEnv))
	}
	if u == "" {
		return "", &UsageError{"--pg ALAMAT wajib diisi (atau variabel " + HubPGEnv + "), misalnya postgres://wubhub:SANDI@localhost:5432/wubhub"}
	}
	return u, nil
}

// openHub opens an initialised hub database.
func openHub(ctx context.Context, flagValue string) (*hub.Hub, error) {
	u, err := pgURL(flagValue)
	if err != nil {
		return nil, err
	}
	return hub.Open(ctx, u)
}
