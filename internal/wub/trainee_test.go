package wub

import (
	"testing"
	"time"
)

func validTrainee() Trainee {
	return Trainee{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P",
		BirthDate: time.Date(1995, 3, 12, 0, 0, 0, 0, time.UTC), DesaCode: "35.28.04.1001", Phone: "+62 812 3456 7890"}
}

func TestTraineeCheck(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Trainee)
		errors []string
		warns  []string
	}{
		{"valid", func(*Trainee) {}, nil, nil},
		{"empty name", func(t *Trainee) { t.Name = "  " }, []string{"name_missing"}, nil},
		{"bad NIK", func(t *Trainee) { t.NIK = "123" }, []string{"nik_format"}, nil},
		{"no NIK", func(t *Trainee) { t.NIK = "" }, []string{"nik_missing"}, nil},
		{"future birth", func(t *Trainee) { t.BirthDate = today.AddDate(0, 1, 0) }, []string{"date_future"}, []string{"nik_mismatch"}},
		{"sex from NIK", func(t *Trainee) { t.Sex = "" }, nil, []string{"gender_from_nik"}},
		{"birth from NIK", func(t *Trainee) { t.BirthDate = time.Time{} }, nil, []string{"date_from_nik"}},
		{"sex mismatch", func(t *Trainee) { t.Sex = "L" }, nil, []string{"nik_mismatch"}},
		{"bad sex", func(t *Trainee) { t.Sex = "X" }, []string{"gender_invalid"}, nil},
		{"bad phone", func(t *Trainee) { t.Phone = "12345" }, nil, []string{"phone_invalid"}},
		{"kk equals nik", func(t *Trainee) { t.KK = t.NIK }, nil, []string{"nik_equals_kk"}},
		{"kk short", func(t *Trainee) { t.KK = "3528" }, []string{"kk_format"}, nil},
		{"desa not in kecamatan", func(t *Trainee) { t.KecCode = "35.28.01" }, []string{"desa_not_in_kecamatan"}, nil},
		{"unknown desa", func(t *Trainee) { t.DesaCode = "35.28.04.9999" }, []string{"desa_unknown"}, nil},
		{"unknown kbli", func(t *Trainee) { t.KBLI = "Z" }, []string{"kbli_unknown"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr := validTrainee()
			tt.edit(&tr)
			tr.Normalize()
			is := tr.Check(today)
			if got := is.Errors().Codes(); !equal(got, tt.errors) {
				t.Errorf("errors = %v, want %v", got, tt.errors)
			}
			if got := is.Warnings().Codes(); !equal(got, tt.warns) {
				t.Errorf("warnings = %v, want %v", got, tt.warns)
			}
		})
	}
}

func TestTraineeNormalize(t *testing.T) {
	tr := validTrainee()
	tr.Name = "  Siti   Aminah "
	tr.NIK = "'3528 0452 0395 0001"
	tr.Normalize()
	if tr.Name != "Siti Aminah" || tr.NIK != "3528045203950001" || tr.Phone != "081234567890" || tr.KecCode != "35.28.04" {
		t.Errorf("normalised = %+v", tr)
	}
}

func TestEnrolmentCheck(t *testing.T) {
	as := Agencies{
		{Code: "DPMPTSP", FirstYear: 2020, LastYear: 2022, Names: []AgencyName{{Short: "DPMPTSP"}}},
		{Code: "DISKOPUKM", FirstYear: 2020},
	}
	e := Enrolment{AgencyCode: "DPMPTSP", Year: 2023, Status: StatusRegistered}
	if got := e.Check(as).Codes(); !equal(got, []string{"agency_not_in_year"}) {
		t.Errorf("DPMPTSP 2023: %v", got)
	}
	e = Enrolment{AgencyCode: "DISKOPUKM", Year: 2023, Status: "x"}
	if got := e.Check(as).Codes(); !equal(got, []string{"status_invalid"}) {
		t.Errorf("bad status: %v", got)
	}
	e = Enrolment{AgencyCode: "NOPE", Year: 2019, Status: StatusTrained}
	if got := e.Check(as).Codes(); !equal(got, []string{"agency_unknown", "year_invalid"}) {
		t.Errorf("bad agency/year: %v", got)
	}
}

func TestAgencyNameOn(t *testing.T) {
	a := Agency{Code: "DISKOPUKM", Names: []AgencyName{
		{ValidFrom: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC), Short: "Diskop UKM"},
		{ValidFrom: HandoverDate2023, Short: "Diskop UKM dan Naker"},
	}}
	if n := a.NameInYear(2022).Short; n != "Diskop UKM" {
		t.Errorf("2022: %s", n)
	}
	if n := a.NameOn(time.Date(2023, 1, 2, 0, 0, 0, 0, time.UTC)).Short; n != "Diskop UKM" {
		t.Errorf("2 Jan 2023: %s", n)
	}
	if n := a.NameOn(HandoverDate2023).Short; n != "Diskop UKM dan Naker" {
		t.Errorf("3 Jan 2023: %s", n)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
