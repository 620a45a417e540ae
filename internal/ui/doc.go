// Package ui is WUBDesk's Fyne GUI: the main window, its navigation and one
// file per screen. Screens ask the use cases (internal/app, u.app) for data,
// each through a small interface of the domain services it needs; they
// never import the store or write SQL. Every database call runs off the UI
// goroutine (see async.go) and widgets change only inside fyne.Do.
//
// Strings shown to users go through T (i18n.go) with keys in
// assets/i18n/id.json and en.json (plus topic files in assets/i18n/id/ and en/).
package ui
