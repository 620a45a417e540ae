package xlsx

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"path/filepath"
	"strings"

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

// ReadSubmissionFile reads and checks a submission workbook from disk
// through the import's streaming reader, with its limits (DefaultLimits).
func ReadSubmissionFile(path string) *Received {
	f, err := os.Open(path)
	if err != nil {
		return &Received{Path: path, ReceivedSubmission: wub.ReceivedSubmission{FileName: filepath.Base(path)},
			Err: wub.Errorf("submission_not_found", filepath.Base(path))}
	}
	defer f.Close()
	r := ReadSubmission(f, filepath.Base(path))
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
//
// It reads with the import's hardened streaming reader (import_zip.go,
// import_sheet.go) and DefaultLimits: a file, a part once uncompressed
// (the zip bomb guard), a sheet's rows and a cell are all capped, and only
// one row is held at a time. A file on disk is not read into memory.
func ReadSubmission(in io.Reader, name string) *Received {
	return readSubmission(in, name, DefaultLimits)
}

func readSubmission(in io.Reader, name string, lim Limits) *Received {
	out := &Received{Path: name}
	out.FileName = name
	lim = lim.orDefault()
	ra, size, err := readerAt(in, lim)
	if err != nil {
		if _, ok := err.(*wub.Err); ok {
			out.Err = wub.Errorf("submission_too_big", name, "> "+mib(lim.FileBytes), mib(lim.FileBytes))
		} else {
			out.Err = wub.Errorf("submission_unreadable", name, err.Error())
		}
		return out
	}
	if size > lim.FileBytes {
		out.Err = wub.Errorf("submission_too_big", name, mib(size), mib(lim.FileBytes))
		return out
	}
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(ra, 0, size)); err != nil {
		out.Err = wub.Errorf("submission_unreadable", name, err.Error())
		return out
	}
	out.FileSHA256 = hex.EncodeToString(h.Sum(nil))
	head := make([]byte, 4)
	if n, _ := ra.ReadAt(head, 0); n < 4 || string(head) != "PK\x03\x04" {
		out.Err = wub.Errorf("submission_unreadable", name, "bukan arsip zip")
		return out
	}
	wb, err := openWorkbook(ra, size, name, lim)
	if err != nil {
		out.Err = readErr(name, err)
		return out
	}
	wb.raw = true
	metaRef, ok := sheetOf(wb, SheetMeta)
	if !ok {
		out.Err = wub.Errorf("submission_no_meta", name)
		return out
	}
	metaRows, err := wb.allRows(metaRef)
	if err != nil {
		if out.Err = readErr(name, err); wub.ErrorCode(out.Err) != "submission_too_big_part" {
			out.Err = wub.Errorf("submission_meta_invalid", name, reasonText(err))
		}
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
	pRef, ok := sheetOf(wb, SheetPeserta)
	if !ok {
		out.Err = wub.Errorf("submission_meta_invalid", name, SheetPeserta)
		return out
	}
	header, err := wb.firstRow(pRef)
	if err != nil {
		out.Err = readErr(name, err)
		return out
	}
	outcomeCols := outcomeColumnsOf(header)
	peserta, n, err := readSheet(wb, name, pRef, pesertaColumns, func(row []string) {
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
		fRef, ok := sheetOf(wb, SheetFasilitator)
		if !ok {
			out.Err = wub.Errorf("submission_meta_invalid", name, SheetFasilitator)
			return out
		}
		cols := make([]SheetColumn, len(kinds))
		header, _ := wb.firstRow(fRef)
		for i, k := range kinds {
			cols[i].Kind = k
			if i < len(header) {
				cols[i].Header = header[i] // headings are covered by the digest itself
			}
		}
		var m int
		if fasil, m, err = readSheet(wb, name, fRef, cols, nil); err != nil {
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

// readErr is a reader's failure as a submission error: too big (a part
// past its cap, too many rows, a cell too long) or unreadable.
func readErr(name string, err error) error {
	switch wub.ErrorCode(err) {
	case "import_too_big", "import_too_many_rows", "import_cell_too_big":
		return wub.Errorf("submission_too_big_part", name)
	}
	return wub.Errorf("submission_unreadable", name, reasonText(err))
}

func sheetOf(wb *workbook, name string) (sheetRef, bool) {
	for _, s := range wb.sheets {
		if s.name == name {
			return s, true
		}
	}
	return sheetRef{}, false
}

// texts are a streamed row's cells as strings (the row's cells are reused).
func texts(r sheetRow) []string {
	out := make([]string, len(r.cells))
	for i, c := range r.cells {
		out[i] = c.text
	}
	return out
}

// allRows reads a small sheet whole (Meta).
func (wb *workbook) allRows(s sheetRef) ([][]string, error) {
	rows, err := wb.rows(s)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		out = append(out, texts(rows.Row()))
	}
	return out, rows.Err()
}

// firstRow is the first row of a sheet (its headings).
func (wb *workbook) firstRow(s sheetRef) ([]string, error) {
	rows, err := wb.rows(s)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	if !rows.Next() {
		return nil, rows.Err()
	}
	return texts(rows.Row()), nil
}

// readSheet streams a data sheet, checks its headings, turns each row back
// into its canonical form and returns the digest and the number of rows.
func readSheet(wb *workbook, name string, s sheetRef, cols []SheetColumn, each func([]string)) ([]byte, int, error) {
	rows, err := wb.rows(s)
	if err != nil {
		return nil, 0, readErr(name, err)
	}
	defer rows.Close()
	digest := sha256.New()
	var canon []byte
	n := 0
	for first := true; rows.Next(); first = false {
		cells := texts(rows.Row())
		if first {
			for i, c := range cols {
				got := ""
				if i < len(cells) {
					got = cells[i]
				}
				if got != c.Header {
					return nil, 0, wub.Errorf("submission_header_changed", name, colName(i), s.name, got)
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
	if err := rows.Err(); err != nil {
		return nil, 0, readErr(name, err)
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
