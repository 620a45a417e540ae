package wub

import (
	"testing"
	"time"
)

func validFacilitator() Facilitator {
	return Facilitator{NIK: "3528041508880002", Name: "Moh. Hasan", Sex: "L",
		BirthDate: time.Date(1988, 8, 15, 0, 0, 0, 0, time.UTC), DesaCode: "35.28.04.1001", Phone: "081331234567",
		Expertise: "batik tulis,  olahan ikan"}
}

func d(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }

func TestFacilitatorCheck(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Facilitator)
		errors []string
		warns  []string
	}{
		{"valid", func(*Facilitator) {}, nil, nil},
		{"bad NIK", func(f *Facilitator) { f.NIK = "3528" }, []string{"nik_format"}, nil},
		{"sex from NIK", func(f *Facilitator) { f.Sex = "" }, nil, []string{"gender_from_nik"}},
		{"unknown role", func(f *Facilitator) { f.Role = "ketua" }, []string{"facilitator_role_invalid"}, nil},
		{"coordinator", func(f *Facilitator) { f.Role = "Koordinator" }, nil, nil},
		{"unknown status", func(f *Facilitator) { f.Status = "cuti" }, []string{"facilitator_status_invalid"}, nil},
		{"stopped without date", func(f *Facilitator) { f.Status = FacStopped; f.StatusReason = "pindah kerja" },
			[]string{"facilitator_status_date_missing"}, nil},
		{"replaced without reason", func(f *Facilitator) { f.Status = FacReplaced; f.StatusDate = d(2023, 1, 2) },
			nil, []string{"facilitator_status_reason_missing"}},
		{"status date in future", func(f *Facilitator) {
			f.Status, f.StatusDate, f.StatusReason = FacStopped, today.AddDate(0, 0, 1), "x"
		}, []string{"facilitator_status_date_future"}, nil},
		{"desa not in kecamatan", func(f *Facilitator) { f.KecCode = "35.28.01" }, []string{"desa_not_in_kecamatan"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := validFacilitator()
			tt.edit(&f)
			f.Normalize()
			is := f.Check(today)
			if got := is.Errors().Codes(); !equal(got, tt.errors) {
				t.Errorf("errors = %v, want %v", got, tt.errors)
			}
			if got := is.Warnings().Codes(); !equal(got, tt.warns) {
				t.Errorf("warnings = %v, want %v", got, tt.warns)
			}
		})
	}
}

func TestFacilitatorNormalize(t *testing.T) {
	f := validFacilitator()
	f.NIK = "'3528 0415 0888 0002"
	f.Phone = "+62 813-3123-4567"
	f.Sex = ""
	f.Normalize()
	if f.NIK != "3528041508880002" || f.Phone != "081331234567" || f.Role != RoleFacilitator || f.Status != FacActive ||
		f.KecCode != "35.28.04" || f.Expertise != "batik tulis, olahan ikan" {
		t.Errorf("normalised = %+v", f)
	}
	f.Check(today)
	if f.Sex != "L" {
		t.Errorf("sex from NIK = %q, want L", f.Sex)
	}
}
