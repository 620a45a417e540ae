package xlsx

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// Received is a submission workbook as the consolidation sees it: the file,
// its Meta sheet, the key fields of its Peserta rows and, when it must be
// left out of the totals, why.
type Received struct {
	wub.ReceivedSubmission
	Path string              // as given (for messages and the JSON); FileName is its base name
	Rows []wub.SubmissionRow // Peserta rows, in sheet order
	// Journeys are the outcome columns of each row (same order as Rows);
	// nil when the file has none (made before they were added).
	Journeys []wub.JourneyFacts
	Err      error // nil when the file is a valid, unchanged submission
}

// OK reports whether the file is a valid, unchanged submission.
func (r *Received) OK() bool { return r.Err == nil }

// ReadSubmissionFile reads and checks a submission workbook from disk.
func ReadSubmissionFile(path string) *Received {
	b, err := os.ReadFile(path)
	if err != nil {
		return &Received{Path: path, ReceivedSubmission: wub.ReceivedSubmission{FileName: filepath.Base(path)},
			Err: wub.Errorf("submission_not_found", filepath.Base(path))}
	}
	r := ReadSubmission(bytes.NewReader(b), filepath.Base(path))
	r.Path = path
	return r
}

// ReadSubmission reads a submission workbook and checks it: its Meta sheet,
// its headings, its row counts and its data checksum. A file that is not a
// submission, or was edited after export, comes back with Err set (a wub
// error naming the file and the reason) and is not to be counted.
// ReceivedAt is left zero: the consolidation then takes the time the file
// was made (Meta), which an edit cannot change; the GUI sets the time it
// first recorded the file.
func ReadSubmission(r io.Reader, name string) *Received {
	out := &Received{Path: name}
	out.FileName = name
	data, err := io.ReadAll(r)
	if err != nil {
		out.Err = wub.Errorf("submission_unreadable", name, err.Error())
		return out
	}
	sum := sha256.Sum256(data)
	out.FileSHA256 = hex.EncodeToString(sum[:])
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		out.Err = wub.Errorf("submission_unreadable", name, err.Error())
		return out
	}
	defer f.Close()
	if idx, _ := f.GetSheetIndex(SheetMeta); idx < 0 {
		out.Err = wub.Errorf("submission_no_meta", name)
		return out
	}
	metaRows, err := f.GetRows(SheetMeta, excelize.Options{RawCellValue: true})
	if err != nil {
		out.Err = wub.Errorf("submission_meta_invalid", name, err.Error())
		return out
	}
	meta, pairs, stored, kinds, err := parseMeta(metaRows)
	out.Meta = meta
	switch {
	case err != nil:
		out.Err = wub.Errorf("submission_meta_invalid", name, err.Error())
		return out
	case meta.Format > wub.SubmissionFormat:
		out.Err = wub.Errorf("submission_format_newer", name, meta.Format, wub.SubmissionFormat)
		return out
	}
	outcomeCols := outcomeColumnsOf(f)
	peserta, n, err := readSheet(f, name, SheetPeserta, pesertaColumns, func(row []string) {
		out.Rows = append(out.Rows, keyRow(row))
		if outcomeCols != nil {
			out.Journeys = append(out.Journeys, journeyOfRow(row, outcomeCols))
		}
	})
	if err != nil {
		out.Err = err
		return out
	}
	if n != meta.TraineeRows {
		out.Err = wub.Errorf("submission_rows_mismatch", name, SheetPeserta, n, meta.TraineeRows)
		return out
	}
	var fasil []byte
	if len(kinds) > 0 {
		cols := make([]SheetColumn, len(kinds))
		header, _ := firstRow(f, SheetFasilitator)
		for i, k := range kinds {
			cols[i].Kind = k
			if i < len(header) {
				cols[i].Header = header[i] // headings are covered by the digest itself
			}
		}
		var m int
		if fasil, m, err = readSheet(f, name, SheetFasilitator, cols, nil); err != nil {
			out.Err = err
			return out
		}
		if m != meta.FacilitatorRows {
			out.Err = wub.Errorf("submission_rows_mismatch", name, SheetFasilitator, m, meta.FacilitatorRows)
			return out
		}
	}
	if checksum(pairs, peserta, fasil) != stored {
		out.Err = wub.Errorf("submission_tampered", name)
	}
	return out
}

