package xlsx

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// Submission describes one agency's monthly submission workbook. Quota,
// Facilitators and the office's head are optional: they are shown when
// set (the quota and facilitator registers come from other features).
type Submission struct {
	Agency       wub.Agency
	Month        time.Time  // any day of the reporting month; the program year is its year
	Office       wub.Office // head of the agency and place, for the signature block
	Quota        int        // the agency's quota for the program year, 0 when not set
	Facilitators *Table     // the Fasilitator sheet, nil when there are none
	AppVersion   string     // "" takes the version from the build
	Now          time.Time  // generation time; zero means time.Now()
	// Progress, when set, is called with the number of rows written so far
	// (every 1,000 rows and at the end), on the writing goroutine.
	Progress func(rows int)
	// OpenDuplicates is the number of likely-duplicate pairs nobody has
	// reviewed yet when the workbook is made; the Rekap names it when > 0,
	// so a head knows how firm the figures are (issue 18).
	OpenDuplicates int
	// Journeys are the stage dates of the people of the year as of the end
	// of the month, by trainee ID (store.DB.JourneyFacts). When set, the
	// Peserta sheet gets the outcome columns and the Rekap the stage
	// figures (submission_outcomes.go).
	Journeys map[int64]wub.JourneyFacts

	people *submissionPeople // the rows' people, for the Rekap's stage figures
}

// RowSource streams the Peserta rows: it calls emit once per enrolment, in
// the order they are to appear, and returns emit's first error.
// store.DB.SubmissionRows has this shape.
type RowSource func(emit func(t *wub.Trainee, e *wub.Enrolment) error) error

func (s *Submission) monthStart() time.Time {
	return time.Date(s.Month.Year(), s.Month.Month(), 1, 0, 0, 0, 0, time.UTC)
}

func (s *Submission) headName() string {
	if s.Office.AgencyCode == "" || s.Office.AgencyCode == s.Agency.Code {
		return s.Office.HeadName
	}
	return ""
}

func (s *Submission) headNIP() string {
	if s.Office.AgencyCode == "" || s.Office.AgencyCode == s.Agency.Code {
		return s.Office.HeadNIP
	}
	return ""
}

// AppVersion is the version of this build ("dev" when unknown).
func AppVersion() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// pesertaLevel is the deflate level of the streamed Peserta sheet: the
// fastest, because compression is most of an export's time; the file is
// about a third larger than at archive/zip's default level (docs/PERFORMANCE.md).
var pesertaLevel = flate.BestSpeed

// pesertaPart is where excelize puts the second sheet of a new workbook;
// assemble checks it against the workbook's relationships.
const pesertaPart = "xl/worksheets/sheet2.xml"

