package wub

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Enrolment statuses. Only "trained" (lulus) counts toward the target.
const (
	StatusRegistered = "registered" // terdaftar
	StatusTrained    = "trained"    // lulus
	StatusDropped    = "dropped"    // keluar
)

// Statuses lists the enrolment statuses in display order.
var Statuses = []string{StatusRegistered, StatusTrained, StatusDropped}

// StatusLabel is the Indonesian (or English) label of a status.
func StatusLabel(s string) string {
	switch s {
	case StatusRegistered:
		return nikText("Terdaftar", "Registered")
	case StatusTrained:
		return nikText("Lulus", "Completed")
	case StatusDropped:
		return nikText("Keluar", "Dropped out")
	}
	return s
}

// ParseStatus reads a status label or code in either language, and the
// words office lists use for them, in any case and spacing ("Mengundurkan
// Diri", "DROP-OUT", "Lulus  Pelatihan"). "Tidak lulus" and the words for
// leaving early are one status, keluar: only completion counts anywhere
// (docs/IMPORT.md, "Status words").
func ParseStatus(s string) (string, bool) {
	k := strings.Join(strings.Fields(strings.ToLower(statusPunct.Replace(s))), " ")
	switch k {
	case "", StatusRegistered, "terdaftar", "daftar", "peserta", "aktif", "proses", "dalam proses", "sedang pelatihan",
		"sedang dilatih", "sedang berjalan", "berjalan", "belum selesai":
		return StatusRegistered, true
	case StatusTrained, "lulus", "selesai", "completed", "sudah dilatih", "sudah", "lulus pelatihan",
		"selesai pelatihan", "sudah lulus", "telah lulus", "telah selesai", "tamat", "kompeten":
		return StatusTrained, true
	case StatusDropped, "keluar", "berhenti", "mundur", "mengundurkan diri", "undur diri", "tidak lulus", "gugur",
		"dropped out", "drop out", "dropout", "do", "d o", "gagal", "batal", "dibatalkan", "tidak selesai",
		"tidak kompeten":
		return StatusDropped, true
	}
	return "", false
}

var statusPunct = strings.NewReplacer("-", " ", "_", " ", ".", " ", "/", " ")

// StatusWords are the status words an import understands, as listed to
// the clerk when a word is not one of them.
const StatusWords = "Terdaftar, Proses, Sedang Pelatihan, Lulus, Selesai, Lulus Pelatihan, Selesai Pelatihan, " +
	"Keluar, Mundur, Mengundurkan Diri, DO, Drop Out, Tidak Lulus, Gagal, Batal"

// Education levels offered in forms; other text is kept as typed.
var EducationLevels = []string{"Tidak sekolah", "SD", "SMP", "SMA/SMK", "D1", "D2", "D3", "D4/S1", "S2", "S3"}

// Trainee is a person registered with the program (peserta). One person,
// identified by NIK, may have several enrolments.
type Trainee struct {
	ID           int64
	NIK          string
	KK           string // No. Kartu Keluarga, optional
	Name         string
	Sex          string // "L" or "P"
	BirthPlace   string
	BirthDate    time.Time
	Address      string // dusun / jalan
	RTRW         string
	DesaCode     string
	KecCode      string
	Phone        string
	Education    string
	KBLI         string // KBLI section letter A–U
	BusinessName string
	Notes        string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	DeletedAt    time.Time
	Source       string // file, sheet and row it was imported from
	Enrolments   []Enrolment
}

// Enrolment is a person's participation with one agency in one program year.
type Enrolment struct {
	ID          int64
	TraineeID   int64
	AgencyCode  string
	Year        int
	BatchID     int64 // 0 when not in a batch
	BatchName   string
	Status      string
	EnrolledOn  time.Time
	CompletedOn time.Time
	DeletedAt   time.Time
}

// Normalize tidies what was typed: NIK and KK digits only, phone digits with
// a leading 0, trimmed and single-spaced text.
func (t *Trainee) Normalize() {
	t.NIK = NormalizeNIK(t.NIK)
	t.KK = NormalizeNIK(t.KK)
	t.Name = strings.Join(strings.Fields(t.Name), " ")
	t.BirthPlace = strings.Join(strings.Fields(t.BirthPlace), " ")
	t.Address = strings.TrimSpace(t.Address)
	t.RTRW = strings.TrimSpace(t.RTRW)
	t.Phone, _ = NormalizePhone(t.Phone)
	t.Education = strings.TrimSpace(t.Education)
	t.KBLI = strings.ToUpper(strings.TrimSpace(t.KBLI))
	t.BusinessName = strings.TrimSpace(t.BusinessName)
	t.Notes = strings.TrimSpace(t.Notes)
	if d, ok := Ref().DesaByCode(t.DesaCode); ok && t.KecCode == "" {
		t.KecCode = d.KecamatanCode
	}
}

// MaxNameLen bounds names so a pasted paragraph is caught.
const MaxNameLen = 120

