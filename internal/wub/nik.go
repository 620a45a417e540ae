package wub

import (
	"fmt"
	"strings"
	"time"
)

// NIK is a parsed Nomor Induk Kependudukan: PP KK CC DD MM YY SSSS.
// See assets/data/NIK.md.
type NIK struct {
	Value  string // 16 digits
	Day    int    // 1–31, without the +40 for women
	Month  int    // 1–12
	YY     int    // last two digits of the birth year
	Female bool
}

// Province is the 2-digit province code ("35").
func (n NIK) Province() string { return n.Value[:2] }

// RegencyPrefix is the regency code as in the reference data ("35.28").
func (n NIK) RegencyPrefix() string { return n.Value[:2] + "." + n.Value[2:4] }

// KecamatanCode is the kecamatan of first registration ("35.28.04").
func (n NIK) KecamatanCode() string { return n.RegencyPrefix() + "." + n.Value[4:6] }

// Sex is "L" or "P" as encoded in the NIK.
func (n NIK) Sex() string {
	if n.Female {
		return "P"
	}
	return "L"
}

// BirthDate resolves the 2-digit year against today: a year that would lie
// in the future belongs to the previous century.
func (n NIK) BirthDate(today time.Time) time.Time {
	y := 2000 + n.YY
	if y > today.Year() {
		y -= 100
	}
	return time.Date(y, time.Month(n.Month), n.Day, 0, 0, 0, 0, time.UTC)
}

// NormalizeNIK strips what people and tools put around a NIK: whitespace
// (including non-breaking spaces), dots, dashes and one leading apostrophe.
func NormalizeNIK(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(s, "'")
	s = strings.TrimPrefix(s, "’")
	s = strings.TrimPrefix(s, "‘")
	var b strings.Builder
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u2007', '\u202f', '.', '-', '\u2013':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// ParseNIK normalises s and checks the NIK rules. The error is an Issue with
// code nik_missing or nik_format whose message says what is wrong.
func ParseNIK(s string) (NIK, error) {
	v := NormalizeNIK(s)
	bad := func(why string, args ...any) (NIK, error) {
		return NIK{}, issuef("nik", "nik_format", Error, fmt.Sprintf(why, args...))
	}
	if v == "" {
		return NIK{}, issuef("nik", "nik_missing", Error)
	}
	for _, r := range v {
		if r < '0' || r > '9' {
			if strings.ContainsAny(v, "eE+") {
				return bad(nikText("ditulis dalam notasi ilmiah (%s); format kolom sebagai Teks dan ketik ulang", "written in scientific notation (%s); format the column as Text and retype it"), v)
			}
			return bad("%s", nikText("hanya boleh berisi angka", "may contain digits only"))
		}
	}
	if len(v) != 16 {
		return bad(nikText("harus 16 angka, yang tertulis %d angka", "must be 16 digits, got %d"), len(v))
	}
	if _, ok := Ref().Provinces[v[:2]]; !ok {
		return bad(nikText("kode provinsi %s tidak ada", "province code %s does not exist"), v[:2])
	}
	day := atoi2(v[6:8])
	month := atoi2(v[8:10])
	yy := atoi2(v[10:12])
	female := false
	if day >= 41 && day <= 71 {
		female = true
		day -= 40
	}
	if day < 1 || day > 31 {
		return bad(nikText("digit 7–8 (tanggal lahir) %s harus 01–31, atau 41–71 untuk perempuan", "digits 7–8 (day of birth) %s must be 01–31, or 41–71 for women"), v[6:8])
	}
	if month < 1 || month > 12 {
		return bad(nikText("digit 9–10 (bulan lahir) %s harus 01–12", "digits 9–10 (month of birth) %s must be 01–12"), v[8:10])
	}
	if !validDayInEitherCentury(day, month, yy) {
		return bad(nikText("tanggal lahir %02d-%02d-%02d dalam NIK tidak ada di kalender", "birth date %02d-%02d-%02d in the NIK is not a real date"), day, month, yy)
	}
	if v[12:] == "0000" {
		return bad("%s", nikText("nomor urut (4 digit terakhir) tidak boleh 0000", "the serial (last 4 digits) cannot be 0000"))
	}
	return NIK{Value: v, Day: day, Month: month, YY: yy, Female: female}, nil
}

// ValidNIK is the form validator: nil or the reason the NIK is not valid.
func ValidNIK(s string) error {
	_, err := ParseNIK(s)
	return err
}

func nikText(id, en string) string {
	if Language() == "en" {
		return en
	}
	return id
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }

func validDayInEitherCentury(day, month, yy int) bool {
	for _, y := range []int{1900 + yy, 2000 + yy} {
		t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
		if t.Day() == day && int(t.Month()) == month {
			return true
		}
	}
	return false
}

// CheckNIKAgainst returns the warnings of a valid NIK against the rest of the
// record: birth date and sex that differ from what the NIK encodes, and a NIK
// issued outside Kabupaten Pamekasan. A NIK is never rejected for these.
func CheckNIKAgainst(n NIK, birth time.Time, sex string, today time.Time) Issues {
	var out Issues
	if !birth.IsZero() {
		if birth.Day() != n.Day || int(birth.Month()) != n.Month || birth.Year()%100 != n.YY {
			out = append(out, Issue{Field: "birth_date", Code: "nik_mismatch", Msg: "nik_mismatch_date", Severity: Warning,
				Args: []any{fmt.Sprintf("%02d/%02d/%02d", n.Day, n.Month, n.YY), FormatDate(birth)}})
		}
	}
	if sex == "L" || sex == "P" {
		if sex != n.Sex() {
			out = append(out, Issue{Field: "sex", Code: "nik_mismatch", Msg: "nik_mismatch_sex", Severity: Warning,
				Args: []any{SexLabel(n.Sex()), SexLabel(sex)}})
		}
	}
	if n.RegencyPrefix() != RegencyCode {
		out = append(out, issuef("nik", "nik_outside_regency", Warning, Ref().RegencyName(n.Value[:4])))
	}
	return out
}

// SexLabel is "Laki-laki" or "Perempuan" (or English).
func SexLabel(s string) string {
	switch s {
	case "L":
		return nikText("Laki-laki", "Male")
	case "P":
		return nikText("Perempuan", "Female")
	}
	return s
}

// ParseSex reads the ways offices write sex: L, P, LK, PR, Laki-laki,
// Perempuan, Pria, Wanita, M/F. It returns "L", "P" or "" with ok=false.
func ParseSex(s string) (string, bool) {
	var b strings.Builder
	for _, r := range strings.ToUpper(s) {
		if r >= 'A' && r <= 'Z' {
			b.WriteRune(r)
		}
	}
	switch b.String() {
	case "L", "LK", "LAKI", "LAKILAKI", "PRIA", "M", "MALE":
		return "L", true
	case "P", "PR", "PEREMPUAN", "WANITA", "F", "FEMALE", "W":
		return "P", true
	}
	return "", false
}
