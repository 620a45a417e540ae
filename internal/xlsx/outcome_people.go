package xlsx

import (
	"io"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// SheetOutcomePeople is the sheet of an exported outcome list.
const SheetOutcomePeople = "Peserta"

// WriteOutcomePeople writes the people behind one outcome figure: a title
// header saying which figure (program year, agency or regency, kecamatan,
// stage) and how many, and one row per person with the first date of every
// stage. agencyName names an agency code as of the year.
func WriteOutcomePeople(w io.Writer, title string, people []wub.PersonJourney, agencyName func(code string) string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetOutcomePeople); err != nil {
		return err
	}
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	headers := []string{"No", "NIK", "Nama", "Dinas", "Kecamatan", "Terdaftar", "Lulus"}
	for _, c := range outcomeColumns {
		headers = append(headers, c.Header)
	}
	headers = append(headers, "Hari lulus → usaha")
	ref := wub.Ref()
	rows := make([][]any, 0, len(people))
	for i, p := range people {
		kec := ""
		if p.KecCode != "" {
			kec = ref.KecamatanName(p.KecCode)
		}
		row := []any{i + 1, p.NIK, p.Name, agencyName(p.AgencyCode), kec, dateOrNil(p.Facts.RegisteredOn),
			dateOrNil(p.Facts.TrainedOn)}
		for _, c := range outcomeColumns {
			row = append(row, dateOrNil(p.Facts.Date(c.stage)))
		}
		if d, ok := p.Facts.DaysToBusiness(); ok {
			row = append(row, d)
		} else {
			row = append(row, nil)
		}
		rows = append(rows, row)
	}
	widths := []float64{6, 20, 28, 18, 16, 12, 12, 12, 14, 12, 12, 12, 13, 12, 10}
	if err := table(f, st, SheetOutcomePeople, headers, widths, map[int]bool{1: true}, rows); err != nil {
		return err
	}
	// The figure the list is behind prints at the top of every page.
	if err := f.SetHeaderFooter(SheetOutcomePeople, &excelize.HeaderFooterOptions{
		OddHeader: "&L&B" + headerCodeText(sanitize(title)), OddFooter: "&RHalaman &P dari &N"}); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	_ = f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "WUBDesk " + AppVersion(), Language: "id-ID"})
	return writeWithDimensions(f, w)
}

// headerCodeText escapes the & of a print header's codes (excelize escapes the XML).
func headerCodeText(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		if r == '&' {
			out = append(out, '&')
		}
		out = append(out, r)
	}
	return string(out)
}

func dateOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}