func firstRow(f *excelize.File, sheet string) ([]string, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Error()
	}
	return rows.Columns(excelize.Options{RawCellValue: true})
}

// readSheet streams a data sheet, checks its headings, turns each row back
// into its canonical form and returns the digest and the number of rows.
func readSheet(f *excelize.File, name, sheet string, cols []SheetColumn, each func([]string)) ([]byte, int, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, 0, wub.Errorf("submission_meta_invalid", name, sheet)
	}
	defer rows.Close()
	digest := sha256.New()
	var canon []byte
	n := 0
	for first := true; rows.Next(); first = false {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, 0, wub.Errorf("submission_unreadable", name, err.Error())
		}
		if first {
			for i, c := range cols {
				got := ""
				if i < len(cells) {
					got = cells[i]
				}
				if got != c.Header {
					return nil, 0, wub.Errorf("submission_header_changed", name, colName(i), sheet, got)
				}
			}
			canon = appendCanonical(canon[:0], cells)
			digest.Write(canon)
			cols = withOptionalColumns(cols, cells)
			continue
		}
		if blank(cells) {
			continue
		}
		row := canonicalRow(cells, cols)
		canon = appendCanonical(canon[:0], row)
		digest.Write(canon)
		n++
		if each != nil {
			each(row)
		}
	}
	if err := rows.Error(); err != nil {
		return nil, 0, wub.Errorf("submission_unreadable", name, err.Error())
	}
	return digest.Sum(nil), n, nil
}

// withOptionalColumns extends cols by the known optional headings that
// follow them in the heading row (optionalColumns), so that their cells are
// read back in canonical form; it stops at the first other heading.
func withOptionalColumns(cols []SheetColumn, header []string) []SheetColumn {
	out := cols
	for i := len(cols); i < len(header); i++ {
		k, ok := optionalColumns[header[i]]
		if !ok {
			break
		}
		if len(out) == len(cols) {
			out = append([]SheetColumn(nil), cols...)
		}
		out = append(out, SheetColumn{Header: header[i], Kind: k})
	}
	return out
}

func blank(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// canonicalRow turns cells read back into the canonical values the writer
// hashed: dates from serial numbers to YYYY-MM-DD. Cells beyond the
// columns are kept so that an added column changes the checksum.
func canonicalRow(cells []string, cols []SheetColumn) []string {
	row := make([]string, max(len(cols), len(cells)))
	copy(row, cells)
	for i, c := range cols {
		if c.Kind == KindDate && row[i] != "" {
			if iso, ok := serialDate(row[i]); ok {
				row[i] = iso
			}
		}
	}
	if len(row) > len(cols) {
		end := len(row)
		for end > len(cols) && row[end-1] == "" {
			end--
		}
		row = row[:end]
	}
	return row
}

// keyRow keeps what the consolidation needs of a Peserta row; Hash covers
// every column but the row number, so that a row that only moved is not a
// change.
func keyRow(row []string) wub.SubmissionRow {
	k := wub.SubmissionRow{NIK: row[colNIK], Name: row[colFullName], Kecamatan: row[colKecamatan],
		Batch: row[colBatch], Status: row[colStatus]}
	if s, ok := wub.ParseStatus(row[colStatus]); ok && row[colStatus] != "" {
		k.Status = s
	}
	k.CompletedOn = wub.ParseISODate(row[colCompleted])
	h := sha256.Sum256(appendCanonical(nil, row[colNo+1:]))
	k.Hash = hex.EncodeToString(h[:])
	return k
}

// reasonText is the message of a file's error for reports ("" when none).
func reasonText(err error) string {
	if err == nil {
		return ""
	}
	return strings.TrimSpace(err.Error())
}
