package xlsx

import (
	"bufio"
	"encoding/csv"
	"io"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// Benchmarks of the Peserta sheet: the floor (minimal .xlsx with
// archive/zip), plain CSV, excelize's StreamWriter and WubDesk's writer, on
// the same synthetic rows. Run (see docs/PERFORMANCE.md):
//
//	go test -tags migrated_fynedo -run '^$' -bench 'Peserta' -benchmem -benchtime 3x ./internal/xlsx/
//
// Set WUBDESK_BENCH_1M=1 to add 1,000,000 rows (minutes; memory is measured
// as the peak RSS of the test binary, see docs/PERFORMANCE.md).
var benchSizes = []int{10_000, 100_000}

func init() {
	if os.Getenv("WUBDESK_BENCH_1M") != "" {
		benchSizes = append(benchSizes, 1_000_000)
	}
}

// BenchmarkPesertaWUBDesk is the submission writer itself: the same rows
// as the floor, from trainee records, through WriteSubmission (Peserta
// streamed with checksum and tallies, Rekap with chart, Meta).
func BenchmarkPesertaWUBDesk(b *testing.B) { benchWUBDesk(b) }

// BenchmarkPesertaWUBDeskDeflate5 is the same at archive/zip's default
// deflate level, to show what the faster level buys.
func BenchmarkPesertaWUBDeskDeflate5(b *testing.B) {
	defer func(l int) { pesertaLevel = l }(pesertaLevel)
	pesertaLevel = 5
	benchWUBDesk(b)
}

func benchWUBDesk(b *testing.B) {
	a := wub.Agency{Code: wub.DISPERINDAG, FirstYear: 2020, Names: []wub.AgencyName{{Short: "Disperindag", Full: "Dinas Perindustrian dan Perdagangan"}}}
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				var cw countingWriter
				_, err := WriteSubmission(&cw, Submission{Agency: a, Month: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
					AppVersion: "bench", Now: time.Date(2024, 7, 5, 0, 0, 0, 0, time.UTC)},
					func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
						var t wub.Trainee
						var e wub.Enrolment
						for i := 0; i < n; i++ {
							benchTrainee(i, &t, &e)
							if err := emit(&t, &e); err != nil {
								return err
							}
						}
						return nil
					})
				if err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(cw)/1e6, "MB/file")
			}
		})
	}
}

// countingWriter discards what is written and counts it.
type countingWriter int64

func (c *countingWriter) Write(p []byte) (int, error) {
	*c += countingWriter(len(p))
	return len(p), nil
}

func BenchmarkPesertaRowsOnly(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			row := make([]string, 16)
			for b.Loop() {
				for i := 0; i < n; i++ {
					benchRow(i, row)
				}
			}
		})
	}
}

func BenchmarkPesertaFloorXLSX(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				var cw countingWriter
				if err := writeFloorXLSX(&cw, n); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(cw)/1e6, "MB/file")
			}
		})
	}
}

func BenchmarkPesertaCSV(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			row := make([]string, 16)
			for b.Loop() {
				cw := csv.NewWriter(bufio.NewWriter(io.Discard))
				for i := 0; i < n; i++ {
					benchRow(i, row)
					cw.Write(row)
				}
				cw.Flush()
			}
		})
	}
}

func BenchmarkPesertaStreamWriter(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			for b.Loop() {
				var cw countingWriter
				if err := writeWithStreamWriter(&cw, n); err != nil {
					b.Fatal(err)
				}
				b.ReportMetric(float64(cw)/1e6, "MB/file")
			}
		})
	}
}

// writeWithStreamWriter is the design measured against the floor before
// choosing our own sheet writer: excelize's StreamWriter with text and date
// styles.
func writeWithStreamWriter(w io.Writer, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	fmtDate := "dd/mm/yyyy"
	date, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &fmtDate})
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	row := make([]string, 16)
	vals := make([]any, 16)
	for i := 0; i < n; i++ {
		benchRow(i, row)
		for c, v := range row {
			switch c {
			case 0:
				vals[c] = i + 1
			case 6, 15:
				t, _ := time.Parse("2006-01-02", v)
				vals[c] = excelize.Cell{StyleID: date, Value: t}
			case 1, 2, 10:
				vals[c] = excelize.Cell{StyleID: text, Value: v}
			default:
				vals[c] = v
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.Write(w)
}
