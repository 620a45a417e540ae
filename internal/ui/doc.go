// Package ui is WUBDesk's Fyne GUI: the main window, its navigation and one
// file per screen. Screens ask the use cases (internal/app, u.app) for data,
// each through a small interface of the domain services it needs; they
// never import the store or write SQL. Every database call runs off the UI
// goroutine (see async.go) and widgets change only inside fyne.Do.
//
// The small kit the screens share:
//   - load (async.go): a screen's read, run off the UI goroutine with the
//     screen's context (u.screenCtx), cancelled when the navigation leaves the
//     screen or the window closes; the result is applied inside fyne.Do only
//     while the screen is still shown (and, with a latest, only the newest).
//     Saves and file work use the window's context (u.appCtx).
//   - pagedList (pagedlist.go): the one paged list (Peserta, the people behind
//     a Kuota or Hasil figure): fetch(ctx, offset, limit) → rows and total,
//     reload on a new search or filter, pages of an older list dropped.
//   - saveFlow (record_dialog.go): the one save of every form and record
//     dialog: typed problems first, then the store off the UI goroutine,
//     issues under their fields, warnings kept.
//   - pickers.go: agency, year, scope, kecamatan and desa choices.
//
// Golden tests render the shown screen's own object (assertScreenMarkup), so
// a change to one screen rewrites only its testdata file.
//
// Strings shown to users go through T (i18n.go) with keys in
// assets/i18n/id.json and en.json (plus topic files in assets/i18n/id/ and en/).
package ui