// WriteSubmission writes the submission workbook to w and returns what its
// Meta sheet records. The Peserta sheet is streamed straight into the
// archive (memory does not grow with the rows); the small sheets, the
// styles and the chart are made with excelize and copied in after it.
func WriteSubmission(w io.Writer, s Submission, rows RowSource) (wub.SubmissionMeta, error) {
	month := s.monthStart()
	now := s.Now
	if now.IsZero() {
		now = time.Now()
	}
	if s.AppVersion == "" {
		s.AppVersion = AppVersion()
	}
	meta := wub.SubmissionMeta{Format: wub.SubmissionFormat, AgencyCode: s.Agency.Code,
		AgencyName: s.Agency.NameOn(wub.EndOfMonth(month)).Short, Period: wub.Period(month), Year: month.Year(),
		AppVersion: s.AppVersion, GeneratedAt: now.Truncate(time.Second), Quota: s.Quota}

	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetRekap); err != nil {
		return meta, err
	}
	names := []string{SheetPeserta}
	if s.Facilitators != nil && len(s.Facilitators.Rows) > 0 {
		names = append(names, SheetFasilitator)
	}
	for _, n := range append(names, SheetMeta) {
		if _, err := f.NewSheet(n); err != nil {
			return meta, err
		}
	}
	st, err := newStyles(f)
	if err != nil {
		return meta, err
	}

	zw := zip.NewWriter(w)
	digest := sha256.New()
	pcols := submissionColumns(&s, pesertaWriteColumns())
	agencyFull := s.Agency.NameOn(wub.EndOfMonth(month)).Full
	sw, err := newSheetWriter(pcols, st.sheet(), pagePrint{
		title: "DAFTAR PESERTA PROGRAM WIRAUSAHA BARU (WUB) — BULAN " + strings.ToUpper(wub.PeriodLabel(month)),
	}, digest)
	if err != nil {
		return meta, err
	}
	sw.fixed = len(pesertaColumns) // added columns keep older readers' checksum (submission_outcomes.go)
	defer sw.discard()
	t := newTally(month)
	row := make([]string, len(pcols))
	s.people = newSubmissionPeople(&s)
	n := 0
	err = rows(func(tr *wub.Trainee, e *wub.Enrolment) error {
		n++
		pesertaRow(row, n, tr, e)
		countCells(row[len(pesertaColumns):], e)
		t.add(tr, e)
		if s.people != nil {
			s.people.add(row[len(pesertaColumns)+len(pesertaCountColumns):], tr, e)
		}
		if s.Progress != nil && n%1000 == 0 {
			s.Progress(n)
		}
		return sw.add(row)
	})
	if err != nil {
		return meta, err
	}
	if s.Progress != nil {
		s.Progress(n)
	}
	meta.TraineeRows = n
	meta.TrainedMonth, meta.RegisteredMonth, meta.DroppedMonth = t.all.month[0], t.all.month[1], t.all.month[2]
	meta.TrainedTotal, meta.RegisteredTotal, meta.DroppedTotal = t.all.total[0], t.all.total[1], t.all.total[2]

	var fasilSum []byte
	var kinds []Kind
	if len(names) > 1 {
		meta.FacilitatorRows = len(s.Facilitators.Rows)
		if fasilSum, err = writeTable(f, SheetFasilitator, s.Facilitators, st); err != nil {
			return meta, err
		}
		for _, c := range s.Facilitators.Columns {
			kinds = append(kinds, c.Kind)
		}
		if err := setPageTitle(f, SheetFasilitator, pagePrint{title: "DAFTAR FASILITATOR PROGRAM WUB — BULAN " +
			strings.ToUpper(wub.PeriodLabel(month)), subtitle: agencyFull}); err != nil {
			return meta, err
		}
	}
	pairs := metaPairs(meta, kinds)
	meta.DataSHA256 = checksum(pairs, digest.Sum(nil), fasilSum)
	// The printed Peserta pages carry the agency and the verification code
	// in their header, so that a printout can be matched to the file.
	sw.print.subtitle = fmt.Sprintf("%s  •  Tahun program %d  •  Kode verifikasi %s",
		agencyFull, month.Year(), wub.VerificationCode(meta.DataSHA256))
	layout, err := sw.finish(zw, pesertaPart)
	if err != nil {
		return meta, err
	}
	if err := writeMeta(f, pairs, meta.DataSHA256, st.header); err != nil {
		return meta, err
	}
	if err := writeRekap(f, st, &s, t, &meta); err != nil {
		return meta, err
	}
	if err := finishPeserta(f, n, layout); err != nil {
		return meta, err
	}
	_ = f.SetDocProps(&excelize.DocProperties{
		Title:   fmt.Sprintf("Laporan bulanan WUB %s %s", meta.AgencyName, wub.PeriodLabel(month)),
		Creator: "WUBDesk " + s.AppVersion, Created: meta.GeneratedAt.UTC().Format(time.RFC3339),
		Modified: meta.GeneratedAt.UTC().Format(time.RFC3339), Language: "id-ID",
	})
	f.SetActiveSheet(0)
	if err := assemble(zw, f, pesertaPart, SheetPeserta); err != nil {
		return meta, err
	}
	return meta, zw.Close()
}

// finishPeserta gives the streamed sheet the workbook-level parts it needs:
// the filter range name and the heading row (and, when the columns print
// over two pages, column A) repeated on every printed page.
func finishPeserta(f *excelize.File, rows int, layout printLayout) error {
	last := colName(len(layout.widths)-1) + strconv.Itoa(rows+1)
	if err := f.AutoFilter(SheetPeserta, "A1:"+last, nil); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: layout.printTitles(SheetPeserta), Scope: SheetPeserta})
}

// assemble copies excelize's parts into zw, leaving out its placeholder for
// the sheet already streamed under part.
func assemble(zw *zip.Writer, f *excelize.File, part, sheet string) error {
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	got, err := sheetPart(zr, sheet)
	if err != nil {
		return err
	}
	if got != part {
		return fmt.Errorf("xlsx: sheet %s is %s in the workbook, streamed as %s", sheet, got, part)
	}
	for _, zf := range zr.File {
		if zf.Name == part {
			continue
		}
		if err := copyFixingDimension(zw, zf); err != nil {
			return err
		}
	}
	return nil
}

var errNoSheet = errors.New("xlsx: sheet not found")
