package wub

import "time"

// HandoverCount is one record type of a handover import: how many records
// the package holds and what became of them in the receiving database.
type HandoverCount struct {
	Kind      string // "trainee", "enrolment", ... (HandoverKindLabel names it)
	InPackage int
	New       int // added
	Matching  int // already there with the same content
	Conflicts int // already there with different content (the receiver's kept), or not addable
	Moved     int // records of the giving agency from the handover year on, carried on by the receiver
}

// HandoverDiff is one field that differs between the receiver's record and
// the package's.
type HandoverDiff struct {
	Field    string
	Receiver string
	Package  string
}

// HandoverConflict is a record of the package that was not added: the
// receiver has a record with the same key and other content (Fields), or
// adding it would clash with a record there (Note).
type HandoverConflict struct {
	Kind   string
	Key    string // "3528… / DPMPTSP / 2021"
	Fields []HandoverDiff
	Note   string
}

// HandoverAgencyChange is a difference in the agency configuration between
// the package and the receiving database; Applied says it was taken over.
type HandoverAgencyChange struct {
	Code    string
	Text    string
	Applied bool
}

// HandoverResult is the preview or the outcome of importing a handover
// package.
type HandoverResult struct {
	SHA256     string
	From, To   string
	Date       time.Time
	Counts     []HandoverCount // in package order; the audit log last
	Conflicts  []HandoverConflict
	Agencies   []HandoverAgencyChange
	Committed  bool
	Backup     string    // the automatic backup made before the import
	ImportedAt time.Time // when committed
}

// Totals sums the counts over every record type except the audit log.
func (r *HandoverResult) Totals() HandoverCount {
	var t HandoverCount
	for _, c := range r.Counts {
		if c.Kind == "audit" {
			continue
		}
		t.InPackage += c.InPackage
		t.New += c.New
		t.Matching += c.Matching
		t.Conflicts += c.Conflicts
		t.Moved += c.Moved
	}
	return t
}

// HandoverImport is a handover package a database has imported.
type HandoverImport struct {
	ID         int64
	SHA256     string
	From, To   string
	Date       time.Time
	CreatedAt  time.Time
	ImportedAt time.Time
	ImportedBy string
	FileName   string
}

// HandoverKindLabel names a record type of a handover package for people.
func HandoverKindLabel(kind string) string {
	l, ok := handoverKindLabels[kind]
	if !ok {
		return kind
	}
	return nikText(l[0], l[1])
}

var handoverKindLabels = map[string][2]string{
	"agency":                  {"Dinas dan namanya", "Agencies and their names"},
	"trainee":                 {"Peserta", "Trainees"},
	"facilitator":             {"Fasilitator", "Facilitators"},
	"batch":                   {"Angkatan", "Batches"},
	"enrolment":               {"Keikutsertaan", "Enrolments"},
	"facilitator_status":      {"Riwayat status fasilitator", "Facilitator status history"},
	"contract":                {"Kontrak (SPK)", "Contracts"},
	"activity_report":         {"Laporan kegiatan bulanan", "Monthly activity reports"},
	"batch_facilitator":       {"Fasilitator angkatan", "Batch facilitators"},
	"enrolment_batch_history": {"Riwayat angkatan peserta", "Batch membership history"},
	"mentoring":               {"Pendampingan", "Mentoring visits"},
	"contract_decision":       {"Keputusan perpanjangan kontrak", "Contract decisions"},
	"quota":                   {"Kuota", "Quotas"},
	"opening_balance":         {"Saldo awal", "Opening balances"},
	"business":                {"Usaha", "Businesses"},
	"licence":                 {"Izin usaha", "Licences"},
	"marketing_channel":       {"Saluran pemasaran", "Marketing channels"},
	"capital":                 {"Permodalan", "Capital"},
	"outlet":                  {"Gerai Wamira Mart", "Wamira Mart outlets"},
	"product":                 {"Produk", "Products"},
	"listing":                 {"Produk di gerai", "Listings"},
	"audit":                   {"Catatan audit", "Audit log"},
}
