package demo

import (
	"context"
	"testing"

	"wubdesk/internal/wub"
)

// BenchmarkJourneyQueries measures the journey's read paths over 10,000
// trainees after FillJourney: the outcome figures of a year, the people
// behind one figure, one trainee's timeline and a product search.
func BenchmarkJourneyQueries(b *testing.B) {
	ctx := context.Background()
	db := journeyDB(b, 10000)
	if err := FillJourney(ctx, db, 1); err != nil {
		b.Fatal(err)
	}
	rows, _ := db.SearchTrainees(ctx, wub.TraineeFilter{Status: wub.StatusTrained}, 0, 1)
	b.Run("Outcomes", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Outcomes(ctx, 2022); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("OutcomePeople", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.OutcomePeople(ctx, 2022, wub.StageBusiness, wub.DISKOPUKM, ""); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("JourneyFacts", func(b *testing.B) { // the monthly submission's outcome columns
		for b.Loop() {
			if _, err := db.JourneyFacts(ctx, 2022, wub.EndOfMonth(wub.ParseISODate("2022-12-01"))); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("WamiraReach", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.WamiraReach(ctx); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Timeline", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.Timeline(ctx, rows[0].ID); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("SearchProducts", func(b *testing.B) {
		for b.Loop() {
			if _, err := db.SearchProducts(ctx, wub.ProductFilter{Text: "keripik"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkFillJourney measures the demo fill over 2,000 trainees.
func BenchmarkFillJourney(b *testing.B) {
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		db := journeyDB(b, 2000)
		b.StartTimer()
		if err := FillJourney(ctx, db, 1); err != nil {
			b.Fatal(err)
		}
	}
}
