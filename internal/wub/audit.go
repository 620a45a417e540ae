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
	switch entity {
	case "trainee":
		return nikText("Peserta", "Trainee")
	case "enrolment":
		return nikText("Keikutsertaan", "Enrolment")
	case "batch":
		return nikText("Angkatan", "Batch")
	case "setting":
		return nikText("Pengaturan", "Setting")
	case "user":
		return nikText("Pengguna", "User")
	}
	return entity
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
