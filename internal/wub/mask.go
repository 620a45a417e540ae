package wub

import "strings"

// MaskNIK hides the middle of a NIK for reports that leave the office
// (UU 27/2022): "3528045203950001" becomes "3528********0001". The regency
// code and the last four digits stay, so that a row can still be matched
// by someone who holds the full register. Whatever is around the digits
// (spaces, dots) is dropped first. Text of eight characters or fewer is
// masked whole.
func MaskNIK(s string) string {
	s = NormalizeNIK(s)
	r := []rune(s)
	if len(r) <= 8 {
		return strings.Repeat("*", len(r))
	}
	return string(r[:4]) + strings.Repeat("*", len(r)-8) + string(r[len(r)-4:])
}

// MaskNIKsIn masks every run of exactly 16 digits in free text (a NIK or a
// family card number inside a note or an audit record).
func MaskNIKsIn(s string) string {
	var b strings.Builder
	run := 0
	flush := func(end int) {
		digits := s[end-run : end]
		if run == 16 {
			digits = MaskNIK(digits)
		}
		b.WriteString(digits)
		run = 0
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			run++
			continue
		}
		if run > 0 {
			flush(i)
		}
		b.WriteByte(s[i])
	}
	if run > 0 {
		flush(len(s))
	}
	return b.String()
}
