package app

import (
	"context"

	"wubdesk/internal/demo"
)

// Demo fills an empty register with deterministic synthetic data (`wubdesk
// demo`), and, up to demo.ExtrasLimit people, quotas, facilitators and
// journeys too (extras reports whether it did).
func (a *App) Demo(ctx context.Context, o demo.Options) (sum demo.Summary, extras bool, err error) {
	if sum, err = demo.Generate(ctx, a.db, o); err != nil {
		return sum, false, err
	}
	if sum.Trainees > demo.ExtrasLimit {
		return sum, false, nil
	}
	return sum, true, demo.FillExtras(ctx, a.db, o.Seed)
}
