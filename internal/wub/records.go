package wub

import "time"

// Types the services (services.go) take and return that belong to no single
// record: list pages, filters, backups and handover packages. They lived in
// internal/store until issue 20; store keeps aliases for its own code.

// TraineeList is one page of the trainee list with the number of people
// it holds, as an interactive list needs it on every keystroke.
type TraineeList struct {
	Rows  []TraineeRow
	Total int  // the people who match; a lower bound when More
	More  bool // more than Total people match: show "500+"
	// EntryOrder is set when a search matches more than the list's cap
	// (store.ListCap) people: Rows are then in the order the people were
	// entered, not in the requested order. Typing more of the name or NIK
	// narrows the search and sorts it again.
	EntryOrder bool
}

// ContractFilter selects contracts; zero fields match all.
type ContractFilter struct {
	FacilitatorID int64
	AgencyCode    string
	Year          int
}

// MentoringFilter selects visits; zero fields match all.
type MentoringFilter struct {
	FacilitatorID int64
	TraineeID     int64
	Year          int
}

// Reasons for an automatic backup. The reason ends the file name.
const (
	ReasonDaily         = "daily"         // the first open of a calendar day
	ReasonImport        = "import"        // before an import writes
	ReasonConsolidation = "consolidation" // before merging another office's file
	ReasonMigration     = "migration"     // before a schema upgrade
	ReasonRestore       = "restore"       // the file a restore replaced
	ReasonHandover      = "handover"      // before a handover package is imported
)

// Stages of a backup and a restore, as their progress reports them.
const (
	StageCopy  = "copy"  // the copy is being written (bytes of the source's size)
	StageCheck = "check" // the copy is being checked (no measure)
	StageKeep  = "keep"  // restore: the current file is being kept in the backups folder; no longer cancellable
)

// BackupInfo describes a backup file that passed verification (or, from a
// listing of the backups folder, one that is only named like a backup).
type BackupInfo struct {
	Path          string
	At            time.Time // when it was made: from the name, else the file's time
	Reason        string    // ReasonDaily, ReasonImport, ...; "" for other files
	SchemaVersion int
	Size          int64
}

// DamagedError is what opening returns for a database file that cannot be
// trusted: SQLite finds damage, the file is empty or unreadable, or it is
// missing although backups of it exist. Backup is the newest backup that
// passed verification (HasBackup false when there is none), for the dialog
// that offers to restore it.
type DamagedError struct {
	Path      string
	Detail    error // the db_damaged / db_missing / db_foreign finding
	Missing   bool  // the file is gone but its backups folder is not
	Backup    BackupInfo
	HasBackup bool
}

func (e *DamagedError) Error() string { return e.Detail.Error() }

// Unwrap lets ErrorCode see the finding's code (db_damaged, ...).
func (e *DamagedError) Unwrap() error { return e.Detail }

// CheckReport is what `wubdesk check` and the settings screen show about a
// database file.
type CheckReport struct {
	Path             string         `json:"file"`
	OK               bool           `json:"ok"`
	Problems         []string       `json:"problems"` // make OK false
	Warnings         []string       `json:"warnings"` // worth knowing, not a fault
	Integrity        string         `json:"integrity"`
	SchemaVersion    int            `json:"schema_version"`
	AppSchemaVersion int            `json:"app_schema_version"`
	Counts           map[string]int `json:"counts"` // trainees, enrolments, ... (live rows)
	Tables           map[string]int `json:"tables"` // every table's row count
	Backups          int            `json:"backups"`
	NewestBackup     string         `json:"newest_backup,omitempty"`
	NewestBackupAt   string         `json:"newest_backup_at,omitempty"` // RFC 3339
	// Enrolments whose dates are to be completed (they count in no month),
	// and the first of them (store.CheckUndatedLimit).
	Undated     int                `json:"undated_enrolments"`
	UndatedList []UndatedEnrolment `json:"undated,omitempty"`
}

// HandoverRow is one record of a handover package: column name to value.
type HandoverRow map[string]any

// HandoverAgency is an agency's configuration as a handover package
// carries it: which program years it runs and its names by period.
type HandoverAgency struct {
	Code      string               `json:"code"`
	Order     int                  `json:"sort_order"`
	FirstYear int                  `json:"first_year"`
	LastYear  int                  `json:"last_year"` // 0 while it runs the program
	Names     []HandoverAgencyName `json:"names"`
}

// HandoverAgencyName is one name of an agency from a date (YYYY-MM-DD).
type HandoverAgencyName struct {
	ValidFrom string `json:"valid_from"`
	Short     string `json:"short_name"`
	Full      string `json:"full_name"`
}

// HandoverInput is a verified handover package as the register imports it.
type HandoverInput struct {
	SHA256    string
	FileName  string
	From, To  string
	Date      time.Time
	CreatedAt string // RFC 3339, when the giving office made it
	Manifest  string // the package's manifest.json
	Agencies  []HandoverAgency
	Rows      map[string][]HandoverRow // by kind (HandoverKinds), "audit" included
}
