package ui

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryKeyIsTranslated scans the package for T("...") keys and checks
// both tables have each, and that neither table has keys nobody uses.
func TestEveryKeyIsTranslated(t *testing.T) {
	used := map[string]bool{}
	re := regexp.MustCompile(`\bT\("([a-z0-9_.]+)"`)
	lit := regexp.MustCompile(`"((?:nav|col|field|kpi|chart)\.[a-z0-9_.]+)"`)
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range re.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
		for _, m := range lit.FindAllStringSubmatch(string(b), -1) {
			used[m[1]] = true
		}
	}
	if len(used) < 20 {
		t.Fatalf("found %d keys; the scan is broken", len(used))
	}
	for _, l := range Languages {
		for k := range used {
			if _, ok := trTables[l][k]; !ok {
				t.Errorf("%s.json lacks %q", l, k)
			}
		}
		for k, v := range trTables[l] {
			if !used[k] {
				t.Errorf("%s.json has unused key %q", l, k)
			}
			if strings.TrimSpace(v) == "" {
				t.Errorf("%s.json: %q is empty", l, k)
			}
		}
	}
}
