package wub

import (
	"math"
	"strconv"
	"strings"
)

// NoValue is shown where a figure does not exist (a percentage of a zero
// quota, a forecast without any pace).
const NoValue = "–"

// FormatInt writes an integer the Indonesian way: 2220 → "2.220".
func FormatInt(n int) string {
	return groupThousands(strconv.FormatInt(int64(n), 10))
}

// FormatFloat writes a number with a fixed number of decimals the
// Indonesian way: 1234.5 → "1.234,5".
func FormatFloat(f float64, decimals int) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return NoValue
	}
	s := strconv.FormatFloat(f, 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	if strings.Trim(whole, "-0") == "" && strings.Trim(frac, "0") == "" {
		whole = "0" // no "-0,0"
	}
	out := groupThousands(whole)
	if frac != "" {
		out += "," + frac
	}
	return out
}

// FormatPercent writes a ratio as a percentage with one decimal:
// 0.82 → "82,0%".
func FormatPercent(ratio float64) string {
	if math.IsNaN(ratio) || math.IsInf(ratio, 0) {
		return NoValue
	}
	return FormatFloat(ratio*100, 1) + "%"
}

func groupThousands(digits string) string {
	sign := ""
	if strings.HasPrefix(digits, "-") {
		sign, digits = "-", digits[1:]
	}
	if len(digits) <= 3 {
		return sign + digits
	}
	var b strings.Builder
	b.WriteString(sign)
	first := len(digits) % 3
	if first > 0 {
		b.WriteString(digits[:first])
	}
	for i := first; i < len(digits); i += 3 {
		if b.Len() > len(sign) {
			b.WriteByte('.')
		}
		b.WriteString(digits[i : i+3])
	}
	return b.String()
}

// ParseCount reads a whole number of people as clerks type it: "1.800",
// "1800", "1 800" or "1,800" (digits grouped by dots, commas or spaces).
// Empty is 0; anything else, or a negative number, is not a count.
func ParseCount(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, true
	}
	digits := strings.Map(func(r rune) rune {
		switch r {
		case '.', ',', ' ', '\u00a0':
			return -1
		}
		return r
	}, s)
	if digits == "" || len(digits) > 9 || strings.Trim(digits, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.Atoi(digits)
	return n, err == nil
}
