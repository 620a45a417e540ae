// Package officedoc makes the office's official documents as PDF: it
// gathers the domain values from the store (and from a handover package or
// a submission workbook), takes each document's letter number from the
// office's register, and hands them to internal/pdf. The window (Cetak PDF)
// and `wubdesk doc` both call it, so the two never assemble a document
// differently.
//
// It imports store, handover, xlsx, pdf and wub. docs/DOCUMENTS.md.
package officedoc

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strings"
	"time"

	"wubdesk/internal/handover"
	"wubdesk/internal/pdf"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// Result says what a document holds: the letter numbers it was given and,
// when some records were left out (trainees who did not pass get no
// certificate), a note saying so.
type Result struct {
	Kind    string
	Numbers []wub.LetterNumber
	Note    string
}

// Number is the document's (first) letter number.
func (r Result) Number() string {
	if len(r.Numbers) == 0 {
		return ""
	}
	return r.Numbers[0].Number
}

// office is what every document needs of the database's office.
type office struct {
	db     *store.DB
	office wub.Office
	agency wub.Agency
	lh     wub.Letterhead
	all    wub.Agencies
	today  time.Time
	meta   pdf.Meta
}

func load(ctx context.Context, db *store.DB) (*office, error) {
	o, err := db.Office(ctx)
	if err != nil {
		return nil, err
	}
	if !o.Configured() {
		return nil, wub.Errorf("letter_no_office")
	}
	as, err := db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	a, ok := as.ByCode(o.AgencyCode)
	if !ok {
		return nil, wub.Errorf("agency_unknown", o.AgencyCode)
	}
	lh, err := db.Letterhead(ctx)
	if err != nil {
		return nil, err
	}
	// A letter is dated by the calendar in Pamekasan, as the submission's
	// signature is, whatever zone the computer is set to.
	now := db.Now()
	w := now.In(wub.WIB)
	today := time.Date(w.Year(), w.Month(), w.Day(), 0, 0, 0, 0, time.UTC)
	return &office{db: db, office: o, agency: a, lh: lh, all: as, today: today,
		meta: pdf.Meta{Created: now, AppVersion: xlsx.AppVersion()}}, nil
}

func (o *office) kop() pdf.Kop {
	return pdf.Kop{Agency: o.agency.NameOn(o.today).Full, Letterhead: o.lh}
}

// head is the signature of the office's head on date.
func (o *office) head(date time.Time) pdf.Signer {
	return pdf.Signer{Place: o.office.Place, Date: date, Position: "Kepala " + o.agency.NameOn(date).Full,
		Name: o.office.HeadName, Rank: o.lh.HeadRank, NIP: o.office.HeadNIP}
}

func (o *office) number(ctx context.Context, reqs ...wub.LetterRequest) ([]wub.LetterNumber, error) {
	return o.db.IssueLetterNumbers(ctx, reqs)
}

// Handover writes the berita acara serah terima of a verified handover
// package, numbered from this office's register.
func Handover(ctx context.Context, db *store.DB, p *handover.Package, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	m := p.Manifest
	party := func(pt handover.Party) pdf.Party {
		out := pdf.Party{FullName: pt.FullName, ShortName: pt.ShortName, HeadName: pt.HeadName, HeadNIP: pt.HeadNIP}
		if pt.Code == o.office.AgencyCode {
			// This office's own head: from its settings, with the rank.
			if out.HeadName == "" {
				out.HeadName, out.HeadNIP = o.office.HeadName, o.office.HeadNIP
			}
			out.HeadRank = o.lh.HeadRank
		}
		return out
	}
	var counts []pdf.Count
	for _, mb := range m.Members {
		counts = append(counts, pdf.Count{Label: wub.HandoverKindLabel(mb.Kind), N: mb.Count})
	}
	ns, err := o.number(ctx, wub.LetterRequest{Kind: wub.DocHandover, Key: "handover:" + p.SHA256,
		Subject: fmt.Sprintf("Berita acara serah terima %s → %s", m.From.ShortName, m.To.ShortName), Date: o.today})
	if err != nil {
		return Result{}, err
	}
	err = pdf.WriteHandover(w, pdf.Handover{Kop: o.kop(), Number: ns[0].Number, Date: m.Date(), Place: m.Place,
		From: party(m.From), To: party(m.To), FileName: p.FileName, SHA256: p.SHA256, Counts: counts, Meta: o.meta})
	return Result{Kind: wub.DocHandover, Numbers: ns}, err
}

