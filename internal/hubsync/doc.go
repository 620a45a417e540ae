// Package hubsync is the office's client of the regency hub (issue 21):
// enrolment with certificate pinning (the SHA-256 fingerprint of the hub's
// certificate; without a pin the first answer's certificate is shown and
// trusted), the push of the outbox in batches (at-least-once; the outbox is
// trimmed only up to the hub's Through, so a round cut anywhere resumes),
// the pull of the office state (quotas, target, month states) and the
// lookup of other agencies' facts for NIKs.
//
// It speaks internal/hubapi over HTTPS and reaches the register only
// through the Local interface (internal/store implements it; internal/app
// wires the two). Errors are wub codes with Indonesian and English words
// (hub unreachable, certificate changed, device revoked).
//
// Other issues extend the client from their own files: Client.Do sends any
// hubapi call with the device credential and the pin (e.g. the month send
// of issue 22).
package hubsync
