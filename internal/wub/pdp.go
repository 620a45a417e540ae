package wub

import (
	"fmt"
	"time"
)

// Copy kinds of the copy log: copies of personal data that leave the PC.
const (
	CopyExport   = "export"   // a monthly submission workbook
	CopyHandover = "handover" // a handover package
	CopyBackup   = "backup"   // a backup copy (the whole register)
	CopyReport   = "report"   // a person's data report
)

// Copy locks: how a copy was encrypted ("" = not encrypted).
const (
	LockPassphrase = "passphrase"
	LockOffice     = "office"
	LockRecipient  = "recipient"
)

// CopyRecord is one copy of personal data that left the PC.
type CopyRecord struct {
	ID        int64
	At        time.Time
	Actor     string
	Kind      string // CopyExport, ...
	Path      string
	Encrypted bool
	Lock      string // LockPassphrase, ... ("" when plain)
	Everyone  bool   // the whole register as of At (backups)
	People    int
	Note      string
}

// Erasure grounds.
const (
	EraseOnRequest = "request"   // the person asked (UU 27/2022 Art. 43)
	EraseRetention = "retention" // the retention period ended (Art. 44)
)

// Erasure is the record of one erased person: what stayed (a pseudonymous
// counted record with its enrolments) and why.
type Erasure struct {
	ID         int64
	TraineeID  int64
	Pseudonym  string
	Ground     string
	Reason     string
	At         time.Time
	Actor      string
	Enrolments int
	Letter     string
	// Of the berita acara only, never stored: the masked NIK and the name
	// before erasure, and the fields emptied.
	MaskedNIK string
	Name      string
	Emptied   []string
}

// ErasedPseudonym is what the NIK column of an erased trainee record holds:
// unique per record (the unique index and "count each NIK once" still
// work), never a valid NIK, so no search, import or match finds it.
func ErasedPseudonym(traineeID int64) string { return fmt.Sprintf("HAPUS-%010d", traineeID) }

// IsErasedPseudonym reports whether a NIK column holds an erasure's pseudonym.
func IsErasedPseudonym(nik string) bool { return len(nik) == 16 && nik[:6] == "HAPUS-" }

// RetentionCase is a person past the retention period: the last
// enrolment's date (count date, else enrolment date, else the program
// year's end) is more than the retention's years ago.
type RetentionCase struct {
	TraineeID int64
	NIK       string
	Name      string
	Desa      string
	Last      time.Time
	Due       time.Time // Last + retention
}

// DefaultRetentionYears is the retention when none is set: five years
// after the last enrolment.
const DefaultRetentionYears = 5

// Breach is one entry of the breach log (UU 27/2022 Art. 46: notify the
// people affected and the authority within 3×24 hours).
type Breach struct {
	ID         int64
	FoundOn    time.Time
	What       string
	CopyID     int64 // 0 when no logged copy is concerned
	Measures   string
	NotifiedOn time.Time
	At         time.Time
	Actor      string
}

// BreachPerson is a person a lost copy held, for the notification letter.
type BreachPerson struct {
	TraineeID int64
	NIK       string
	Name      string
	Address   string
	Desa      string
	Phone     string
	Erased    bool // erased since; nothing to write to
}

// Access kinds of the audit's "access" rows: who looked at or took out
// whose personal data.
const (
	AccessViewNIK = "view_nik"      // the full NIK shown unmasked
	AccessReport  = "person_report" // a person's data report made
	AccessPrint   = "print"         // a PDF document printed
	AccessExport  = "export"        // a file with personal data written
)

// ProcessingRecord is the record of processing (UU 27/2022 Art. 31) shown
// in Pengaturan and written in docs/PRIVACY.md.
type ProcessingRecord struct {
	Controller     string   // the office
	Purpose        string   // public task
	Basis          string   // legal basis
	Categories     []string // the personal data processed
	Retention      int      // years after the last enrolment
	Recipients     []string // who receives copies
	Access         []User   // who has access (the users)
	SigninRequired bool
}

// Numbered documents of personal data protection (the letter register).
const (
	DocErasure      = "erasure"       // berita acara penghapusan data pribadi
	DocBreachPeople = "breach-people" // notification to the people affected
	DocBreachAuth   = "breach-auth"   // notification to the authority
)

// CopyKindLabel names a copy log kind.
func CopyKindLabel(kind string) string {
	switch kind {
	case CopyExport:
		return nikText("Laporan bulanan", "Monthly submission")
	case CopyHandover:
		return nikText("Paket serah terima", "Handover package")
	case CopyBackup:
		return nikText("Cadangan", "Backup")
	case CopyReport:
		return nikText("Laporan data pribadi", "Personal data report")
	}
	return kind
}

// LockLabel says how a copy was protected.
func LockLabel(c CopyRecord) string {
	if !c.Encrypted {
		return nikText("TIDAK terenkripsi", "NOT encrypted")
	}
	switch c.Lock {
	case LockPassphrase:
		return nikText("terenkripsi (kata sandi)", "encrypted (passphrase)")
	case LockOffice:
		return nikText("terenkripsi (kunci kantor)", "encrypted (office key)")
	case LockRecipient:
		return nikText("terenkripsi (kunci kantor penerima)", "encrypted (receiving office's key)")
	}
	return nikText("terenkripsi", "encrypted")
}
