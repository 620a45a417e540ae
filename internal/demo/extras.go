package demo

import (
	"context"
	"math"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// ExtrasLimit is the largest demo that also gets quotas, facilitators and
// the trainees' journey. Above it (the province-scale benchmarks) the demo
// fills the register only, so that a million people still take under a
// minute.
const ExtrasLimit = 100_000

// FillExtras adds what a working office has besides the register: quotas
// per agency and year, facilitators with contracts, batch facilitators,
// mentoring visits and monthly reports, and the trainees' businesses,
// licences, Wamira Mart listings and capital. Deterministic for a seed.
func FillExtras(ctx context.Context, db *store.DB, seed int64) error {
	if err := FillQuotas(ctx, db, seed); err != nil {
		return err
	}
	if err := FillFacilitators(ctx, db, seed); err != nil {
		return err
	}
	return FillJourney(ctx, db, seed)
}

// FillQuotas sets each year's quota per agency the way offices plan it: a
// little above what the agency went on to complete in past years, and for
// the newest year ahead of the records, so that some agencies are behind
// pace on the dashboard.
func FillQuotas(ctx context.Context, db *store.DB, seed int64) error {
	r := newRand(seed + 7)
	for y := firstYear; y <= lastYear; y++ {
		d, err := db.Dashboard(ctx, wub.DashboardQuery{Year: y, AsOf: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return err
		}
		var qs []wub.Quota
		for _, a := range d.Agencies {
			factor := 0.98 + 0.17*r.Float64()
			if y == lastYear {
				factor += 0.25
			}
			n := int(math.Round(float64(a.Recorded)*factor/10) * 10)
			qs = append(qs, wub.Quota{AgencyCode: a.Code, Year: y, Count: max(n, 10)})
		}
		if err := db.SetQuotas(ctx, y, qs); err != nil {
			return err
		}
	}
	return nil
}
