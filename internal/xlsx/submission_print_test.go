package xlsx

import (
	"hash/crc32"
	"strings"
	"testing"
)

func TestCRC32Combine(t *testing.T) {
	parts := []string{"<head>", strings.Repeat("<row>x</row>", 1000), "", "<tail/>"}
	crc, whole := uint32(0), ""
	for _, p := range parts {
		crc = crc32Combine(crc, crc32.ChecksumIEEE([]byte(p)), int64(len(p)))
		whole += p
	}
	if want := crc32.ChecksumIEEE([]byte(whole)); crc != want {
		t.Errorf("combined %08x, want %08x", crc, want)
	}
}

// TestPlanPrint: one page wide only when the text stays at 8 pt or more;
// otherwise split in column order with column A repeated, every page
// within the paper at the split scale.
func TestPlanPrint(t *testing.T) {
	narrow := []float64{4, 19, 26, 12, 10}
	if l := planPrint(narrow); !l.fitWidth || len(l.breaks) != 0 || l.printTitles("Peserta") != "'Peserta'!$1:$1" {
		t.Errorf("narrow sheet: %+v", l)
	}
	wide := make([]float64, 18)
	for i := range wide {
		wide[i] = 16
	}
	l := planPrint(wide)
	if l.fitWidth || len(l.breaks) == 0 || l.printTitles("Peserta") != "'Peserta'!$A:$A,'Peserta'!$1:$1" {
		t.Fatalf("wide sheet: %+v", l)
	}
	capacity := pageWidthPx * 100 / splitScale
	start := 0
	for _, b := range append(l.breaks, len(wide)) {
		used := 0.0
		if start > 0 {
			used = colPx(wide[0]) * fontMargin
		}
		for i := start; i < b; i++ {
			used += colPx(wide[i]) * fontMargin
		}
		if used > capacity {
			t.Errorf("page of columns %d–%d is %.0f px wide, the paper holds %.0f", start, b-1, used, capacity)
		}
		start = b
	}
	if basePt*splitScale/100 < minPrintPt {
		t.Errorf("split scale %d%% prints below %.0f pt", splitScale, minPrintPt)
	}
	x := string(l.appendPageXML(nil, pagePrint{title: "DAFTAR & <PESERTA>", subtitle: "Dinas"}))
	for _, s := range []string{`orientation="landscape"`, `paperSize="9"`, `scale="75"`, `Halaman &amp;P dari &amp;N`,
		`DAFTAR &amp;&amp; &lt;PESERTA&gt;`, `<colBreaks count=`} {
		if !strings.Contains(x, s) {
			t.Errorf("page XML lacks %s: %s", s, x)
		}
	}
}

func TestWrapLines(t *testing.T) {
	for _, c := range []struct {
		text string
		w    float64
		want int
	}{
		{"keripik", 30, 1},
		{"G – Perdagangan Besar Dan Eceran; Reparasi Dan Perawatan Mobil Dan Sepeda Motor", 30, 3},
		{strings.Repeat("x", 75), 30, 3},
	} {
		if got := wrapLines(c.text, c.w); got != c.want {
			t.Errorf("wrapLines(%q, %v) = %d, want %d", c.text, c.w, got, c.want)
		}
	}
}
