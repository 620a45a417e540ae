package wub

import (
	"strconv"
	"strings"
)

// FormatRupiah writes an amount the Indonesian way (PUEBI): "Rp2.500.000".
func FormatRupiah(n int64) string {
	if n < 0 {
		return "-Rp" + FormatInt(int(-n))
	}
	return "Rp" + FormatInt(int(n))
}

// ParseRupiah reads a whole-rupiah amount as clerks type it: "15000",
// "15.000", "Rp 15.000", "Rp15.000,00", "1.500.000,-", and the English
// "2,500,000". A separator must stand before a group of exactly three
// digits, so "1,5" and "2.50" (decimals) are refused, as is "" (the caller
// decides whether an empty amount means zero).
func ParseRupiah(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	if len(s) >= 2 && strings.EqualFold(s[:2], "rp") {
		s = strings.TrimSpace(strings.TrimPrefix(s[2:], "."))
	}
	s = strings.TrimSuffix(s, ",-")
	s = strings.TrimSuffix(s, ",00")
	s = strings.ReplaceAll(s, " ", "")
	if s == "" {
		return 0, false
	}
	groups := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == ',' })
	if len(groups) == 0 || strings.Count(s, ".")+strings.Count(s, ",") != len(groups)-1 {
		return 0, false // leading, trailing or doubled separators
	}
	for i, g := range groups {
		if strings.Trim(g, "0123456789") != "" || (i > 0 && len(g) != 3) || len(g) == 0 {
			return 0, false
		}
	}
	digits := strings.Join(groups, "")
	if len(digits) > 15 {
		return 0, false
	}
	n, err := strconv.ParseInt(digits, 10, 64)
	return n, err == nil
}
