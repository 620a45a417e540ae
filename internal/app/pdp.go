package app

import (
	"context"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"wubdesk/internal/officedoc"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// Personal data protection (UU 27/2022, issue 24): the person's report,
// access rows, correction, erasure, retention, the copy log, the breach
// log and the record of processing. Encrypted copies: pdp_seal.go.
// docs/PRIVACY.md.

// Setting keys of this file.
const (
	keyRetentionYears = "pdp.retention_years"
	keyPurpose        = "pdp.purpose"
	keyRecipients     = "pdp.recipients"
	keyDPO            = "pdp.officer" // who answers for the data (pejabat pelindungan data)
)

// PersonData is everything held about a NIK (nil when unknown).
func (a *App) PersonData(ctx context.Context, nik string) (*wub.PersonData, error) {
	return a.db.PersonData(ctx, nik)
}

// PersonReport writes the person's report as a workbook (format "xlsx") or
// PDF ("pdf") to w, and records it: an access row on each record of the
// NIK and the copy log (the report leaves the PC as a file). name is the
// file's name for the log.
func (a *App) PersonReport(ctx context.Context, nik, format, name string, w io.Writer) error {
	nik = wub.NormalizeNIK(nik)
	data, err := a.db.PersonData(ctx, nik)
	if err != nil {
		return err
	}
	if data == nil {
		return wub.Errorf("pdp_nik_unknown", wub.MaskNIK(nik))
	}
	switch format {
	case "xlsx":
		err = xlsx.WritePersonReport(w, *data, a.db.Actor, a.Now())
	case "pdf":
		_, err = officedoc.PersonReport(ctx, a.db, nik, w)
	default:
		return wub.Errorf("pdp_format", format)
	}
	if err != nil {
		return err
	}
	for _, r := range data.Records {
		if err := a.db.AuditAccess(ctx, r.Trainee.ID, wub.AccessReport, format+" "+filepath.Base(name), 1); err != nil {
			return err
		}
	}
	_, err = a.db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyReport, Path: name, Note: "format " + format}, []string{nik})
	return err
}

// FormatOf is the report format of a file name: "xlsx", "pdf" or "".
func FormatOf(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".xlsx":
		return "xlsx"
	case ".pdf":
		return "pdf"
	}
	return ""
}

// ViewedNIK records that the full NIK of a record was shown unmasked.
func (a *App) ViewedNIK(ctx context.Context, traineeID int64, where string) error {
	return a.db.AuditAccess(ctx, traineeID, wub.AccessViewNIK, where, 1)
}

// Printed records that a document with a person's data was printed
// (traineeID 0 with records > 1 for a document about many).
func (a *App) Printed(ctx context.Context, traineeID int64, what string, records int) error {
	return a.db.AuditAccess(ctx, traineeID, wub.AccessPrint, what, records)
}

// Exported records a file with personal data written by a front end that
// is not in the copy log otherwise (an audit or list export): an access
// row and a copy log entry with the NIKs it held.
func (a *App) Exported(ctx context.Context, path, note string, niks []string) error {
	if err := a.db.AuditAccess(ctx, 0, wub.AccessExport, filepath.Base(path), len(niks)); err != nil {
		return err
	}
	_, err := a.db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyExport, Path: path, Note: note}, niks)
	return err
}

// Correct saves a correction of a person's record with its reason.
func (a *App) Correct(ctx context.Context, t *wub.Trainee, reason string) (wub.Issues, error) {
	return a.db.CorrectTrainee(ctx, t, strings.TrimSpace(reason))
}

// Erase erases every record of a NIK (admin) and writes the berita acara
// as PDF to ba. The office must be set first (the berita acara is
// numbered and cannot be made again once the name is gone).
func (a *App) Erase(ctx context.Context, nik, ground, reason string, ba io.Writer) ([]wub.Erasure, officedoc.Result, error) {
	if !a.db.Can(wub.ActSettings) {
		return nil, officedoc.Result{}, wub.Errorf("role_denied", "", wub.WhoCan(wub.ActSettings))
	}
	if strings.TrimSpace(reason) == "" {
		return nil, officedoc.Result{}, wub.Errorf("pdp_reason_required", "penghapusan")
	}
	if err := officedoc.Ready(ctx, a.db); err != nil {
		return nil, officedoc.Result{}, err
	}
	es, err := a.db.ErasePerson(ctx, nik, ground, strings.TrimSpace(reason))
	if err != nil {
		return nil, officedoc.Result{}, err
	}
	res, err := officedoc.Erasure(ctx, a.db, es, ba)
	return es, res, err
}

// Erasures lists the erasures done, newest first.
func (a *App) Erasures(ctx context.Context) ([]wub.Erasure, error) { return a.db.Erasures(ctx) }

// RetentionYears is the retention setting (years after the last enrolment).
func (a *App) RetentionYears(ctx context.Context) (int, error) {
	v, err := a.db.Setting(ctx, keyRetentionYears)
	if err != nil || v == "" {
		return wub.DefaultRetentionYears, err
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return wub.DefaultRetentionYears, nil
	}
	return n, nil
}

