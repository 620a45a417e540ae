package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubsync"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// The office's headless contract against a real hub: enrol (trust on first
// use prints the fingerprint; a wrong --pin exits 2), sync --json with
// exactly {"pushed", "pending", "hub"}, and a hub that is down exits 2 with
// words.
func TestEnrolAndSyncCommands(t *testing.T) {
	h := hubtest.Start(t)
	path := filepath.Join(t.TempDir(), "kantor.db")
	db, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DKPP}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"3528041203900002", "3528045203900005"} {
		tr := &wub.Trainee{NIK: n, Name: "Peserta " + n[12:], Sex: "L",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKPP, Year: 2024, Status: wub.StatusRegistered}}}
		if _, err := db.CreateTrainee(ctx, tr); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()

	if code, _, stderr := runCLI(t, "enrol", "--db", path, "--hub", h.URL); code != 2 || !strings.Contains(stderr, "--code") {
		t.Fatalf("enrol without a code: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "sync", "--db", path, "--json"); code != 2 || !strings.Contains(stderr, "belum terdaftar") {
		t.Fatalf("sync before enrolment: %d %s", code, stderr)
	}
	wrong := "00" + h.Fingerprint[2:]
	if code, _, stderr := runCLI(t, "enrol", "--db", path, "--hub", h.URL, "--code", h.AddOffice(t, wub.DKPP), "--pin", wrong); code != 2 || !strings.Contains(stderr, "Sidik jari") {
		t.Fatalf("enrol with a wrong pin: %d %s", code, stderr)
	}
	code, out, stderr := runCLI(t, "enrol", "--db", path, "--hub", h.URL, "--code", h.AddOffice(t, wub.DKPP))
	if code != 0 || !strings.Contains(out, hubsync.FormatPin(h.Fingerprint)) {
		t.Fatalf("enrol: %d %s %s", code, out, stderr)
	}
	code, out, stderr = runCLI(t, "sync", "--db", path, "--json")
	if code != 0 {
		t.Fatalf("sync: %d %s", code, stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	var keys []string
	for k := range got {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	if !reflect.DeepEqual(keys, []string{"hub", "pending", "pushed"}) || got["pushed"] != 4.0 || got["pending"] != 0.0 || got["hub"] != h.URL {
		t.Fatalf("sync --json: %s", out)
	}
	h.StopServer()
	if code, _, stderr := runCLI(t, "sync", "--db", path); code != 2 || !strings.Contains(stderr, "tidak dapat dihubungi") {
		t.Fatalf("sync with the hub down: %d %s", code, stderr)
	}
}
