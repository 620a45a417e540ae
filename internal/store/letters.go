package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// Letterhead returns the office's letterhead (empty fields until it is set).
func (db *DB) Letterhead(ctx context.Context) (wub.Letterhead, error) {
	var l wub.Letterhead
	err := db.r.QueryRowContext(ctx, `SELECT address, phone, email, website, head_rank, classification,
		emblem, emblem_name FROM letterhead WHERE id = 1`).Scan(&l.Address, &l.Phone, &l.Email, &l.Website,
		&l.HeadRank, &l.Classification, &l.Emblem, &l.EmblemName)
	if errors.Is(err, sql.ErrNoRows) {
		return wub.Letterhead{}, nil
	}
	return l, err
}

// letterheadRecord is the audit log's view of the letterhead: the emblem
// by its file name, size and SHA-256, not its bytes.
type letterheadRecord struct {
	Address        string `json:"address"`
	Phone          string `json:"phone"`
	Email          string `json:"email"`
	Website        string `json:"website,omitempty"`
	HeadRank       string `json:"head_rank,omitempty"`
	Classification string `json:"classification,omitempty"`
	Emblem         string `json:"emblem,omitempty"`
}

func letterheadRecordOf(l wub.Letterhead) letterheadRecord {
	r := letterheadRecord{Address: l.Address, Phone: l.Phone, Email: l.Email, Website: l.Website,
		HeadRank: l.HeadRank, Classification: l.Classification}
	if len(l.Emblem) > 0 {
		s := sha256.Sum256(l.Emblem)
		r.Emblem = l.EmblemName + " (" + wub.FormatInt(len(l.Emblem)) + " byte, SHA-256 " + hex.EncodeToString(s[:8]) + "…)"
	}
	return r
}

// SetLetterhead checks and saves the letterhead, with an audit row.
func (db *DB) SetLetterhead(ctx context.Context, l wub.Letterhead) (wub.Issues, error) {
	if is := l.Check(); is.HasErrors() {
		return is, nil
	}
	if len(l.Emblem) == 0 {
		l.Emblem, l.EmblemName = nil, ""
	}
	return nil, db.writeTx(ctx, func(tx *sql.Tx) error {
		var old wub.Letterhead
		err := tx.QueryRowContext(ctx, `SELECT address, phone, email, website, head_rank, classification,
			emblem, emblem_name FROM letterhead WHERE id = 1`).Scan(&old.Address, &old.Phone, &old.Email,
			&old.Website, &old.HeadRank, &old.Classification, &old.Emblem, &old.EmblemName)
		found := err == nil
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if found && letterheadRecordOf(old) == letterheadRecordOf(l) {
			return nil
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO letterhead (id, address, phone, email, website, head_rank,
			classification, emblem, emblem_name, updated_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT (id) DO UPDATE SET address = excluded.address, phone = excluded.phone, email = excluded.email,
			website = excluded.website, head_rank = excluded.head_rank, classification = excluded.classification,
			emblem = excluded.emblem, emblem_name = excluded.emblem_name, updated_at = excluded.updated_at`,
			l.Address, l.Phone, l.Email, l.Website, l.HeadRank, l.Classification, l.Emblem, l.EmblemName, db.now()); err != nil {
			return err
		}
		if !found {
			return db.audit(ctx, tx, "letterhead", 1, "insert", nil, letterheadRecordOf(l))
		}
		return db.audit(ctx, tx, "letterhead", 1, "update", letterheadRecordOf(old), letterheadRecordOf(l))
	}, wub.ActSettings)
}

// letterRecord is the audit log's view of a letter number.
type letterRecord struct {
	Number  string `json:"number"`
	Kind    string `json:"kind"`
	Subject string `json:"subject"`
	Date    string `json:"date"`
}

// IssueLetterNumbers gives each request a number from the register of the
// database's office, in one transaction: the next of the agency's sequence
// for the letter's year, or, for a document (kind, key) that already has a
// number, that number again. Numbers are never reused: the sequence goes on
// from the highest number the register holds for the agency and year.
func (db *DB) IssueLetterNumbers(ctx context.Context, reqs []wub.LetterRequest) ([]wub.LetterNumber, error) {
	office, err := db.Office(ctx)
	if err != nil {
		return nil, err
	}
	if !office.Configured() {
		return nil, wub.Errorf("letter_no_office")
	}
	lh, err := db.Letterhead(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]wub.LetterNumber, len(reqs))
	err = db.writeTx(ctx, func(tx *sql.Tx) error {
		for i, r := range reqs {
			n, err := db.issueLetter(ctx, tx, office.AgencyCode, lh.Classification, r)
			if err != nil {
				return err
			}
			out[i] = n
		}
		return nil
	}, wub.ActExport, wub.ActSignOff)
	if err != nil {
		return nil, err
	}
	return out, nil
}

const letterCols = `id, agency_code, year, seq, number, classification, kind, doc_key, subject, letter_date, issued_at, issued_by`

func scanLetter(sc interface{ Scan(...any) error }) (wub.LetterNumber, error) {
	var n wub.LetterNumber
	var date, at string
	err := sc.Scan(&n.ID, &n.AgencyCode, &n.Year, &n.Seq, &n.Number, &n.Classification, &n.Kind, &n.Key,
		&n.Subject, &date, &at, &n.IssuedBy)
	n.Date = wub.ParseISODate(date)
	n.IssuedAt = parseTime(at)
	return n, err
}

func (db *DB) issueLetter(ctx context.Context, tx *sql.Tx, agency, class string, r wub.LetterRequest) (wub.LetterNumber, error) {
	key := strings.TrimSpace(r.Key)
	if key == "" {
		key = "-"
	}
	n, err := scanLetter(tx.QueryRowContext(ctx, "SELECT "+letterCols+` FROM letter_number
		WHERE agency_code = ? AND kind = ? AND doc_key = ?`, agency, r.Kind, key))
	if err == nil {
		return n, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return n, err
	}
	date := r.Date
	if date.IsZero() {
		date = db.today()
	}
	year := date.Year()
	var seq int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) + 1 FROM letter_number
		WHERE agency_code = ? AND year = ?`, agency, year).Scan(&seq); err != nil {
		return n, err
	}
	n = wub.LetterNumber{AgencyCode: agency, Year: year, Seq: seq, Number: wub.FormatLetterNumber(class, seq, agency, year),
		Classification: class, Kind: r.Kind, Key: key, Subject: r.Subject, Date: date, IssuedBy: db.Actor}
	n.IssuedAt, _ = time.Parse(time.RFC3339, db.now())
	res, err := tx.ExecContext(ctx, "INSERT INTO letter_number ("+letterCols[4:]+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, n.AgencyCode, n.Year, n.Seq, n.Number, n.Classification, n.Kind,
		n.Key, n.Subject, wub.ISO(date), db.now(), n.IssuedBy)
	if err != nil {
		return n, err
	}
	n.ID, _ = res.LastInsertId()
	return n, db.audit(ctx, tx, "letter_number", n.ID, "insert", nil,
		letterRecord{Number: n.Number, Kind: n.Kind, Subject: n.Subject, Date: wub.ISO(date)})
}

// LetterNumbers lists the register of a year, all agencies, newest first.
func (db *DB) LetterNumbers(ctx context.Context, year int) ([]wub.LetterNumber, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT "+letterCols+` FROM letter_number WHERE year = ?
		ORDER BY agency_code, seq DESC`, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []wub.LetterNumber
	for rows.Next() {
		n, err := scanLetter(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}
