// Package app is WUBDesk's use-case layer: the one thing the window
// (internal/ui), the headless commands (internal/cli) and the regency hub
// call. It owns clocks, progress callbacks, cancellation and the audit
// actor of each use case, so the front ends cannot drift apart.
//
// App embeds the domain services (internal/wub/services.go: Register,
// Journey, Wamira, Facilitators, Batches, Targets, Users, Settings,
// Backups, Handovers, Submissions), which internal/store implements; a
// screen takes u.app as the small interface of the services it needs. A use case that takes more
// than one step is App's own method or a function here, one file each
// (open.go, backup.go, handover.go, docs.go, demo.go, ...), with an options
// struct so that an option can be added without touching the callers.
//
// Rule of the house: ui and cli call app; app calls the domain services
// that internal/store implements; internal/xlsx and internal/handover are
// formats that never touch the store. imports_test.go fails when that rule
// breaks. App.Store hands the store itself to the code not yet moved here
// and is deprecated.
package app
