// Package wub is the domain of WUBDesk: trainees (peserta), enrolments,
// agencies and their history, the reference data of Kabupaten Pamekasan and
// the rules that check what a clerk types or imports (NIK, phone, dates).
//
// It imports only the standard library and the embedded assets. The store,
// the workbook code, the headless commands and the GUI all use it; none of
// its rules may live anywhere else.
package wub
