package store_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"wubdesk/internal/demo"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

var ctx = context.Background()

// matches is the meaning of the search text, written plainly: every word is
// found in the person's name, NIK or desa: a number of 6+ digits as the
// start of the NIK, a word of 3+ characters anywhere, a shorter one at the
// start of a word.
func matches(r wub.TraineeRow, text string) bool {
	s := wub.SearchText(r.Name, r.NIK, r.DesaName)
	for _, w := range strings.Fields(strings.ToLower(text)) {
		d := wub.NormalizeNIK(w)
		switch {
		case len(d) >= 6 && strings.Trim(d, "0123456789") == "":
			if !strings.HasPrefix(r.NIK, d) {
				return false
			}
		case utf8.RuneCountInString(w) >= 3:
			if !strings.Contains(s, w) {
				return false
			}
		default:
			if !strings.Contains(" "+s, " "+w) {
				return false
			}
		}
	}
	return true
}

func demoDB(t *testing.T, n int) *store.DB {
	t.Helper()
	db, err := store.Open(filepath.Join(t.TempDir(), "list.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2026, 11, 26, 9, 0, 0, 0, time.UTC) } // the demo runs up to "today"
	t.Cleanup(func() { db.Close() })
	if _, err := demo.Generate(ctx, db, demo.Options{Trainees: n, Seed: 5}); err != nil {
		t.Fatal(err)
	}
	return db
}

// TestSearchMeaning checks SearchTrainees and CountTrainees against the
// plain meaning of a search, on generated people.
func TestSearchMeaning(t *testing.T) {
	db := demoDB(t, 1500)
	all, err := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, 1_000_000)
	if err != nil || len(all) != 1500 {
		t.Fatalf("%d rows, %v", len(all), err)
	}
	for _, text := range searchTexts(all) {
		var want []int64
		for _, r := range all {
			if matches(r, text) {
				want = append(want, r.ID)
			}
		}
		rows, err := db.SearchTrainees(ctx, wub.TraineeFilter{Text: text}, 0, 1_000_000)
		if err != nil {
			t.Fatal(text, err)
		}
		var got []int64
		for _, r := range rows {
			got = append(got, r.ID)
		}
		slices.Sort(got)
		slices.Sort(want)
		n, err := db.CountTrainees(ctx, wub.TraineeFilter{Text: text})
		if !slices.Equal(got, want) || n != len(want) || err != nil {
			t.Errorf("search %q: %d rows, count %d (%v); want %d", text, len(got), n, err, len(want))
		}
	}
}

// searchTexts are what clerks type, taken from the people themselves.
func searchTexts(all []wub.TraineeRow) []string {
	texts := []string{"", "x", "q", "zzq", "0003", `"%_`, "siti m", "m siti", "hj. s", "35.28.04", "3528 04", "é", "hj. é", "a b"}
	for i := 0; i < len(all); i += len(all) / 15 {
		r := all[i]
		name := strings.ToLower(r.Name)
		for _, n := range []int{1, 2, 3, 5, 8} {
			if n <= len(name) {
				texts = append(texts, name[:n])
			}
		}
		if ws := strings.Fields(name); len(ws) > 1 {
			texts = append(texts, ws[len(ws)-1], ws[1][:1]+" "+ws[0][:2], ws[0][:2]+" "+ws[1][:2], ws[0]+" "+r.NIK[:6])
		}
		texts = append(texts, r.NIK[:6], r.NIK[:8], r.NIK[:10], r.NIK, r.NIK[12:], strings.ToLower(r.DesaName))
	}
	return texts
}

// TestListTrainees checks ListTrainees against the exact search: the same
// page and count up to the cap, the first matches in entry order beyond it.
func TestListTrainees(t *testing.T) {
	db := demoDB(t, 1500)
	all, _ := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, 1_000_000)
	for i := 0; i < 30; i++ { // deleted people must never show
		if err := db.DeleteTrainee(ctx, all[i*37].ID); err != nil {
			t.Fatal(err)
		}
	}
	texts := searchTexts(all)
	var niks []string
	for _, text := range texts {
		if strings.HasPrefix(text, "35") {
			niks = append(niks, text)
		}
	}
	// NIK prefixes of many people are sorted from the NIK index, or read
	// in order when there are very many.
	t.Run("all", func(t *testing.T) { testListTrainees(t, db, texts, 20_000) })
	t.Run("niks", func(t *testing.T) { testListTrainees(t, db, niks, 60) })
}

func testListTrainees(t *testing.T, db *store.DB, texts []string, nikSort int) {
	defer store.SetListLimits(40, 700, nikSort)()
	filters := []wub.TraineeFilter{{}, {Sort: wub.SortNIK, Desc: true}, {Year: 2021}, {AgencyCode: wub.DKP, Status: wub.StatusTrained},
		{KecCode: "35.28.04", Sort: wub.SortDesa}, {Deleted: true}}
	var narrow, broad int
	for _, text := range texts {
		for _, f := range filters {
			f.Text = text
			exact, err := db.SearchTrainees(ctx, f, 0, 1_000_000)
			if err != nil {
				t.Fatal(err)
			}
			for _, offset := range []int{0, 15} {
				l, err := db.ListTrainees(ctx, f, offset, 15)
				if err != nil {
					t.Fatal(err)
				}
				want := pageOf(exact, offset, 15)
				wantTotal, wantMore, wantEntryOrder := len(exact), false, false
				switch {
				case strings.TrimSpace(text) == "" || f.Deleted:
					if len(exact) > 700 {
						wantTotal, wantMore = 700, true
					}
				case len(exact) > 40:
					first := slices.Clone(exact)
					slices.SortFunc(first, func(a, b wub.TraineeRow) int { return int(a.ID - b.ID) })
					want = pageOf(first[:40], offset, 15)
					wantTotal, wantMore, wantEntryOrder = 40, true, true
				}
				if wantEntryOrder {
					broad++
				} else {
					narrow++
				}
				if fmt.Sprint(l.Rows) != fmt.Sprint(want) || l.Total != wantTotal || l.More != wantMore || l.EntryOrder != wantEntryOrder {
					t.Errorf("%+v offset %d: total %d more %v entry order %v, %d rows; want %d %v %v, %d rows",
						f, offset, l.Total, l.More, l.EntryOrder, len(l.Rows), wantTotal, wantMore, wantEntryOrder, len(want))
				}
			}
		}
	}
	t.Logf("narrow %d broad %d", narrow, broad)
	if narrow < 20 || broad < 20 {
		t.Errorf("only %d narrow and %d broad cases: the test does not cover both paths", narrow, broad)
	}
}

func pageOf(rows []wub.TraineeRow, offset, limit int) []wub.TraineeRow {
	if offset >= len(rows) {
		return []wub.TraineeRow{}
	}
	return rows[offset:min(offset+limit, len(rows))]
}
