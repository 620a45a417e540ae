package demo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// journeyOutlets are the demo Wamira Mart shops: kecamatan code, desa code,
// opening day, and the closing day of those whose funding ended ("" while
// open). Closing days later than the database's today are skipped.
var journeyOutlets = []struct{ name, kec, desa, opened, closed, reason string }{
	{"Wamira Mart Kota Pamekasan", "35.28.04", "35.28.04.1001", "2020-11-02", "", ""},
	{"Wamira Mart Pademawu", "35.28.02", "", "2021-02-15", "", ""},
	{"Wamira Mart Galis", "35.28.03", "", "2021-03-01", "2023-06-30", "Dana hibah operasional berakhir"},
	{"Wamira Mart Larangan", "35.28.08", "", "2021-04-12", "", ""},
	{"Wamira Mart Proppo", "35.28.05", "", "2021-08-02", "2023-12-31", "Sewa tempat tidak diperpanjang"},
	{"Wamira Mart Waru", "35.28.10", "", "2022-01-10", "2024-03-31", "Dana hibah operasional berakhir"},
	{"Wamira Mart Pegantenan", "35.28.07", "", "2022-05-09", "", ""},
	{"Wamira Mart Tlanakan", "35.28.01", "", "2022-09-01", "", ""},
}

// journeyGoods are what a demo business makes, by KBLI section: product,
// category, unit, price range in thousands of rupiah, and whether it is food
// (which needs P-IRT and, often, halal).
type journeyGood struct {
	name, category, unit string
	lo, hi               int
	food                 bool
}

var journeyGoods = map[string][]journeyGood{
	"C": {
		{"Keripik tette", "Makanan", "bungkus 250 g", 10, 20, true},
		{"Petis ikan", "Makanan", "botol 200 g", 15, 35, true},
		{"Kerupuk ikan tengiri", "Hasil laut olahan", "bungkus 500 g", 20, 45, true},
		{"Sambal bawang khas Madura", "Makanan", "botol 150 g", 15, 30, true},
		{"Rengginang lorjuk", "Makanan", "bungkus 400 g", 20, 40, true},
		{"Jamu beras kencur", "Jamu & herbal", "botol 250 ml", 8, 15, true},
		{"Batik tulis Pamekasan", "Batik & fesyen", "lembar", 150, 750, false},
		{"Abon ikan tuna", "Hasil laut olahan", "bungkus 100 g", 25, 45, true},
		{"Emping jagung", "Hasil tani olahan", "bungkus 250 g", 10, 18, true},
		{"Tas anyaman pandan", "Kerajinan", "buah", 45, 150, false},
	},
	"A": {
		{"Madu hutan", "Hasil tani olahan", "botol 250 ml", 60, 120, true},
		{"Kopi robusta bubuk", "Minuman", "bungkus 200 g", 25, 50, true},
		{"Keripik singkong balado", "Hasil tani olahan", "bungkus 250 g", 10, 18, true},
	},
	"I": {
		{"Kue kering nastar", "Makanan", "toples 500 g", 60, 110, true},
		{"Minuman sari kedelai", "Minuman", "botol 250 ml", 5, 10, true},
	},
	"G": {
		{"Garam beryodium krosok", "Hasil laut olahan", "bungkus 1 kg", 5, 12, true},
		{"Bordir kerudung", "Batik & fesyen", "buah", 35, 120, false},
	},
}

var journeyProviders = map[string][]string{
	wub.CapitalKUR:      {"BRI Unit Pamekasan", "BRI Unit Pademawu", "Bank Jatim Cabang Pamekasan", "BNI KCP Pamekasan", "BSI KC Pamekasan"},
	wub.CapitalKoperasi: {"Koperasi Syariah BMT Sidogiri", "KSP Sumber Rejeki", "Koperasi Wanita Melati", "KSPPS Mitra Usaha"},
	wub.CapitalCSR:      {"CSR Pertamina EP Poleng", "CSR PT Garam (Persero)", "CSR Bank Jatim", "CSR PLN UP3 Pamekasan"},
	wub.CapitalPemkab:   {"Program Bantuan Alat Usaha Pemkab Pamekasan", "Hibah Modal Usaha Diskop UKM dan Naker"},
}

