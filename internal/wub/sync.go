package wub

import (
	"crypto/rand"
	"fmt"
	"time"
)

// NewGID returns a new global id: a random UUID v4, lower-case text. Every
// record the regency hub holds has one, made where the record is made, so
// records made offline never collide (issue 21).
func NewGID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err) // crypto/rand does not fail on supported systems
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// HubLink is the office's link to the regency hub as stored in its
// register (Pengaturan → Register kabupaten). Token is the device
// credential; it never goes to logs or the audit trail.
type HubLink struct {
	URL         string // https://host:port
	DeviceID    string
	OfficeID    string
	Agency      string // the agency the hub enrolled the office for
	Token       string
	Fingerprint string // SHA-256 of the hub's certificate, hex lower case
	EnrolledAt  time.Time
}

// Enrolled reports whether the office has a device credential.
func (l HubLink) Enrolled() bool { return l.DeviceID != "" && l.Token != "" }

// SyncState is what the window and `wubdesk sync` show about the link.
type SyncState struct {
	Link      HubLink
	Pending   int       // changes waiting in the outbox
	LastSync  time.Time // zero when never
	LastError string    // the last round's error in words, "" after a good round
	ErrorCode string    // its wub code
	ErrorAt   time.Time
	Skew      time.Duration // the office clock minus the hub's, as last seen
}

// SyncResult is one round of sync.
type SyncResult struct {
	Pushed   int    // changes the hub took (applied, duplicate or rejected) in this round
	Rejected int    // of which the hub refused for good
	Pending  int    // changes still waiting
	Hub      string // the hub's address
	Facts    int    // facts refreshed
}

// HubFact is another agency's enrolment of a NIK as the hub last told it:
// agency, year and status only, never the other office's personal data.
type HubFact struct {
	NIK    string
	Agency string
	Year   int
	Status string
	SeenAt time.Time
}
