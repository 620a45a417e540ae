package wub

import (
	"testing"
	"time"
)

var today = time.Date(2026, 11, 26, 0, 0, 0, 0, time.UTC)

func TestParseNIK(t *testing.T) {
	tests := []struct {
		in      string
		code    string // "" = valid
		female  bool
		day, mo int
	}{
		{"3528045203950001", "", true, 12, 3},
		{"'3528045203950001", "", true, 12, 3},
		{"’3528045203950001", "", true, 12, 3},
		{"3528 0452 0395 0001", "", true, 12, 3},
		{"35.28.04.520395.0001", "", true, 12, 3},
		{"3528-04-520395-0001", "", true, 12, 3},
		{"\u00a03528045203950001\t", "", true, 12, 3},
		{"3528041203950001", "", false, 12, 3},
		{"3528043112990002", "", false, 31, 12},
		{"3528047112990002", "", true, 31, 12},
		{"", "nik_missing", false, 0, 0},
		{"   ", "nik_missing", false, 0, 0},
		{"352804520395000", "nik_format", false, 0, 0},   // 15 digits
		{"35280452039500011", "nik_format", false, 0, 0}, // 17 digits
		{"3.52805E+15", "nik_format", false, 0, 0},       // scientific notation
		{"3528045203950000.0", "nik_format", false, 0, 0},
		{"0028045203950001", "nik_format", false, 0, 0}, // province 00
		{"9928045203950001", "nik_format", false, 0, 0}, // province 99 does not exist
		{"3528040003950001", "nik_format", false, 0, 0}, // day 00
		{"3528043203950001", "nik_format", false, 0, 0}, // day 32
		{"3528044003950001", "nik_format", false, 0, 0}, // day 40
		{"3528047203950001", "nik_format", false, 0, 0}, // day 72
		{"3528041213950001", "nik_format", false, 0, 0}, // month 13
		{"3528041200950001", "nik_format", false, 0, 0}, // month 00
		{"3528043102950001", "nik_format", false, 0, 0}, // 31 February
		{"3528042902010001", "nik_format", false, 0, 0}, // 29/02/(19|20)01: not leap
		{"3528042902000001", "", false, 29, 2},          // 29/02/2000 is a leap day
		{"3528041203950000", "nik_format", false, 0, 0}, // serial 0000
		{"35280412O3950001", "nik_format", false, 0, 0}, // letter O
	}
	for _, tt := range tests {
		n, err := ParseNIK(tt.in)
		if tt.code == "" {
			if err != nil {
				t.Errorf("ParseNIK(%q): unexpected error %v", tt.in, err)
				continue
			}
			if n.Female != tt.female || n.Day != tt.day || n.Month != tt.mo {
				t.Errorf("ParseNIK(%q) = %+v, want female=%v day=%d month=%d", tt.in, n, tt.female, tt.day, tt.mo)
			}
			continue
		}
		if got := ErrorCode(err); got != tt.code {
			t.Errorf("ParseNIK(%q) code = %q (%v), want %q", tt.in, got, err, tt.code)
		}
		if err != nil && err.Error() == "" {
			t.Errorf("ParseNIK(%q): empty message", tt.in)
		}
	}
}

func TestNIKBirthDateCentury(t *testing.T) {
	n, _ := ParseNIK("3528041203950001")
	if got := n.BirthDate(today); got != time.Date(1995, 3, 12, 0, 0, 0, 0, time.UTC) {
		t.Errorf("95 -> %v", got)
	}
	n, _ = ParseNIK("3528041203050001")
	if got := n.BirthDate(today); got.Year() != 2005 {
		t.Errorf("05 -> %v", got)
	}
	n, _ = ParseNIK("3528041203300001")
	if got := n.BirthDate(today); got.Year() != 1930 {
		t.Errorf("30 -> %v (today %v)", got, today)
	}
}

func TestCheckNIKAgainst(t *testing.T) {
	n, _ := ParseNIK("3528045203950001") // woman, 12/03/95, Pamekasan
	codes := func(is Issues) []string {
		var out []string
		for _, i := range is {
			out = append(out, i.Field+":"+i.Code)
		}
		return out
	}
	if is := CheckNIKAgainst(n, time.Date(1995, 3, 12, 0, 0, 0, 0, time.UTC), "P", today); len(is) != 0 {
		t.Errorf("consistent record gave %v", codes(is))
	}
	is := CheckNIKAgainst(n, time.Date(1995, 3, 13, 0, 0, 0, 0, time.UTC), "L", today)
	if got := codes(is); len(got) != 2 || got[0] != "birth_date:nik_mismatch" || got[1] != "sex:nik_mismatch" {
		t.Errorf("mismatches = %v", got)
	}
	for _, i := range is {
		if i.Severity != Warning {
			t.Errorf("%v must be a warning", i)
		}
	}
	out, _ := ParseNIK("3529045203950001") // Sumenep
	is = CheckNIKAgainst(out, time.Time{}, "", today)
	if len(is) != 1 || is[0].Code != "nik_outside_regency" {
		t.Fatalf("outside regency = %v", codes(is))
	}
	if msg := is[0].Message(); !contains(msg, "Sumenep") {
		t.Errorf("message %q does not name the regency", msg)
	}
}

func contains(s, sub string) bool {
	return len(sub) == 0 || (len(s) >= len(sub) && (s[:len(sub)] == sub || contains(s[1:], sub)))
}

func TestParseSex(t *testing.T) {
	for in, want := range map[string]string{
		"L": "L", "l": "L", "LK": "L", "Lk.": "L", "Laki-laki": "L", "LAKI - LAKI": "L", "laki laki": "L", "Pria": "L",
		"P": "P", "PR": "P", "Perempuan": "P", "WANITA": "P", "x": "", "": "",
	} {
		got, ok := ParseSex(in)
		if got != want || ok != (want != "") {
			t.Errorf("ParseSex(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func FuzzParseNIK(f *testing.F) {
	for _, s := range []string{"3528045203950001", "'3528 0452 0395 0001", "3.52805E+15", "", "35280452039500011", "٣٥٢٨"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNIK(s)
		if err != nil {
			if c := ErrorCode(err); c != "nik_missing" && c != "nik_format" {
				t.Fatalf("unexpected code %q", c)
			}
			return
		}
		if len(n.Value) != 16 || n.Value[12:] == "0000" || n.Day < 1 || n.Day > 31 || n.Month < 1 || n.Month > 12 {
			t.Fatalf("accepted bad NIK %q -> %+v", s, n)
		}
		for _, r := range n.Value {
			if r < '0' || r > '9' {
				t.Fatalf("non-digit in %q", n.Value)
			}
		}
		// Normalising twice changes nothing.
		if NormalizeNIK(n.Value) != n.Value {
			t.Fatalf("not idempotent: %q", n.Value)
		}
	})
}