// CoverLetter writes the surat pengantar of a submission workbook the
// office made (read back and verified: an edited workbook is refused). A
// non-zero month must be the workbook's.
func CoverLetter(ctx context.Context, db *store.DB, r *xlsx.Received, month time.Time, w io.Writer) (Result, error) {
	if !r.OK() {
		return Result{}, r.Err
	}
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	meta := r.Meta
	if meta.AgencyCode != o.office.AgencyCode {
		return Result{}, wub.Errorf("doc_workbook_agency", r.FileName, meta.AgencyName, o.agency.NameOn(o.today).Short)
	}
	if !month.IsZero() && wub.Period(month) != meta.Period {
		return Result{}, wub.Errorf("doc_workbook_period", r.FileName, wub.PeriodLabel(meta.Month()), wub.PeriodLabel(month))
	}
	ns, err := o.number(ctx, wub.LetterRequest{Kind: wub.DocCoverLetter, Key: "cover-letter:" + meta.DataSHA256,
		Subject: "Surat pengantar laporan bulanan " + wub.PeriodLabel(meta.Month()), Date: o.today})
	if err != nil {
		return Result{}, err
	}
	err = pdf.WriteCoverLetter(w, pdf.CoverLetter{Kop: o.kop(), Number: ns[0].Number, Date: o.today, Sub: meta,
		FileName: r.FileName, Signer: o.head(o.today), Meta: o.meta})
	return Result{Kind: wub.DocCoverLetter, Numbers: ns}, err
}

// ContractRound writes the decision list of an agency's contract round
// for year ("" is the office's agency; another agency's list is signed by
// its head, whose name is left to fill in). The list is numbered per state
// of the decisions: printing it again unchanged gives the same number,
// after a change a new one.
func ContractRound(ctx context.Context, db *store.DB, agency string, year int, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	if agency == "" {
		agency = o.office.AgencyCode
	}
	a, ok := o.all.ByCode(agency)
	if !ok {
		return Result{}, wub.Errorf("agency_unknown", agency)
	}
	r, err := db.ContractRound(ctx, a.Code, year)
	if err != nil {
		return Result{}, err
	}
	if len(r.Rows) == 0 {
		return Result{}, wub.Errorf("doc_no_round", a.NameInYear(year).Short, year)
	}
	h := sha256.New()
	for _, row := range r.Rows {
		fmt.Fprintf(h, "%d\t%s\t%s\n", row.FacilitatorID, row.CurrentDecision(), row.Decision.Note)
	}
	ns, err := o.number(ctx, wub.LetterRequest{Kind: wub.DocContractRound,
		Key:     fmt.Sprintf("contract-round:%s:%d:%s", a.Code, year, hex.EncodeToString(h.Sum(nil))[:16]),
		Subject: fmt.Sprintf("Keputusan perpanjangan kontrak fasilitator %s %d", a.NameOn(o.today).Short, year), Date: o.today})
	if err != nil {
		return Result{}, err
	}
	signer := o.head(o.today)
	if a.Code != o.office.AgencyCode {
		signer = pdf.Signer{Place: o.office.Place, Date: o.today, Position: "Kepala " + a.NameOn(o.today).Full}
	}
	err = pdf.WriteContractRound(w, pdf.ContractRound{Kop: o.kop(), Number: ns[0].Number, Round: *r,
		Signer: signer, Meta: o.meta})
	res := Result{Kind: wub.DocContractRound, Numbers: ns}
	if _, _, undecided := r.Counts(); undecided > 0 {
		res.Note = wub.Message("doc_round_undecided", "", undecided)
	}
	return res, err
}

