package store

import "wubdesk/internal/wub"

// The store implements every domain service (internal/wub/services.go).
var (
	_ wub.Register     = (*DB)(nil)
	_ wub.Journey      = (*DB)(nil)
	_ wub.Wamira       = (*DB)(nil)
	_ wub.Facilitators = (*DB)(nil)
	_ wub.Batches      = (*DB)(nil)
	_ wub.Targets      = (*DB)(nil)
	_ wub.Users        = (*DB)(nil)
	_ wub.Settings     = (*DB)(nil)
	_ wub.Backups      = (*DB)(nil)
	_ wub.Handovers    = (*DB)(nil)
	_ wub.Submissions  = (*DB)(nil)
)