// Check validates a trainee against the domain rules, returning errors
// (which block saving) and warnings (which never do). Missing sex or birth
// date are taken from the NIK with a warning.
func (t *Trainee) Check(today time.Time) Issues {
	var out Issues
	nik, err := ParseNIK(t.NIK)
	nikOK := err == nil
	if err != nil {
		out = append(out, err.(Issue))
	}
	if strings.TrimSpace(t.Name) == "" {
		out = append(out, issuef("name", "name_missing", Error))
	} else if utf8.RuneCountInString(t.Name) > MaxNameLen {
		out = append(out, issuef("name", "name_too_long", Error, MaxNameLen))
	}
	switch {
	case t.Sex == "L" || t.Sex == "P":
	case t.Sex == "" && nikOK:
		t.Sex = nik.Sex()
		out = append(out, issuef("sex", "gender_from_nik", Warning, SexLabel(t.Sex)))
	case t.Sex == "":
		out = append(out, issuef("sex", "gender_missing", Error))
	default:
		out = append(out, issuef("sex", "gender_invalid", Error, t.Sex))
	}
	if t.BirthDate.IsZero() && nikOK {
		t.BirthDate = nik.BirthDate(today)
		out = append(out, issuef("birth_date", "date_from_nik", Warning, FormatDate(t.BirthDate)))
	} else {
		out = append(out, CheckBirthDate(t.BirthDate, today)...)
	}
	if nikOK {
		out = append(out, CheckNIKAgainst(nik, t.BirthDate, t.Sex, today)...)
	}
	if t.KK != "" {
		if len(t.KK) != 16 || strings.Trim(t.KK, "0123456789") != "" {
			out = append(out, issuef("kk", "kk_format", Error, t.KK))
		} else if t.KK == t.NIK {
			out = append(out, issuef("kk", "nik_equals_kk", Warning))
		}
	}
	out = append(out, CheckPhone(t.Phone)...)
	ref := Ref()
	if t.KecCode != "" {
		if _, ok := ref.KecamatanByCode(t.KecCode); !ok {
			out = append(out, issuef("kecamatan", "kecamatan_unknown", Error, t.KecCode))
		}
	}
	if t.DesaCode != "" {
		d, ok := ref.DesaByCode(t.DesaCode)
		switch {
		case !ok:
			out = append(out, issuef("desa", "desa_unknown", Error, t.DesaCode))
		case t.KecCode != "" && d.KecamatanCode != t.KecCode:
			out = append(out, issuef("desa", "desa_not_in_kecamatan", Error, d.Name, ref.KecamatanName(t.KecCode)))
		}
	}
	if t.KBLI != "" {
		if _, ok := ref.KBLIByCode(t.KBLI); !ok {
			out = append(out, issuef("kbli", "kbli_unknown", Error, t.KBLI))
		}
	}
	return out
}

// Check validates an enrolment against the agency history.
func (e *Enrolment) Check(agencies Agencies) Issues {
	var out Issues
	a, ok := agencies.ByCode(e.AgencyCode)
	if !ok {
		out = append(out, issuef("agency", "agency_unknown", Error, e.AgencyCode))
	}
	if e.Year < 2020 || e.Year > 2100 {
		out = append(out, issuef("year", "year_invalid", Error, e.Year))
	} else if ok && !a.RunsIn(e.Year) {
		out = append(out, issuef("agency", "agency_not_in_year", Error, a.NameInYear(e.Year).Short, e.Year))
	}
	switch e.Status {
	case StatusRegistered, StatusDropped:
	case StatusTrained:
	default:
		out = append(out, issuef("status", "status_invalid", Error, e.Status))
	}
	if !e.CompletedOn.IsZero() && !e.EnrolledOn.IsZero() && e.CompletedOn.Before(e.EnrolledOn) {
		out = append(out, issuef("completed_on", "date_order", Error, FormatDate(e.CompletedOn), FormatDate(e.EnrolledOn)))
	}
	return out
}

// CountDate is the date an enrolment counts from in monthly reports: the
// date of the event its status records. Lulus counts on its completion
// date, Keluar on the date it left (kept in CompletedOn), Terdaftar on its
// enrolment date. It is zero when that date was never filled in: such an
// enrolment counts in no month ("tanggal belum diisi"); no date is ever
// made up for it.
func (e Enrolment) CountDate() time.Time {
	switch e.Status {
	case StatusTrained, StatusDropped:
		return e.CompletedOn
	}
	return e.EnrolledOn
}

// CheckDates is the rule that every count date is typed, never invented:
// an enrolment needs its enrolment date, and Lulus or Keluar the date it
// was completed or left. The form, the store and the headless commands
// refuse an enrolment without them; records already saved without them are
// listed as data to complete (store.DB.UndatedEnrolments).
func (e *Enrolment) CheckDates() Issues {
	var out Issues
	if e.EnrolledOn.IsZero() {
		out = append(out, issuef("enrolled_on", "enrolled_on_missing", Error))
	}
	if e.CompletedOn.IsZero() {
		switch e.Status {
		case StatusTrained:
			out = append(out, issuef("completed_on", "completed_on_missing", Error))
		case StatusDropped:
			out = append(out, issuef("completed_on", "left_on_missing", Error))
		}
	}
	return out
}

// DateToComplete names what an enrolment lacks, as a message code: first
// its count date (so the record counts in a month), then its enrolment
// date; "" when nothing is missing.
func (e *Enrolment) DateToComplete() string {
	is := e.CheckDates()
	for _, i := range is {
		if i.Field == "completed_on" {
			return i.Code
		}
	}
	if len(is) > 0 {
		return is[0].Code
	}
	return ""
}

// CheckDatesAgainst is CheckDates for an edit: an enrolment saved before
// without its dates and left as it was (same status and dates as prev) is
// only warned about, so that correcting a trainee's phone number is not
// blocked by a date nobody knows yet; a new enrolment, or one whose status
// or dates change, must have them. prev is nil for a new enrolment.
func (e *Enrolment) CheckDatesAgainst(prev *Enrolment) Issues {
	is := e.CheckDates()
	if prev != nil && prev.Status == e.Status && prev.EnrolledOn.Equal(e.EnrolledOn) && prev.CompletedOn.Equal(e.CompletedOn) {
		for i := range is {
			is[i].Severity = Warning
		}
	}
	return is
}