// Certificates writes the certificates of a batch: of every trainee who
// passed (niks empty), or of the trainees with those NIKs, each of whom
// must be a member who passed. Each certificate has its own number; the
// note counts the members left out because they have not passed.
func Certificates(ctx context.Context, db *store.DB, batchID int64, niks []string, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	b, err := db.Batch(ctx, batchID)
	if err != nil || b == nil {
		return Result{}, wub.Errorf("doc_no_batch", batchID)
	}
	members, err := db.BatchMembers(ctx, batchID)
	if err != nil {
		return Result{}, err
	}
	label := fmt.Sprintf("%s %d", b.Name, b.Year)
	var chosen []wub.BatchMember
	left := 0
	if len(niks) > 0 {
		byNIK := map[string]wub.BatchMember{}
		for _, m := range members {
			byNIK[m.NIK] = m
		}
		for _, n := range niks {
			m, ok := byNIK[wub.NormalizeNIK(n)]
			if !ok {
				return Result{}, wub.Errorf("doc_not_in_batch", label)
			}
			if m.Status != wub.StatusTrained {
				return Result{}, wub.Errorf("doc_not_trained", m.Name, label)
			}
			chosen = append(chosen, m)
		}
	} else {
		for _, m := range members {
			if m.Status == wub.StatusTrained {
				chosen = append(chosen, m)
			} else {
				left++
			}
		}
		if len(chosen) == 0 {
			return Result{}, wub.Errorf("doc_batch_none_trained", label)
		}
	}
	reqs := make([]wub.LetterRequest, len(chosen))
	for i, m := range chosen {
		reqs[i] = wub.LetterRequest{Kind: wub.DocCertificate, Key: fmt.Sprintf("trainee:%d:batch:%d", m.TraineeID, b.ID),
			Subject: fmt.Sprintf("Sertifikat %s, %s", m.Name, label), Date: o.today}
	}
	ns, err := o.number(ctx, reqs...)
	if err != nil {
		return Result{}, err
	}
	certs := make([]pdf.Certificate, len(chosen))
	for i, m := range chosen {
		certs[i] = pdf.Certificate{Number: ns[i].Number, Name: m.Name, Address: place(m.DesaName, m.KecName)}
	}
	ref := wub.Ref()
	venue := ""
	if b.DesaCode != "" || b.KecCode != "" {
		kec := b.KecCode
		if kec == "" && len(b.DesaCode) >= 8 {
			kec = b.DesaCode[:8]
		}
		venue = place(ref.DesaName(b.DesaCode), ref.KecamatanName(kec))
	}
	err = pdf.WriteCertificates(w, pdf.Certificates{Kop: o.kop(), Batch: *b, Venue: venue, Trainees: certs,
		Signer: o.head(o.today), Meta: o.meta})
	res := Result{Kind: wub.DocCertificate, Numbers: ns}
	if left > 0 {
		res.Note = wub.Message("doc_certificates_left", "", left)
	}
	return res, err
}

func place(desa, kec string) string {
	var parts []string
	if strings.TrimSpace(desa) != "" {
		parts = append(parts, "Desa/Kel. "+desa)
	}
	if strings.TrimSpace(kec) != "" {
		parts = append(parts, "Kecamatan "+kec)
	}
	return strings.Join(parts, ", ")
}

// PersonReport writes what the database holds about one NIK.
func PersonReport(ctx context.Context, db *store.DB, nik string, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	data, err := db.PersonData(ctx, nik)
	if err != nil {
		return Result{}, err
	}
	if data == nil {
		return Result{}, wub.Errorf("doc_nik_unknown")
	}
	first := data.Records[0].Trainee
	ns, err := o.number(ctx, wub.LetterRequest{Kind: wub.DocPersonReport,
		Key:     fmt.Sprintf("trainee:%d:report:%s", first.ID, wub.ISO(o.today)),
		Subject: fmt.Sprintf("Laporan data pribadi (nomor data %d)", first.ID), Date: o.today}) // no name: the register outlives an erasure
	if err != nil {
		return Result{}, err
	}
	err = pdf.WritePersonReport(w, pdf.PersonReport{Kop: o.kop(), Number: ns[0].Number, Date: o.today, Data: *data,
		Agencies: o.all, PrintedBy: db.Actor, Signer: o.head(o.today), Meta: o.meta})
	return Result{Kind: wub.DocPersonReport, Numbers: ns}, err
}
