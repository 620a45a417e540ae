package wub

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestEveryCodeHasAMessage scans the module's Go files for issue and error
// codes and checks each has an Indonesian and an English message, so that a
// clerk never sees a bare code.
func TestEveryCodeHasAMessage(t *testing.T) {
	pats := []*regexp.Regexp{
		regexp.MustCompile(`issuef\([^,]+,\s*"([a-z_]+)"`),
		regexp.MustCompile(`Errorf\("([a-z_]+)"`),
		regexp.MustCompile(`Code:\s*"([a-z_]+)"`),
		regexp.MustCompile(`Msg:\s*"([a-z_]+)"`),
	}
	root := filepath.Join("..", "..")
	seen := map[string]string{}
	err := filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if info.IsDir() && (info.Name() == "testdata" || strings.HasPrefix(info.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, p := range pats {
			for _, m := range p.FindAllStringSubmatch(string(b), -1) {
				seen[m[1]] = path
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) < 10 {
		t.Fatalf("found only %d codes; the scan is broken", len(seen))
	}
	for code, path := range seen {
		m, ok := messages[code]
		if !ok {
			t.Errorf("%s: code %q has no message", path, code)
			continue
		}
		if m.id == "" || m.en == "" {
			t.Errorf("code %q lacks a translation", code)
		}
	}
}

func TestLanguage(t *testing.T) {
	defer SetLanguage("id")
	SetLanguage("en")
	if got := Message("name_missing", ""); got != "Name is required." {
		t.Errorf("en: %q", got)
	}
	SetLanguage("id")
	if got := Message("name_missing", ""); got != "Nama wajib diisi." {
		t.Errorf("id: %q", got)
	}
}
