package xlsx

import (
	"strconv"

	"wubdesk/internal/wub"
)

// The count columns at the end of the Peserta sheet (issue 17): the date
// each row counts on and the month it counts in, so that every month
// figure of the Rekap can be traced to its rows. They come after the
// format-1 columns, which stay as they were; the reader needs none of them
// (an older file has none) and reads them by heading.
const (
	headerCountDate  = "Tanggal Dihitung"
	headerCountMonth = "Bulan Dihitung"
)

var pesertaCountColumns = []SheetColumn{
	{Header: headerCountDate, Kind: KindDate},
	{Header: headerCountMonth, Kind: KindText, Wrap: 14},
}

// optionalColumns are headings that may follow the Peserta sheet's format-1
// columns, with their kinds, so that the reader puts their cells back in
// the canonical form the checksum was computed over.
var optionalColumns = map[string]Kind{
	headerCountDate:  KindDate,
	headerCountMonth: KindText,
}

// pesertaWriteColumns are the columns the writer puts on the Peserta sheet.
func pesertaWriteColumns() []SheetColumn {
	cols := append([]SheetColumn(nil), pesertaColumns...)
	return append(cols, pesertaCountColumns...)
}

// countCells fills the count columns of a row (dst starts at the first of
// them): the enrolment's count date and "November 2026", or empty and
// "Tanggal belum diisi" when the date is missing.
func countCells(dst []string, e *wub.Enrolment) {
	dst[0] = isoDate(e.CountDate())
	dst[1] = countMonthLabel(e)
}

func countMonthLabel(e *wub.Enrolment) string {
	m := e.CountMonth()
	if m == wub.UndatedMonth {
		return undatedLabel
	}
	return wub.MonthName(m) + " " + strconv.Itoa(e.Year)
}

// undatedLabel is how the workbook (always Indonesian) names rows whose
// count date is missing.
const undatedLabel = "Tanggal belum diisi"
