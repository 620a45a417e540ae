package wub

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // emblem files
	_ "image/png"
	"net/mail"
	"strings"
	"time"
)

// Letterhead is what an office prints at the top of its official documents
// (the kop of Permendagri 1/2023) beyond its agency name: set once in
// Pengaturan. The regional emblem is an image file the office chooses; the
// program ships none.
type Letterhead struct {
	Address        string // "Jl. Jokotole No. 1, Pamekasan 69317"
	Phone          string // "(0324) 322xxx"
	Email          string
	Website        string
	HeadRank       string // the head's pangkat/golongan, "Pembina Utama Muda (IV/c)"
	Classification string // kode klasifikasi arsip that starts the letter numbers, "500.3"; "" for none
	Emblem         []byte // PNG or JPEG, nil when none was chosen
	EmblemName     string // the chosen file's name, for the settings panel
}

// MaxEmblemBytes bounds the emblem image kept in the database.
const MaxEmblemBytes = 2 << 20

// EmblemType is "PNG" or "JPG" for an emblem image, "" when b is neither.
func EmblemType(b []byte) string {
	_, format, err := image.DecodeConfig(bytes.NewReader(b))
	if err != nil {
		return ""
	}
	switch format {
	case "png":
		return "PNG"
	case "jpeg":
		return "JPG"
	}
	return ""
}

// Check validates the letterhead: an e-mail address that is one, an
// emblem that is a PNG or JPEG image of reasonable size, a classification
// code of digits and dots.
func (l *Letterhead) Check() Issues {
	var out Issues
	l.Address = strings.TrimSpace(l.Address)
	l.Phone = strings.TrimSpace(l.Phone)
	l.Email = strings.TrimSpace(l.Email)
	l.Website = strings.TrimSpace(l.Website)
	l.HeadRank = strings.TrimSpace(l.HeadRank)
	l.Classification = strings.TrimSpace(l.Classification)
	if l.Email != "" {
		if a, err := mail.ParseAddress(l.Email); err != nil || a.Address != l.Email {
			out = append(out, issuef("email", "letterhead_email", Error, l.Email))
		}
	}
	for _, r := range l.Classification {
		if (r < '0' || r > '9') && r != '.' {
			out = append(out, issuef("classification", "letterhead_classification", Error, l.Classification))
			break
		}
	}
	if len(l.Emblem) > 0 {
		switch {
		case len(l.Emblem) > MaxEmblemBytes:
			out = append(out, issuef("emblem", "letterhead_emblem_large", Error, l.EmblemName, MaxEmblemBytes>>20))
		case EmblemType(l.Emblem) == "":
			out = append(out, issuef("emblem", "letterhead_emblem_type", Error, l.EmblemName))
		}
	}
	return out
}

// Kinds of numbered documents.
const (
	DocHandover      = "handover"
	DocCoverLetter   = "cover-letter"
	DocContractRound = "contract-round"
	DocCertificate   = "certificate"
	DocPersonReport  = "person-report"
)

// DocKinds lists the document kinds in the order the docs describe them.
var DocKinds = []string{DocHandover, DocCoverLetter, DocContractRound, DocCertificate, DocPersonReport}

// DocKindLabel names a document kind.
func DocKindLabel(kind string) string {
	switch kind {
	case DocHandover:
		return nikText("Berita acara serah terima", "Handover record")
	case DocCoverLetter:
		return nikText("Surat pengantar laporan bulanan", "Monthly report cover letter")
	case DocContractRound:
		return nikText("Daftar keputusan perpanjangan kontrak", "Contract renewal decision list")
	case DocCertificate:
		return nikText("Sertifikat pelatihan", "Training certificate")
	case DocPersonReport:
		return nikText("Laporan data pribadi", "Personal data report")
	}
	return kind
}

// LetterRequest asks for the number of one document. Key names the document
// (the package's SHA-256, the trainee of a certificate, ...): asking again
// for the same kind and key gives the same number, so printing a document
// twice does not use up a second number.
type LetterRequest struct {
	Kind    string
	Key     string
	Subject string    // what the register shows: "Sertifikat Siti Aminah, Angkatan 1"
	Date    time.Time // the letter's date; its year is the number's year
}

// LetterNumber is a number from an office's register of outgoing letters:
// one sequence per agency and year, never reused.
type LetterNumber struct {
	ID             int64
	AgencyCode     string
	Year           int
	Seq            int
	Number         string // "500.3/12/DISKOPUKM/2026"
	Kind, Key      string
	Subject        string
	Date           time.Time
	IssuedAt       time.Time
	IssuedBy       string
	Classification string
}

// FormatLetterNumber writes a letter number as Permendagri 1/2023 lays it
// out: kode klasifikasi / nomor urut / kode unit / tahun. The unit is the
// agency's code, so two offices (or two offices merged into one) never
// write the same number; the classification is left out when the office
// has none.
func FormatLetterNumber(classification string, seq int, agency string, year int) string {
	n := fmt.Sprintf("%d/%s/%d", seq, agency, year)
	if c := strings.TrimSpace(classification); c != "" {
		n = c + "/" + n
	}
	return n
}

// PersonData is everything a database holds about one NIK, for the
// person's data report: every trainee record with that NIK (deleted ones
// too), each with its enrolments, journey, visits, businesses and the
// audit rows that touched it.
type PersonData struct {
	NIK     string
	Records []PersonRecord
	Copies  []CopyRecord // the logged copies that carried the NIK (issue 24)
}

// PersonRecord is one trainee record of a person with what hangs off it.
type PersonRecord struct {
	Trainee    Trainee // with its enrolments
	Timeline   []StageEvent
	Mentorings []Mentoring
	Businesses []Business
	Audit      []AuditEntry // oldest first
}
