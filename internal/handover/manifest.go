package handover

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Ext is the file extension of a handover package.
const Ext = ".wubho"

// Format names the package format in its manifest; FormatVersion grows
// when a reader of an older version could misread a newer package.
const (
	Format        = "wubdesk-serah-terima"
	FormatVersion = 1
	manifestName  = "manifest.json"
	agencyKind    = "agency"
)

// sealPrefix starts the zip comment; the package's SHA-256 in hex follows
// it and ends the file (docs/HANDOVER.md).
const sealPrefix = "WUBDesk serah terima; SHA-256 "

// Manifest describes a package: who hands over to whom on which date, what
// made it, and each member with its record count and SHA-256.
type Manifest struct {
	Format        string   `json:"format"`
	FormatVersion int      `json:"format_version"`
	From          Party    `json:"from"`
	To            Party    `json:"to"`
	HandoverDate  string   `json:"handover_date"` // YYYY-MM-DD
	Place         string   `json:"place"`
	CreatedAt     string   `json:"created_at"` // RFC 3339 UTC
	CreatedBy     string   `json:"created_by"`
	AppVersion    string   `json:"app_version"`
	SchemaVersion int      `json:"schema_version"`
	Members       []Member `json:"members"`
}

// Party is an agency of the handover with its names on the handover date
// and, for the giving office, its head from the office settings.
type Party struct {
	Code      string `json:"code"`
	ShortName string `json:"short_name"`
	FullName  string `json:"full_name"`
	HeadName  string `json:"head_name"`
	HeadNIP   string `json:"head_nip"`
}

// Member is one file inside the package: the records of one type, one JSON
// object per line.
type Member struct {
	Name   string `json:"name"` // "trainee.jsonl"
	Kind   string `json:"kind"` // "trainee"
	Count  int    `json:"count"`
	SHA256 string `json:"sha256"` // of the member's bytes
}

// Date is the handover date.
func (m *Manifest) Date() time.Time { return wub.ParseISODate(m.HandoverDate) }

// Created is when the giving office made the package.
func (m *Manifest) Created() time.Time {
	t, _ := time.Parse(time.RFC3339, m.CreatedAt)
	return t
}

// Count is the number of records of a kind in the package.
func (m *Manifest) Count(kind string) int {
	for _, mb := range m.Members {
		if mb.Kind == kind {
			return mb.Count
		}
	}
	return 0
}

func memberName(kind string) string { return kind + ".jsonl" }

func sha(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

// seal writes the package's SHA-256 into the last 64 bytes of a zip whose
// comment is sealPrefix plus 64 placeholder bytes: the hash covers every
// byte before them.
func seal(zipped []byte) string {
	n := len(zipped) - 64
	sum := sha(zipped[:n])
	copy(zipped[n:], sum)
	return sum
}

// sealOf reads the seal at the end of a package: the SHA-256 it claims and
// the one its bytes have. ok is false when the file has no seal.
func sealOf(data []byte) (claimed, actual string, ok bool) {
	n := len(data) - 64 - len(sealPrefix)
	if n < 0 || string(data[n:n+len(sealPrefix)]) != sealPrefix {
		return "", "", false
	}
	claimed = string(data[len(data)-64:])
	if _, err := hex.DecodeString(claimed); err != nil || strings.ToLower(claimed) != claimed {
		return "", "", false
	}
	return claimed, sha(data[:len(data)-64]), true
}