// FillJourney adds the life after training to the trainees already in the
// database: businesses (about half of those trained, more for older
// cohorts), licences, marketing channels, capital, Wamira Mart outlets
// (three of which closed when their funding ended), products and their
// listings. The same database and seed give the same data. Everything is
// written through the store's rules in one transaction; a database that
// already has outlets is refused.
func FillJourney(ctx context.Context, db *store.DB, seed int64) error {
	if outs, err := db.Outlets(ctx); err != nil {
		return err
	} else if len(outs) > 0 {
		return fmt.Errorf("demo: the database already has %d Wamira Mart outlets", len(outs))
	}
	people, err := journeyCandidates(ctx, db)
	if err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(uint64(seed), 0x6a6f75726e6579)) // "journey"
	today := db.Today()
	return db.JourneyBulk(ctx, func(jb *store.JourneyBatch) error {
		g := &journeyGen{r: r, jb: jb, today: today}
		if err := g.openOutlets(); err != nil {
			return err
		}
		for _, t := range people {
			if err := g.trainee(t); err != nil {
				return fmt.Errorf("demo: trainee %d: %w", t.ID, err)
			}
		}
		return g.closeOutlets()
	})
}

// journeyCandidates reads the trainees who completed a training.
func journeyCandidates(ctx context.Context, db *store.DB) ([]*wub.Trainee, error) {
	var out []*wub.Trainee
	f := wub.TraineeFilter{Status: wub.StatusTrained, Sort: wub.SortNIK}
	for off := 0; ; off += 1000 {
		rows, err := db.SearchTrainees(ctx, f, off, 1000)
		if err != nil {
			return nil, err
		}
		for _, row := range rows {
			t, err := db.Trainee(ctx, row.ID)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
		if len(rows) < 1000 {
			return out, nil
		}
	}
}

type journeyOutlet struct {
	wub.Outlet
	closeOn time.Time
	reason  string
}

type journeyGen struct {
	r       *rand.Rand
	jb      *store.JourneyBatch
	today   time.Time
	outlets []journeyOutlet
}

func (g *journeyGen) chance(p float64) bool { return g.r.Float64() < p }

// after is a day between from+lo and from+hi days, or zero when that would
// be after today.
func (g *journeyGen) after(from time.Time, lo, hi int) time.Time {
	d := from.AddDate(0, 0, lo+g.r.IntN(hi-lo+1))
	if d.After(g.today) {
		return time.Time{}
	}
	return d
}

func (g *journeyGen) openOutlets() error {
	for _, o := range journeyOutlets {
		out := journeyOutlet{Outlet: wub.Outlet{Name: o.name, KecCode: o.kec, DesaCode: o.desa, OpenedOn: wub.ParseISODate(o.opened)}}
		if out.OpenedOn.After(g.today) {
			continue
		}
		if c := wub.ParseISODate(o.closed); !c.IsZero() && !c.After(g.today) {
			out.closeOn, out.reason = c, o.reason
		}
		if err := g.jb.SaveOutlet(&out.Outlet); err != nil {
			return err
		}
		g.outlets = append(g.outlets, out)
	}
	return nil
}

func (g *journeyGen) closeOutlets() error {
	for _, o := range g.outlets {
		if o.closeOn.IsZero() {
			continue
		}
		if _, err := g.jb.CloseOutlet(o.ID, o.closeOn, o.reason); err != nil {
			return err
		}
	}
	return nil
}

func (g *journeyGen) trainee(t *wub.Trainee) error {
	tr := wub.TrainingOf(t.Enrolments)
	if !tr.Trained {
		return nil
	}
	from := tr.From()
	// Older cohorts had more time to start: 35% for this year's, up to 70%.
	years := g.today.Sub(from).Hours() / 24 / 365
	if !g.chance(min(0.7, 0.35+0.15*years)) {
		return nil
	}
	started := g.after(from, 7, 300)
	if started.IsZero() {
		return nil
	}
	sector := t.KBLI
	if _, ok := journeyGoods[sector]; !ok {
		sector = []string{"C", "C", "C", "A", "I", "G"}[g.r.IntN(6)]
	}
	goods := journeyGoods[sector]
	first := goods[g.r.IntN(len(goods))]
	name := t.BusinessName
	if name == "" {
		name = first.name + " " + journeyCallName(t)
	}
	b := &wub.Business{TraineeID: t.ID, Name: name, KBLI: sector, Products: strings.ToLower(first.name),
		Address: t.Address, DesaCode: t.DesaCode, KecCode: t.KecCode, StartedOn: started,
		Turnover: journeyPick(g.r, []string{wub.TurnoverUnder1, wub.Turnover1to5, wub.Turnover5to15, wub.Turnover15to50, wub.TurnoverOver50},
			[]int{38, 40, 15, 6, 1}),
		Workers: journeyPickInt(g.r, []int{0, 1, 2, 3, 5}, []int{45, 25, 17, 9, 4})}
	if err := g.jb.SaveBusiness(b); err != nil {
		return err
	}
	if err := g.licences(b, first.food); err != nil {
		return err
	}
	if g.chance(0.55) {
		kind := journeyPick(g.r, []string{wub.ChannelSocial, wub.ChannelMarketplace, wub.ChannelMarketStall, wub.ChannelShop},
			[]int{45, 25, 20, 10})
		detail := map[string]string{wub.ChannelSocial: "WhatsApp dan Facebook", wub.ChannelMarketplace: "Shopee",
			wub.ChannelMarketStall: "Pasar Kolpajung", wub.ChannelShop: "Titip jual di toko oleh-oleh"}[kind]
		if on := g.after(started, 0, 120); !on.IsZero() {
			if err := g.jb.AddChannel(&wub.Channel{BusinessID: b.ID, Kind: kind, Detail: detail, StartedOn: on}); err != nil {
				return err
			}
		}
	}
	if err := g.products(b, goods, first.name, started); err != nil {
		return err
	}
	if g.chance(0.22) {
		src := journeyPick(g.r, wub.CapitalSources, []int{40, 25, 20, 15})
		amount := map[string][2]int{wub.CapitalKUR: {5, 50}, wub.CapitalKoperasi: {1, 10}, wub.CapitalCSR: {2, 15},
			wub.CapitalPemkab: {2, 5}}[src]
		if on := g.after(started, 30, 400); !on.IsZero() {
			c := &wub.Capital{BusinessID: b.ID, Source: src, Provider: journeyOne(g.r, journeyProviders[src]),
				Amount: int64(amount[0]+g.r.IntN(amount[1]-amount[0]+1)) * 1_000_000, ReceivedOn: on}
			if src == wub.CapitalCSR {
				c.Notes = "Bantuan alat produksi"
			}
			if err := g.jb.AddCapital(c); err != nil {
				return err
			}
		}
	}
	return nil
}

func (g *journeyGen) licences(b *wub.Business, food bool) error {
	add := func(kind, number string, lo, hi int) error {
		on := g.after(b.StartedOn, lo, hi)
		if on.IsZero() {
			return nil
		}
		return g.jb.AddLicence(&wub.Licence{BusinessID: b.ID, Kind: kind, Number: number, IssuedOn: on})
	}
	if !g.chance(0.6) {
		return nil
	}
	if err := add(wub.LicenceNIB, fmt.Sprintf("%013d", 1_200_000_000_000+g.r.Int64N(99_999_999_999)), 3, 90); err != nil {
		return err
	}
	if food && g.chance(0.45) {
		if err := add(wub.LicencePIRT, fmt.Sprintf("P-IRT %d3528%02d%04d-%02d", 2+g.r.IntN(4), 1+g.r.IntN(13), g.r.IntN(9999), 24+g.r.IntN(4)), 30, 200); err != nil {
			return err
		}
	}
	if food && g.chance(0.2) {
		if err := add(wub.LicenceHalal, fmt.Sprintf("ID35110%08d", g.r.IntN(99_999_999)), 60, 300); err != nil {
			return err
		}
	}
	if g.chance(0.05) {
		return add(wub.LicenceHAKI, fmt.Sprintf("IDM%09d", g.r.IntN(999_999_999)), 90, 400)
	}
	return nil
}

// products records one to three products; about two in five go on the
// shelf of one or two Wamira Mart outlets, and some are withdrawn later.
func (g *journeyGen) products(b *wub.Business, goods []journeyGood, firstName string, started time.Time) error {
	n := journeyPickInt(g.r, []int{0, 1, 2, 3}, []int{30, 45, 18, 7})
	seen := map[string]bool{}
	for i := 0; i < n; i++ {
		item := goods[g.r.IntN(len(goods))]
		if i == 0 {
			for _, x := range goods {
				if x.name == firstName {
					item = x
				}
			}
		}
		if seen[item.name] {
			continue
		}
		seen[item.name] = true
		p := &wub.Product{BusinessID: b.ID, Name: item.name, Category: item.category, Unit: item.unit,
			Price: int64(item.lo+g.r.IntN(item.hi-item.lo+1)) * 1000, PIRT: wub.CertNone, Halal: wub.CertNone}
		if item.food {
			p.PIRT = journeyPick(g.r, wub.CertStatuses, []int{50, 15, 35})
			p.Halal = journeyPick(g.r, wub.CertStatuses, []int{65, 15, 20})
		}
		if err := g.jb.SaveProduct(p); err != nil {
			return err
		}
		if !g.chance(0.4) {
			continue
		}
		for _, o := range g.pickOutlets(b.KecCode) {
			on := g.after(maxDate(started, o.OpenedOn), 5, 200)
			if on.IsZero() || !o.closeOn.IsZero() && on.After(o.closeOn) {
				continue
			}
			l := &wub.Listing{ProductID: p.ID, OutletID: o.ID, ListedOn: on}
			if err := g.jb.AddListing(l); err != nil {
				return err
			}
			if g.chance(0.15) {
				w := g.after(on, 30, 365)
				if !w.IsZero() && (o.closeOn.IsZero() || !w.After(o.closeOn)) {
					if err := g.jb.WithdrawListing(l.ID, w, "Kurang laku"); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

// pickOutlets prefers the outlet of the producer's kecamatan, then any.
func (g *journeyGen) pickOutlets(kec string) []journeyOutlet {
	var out []journeyOutlet
	for _, o := range g.outlets {
		if o.KecCode == kec {
			out = append(out, o)
		}
	}
	if len(out) == 0 || g.chance(0.3) {
		o := g.outlets[g.r.IntN(len(g.outlets))]
		if len(out) == 0 || o.ID != out[0].ID {
			out = append(out, o)
		}
	}
	return out
}

func maxDate(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// journeyCallName is how a producer is known: "Bu Siti", "Pak Ahmad".
func journeyCallName(t *wub.Trainee) string {
	first := strings.Fields(t.Name)
	name := "Pamekasan"
	for _, w := range first {
		if !strings.HasSuffix(w, ".") && len(w) > 2 {
			name = w
			break
		}
	}
	if t.Sex == "P" {
		return "Bu " + name
	}
	return "Pak " + name
}

func journeyOne(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

func journeyPick(r *rand.Rand, xs []string, weights []int) string {
	return xs[journeyIndex(r, weights)]
}

func journeyPickInt(r *rand.Rand, xs []int, weights []int) int { return xs[journeyIndex(r, weights)] }

func journeyIndex(r *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
