package app

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The rule of the house (docs/ARCHITECTURE.md): ui and cli call app; app
// calls the domain's services, which store implements; xlsx, handover and
// pdf are formats that never touch the store. The compiler keeps the
// imports acyclic; this test keeps them pointing the right way. It reads
// the import lines of the non-test files (tests may seed a register through
// the store), so it needs no toolchain and names every offending file.
var forbidden = []struct {
	pkg, imports, why string
}{
	{"ui", "wubdesk/internal/store", "the window calls internal/app"},
	{"cli", "wubdesk/internal/store", "the commands call internal/app"},
	{"xlsx", "wubdesk/internal/store", "a format package reads and writes domain values"},
	{"handover", "wubdesk/internal/store", "a format package reads and writes domain values"},
	{"pdf", "wubdesk/internal/store", "a format package reads and writes domain values"},
	{"wub", "wubdesk/internal/store", "the domain knows no storage"},
	{"store", "wubdesk/internal/app", "the store implements services; it calls no use case"},
}

func TestImportRules(t *testing.T) {
	for _, r := range forbidden {
		t.Run(r.pkg, func(t *testing.T) {
			for _, f := range importers(t, filepath.Join("..", r.pkg), r.imports) {
				t.Errorf("internal/%s/%s imports %s: %s", r.pkg, f, r.imports, r.why)
			}
		})
	}
}

// importers lists the non-test .go files in dir that import path.
func importers(t *testing.T, dir, path string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == path {
				bad = append(bad, name)
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// TestImportRulesSeeOffenders proves the check finds an import: the store
// imports the domain.
func TestImportRulesSeeOffenders(t *testing.T) {
	if got := importers(t, filepath.Join("..", "store"), "wubdesk/internal/wub"); len(got) == 0 {
		t.Fatal("no store file found importing wub: the import check reads nothing")
	}
}
