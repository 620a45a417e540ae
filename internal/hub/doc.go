// Package hub is the regency hub: the server that offices sync to (issue 21)
// on PostgreSQL, through github.com/jackc/pgx/v5. It speaks the wire
// contract of internal/hubapi over HTTPS and nothing else; it never imports
// the office's store.
//
// The schema is embedded (migrations/NNNN_name.sql) and applied by Migrate
// in one transaction under a PostgreSQL advisory lock, so several hub
// processes starting at once against one database migrate it once.
//
// Handlers register themselves with Route (one file per endpoint, like the
// headless commands); Handler serves every registered route. Each decision
// (enrolment, push, refusal, sign-in, revocation) is written to hub_audit.
// Logs carry ids, counts and codes, never personal data.
package hub
