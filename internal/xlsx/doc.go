// Package xlsx reads and writes WUBDesk's Excel workbooks: the import of the
// offices' own trainee spreadsheets (import*.go) and the error report that
// goes back to the clerk, the monthly submission (submission*.go) and the
// consolidation of the agencies' submissions (consolidate*.go). It is a
// format package: it imports wub and excelize, never store and never fyne.
// It turns bytes into domain values and back; the use cases that read or
// write the register around it are in internal/app (ImportWorkbook,
// ExportSubmission, Consolidate). Where a preview needs the register (the
// NIKs already registered, likely duplicates) it takes the small
// interfaces it declares (Register, DupFinder), which *store.DB satisfies.
// A preview's rows to write come out of Report.Writes, an iterator.
//
// Reading does not go through excelize: its row iterator drops the cell
// type, and the import must know whether a NIK came from a numeric cell
// (Excel keeps 15 digits, so such a NIK may have lost its last digit).
// import_zip.go and import_sheet.go stream the worksheet XML themselves,
// part by part, with caps on sizes and rows so that a hostile or broken
// file is refused instead of filling memory. CSV text (import_csv.go,
// encoding/csv and golang.org/x/text for cp1252) and Excel 97–2003 files
// (import_xls.go, github.com/shakinm/xlsReader) become the same stream of
// rows, so every format gets the same checks (docs/IMPORT.md). The
// submission reader (submission_read.go) is the same streaming reader with
// the same limits, in raw mode (values as stored, as its checksum was made).
package xlsx
