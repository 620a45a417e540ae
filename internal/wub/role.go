package wub

// Role is what a signed-in user may do.
type Role string

// Roles. Without sign-in (a single-clerk office) the session is RoleAdmin.
const (
	RoleOperator Role = "operator" // enters and edits records
	RoleKepala   Role = "kepala"   // head of office: views dashboards and signs off, no edits
	RoleAdmin    Role = "admin"    // users, settings, restore, and an operator's work
)

// Roles lists the roles in display order.
var Roles = []Role{RoleOperator, RoleKepala, RoleAdmin}

// Action is something a screen may offer only to some roles.
type Action string

// Actions checked by the GUI before it shows a button or a screen.
const (
	ActView        Action = "view"         // lists, dashboards, reports
	ActEdit        Action = "edit"         // create, update, delete and restore records; import
	ActExport      Action = "export"       // workbooks and reports to a file
	ActSignOff     Action = "sign_off"     // the head of office signs a report off
	ActAudit       Action = "audit"        // the Audit screen and its export
	ActBackup      Action = "backup"       // a manual backup to any folder
	ActSettings    Action = "settings"     // office settings, sign-in on/off
	ActManageUsers Action = "manage_users" // create users, set roles and passwords
	ActRestore     Action = "restore"      // replace the database with a backup
)

var permissions = map[Role]map[Action]bool{
	RoleOperator: {ActView: true, ActEdit: true, ActExport: true, ActBackup: true},
	RoleKepala:   {ActView: true, ActExport: true, ActSignOff: true, ActAudit: true, ActBackup: true},
	RoleAdmin: {ActView: true, ActEdit: true, ActExport: true, ActAudit: true, ActBackup: true,
		ActSettings: true, ActManageUsers: true, ActRestore: true},
}

// Can reports whether the role may perform the action. An unknown role may
// do nothing. Signing off is the head of office's alone: an admin keeps the
// register but does not sign for the kepala.
func (r Role) Can(a Action) bool { return permissions[r][a] }

// Valid reports whether r is one of Roles.
func (r Role) Valid() bool { _, ok := permissions[r]; return ok }

// Label is the role's name for the clerk.
func (r Role) Label() string {
	switch r {
	case RoleOperator:
		return nikText("Operator", "Operator")
	case RoleKepala:
		return nikText("Kepala", "Head of office")
	case RoleAdmin:
		return nikText("Admin", "Admin")
	}
	return string(r)
}

// User is a person who signs in to WUBDesk. The password hash never leaves
// the store.
type User struct {
	ID        int64
	Name      string // sign-in name, unique, case-insensitive
	FullName  string
	Role      Role
	Active    bool
	LastLogin string // RFC 3339 UTC, "" when never
}
