// Package hubuser is the economic section's client of the regency hub
// (issues 21 and 22): a signed-in hub user reads the live consolidation,
// the submission calendar, quotas and the cross-agency duplicate queue,
// and accepts, returns or reopens months. It talks HTTPS to the hub
// through the wire contract (internal/hubapi) and pins the hub's
// certificate by its SHA-256. It imports hubapi, hubsync (the pinned
// client) and the standard library; never the store or the hub itself.
package hubuser
