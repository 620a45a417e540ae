package wub

import (
	"testing"
	"time"
)

func TestNormalizePhone(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"081234567890", "081234567890", true},
		{"+62 812-3456-7890", "081234567890", true},
		{"62812345678", "0812345678", true},
		{"81234567890", "081234567890", true}, // lost its leading 0 in a numeric cell
		{"0812 345 678", "0812345678", true},
		{"(0324) 322 111", "0324322111", false}, // landline: kept, flagged
		{"0812345", "0812345", false},
		{"08123456789012", "08123456789012", false},
		{"", "", true},
	}
	for _, tt := range tests {
		got, ok := NormalizePhone(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NormalizePhone(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestParseDate(t *testing.T) {
	d := func(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	ok := map[string]time.Time{
		"12/05/1990":       d(1990, 5, 12),
		"12-05-1990":       d(1990, 5, 12),
		"1/2/1990":         d(1990, 2, 1),
		"12.05.1990":       d(1990, 5, 12),
		"1990-05-12":       d(1990, 5, 12),
		"1990-05-12 00:00": d(1990, 5, 12),
		"7 Agustus 1992":   d(1992, 8, 7),
		"7 Agt 1992":       d(1992, 8, 7),
		"12 Mei 1990":      d(1990, 5, 12),
		"30 DESEMBER 2022": d(2022, 12, 30),
		"03 Nop 1985":      d(1985, 11, 3),
		"'12/05/1990":      d(1990, 5, 12),
		"29/02/2000":       d(2000, 2, 29),
		" 12 - 05 - 1990 ": d(1990, 5, 12),
	}
	for in, want := range ok {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "31/02/1990", "29/02/2001", "12/13/1990", "1990", "12 Foo 1990", "12/05/199", "aa/bb/cccc", "00/01/1990",
		"0000-10-01", "01/10/0000"} {
		if _, err := ParseDate(in); ErrorCode(err) != "date_invalid" {
			t.Errorf("ParseDate(%q) err = %v, want date_invalid", in, err)
		}
	}
}

func TestCheckBirthDate(t *testing.T) {
	if is := CheckBirthDate(today.AddDate(0, 0, 1), today); len(is) != 1 || is[0].Code != "date_future" || is[0].Severity != Error {
		t.Errorf("future date: %v", is)
	}
	if is := CheckBirthDate(today.AddDate(-111, 0, 0), today); len(is) != 1 || is[0].Code != "date_too_old" {
		t.Errorf("old date: %v", is)
	}
	if is := CheckBirthDate(today.AddDate(-30, 0, 0), today); len(is) != 0 {
		t.Errorf("normal date: %v", is)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"12/05/1990", "7 Agustus 1992", "1990-05-12", "31/02/1990", "", "1/1/1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s)
		if err != nil {
			if ErrorCode(err) != "date_invalid" {
				t.Fatalf("code %q", ErrorCode(err))
			}
			return
		}
		// A parsed date prints and parses back to itself.
		again, err := ParseDate(FormatDate(got))
		if err != nil || !again.Equal(got) {
			t.Fatalf("round trip %q -> %v -> %v (%v)", s, got, again, err)
		}
	})
}

func FuzzNormalizePhone(f *testing.F) {
	for _, s := range []string{"+62 812-3456-7890", "81234567890", "", "0"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := NormalizePhone(s)
		for _, r := range p {
			if r < '0' || r > '9' {
				t.Fatalf("non-digit in %q", p)
			}
		}
		if again, ok2 := NormalizePhone(p); again != p || ok2 != ok {
			t.Fatalf("not idempotent: %q -> %q", p, again)
		}
	})
}

func TestFormatIndonesian(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1.000", 2220: "2.220", 10000: "10.000", 1234567: "1.234.567", -8200: "-8.200"} {
		if got := FormatInt(n); got != want {
			t.Errorf("FormatInt(%d) = %q, want %q", n, got, want)
		}
	}
	for r, want := range map[float64]string{0.82: "82,0%", 1: "100,0%", 0.0005: "0,1%", 0: "0,0%", 0.8199: "82,0%"} {
		if got := FormatPercent(r); got != want {
			t.Errorf("FormatPercent(%v) = %q, want %q", r, got, want)
		}
	}
}
