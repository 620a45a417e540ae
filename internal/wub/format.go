package wub

import (
	"strconv"
	"strings"
)

// FormatInt writes n the Indonesian way, with dots between thousands:
// 2220 -> "2.220".
func FormatInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// FormatPercent writes a ratio as a percentage with one decimal and a
// decimal comma: 0.82 -> "82,0%".
func FormatPercent(ratio float64) string {
	return strings.Replace(strconv.FormatFloat(ratio*100, 'f', 1, 64), ".", ",", 1) + "%"
}