// ParseRetention checks a retention typed by the admin.
func ParseRetention(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 50 {
		return 0, wub.Errorf("pdp_retention_years", s)
	}
	return n, nil
}

// ProcessingSettings are the editable parts of the record of processing.
type ProcessingSettings struct {
	RetentionYears int
	Purpose        string
	Recipients     string
	Officer        string
}

// DefaultPurpose is the purpose when none was written.
const DefaultPurpose = "Pendaftaran, pelatihan, pendampingan dan pelaporan peserta Program Wirausaha Baru (WUB) " +
	"Kabupaten Pamekasan, dalam rangka pelaksanaan tugas pemerintahan (Pasal 20 ayat 2 huruf e UU No. 27 Tahun 2022)."

// DefaultRecipients are the recipients when none were written.
const DefaultRecipients = "Bagian Perekonomian Setda (laporan bulanan dengan NIK, agar setiap orang dihitung sekali), " +
	"dinas penerima serah terima program, pemeriksa yang berwenang."

// Processing returns the record of processing: the settings and who has
// access (the users).
func (a *App) Processing(ctx context.Context) (wub.ProcessingRecord, ProcessingSettings, error) {
	var ps ProcessingSettings
	var err error
	if ps.RetentionYears, err = a.RetentionYears(ctx); err != nil {
		return wub.ProcessingRecord{}, ps, err
	}
	get := func(k, def string) string {
		v, e := a.db.Setting(ctx, k)
		if e != nil && err == nil {
			err = e
		}
		if strings.TrimSpace(v) == "" {
			return def
		}
		return v
	}
	ps.Purpose = get(keyPurpose, DefaultPurpose)
	ps.Recipients = get(keyRecipients, DefaultRecipients)
	ps.Officer = get(keyDPO, "")
	if err != nil {
		return wub.ProcessingRecord{}, ps, err
	}
	r := wub.ProcessingRecord{Purpose: ps.Purpose, Basis: "UU No. 27 Tahun 2022 Pasal 20 ayat (2) huruf e: tugas pemerintahan (public task)",
		Categories: []string{"NIK", "No. KK", "nama", "jenis kelamin", "tempat dan tanggal lahir", "alamat, RT/RW, desa, kecamatan",
			"nomor HP", "pendidikan", "usaha (nama, KBLI, produk, izin, modal)", "keikutsertaan dan pendampingan"},
		Retention: ps.RetentionYears, Recipients: []string{ps.Recipients}}
	if o, e := a.db.Office(ctx); e == nil {
		r.Controller = o.AgencyCode
	}
	if r.Access, err = a.db.ListUsers(ctx); err != nil {
		return r, ps, err
	}
	r.SigninRequired, err = a.db.SignInRequired(ctx)
	return r, ps, err
}

// SaveProcessing saves the editable parts of the record of processing
// (admin; audited as settings).
func (a *App) SaveProcessing(ctx context.Context, ps ProcessingSettings) error {
	if ps.RetentionYears < 1 || ps.RetentionYears > 50 {
		return wub.Errorf("pdp_retention_years", strconv.Itoa(ps.RetentionYears))
	}
	return a.db.SetSettings(ctx, map[string]string{keyRetentionYears: strconv.Itoa(ps.RetentionYears),
		keyPurpose: strings.TrimSpace(ps.Purpose), keyRecipients: strings.TrimSpace(ps.Recipients), keyDPO: strings.TrimSpace(ps.Officer)})
}

// RetentionDue lists the people past the retention period today.
func (a *App) RetentionDue(ctx context.Context) ([]wub.RetentionCase, int, error) {
	years, err := a.RetentionYears(ctx)
	if err != nil {
		return nil, 0, err
	}
	cs, err := a.db.RetentionDue(ctx, years, a.Now())
	return cs, years, err
}

// Copies lists the copy log, newest first.
func (a *App) Copies(ctx context.Context, limit int) ([]wub.CopyRecord, error) {
	return a.db.Copies(ctx, limit)
}

// PeopleInCopy lists the people a logged copy held.
func (a *App) PeopleInCopy(ctx context.Context, id int64) ([]wub.BreachPerson, error) {
	return a.db.PeopleInCopy(ctx, id)
}

// AddBreach records a breach (admin).
func (a *App) AddBreach(ctx context.Context, b wub.Breach) (int64, error) {
	return a.db.AddBreach(ctx, b)
}

// Breaches lists the breach log, newest first.
func (a *App) Breaches(ctx context.Context) ([]wub.Breach, error) { return a.db.Breaches(ctx) }

// BreachNotice writes the notification letter of a breach as PDF.
func (a *App) BreachNotice(ctx context.Context, b wub.Breach, toPeople bool, w io.Writer) (officedoc.Result, error) {
	return officedoc.BreachNotice(ctx, a.db, b, toPeople, w)
}
