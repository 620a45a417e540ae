// Package store keeps WUBDesk's data in one SQLite file per office
// (modernc.org/sqlite, no cgo). It owns the schema (embedded numbered
// migrations guarded by application_id and user_version), the single writer
// connection and the reader pool, and implements the services the domain
// package wub describes (internal/wub/services.go; services.go here asserts
// each). Each service method owns its transaction. Only internal/app (and
// the packages it drives: demo, officedoc) call it; the window and the
// commands reach it through app.
//
// It imports wub, database/sql and the SQLite driver; never fyne.
package store
