package wub

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateLayout is how dates are shown and typed: dd/mm/yyyy.
const DateLayout = "02/01/2006"

// ISODate is how dates are stored.
const ISODate = "2006-01-02"

// FormatDate shows a date as dd/mm/yyyy, the zero time as "".
func FormatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(DateLayout)
}

// monthNames are Indonesian (and English) month names with short forms.
var monthNames = map[string]int{
	"januari": 1, "jan": 1, "january": 1,
	"februari": 2, "feb": 2, "pebruari": 2, "peb": 2, "february": 2,
	"maret": 3, "mar": 3, "march": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "jun": 6, "june": 6,
	"juli": 7, "jul": 7, "july": 7,
	"agustus": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8, "aug": 8, "august": 8, "agst": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "okt": 10, "oct": 10, "october": 10,
	"november": 11, "nov": 11, "nop": 11, "nopember": 11,
	"desember": 12, "des": 12, "dec": 12, "december": 12,
}

// MonthName is the Indonesian name of month m (1–12).
func MonthName(m int) string {
	names := []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
		"Agustus", "September", "Oktober", "November", "Desember"}
	if Language() == "en" {
		names = []string{"January", "February", "March", "April", "May", "June", "July",
			"August", "September", "October", "November", "December"}
	}
	if m < 1 || m > 12 {
		return ""
	}
	return names[m-1]
}

// FormatLongDate writes "30 Desember 2022".
func FormatLongDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), MonthName(int(t.Month())), t.Year())
}

// ParseDate reads a date as offices write it: dd/mm/yyyy, dd-mm-yyyy,
// d/m/yyyy, dd.mm.yyyy, yyyy-mm-dd, and "7 Agustus 1992" with Indonesian
// month names or their short forms. The error is a date_invalid Issue.
func ParseDate(s string) (time.Time, error) {
	orig := s
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "'"))
	bad := func() (time.Time, error) {
		return time.Time{}, issuef("", "date_invalid", Error, orig)
	}
	if s == "" {
		return bad()
	}
	// yyyy-mm-dd, optionally with a time part as written by other tools.
	if len(s) >= 10 && s[4] == '-' && s[7] == '-' {
		if t, err := time.Parse(ISODate, s[:10]); err == nil && t.Year() >= 1 {
			return t, nil
		}
		return bad() // year 0000 is no date (found by FuzzCellNormalisers)
	}
	f := strings.FieldsFunc(s, func(r rune) bool {
		return r == '/' || r == '-' || r == '.' || r == ' ' || r == ','
	})
	if len(f) != 3 {
		return bad()
	}
	day, err1 := strconv.Atoi(f[0])
	year, err3 := strconv.Atoi(f[2])
	month, err2 := strconv.Atoi(f[1])
	if err2 != nil {
		m, ok := monthNames[strings.ToLower(f[1])]
		if !ok {
			return bad()
		}
		month, err2 = m, nil
	}
	if err1 != nil || err3 != nil {
		return bad()
	}
	if len(f[2]) == 2 { // dd/mm/yy: a 2-digit year is the most recent past one
		year += 2000
		if year > time.Now().Year() {
			year -= 100
		}
	} else if len(f[2]) != 4 || year < 1 {
		return bad()
	}
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	if t.Day() != day || int(t.Month()) != month || t.Year() != year {
		return bad()
	}
	return t, nil
}

// ParseISODate reads a stored date ("" is the zero time).
func ParseISODate(s string) time.Time {
	if s == "" {
		return time.Time{}
	}
	t, err := time.Parse(ISODate, s)
	if err != nil {
		return time.Time{}
	}
	return t
}

// ISO formats a date for storage ("" for the zero time).
func ISO(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(ISODate)
}

// CheckBirthDate returns errors for a birth date in the future or more than
// 110 years ago.
func CheckBirthDate(t, today time.Time) Issues {
	if t.IsZero() {
		return nil
	}
	if t.After(today) {
		return Issues{issuef("birth_date", "date_future", Error, FormatDate(t))}
	}
	if t.Before(today.AddDate(-110, 0, 0)) {
		return Issues{issuef("birth_date", "date_too_old", Error, FormatDate(t))}
	}
	return nil
}
