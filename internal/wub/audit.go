package wub

import "time"

// AuditEntry is one row of the audit log: who changed which record when,
// with the values before and after as JSON ("" when absent).
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string
	Entity   string // "trainee", "enrolment", "setting", "user", ...
	EntityID int64
	Action   string // insert, update, delete, restore
	Old, New string
}

// AuditFilter selects audit rows for the Audit screen and its export.
// Zero fields match everything; From and To are calendar dates in local
// time, both inclusive.
type AuditFilter struct {
	Entity   string
	EntityID int64
	Actor    string
	From, To time.Time
}

// EntityLabel is the Indonesian (or English) name of an audited entity.
func EntityLabel(entity string) string {
	if l, ok := entityLabels[entity]; ok {
		return nikText(l[0], l[1])
	}
	return entity
}

// entityLabels names the audit log's record kinds (Indonesian, English).
var entityLabels = map[string][2]string{
	"trainee":             {"Peserta", "Trainee"},
	"enrolment":           {"Keikutsertaan", "Enrolment"},
	"batch":               {"Angkatan", "Batch"},
	"batch_facilitator":   {"Fasilitator angkatan", "Batch facilitator"},
	"setting":             {"Pengaturan", "Setting"},
	"user":                {"Pengguna", "User"},
	"facilitator":         {"Fasilitator", "Facilitator"},
	"contract":            {"Kontrak", "Contract"},
	"contract_decision":   {"Keputusan kontrak", "Contract decision"},
	"mentoring":           {"Pendampingan", "Mentoring"},
	"activity_report":     {"Laporan kegiatan", "Activity report"},
	"quota":               {"Kuota", "Quota"},
	"program_target":      {"Target program", "Program target"},
	"opening_balance":     {"Saldo awal", "Opening balance"},
	"received_submission": {"Laporan diterima", "Received submission"},
	"business":            {"Usaha", "Business"},
	"licence":             {"Izin usaha", "Licence"},
	"marketing_channel":   {"Saluran pemasaran", "Marketing channel"},
	"capital":             {"Permodalan", "Capital"},
	"outlet":              {"Gerai Wamira Mart", "Wamira Mart outlet"},
	"product":             {"Produk", "Product"},
	"listing":             {"Produk di gerai", "Product in outlet"},
	"agency":              {"Dinas", "Agency"},
	"handover":            {"Serah terima (diterima)", "Handover (received)"},
	"handover_export":     {"Serah terima (diserahkan)", "Handover (given)"},
	"tally":               {"Rekap dasbor", "Dashboard tallies"},
}

// ActionLabel is the Indonesian (or English) name of an audit action.
func ActionLabel(action string) string {
	switch action {
	case "insert":
		return nikText("Tambah", "Added")
	case "update":
		return nikText("Ubah", "Changed")
	case "delete":
		return nikText("Hapus", "Deleted")
	case "restore":
		return nikText("Pulihkan", "Restored")
	}
	return action
}
