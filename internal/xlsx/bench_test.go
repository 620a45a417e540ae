package xlsx

import (
	"encoding/csv"
	"io"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Benchmarks of the Peserta sheet: the floor (minimal .xlsx with
// archive/zip), plain CSV, excelize's StreamWriter and WubDesk's writer, on
// the same synthetic rows. Run (see docs/PERFORMANCE.md):
//
//	go test -tags migrated_fynedo -run '^$' -bench 'Peserta' -benchmem -benchtime 3x ./internal/xlsx/
var benchSizes = []int{10_000, 100_000}

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
				if err := writeFloorXLSX(io.Discard, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPesertaCSV(b *testing.B) {
	for _, n := range benchSizes {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			row := make([]string, 16)
			for b.Loop() {
				cw := csv.NewWriter(io.Discard)
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
				if err := writeWithStreamWriter(io.Discard, n); err != nil {
					b.Fatal(err)
				}
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
