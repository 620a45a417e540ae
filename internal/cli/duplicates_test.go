package cli

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
)

func TestDuplicatesJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "wub.db")
	db, err := app.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	birth := time.Date(1990, 3, 12, 0, 0, 0, 0, time.UTC)
	people := []*wub.Trainee{
		{NIK: "3528041203900002", Name: "Moh. Rofiq", Sex: "L", BirthDate: birth, DesaCode: "35.28.04.1001"},
		{NIK: "3528041203900003", Name: "Mohammad Rofiq", Sex: "L", BirthDate: birth},
		{NIK: "3528041203900020", Name: "M. Rofiq", Sex: "L"},
		{NIK: "3528045203900005", Name: "Siti Rofiqoh", Sex: "P", BirthDate: birth, DesaCode: "35.28.04.1001"},
		{NIK: "3528044506880003", Name: "Nur Aini", Sex: "P", BirthDate: time.Date(1988, 6, 5, 0, 0, 0, 0, time.UTC), DesaCode: "35.28.04.1001"},
		{NIK: "3528104506880017", Name: "Hj. Nur Aini", Sex: "P", BirthDate: time.Date(1988, 6, 5, 0, 0, 0, 0, time.UTC), DesaCode: "35.28.04.1001"},
	}
	for _, p := range people {
		if _, err := db.CreateTrainee(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.DismissPair(context.Background(), people[0].ID, people[1].ID, ""); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, out, errOut := runCLI(t, "duplicates", "--db", path, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var got struct {
		Pairs []map[string]json.RawMessage `json:"pairs"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err, out)
	}
	if len(got.Pairs) != 2 {
		t.Fatalf("want 2 open pairs (the twin never, the dismissed one not): %s", out)
	}
	var first struct {
		A, B   struct{ NIK, Name string }
		Reason string
		Score  int
	}
	json.Unmarshal(mustJSON(t, got.Pairs[0]), &first)
	if first.Reason != wub.DupNIKSwapped || first.A.NIK != "3528041203900002" || first.B.NIK != "3528041203900020" || first.Score < 80 {
		t.Fatalf("best first: %s", out)
	}
	for _, k := range []string{"a", "b", "reason", "score"} {
		if _, ok := got.Pairs[0][k]; !ok || len(got.Pairs[0]) != 4 {
			t.Fatalf("pair keys must be exactly a, b, reason, score: %s", out)
		}
	}
	var second struct{ Score int }
	json.Unmarshal(mustJSON(t, got.Pairs[1]), &second)
	if second.Score > first.Score {
		t.Fatalf("not best first: %s", out)
	}
	// an empty register: exit 0 and an empty list
	code, out, _ = runCLI(t, "duplicates", "--db", filepath.Join(t.TempDir(), "new.db"), "--json")
	if code != 0 || out != "{\n  \"pairs\": []\n}\n" {
		t.Fatalf("empty: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "duplicates", "--db", path); code != 0 || len(out) == 0 {
		t.Fatalf("text: %d %q", code, out)
	}
}

func mustJSON(t *testing.T, m map[string]json.RawMessage) []byte {
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
