// Package ui is WUBDesk's Fyne GUI: the main window, its navigation and one
// file per screen. Screens ask the store's services for data through small
// interfaces; they never write SQL. Every database call runs off the UI
// goroutine (see async.go) and widgets change only inside fyne.Do.
//
// Strings shown to users go through T (i18n.go) with keys in
// assets/i18n/id.json and en.json (plus topic files in assets/i18n/id/ and en/).
package ui
