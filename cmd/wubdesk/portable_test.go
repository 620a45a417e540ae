package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPortableDBPathFor(t *testing.T) {
	tests := []struct {
		name   string
		marker string // "" no marker, "file" or "dir"
		want   bool
	}{
		{"no marker", "", false},
		{"marker file", "file", true},
		{"marker is a folder", "dir", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "Flash Disk", "WUBDesk Ünal")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			switch tt.marker {
			case "file":
				if err := os.WriteFile(filepath.Join(dir, portableMarker), []byte("portabel"), 0o644); err != nil {
					t.Fatal(err)
				}
			case "dir":
				if err := os.Mkdir(filepath.Join(dir, portableMarker), 0o755); err != nil {
					t.Fatal(err)
				}
			}
			got, ok := portableDBPathFor(dir)
			if ok != tt.want {
				t.Fatalf("portable = %v, want %v", ok, tt.want)
			}
			if want := filepath.Join(dir, "Data", "wubdesk.db"); ok && got != want {
				t.Fatalf("path = %q, want %q", got, want)
			}
		})
	}
}

// The test binary itself has no marker beside it: the default must stay
// the per-user folder.
func TestPortableDBPathOffByDefault(t *testing.T) {
	if p, ok := portableDBPath(); ok {
		t.Fatalf("portable mode without a marker: %s", p)
	}
}
