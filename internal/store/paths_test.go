package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// Clerks keep databases in folders such as "Data Kantor\Pelatihan Ünal" or
// on a flash drive. scripts/windows-smoke.sh runs this test as Windows code
// under Wine (GOOS=windows go test -exec wine) with WUBDESK_TEST_DRIVE=E:\
// pointing at a mapped drive letter.
//
// It makes its folders with os.MkdirTemp rather than t.TempDir because
// Wine 8 lacks the POSIX-semantics delete that Go's os.RemoveAll uses
// ("Invalid function"), which would fail t.TempDir's cleanup there; real
// Windows 10/11 has it.
func TestOpenPathsWithSpacesAndNonASCII(t *testing.T) {
	bases := []string{""} // the system's temp folder
	if d := os.Getenv("WUBDESK_TEST_DRIVE"); d != "" {
		bases = append(bases, d)
	}
	var roots []string
	for _, base := range bases {
		root, err := os.MkdirTemp(base, "wub test ")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = os.RemoveAll(root) })
		roots = append(roots, root)
	}
	for _, root := range roots {
		for _, rel := range []string{
			filepath.Join("Data Kantor", "Pelatihan Ünal", "wub.db"),
			filepath.Join("Peserta WUB 2024 (Diskop UKM dan Naker)", "basis data ñ é ü.db"),
		} {
			path := filepath.Join(root, rel)
			t.Run(rel, func(t *testing.T) {
				ctx := context.Background()
				db, err := Open(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := db.SetSettings(ctx, map[string]string{"uji_jalur": path}); err != nil {
					t.Fatal(err)
				}
				if err := db.Close(); err != nil {
					t.Fatal(err)
				}
				if st, err := os.Stat(path); err != nil || st.Size() == 0 {
					t.Fatalf("database file not at %s: %v", path, err)
				}
				db, err = Open(path)
				if err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				got, err := db.Setting(ctx, "uji_jalur")
				if err != nil || got != path {
					t.Fatalf("reopened setting = %q, %v; want %q", got, err, path)
				}
			})
		}
	}
}
