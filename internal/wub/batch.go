package wub

import (
	"strings"
	"time"
)

// Batch is a training batch (angkatan) that one agency ran in one program
// year: "Angkatan 3" of Disperindag 2021, batik tulis, in Desa Klampar.
type Batch struct {
	ID           int64
	AgencyCode   string
	Year         int
	Name         string // "Angkatan 1"; unique per agency and year
	TrainingType string // "Batik Tulis", "Pengolahan Hasil Perikanan"
	StartDate    time.Time
	EndDate      time.Time
	DesaCode     string // where it was held
	KecCode      string
	Notes        string
}

// Check validates a batch against the agency history and the reference data.
func (b *Batch) Check(agencies Agencies) Issues {
	var out Issues
	if strings.TrimSpace(b.Name) == "" {
		out = append(out, issuef("name", "batch_name_missing", Error))
	}
	out = append(out, (&Enrolment{AgencyCode: b.AgencyCode, Year: b.Year, Status: StatusRegistered}).Check(agencies)...)
	if !b.StartDate.IsZero() && !b.EndDate.IsZero() && b.EndDate.Before(b.StartDate) {
		out = append(out, issuef("end_date", "date_order", Error, FormatDate(b.EndDate), FormatDate(b.StartDate)))
	}
	ref := Ref()
	if b.KecCode != "" {
		if _, ok := ref.KecamatanByCode(b.KecCode); !ok {
			out = append(out, issuef("kecamatan", "kecamatan_unknown", Error, b.KecCode))
		}
	}
	if b.DesaCode != "" {
		d, ok := ref.DesaByCode(b.DesaCode)
		switch {
		case !ok:
			out = append(out, issuef("desa", "desa_unknown", Error, b.DesaCode))
		case b.KecCode != "" && d.KecamatanCode != b.KecCode:
			out = append(out, issuef("desa", "desa_not_in_kecamatan", Error, d.Name, ref.KecamatanName(b.KecCode)))
		}
	}
	return out
}
