package wub

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
)

func TestVerificationCode(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"3f2a91bc" + strings.Repeat("0", 56), "3F2A-91BC"},
		{" ABCDEF0123 ", "ABCD-EF01"},
		{"3f2a91b", ""},
		{"", ""},
	} {
		if got := VerificationCode(tc.in); got != tc.want {
			t.Errorf("VerificationCode(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormatLetterNumber(t *testing.T) {
	if got := FormatLetterNumber("500.3", 12, DISKOPUKM, 2026); got != "500.3/12/DISKOPUKM/2026" {
		t.Errorf("got %q", got)
	}
	if got := FormatLetterNumber(" ", 1, DPMPTSP, 2023); got != "1/DPMPTSP/2023" {
		t.Errorf("without classification: %q", got)
	}
	// Two offices never write the same number for the same sequence and year.
	if FormatLetterNumber("500", 7, DPMPTSP, 2023) == FormatLetterNumber("500", 7, DISKOPUKM, 2023) {
		t.Error("the agency code does not tell two offices' numbers apart")
	}
}

func TestLetterheadCheck(t *testing.T) {
	var img bytes.Buffer
	png.Encode(&img, image.NewGray(image.Rect(0, 0, 4, 4)))
	for _, tc := range []struct {
		name string
		l    Letterhead
		want []string
	}{
		{"empty is fine", Letterhead{}, nil},
		{"full", Letterhead{Address: " Jl. Jokotole 1 ", Email: "dinas@pamekasankab.go.id", Classification: "500.3",
			Emblem: img.Bytes(), EmblemName: "lambang.png"}, nil},
		{"bad e-mail", Letterhead{Email: "dinas at pamekasan"}, []string{"letterhead_email"}},
		{"named e-mail", Letterhead{Email: "Dinas <dinas@pamekasankab.go.id>"}, []string{"letterhead_email"}},
		{"bad classification", Letterhead{Classification: "500/3"}, []string{"letterhead_classification"}},
		{"not an image", Letterhead{Emblem: []byte("GIF89a....."), EmblemName: "x.gif"}, []string{"letterhead_emblem_type"}},
		{"too large", Letterhead{Emblem: make([]byte, MaxEmblemBytes+1), EmblemName: "big.png"}, []string{"letterhead_emblem_large"}},
	} {
		got := tc.l.Check().Codes()
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	if EmblemType(img.Bytes()) != "PNG" {
		t.Error("a PNG is not recognised")
	}
}
