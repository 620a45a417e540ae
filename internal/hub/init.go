package hub

import "context"

// InitResult is what `wubdesk hub init` reports.
type InitResult struct {
	Applied     []int  // migrations applied now
	Version     int    // schema version after
	Fingerprint string // SHA-256 of the hub's self-signed certificate
	NewCert     bool   // the certificate was made now
}

// Init migrates the hub database and makes the hub's self-signed
// certificate if it has none. Running it again changes nothing.
func Init(ctx context.Context, url string, hosts []string) (*Hub, InitResult, error) {
	var r InitResult
	h, err := Connect(ctx, url)
	if err != nil {
		return nil, r, err
	}
	r.Applied, err = Migrate(ctx, h.Pool)
	if err != nil {
		h.Close()
		return nil, r, err
	}
	r.Version = SchemaVersion()
	r.Fingerprint, r.NewCert, err = h.ensureSelfSigned(ctx, hosts)
	if err != nil {
		h.Close()
		return nil, r, err
	}
	if len(r.Applied) > 0 {
		h.Audit(ctx, h.Pool, "cli", "schema_migrated", "", map[string]any{"applied": r.Applied, "version": r.Version})
	}
	return h, r, nil
}
