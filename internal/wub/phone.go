package wub

import "strings"

// NormalizePhone keeps the digits of a phone number and writes the
// international prefix (+62 or 62) as 0. A number that lost its leading 0
// in a numeric Excel cell ("81234567890") gets it back. ok is false when the
// result is not 10–13 digits starting with 08; the number is still kept,
// because a landline or a typo is the clerk's to judge.
func NormalizePhone(s string) (phone string, ok bool) {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if d == "" {
		return "", true
	}
	switch {
	case strings.HasPrefix(d, "62"):
		d = "0" + d[2:]
	case strings.HasPrefix(d, "8") && len(d) >= 9 && len(d) <= 12:
		d = "0" + d
	}
	return d, len(d) >= 10 && len(d) <= 13 && strings.HasPrefix(d, "08")
}

// CheckPhone returns a phone_invalid warning when the number looks wrong.
func CheckPhone(s string) Issues {
	if p, ok := NormalizePhone(s); !ok {
		return Issues{issuef("phone", "phone_invalid", Warning, p)}
	}
	return nil
}
