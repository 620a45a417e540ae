package xlsx

import (
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// Signature is the block an agency head signs at the foot of a workbook:
//
//	Pamekasan, 3 Januari 2023
//	Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja
//	(four empty rows for the signature and stamp)
//	<name, bold and underlined>
//	NIP <nip>
type Signature struct {
	Place    string // "Pamekasan" when empty
	Date     time.Time
	Position string // "Kepala <agency full name>"
	Name     string // dotted line when empty
	NIP      string // dotted line when empty
}

// HeadSignature is the signature of the head of agency on date, taken from
// the office settings when they belong to that agency (another agency's
// head must not appear under this one's list).
func HeadSignature(o wub.Office, a wub.Agency, date time.Time) Signature {
	s := Signature{Place: o.Place, Date: date, Position: "Kepala " + a.NameOn(date).Full}
	if o.AgencyCode == a.Code {
		s.Name, s.NIP = o.HeadName, o.HeadNIP
	}
	return s
}

// Lines are the block's rows as text; "" is an empty row.
func (s Signature) Lines() []string {
	place := s.Place
	if place == "" {
		place = "Pamekasan"
	}
	name := s.Name
	if name == "" {
		name = "(......................................)"
	}
	nip := s.NIP
	if nip == "" {
		nip = "......................................"
	}
	return []string{place + ", " + wub.FormatLongDate(s.Date), s.Position, "", "", "", "", name, "NIP " + nip}
}

// WriteSignature writes the block into columns from..to (1-based) of a
// normal-mode sheet from row on, each line merged across the columns and
// centred, and returns the row after it.
func WriteSignature(f *excelize.File, sheet string, row, from, to int, s Signature) (int, error) {
	center, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}})
	if err != nil {
		return row, err
	}
	name, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Underline: "single"},
		Alignment: &excelize.Alignment{Horizontal: "center"}})
	if err != nil {
		return row, err
	}
	for i, line := range s.Lines() {
		a, _ := excelize.CoordinatesToCellName(from, row)
		b, _ := excelize.CoordinatesToCellName(to, row)
		if line != "" {
			if to > from {
				if err := f.MergeCell(sheet, a, b); err != nil {
					return row, err
				}
			}
			if err := f.SetCellStr(sheet, a, line); err != nil {
				return row, err
			}
			st := center
			if i == 6 {
				st = name
			}
			if err := f.SetCellStyle(sheet, a, b, st); err != nil {
				return row, err
			}
		}
		if i == 1 {
			if err := f.SetRowHeight(sheet, row, 32); err != nil {
				return row, err
			}
		}
		row++
	}
	return row, nil
}
