package cli

import (
	"encoding/json"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"

	"wubdesk/internal/pgtest"
)

// The headless hub contract: init (twice), office add printing the code
// alone on the last line, user add, office revoke, report --json with
// exactly the keys of hubapi.Report; refusals exit 2 with a message.
func TestHubCommands(t *testing.T) {
	pg := pgtest.Start(t)
	url := pg.NewDatabase(t)

	if code, _, stderr := runCLI(t, "hub", "init", "--pg", pg.URL("no_such_db")); code != 2 || !strings.Contains(stderr, "tidak ada") {
		t.Fatalf("init of a database that does not exist: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "office", "add", "--pg", url, "--agency", "DISKOP"); code != 2 || !strings.Contains(stderr, "hub init") {
		t.Fatalf("office add before init: %d %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "hub", "init", "--pg", url)
	if code != 0 || !regexp.MustCompile(`(?m)^[0-9a-f]{64}$`).MatchString(out) {
		t.Fatalf("init: %d %s %s", code, out, stderr)
	}
	fp := regexp.MustCompile(`(?m)^[0-9a-f]{64}$`).FindString(out)
	code, out, _ = runCLI(t, "hub", "init", "--pg", url)
	if code != 0 || !strings.Contains(out, "tidak ada yang diubah") || !strings.Contains(out, fp) {
		t.Fatalf("second init: %d %s", code, out)
	}
	code, out, stderr = runCLI(t, "hub", "office", "add", "--pg", url, "--agency", "DISKOP")
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != 0 || !regexp.MustCompile(`^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$`).MatchString(lines[len(lines)-1]) {
		t.Fatalf("office add: %d %q %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "office", "add", "--pg", url, "--agency", "di skop"); code != 2 || !strings.Contains(stderr, "tidak sah") {
		t.Fatalf("bad agency: %d %s", code, stderr)
	}
	t.Setenv(PasswordEnv, "sandi-ekonomi-2026")
	if code, _, stderr := runCLI(t, "hub", "user", "add", "--pg", url, "--username", "ekonomi", "--role", "reviewer"); code != 0 {
		t.Fatalf("user add: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "user", "add", "--pg", url, "--username", "x", "--role", "boss"); code != 2 || !strings.Contains(stderr, "reviewer atau admin") {
		t.Fatalf("bad role: %d %s", code, stderr)
	}
	if code, out, stderr := runCLI(t, "hub", "office", "list", "--pg", url); code != 0 || !strings.Contains(out, "DISKOP") || !strings.Contains(out, "belum ada perangkat") {
		t.Fatalf("office list: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "device", "revoke", "--pg", url, "--device", "00000000-0000-4000-8000-000000000000"); code != 2 || !strings.Contains(stderr, "tidak dikenal") {
		t.Fatalf("revoke unknown device: %d %s", code, stderr)
	}
	if code, out, stderr := runCLI(t, "hub", "office", "revoke", "--pg", url, "--agency", "DISKOP"); code != 0 || !strings.Contains(out, "0 perangkat") {
		t.Fatalf("revoke: %d %s %s", code, out, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "office", "revoke", "--pg", url, "--agency", "DKPP"); code != 2 || !strings.Contains(stderr, "DKPP") {
		t.Fatalf("revoke unknown: %d %s", code, stderr)
	}
	code, out, stderr = runCLI(t, "hub", "report", "--pg", url, "--json")
	if code != 0 {
		t.Fatalf("report: %d %s", code, stderr)
	}
	var r map[string]any
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if keys(r) != "months,offices,regency" {
		t.Fatalf("report keys: %s", keys(r))
	}
	offices := r["offices"].([]any)
	if len(offices) != 1 || keys(offices[0].(map[string]any)) != "agency,enrolments,last_sync,people" {
		t.Fatalf("offices: %v", offices)
	}
	if reg := r["regency"].(map[string]any); !reflect.DeepEqual(reg, map[string]any{"people": 0.0, "enrolments": 0.0, "trained_people": 0.0}) {
		t.Fatalf("regency: %v", reg)
	}
	if code, _, stderr := runCLI(t, "hub", "report"); code != 2 || !strings.Contains(stderr, "--pg") {
		t.Fatalf("no --pg: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "hub", "frobnicate"); code != 2 || !strings.Contains(stderr, "tidak dikenal") {
		t.Fatalf("unknown sub: %d %s", code, stderr)
	}
}

func keys(m map[string]any) string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ",")
}
