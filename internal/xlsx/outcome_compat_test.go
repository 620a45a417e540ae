package xlsx

import (
	"bytes"
	"crypto/sha256"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// TestOutcomeColumnsKeepOlderReadersChecksum: a reader that knows only the
// format's 16 Peserta columns (every WUBDesk before the outcome columns)
// checks the headings it knows and hashes the cells after them as they are;
// it must get the checksum the writer stored, or it would refuse every new
// submission as edited after export. The new reader gets the dates back.
func TestOutcomeColumnsKeepOlderReadersChecksum(t *testing.T) {
	d := func(m, day int) time.Time { return time.Date(2024, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	a := wub.Agency{Code: wub.DKP, FirstYear: 2020, Names: []wub.AgencyName{{Short: "DKP", Full: "Dinas Kelautan dan Perikanan"}}}
	tr := &wub.Trainee{ID: 7, NIK: "3528010202900002", Name: "Budi Santoso", Sex: "L", KecCode: "35.28.01"}
	e := &wub.Enrolment{TraineeID: 7, AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusTrained, CompletedOn: d(1, 20)}
	facts := wub.JourneyFacts{BusinessStarted: d(2, 19), FirstLicence: d(3, 1), FirstMarketing: d(3, 5), FirstWamira: d(4, 15)}
	var buf bytes.Buffer
	_, err := WriteSubmission(&buf, Submission{Agency: a, Month: d(6, 1), Now: d(6, 30), AppVersion: "test",
		Journeys: map[int64]wub.JourneyFacts{7: facts}}, func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
		return emit(tr, e)
	})
	if err != nil {
		t.Fatal(err)
	}

	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	metaRows, _ := f.GetRows(SheetMeta, excelize.Options{RawCellValue: true})
	_, pairs, stored, _, err := parseMeta(metaRows)
	if err != nil {
		t.Fatal(err)
	}
	old, n, err := excelizeReadSheet(f, SheetPeserta, pesertaColumns)
	if err != nil || n != 1 {
		t.Fatalf("older reader: %v, %d rows", err, n)
	}
	if checksum(pairs, old, nil) != stored {
		t.Fatal("an older reader would refuse the file as edited")
	}
	// Excel sees real dates (column T: after the 16 columns and the two count columns).
	if v, _ := f.GetCellValue(SheetPeserta, "T2"); v != "19/02/2024" {
		t.Errorf("Usaha berjalan shows %q", v)
	}

	r := ReadSubmission(bytes.NewReader(buf.Bytes()), "DKP.xlsx")
	if !r.OK() || len(r.Journeys) != 1 {
		t.Fatalf("new reader: %v %v", r.Err, r.Journeys)
	}
	got := r.Journeys[0]
	if !got.BusinessStarted.Equal(d(2, 19)) || !got.FirstWamira.Equal(d(4, 15)) || !got.FirstNIB.IsZero() {
		t.Errorf("read back %+v", got)
	}
}

// excelizeReadSheet is how WUBDesk read a data sheet before the streaming
// reader (excelize's row iterator, raw values): the digest of the headings
// it knows and of every row's cells as they are, dates canonical.
func excelizeReadSheet(f *excelize.File, sheet string, cols []SheetColumn) ([]byte, int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	digest := sha256.New()
	n := 0
	for first := true; rows.Next(); first = false {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, err
		}
		if first {
			digest.Write(appendCanonical(nil, cells))
			cols = withOptionalColumns(cols, cells)
			continue
		}
		if blank(cells) {
			continue
		}
		digest.Write(appendCanonical(nil, canonicalRow(cells, cols)))
		n++
	}
	return digest.Sum(nil), n, rows.Error()
}
