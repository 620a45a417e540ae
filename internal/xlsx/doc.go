// Package xlsx reads and writes WUBDesk's Excel workbooks: the import of the
// offices' own trainee spreadsheets (import*.go) and the error report that
// goes back to the clerk. It imports wub, store and excelize; never fyne.
//
// Reading does not go through excelize: its row iterator drops the cell
// type, and the import must know whether a NIK came from a numeric cell
// (Excel keeps 15 digits, so such a NIK may have lost its last digit).
// import_zip.go and import_sheet.go stream the worksheet XML themselves,
// part by part, with caps on sizes and rows so that a hostile or broken
// file is refused instead of filling memory. CSV text (import_csv.go,
// encoding/csv and golang.org/x/text for cp1252) and Excel 97–2003 files
// (import_xls.go, github.com/shakinm/xlsReader) become the same stream of
// rows, so every format gets the same checks (docs/IMPORT.md).
package xlsx
