package wub

import (
	"strings"
	"time"
)

// Facilitator roles.
const (
	RoleFacilitator = "fasilitator"
	RoleCoordinator = "koordinator"
)

// FacilitatorRoles lists the facilitator roles in display order.
var FacilitatorRoles = []string{RoleFacilitator, RoleCoordinator}

// Facilitator statuses. A facilitator who is not aktif keeps the date and
// reason of the change; every change is kept in the status history.
const (
	FacActive   = "aktif"
	FacStopped  = "berhenti"
	FacReplaced = "diganti"
)

// FacilitatorStatuses lists the statuses in display order.
var FacilitatorStatuses = []string{FacActive, FacStopped, FacReplaced}

// RoleLabel is the label of a role.
func RoleLabel(r string) string {
	switch r {
	case RoleFacilitator:
		return nikText("Fasilitator", "Facilitator")
	case RoleCoordinator:
		return nikText("Koordinator", "Coordinator")
	}
	return r
}

// FacilitatorStatusLabel is the label of a facilitator status.
func FacilitatorStatusLabel(s string) string {
	switch s {
	case FacActive:
		return nikText("Aktif", "Active")
	case FacStopped:
		return nikText("Berhenti", "Stopped")
	case FacReplaced:
		return nikText("Diganti", "Replaced")
	}
	return s
}

// Facilitator is a fasilitator / pendamping who runs and mentors training on
// yearly contracts.
type Facilitator struct {
	ID           int64
	NIK          string
	Name         string
	Sex          string // "L" or "P"
	BirthDate    time.Time
	Address      string
	DesaCode     string
	KecCode      string
	Phone        string
	Education    string
	Expertise    string // business fields they can teach, as typed: "batik tulis, olahan ikan"
	Role         string
	Status       string
	StatusDate   time.Time // when the current status began ("" for aktif since registration)
	StatusReason string
	Notes        string
	CreatedAt    time.Time
	UpdatedAt    time.Time
	DeletedAt    time.Time
}

// FacilitatorStatusChange is one line of a facilitator's status history.
type FacilitatorStatusChange struct {
	ID            int64
	FacilitatorID int64
	Status        string
	Date          time.Time
	Reason        string
	RecordedAt    time.Time
	RecordedBy    string
}

// asTrainee carries the personal fields through the trainee rules, so that
// NIK, name, sex, birth date, phone and region are checked the same way.
func (f *Facilitator) asTrainee() *Trainee {
	return &Trainee{NIK: f.NIK, Name: f.Name, Sex: f.Sex, BirthDate: f.BirthDate, Address: f.Address,
		DesaCode: f.DesaCode, KecCode: f.KecCode, Phone: f.Phone, Education: f.Education}
}

// Normalize tidies what was typed, like Trainee.Normalize; an empty role
// is fasilitator and an empty status aktif.
func (f *Facilitator) Normalize() {
	t := f.asTrainee()
	t.Normalize()
	f.NIK, f.Name, f.Address, f.Phone, f.Education = t.NIK, t.Name, t.Address, t.Phone, t.Education
	f.KecCode = t.KecCode
	f.Expertise = strings.Join(strings.Fields(f.Expertise), " ")
	f.StatusReason = strings.TrimSpace(f.StatusReason)
	f.Notes = strings.TrimSpace(f.Notes)
	f.Role = strings.ToLower(strings.TrimSpace(f.Role))
	f.Status = strings.ToLower(strings.TrimSpace(f.Status))
	if f.Role == "" {
		f.Role = RoleFacilitator
	}
	if f.Status == "" {
		f.Status = FacActive
	}
}

// Check validates a facilitator: the personal fields follow the trainee
// rules (sex and birth date may come from the NIK, with a warning); role and
// status must be known; a facilitator who stopped or was replaced needs the
// date it happened.
func (f *Facilitator) Check(today time.Time) Issues {
	t := f.asTrainee()
	out := t.Check(today)
	f.Sex, f.BirthDate = t.Sex, t.BirthDate
	switch f.Role {
	case RoleFacilitator, RoleCoordinator:
	default:
		out = append(out, issuef("role", "facilitator_role_invalid", Error, f.Role))
	}
	switch f.Status {
	case FacActive:
	case FacStopped, FacReplaced:
		if f.StatusDate.IsZero() {
			out = append(out, issuef("status_date", "facilitator_status_date_missing", Error, FacilitatorStatusLabel(f.Status)))
		}
		if f.StatusReason == "" {
			out = append(out, issuef("status_reason", "facilitator_status_reason_missing", Warning))
		}
	default:
		out = append(out, issuef("status", "facilitator_status_invalid", Error, f.Status))
	}
	if !f.StatusDate.IsZero() && f.StatusDate.After(today) {
		out = append(out, issuef("status_date", "facilitator_status_date_future", Error, FormatDate(f.StatusDate)))
	}
	return out
}

// FacilitatorFilter selects rows of the facilitator list.
type FacilitatorFilter struct {
	Text       string // over name, NIK and desa
	Status     string // "" for any
	AgencyCode string // with a contract with this agency ...
	Year       int    // ... in this year (either may be empty)
	Deleted    bool   // deleted records only
}

// FacilitatorRow is one line of the facilitator list.
type FacilitatorRow struct {
	ID        int64
	NIK       string
	Name      string
	Sex       string
	DesaName  string
	KecName   string
	Phone     string
	Role      string
	Status    string
	Expertise string
	// The latest live contract: agency, year and kecamatan assigned.
	AgencyCode  string
	Year        int
	AssignedKec string
	DeletedAt   time.Time
}
