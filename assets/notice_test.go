package assets

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Windows installer and the portable zip carry the ODbL attribution as a
// text file; it must say exactly what the app says.
func TestWindowsNoticeCarriesAttribution(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "packaging", "windows", "PEMBERITAHUAN.txt"))
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(b)), " ")
	if !strings.Contains(text, Attribution) {
		t.Fatalf("packaging/windows/PEMBERITAHUAN.txt lacks assets.Attribution:\n%s", Attribution)
	}
	for _, f := range []string{"pamekasan_wilayah.csv", "kode_wilayah_kabkota.csv", "SOURCES.md"} {
		if _, err := Data.Open("data/" + f); err != nil {
			t.Errorf("the notice names %s, which assets/data lacks: %v", f, err)
		}
	}
}

// The fonts' licence notice travels with the Windows packages too.
func TestWindowsNoticeCarriesFontAttribution(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "packaging", "windows", "PEMBERITAHUAN.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(strings.Fields(string(b)), " "), FontAttribution) {
		t.Fatalf("packaging/windows/PEMBERITAHUAN.txt lacks assets.FontAttribution:\n%s", FontAttribution)
	}
	if len(FontSerif) < 100000 || len(FontSerifBold) < 100000 || !strings.Contains(FontLicence, "Bitstream") {
		t.Fatal("the embedded fonts or their licence are missing")
	}
}
