// Package app is WUBDesk's use-case layer: the one thing the window
// (internal/ui), the headless commands (internal/cli) and the regency hub
// call. It owns clocks, progress callbacks, cancellation and the audit
// actor of each use case, so the front ends cannot drift apart.
//
// Rule of the house: ui and cli call app; app calls the domain services
// (interfaces beside the domain types in internal/wub) that internal/store
// implements; internal/xlsx and internal/handover are formats that never
// touch the store. A test (imports_test.go) fails when that rule breaks.
package app
