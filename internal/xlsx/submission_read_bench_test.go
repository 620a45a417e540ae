package xlsx

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// BenchmarkReadSubmission reads a submission file back as the
// consolidation does, with the streaming reader (Stream) and, for
// comparison, the excelize reader it replaced (Excelize: the old
// ReadSubmissionFile, the whole file in memory):
//
//	go test -tags migrated_fynedo -run '^$' -bench ReadSubmission -benchtime 1x ./internal/xlsx/
func BenchmarkReadSubmission(b *testing.B) {
	a := wub.Agency{Code: wub.DISPERINDAG, FirstYear: 2020, Names: []wub.AgencyName{{Short: "Disperindag", Full: "Dinas Perindustrian dan Perdagangan"}}}
	for _, n := range benchSizes {
		path := filepath.Join(b.TempDir(), "sub.xlsx")
		err := WriteFile(path, func(w io.Writer) error {
			_, err := WriteSubmission(w, Submission{Agency: a, Month: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
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
			return err
		})
		if err != nil {
			b.Fatal(err)
		}
		b.Run("Stream/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if r := ReadSubmissionFile(path); !r.OK() || len(r.Rows) != n {
					b.Fatal(r.Err)
				}
			}
		})
		b.Run("Excelize/"+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				data, err := os.ReadFile(path)
				if err != nil {
					b.Fatal(err)
				}
				f, err := excelize.OpenReader(bytes.NewReader(data))
				if err != nil {
					b.Fatal(err)
				}
				m, _, err := excelizeReadSheet(f, SheetPeserta, pesertaColumns)
				f.Close()
				if err != nil || m == nil {
					b.Fatal(err)
				}
			}
		})
	}
}
