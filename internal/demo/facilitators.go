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

// FillFacilitators adds the facilitator side of a demo database whose
// trainees and batches are already there: 2–4 facilitators per agency and
// year on yearly contracts (most renewed, some replaced, about half not
// renewed in 2023 by the new head of Diskop UKM dan Naker, DPMPTSP's leaving
// after 2022, one of them moving to Diskop UKM), the recorded decisions of
// each contract round, the facilitators of every batch, mentoring visits to
// the batches' trainees, and monthly reports (most on time, some late, some
// missing). Nothing is written when facilitators already exist. The same
// seed and database give the same records.
func FillFacilitators(ctx context.Context, db *store.DB, seed int64) error {
	existing, err := db.SearchFacilitators(ctx, wub.FacilitatorFilter{})
	if err != nil {
		return err
	}
	if len(existing) > 0 {
		return nil
	}
	as, err := db.Agencies(ctx)
	if err != nil {
		return err
	}
	batches, err := db.BatchSummaries(ctx, "", 0, "")
	if err != nil {
		return err
	}
	g := &facGen{rng: rand.New(rand.NewPCG(uint64(seed), 0xfac1)), today: db.Today(), members: map[int64][]int64{},
		names: map[string]bool{}}
	byAY := map[string][]wub.BatchSummary{}
	for _, b := range batches {
		byAY[ayKey(b.AgencyCode, b.Year)] = append(byAY[ayKey(b.AgencyCode, b.Year)], b)
		ms, err := db.BatchMembers(ctx, b.ID)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Status != wub.StatusDropped {
				g.members[b.ID] = append(g.members[b.ID], m.TraineeID)
			}
		}
	}
	years := map[string][]int{}
	for _, a := range as {
		for y := a.FirstYear; y <= g.today.Year(); y++ {
			if !a.RunsIn(y) {
				continue
			}
			if len(byAY[ayKey(a.Code, y)]) == 0 {
				n, err := db.CountTrainees(ctx, wub.TraineeFilter{AgencyCode: a.Code, Year: y})
				if err != nil {
					return err
				}
				if n == 0 {
					continue
				}
			}
			years[a.Code] = append(years[a.Code], y)
		}
	}
	return db.Bulk(ctx, func(b *store.Bulk) error {
		b.Audit = false
		g.b = b
		var movers []*facState // DPMPTSP's facilitators looking for a 2023 contract
		for _, a := range as {
			ys := years[a.Code]
			if len(ys) == 0 {
				continue
			}
			var pool []*facState
			for _, y := range ys {
				var err error
				pool, err = g.year(a, y, pool, &movers, byAY[ayKey(a.Code, y)])
				if err != nil {
					return err
				}
			}
			if a.LastYear != 0 && a.LastYear < g.today.Year() {
				for _, f := range pool {
					if f.role == wub.RoleFacilitator && len(movers) == 0 {
						movers = append(movers, f)
						continue
					}
					reason := a.NameInYear(a.LastYear).Short + " tidak lagi menjalankan program WUB"
					if err := b.SetFacilitatorStatus(f.id, wub.FacStopped, time.Date(a.LastYear, 12, 31, 0, 0, 0, 0, time.UTC), reason); err != nil {
						return err
					}
				}
			}
		}
		for _, f := range movers { // Diskop UKM had no 2023 data to move into
			if err := b.SetFacilitatorStatus(f.id, wub.FacStopped, time.Date(2022, 12, 31, 0, 0, 0, 0, time.UTC), "DPMPTSP tidak lagi menjalankan program WUB"); err != nil {
				return err
			}
		}
		return nil
	})
}

func ayKey(agency string, year int) string { return fmt.Sprintf("%s/%d", agency, year) }

type facGen struct {
	b       *store.Bulk
	rng     *rand.Rand
	today   time.Time
	members map[int64][]int64 // batch → trainees who did not drop out
	serial  int               // numbers SPKs and assignment letters
	people  int               // numbers NIKs
	names   map[string]bool
}

// facState is a facilitator while the years are generated.
type facState struct {
	id       int64
	name     string
	role     string
	sloppy   bool // reports late more often: something for the round to show
	contract wub.Contract
}

func (g *facGen) pick(s []string) string { return s[g.rng.IntN(len(s))] }

func (g *facGen) date(y, m, d int) time.Time {
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
}

// year gives the agency's facilitators their contracts for year y: last
// year's are decided on (and some replaced), and the pool is topped up to
// 2–4 people.
func (g *facGen) year(a wub.Agency, y int, pool []*facState, movers *[]*facState, batches []wub.BatchSummary) ([]*facState, error) {
	newHead := a.Code == wub.DISKOPUKM && y == 2023 // who had never worked with them
	var next []*facState
	for i, f := range pool {
		renew := g.rng.Float64() < 0.85 || (i == 0 && len(pool) == 1)
		if newHead {
			renew = i%2 == 0
		}
		d := wub.ContractDecision{FacilitatorID: f.id, Decision: wub.DecisionRenew}
		if !renew {
			d.Decision = wub.DecisionNotRenew
			d.Note = g.pick([]string{"Laporan bulanan sering terlambat", "Target pendampingan tidak tercapai",
				"Formasi dikurangi", "Mengundurkan diri"})
		}
		if err := g.b.InsertDecision(a.Code, y, d); err != nil {
			return nil, err
		}
		if !renew {
			if err := g.b.SetFacilitatorStatus(f.id, wub.FacReplaced, g.date(y, 1, 1), d.Note); err != nil {
				return nil, err
			}
			continue
		}
		next = append(next, f)
	}
	if a.Code == wub.DISKOPUKM && y == 2023 && len(*movers) > 0 {
		next = append(next, (*movers)...) // Naker moved from DPMPTSP, and a facilitator with it
		*movers = nil
	}
	want := 2 + g.rng.IntN(3)
	for len(next) < want {
		f, err := g.newFacilitator(a, len(next) == 0)
		if err != nil {
			return nil, err
		}
		next = append(next, f)
	}
	for _, f := range next {
		if err := g.contract(a, y, f); err != nil {
			return nil, err
		}
	}
	if y > g.today.Year() || g.date(y, 1, 2).After(g.today) {
		return next, nil
	}
	for i, bt := range batches {
		lead := next[i%len(next)]
		if err := g.b.AddBatchFacilitator(bt.ID, lead.id); err != nil {
			return nil, err
		}
		if g.rng.IntN(3) == 0 && len(next) > 1 {
			if err := g.b.AddBatchFacilitator(bt.ID, next[(i+1)%len(next)].id); err != nil {
				return nil, err
			}
		}
		if err := g.mentor(next, i, bt); err != nil {
			return nil, err
		}
	}
	for _, f := range next {
		if err := g.reports(f); err != nil {
			return nil, err
		}
	}
	return next, nil
}

var facExpertise = map[string][]string{
	wub.DPMPTSP:     {"perizinan usaha (NIB)", "pemasaran digital", "pelatihan kerja"},
	wub.DISKOPUKM:   {"manajemen usaha mikro", "pembukuan sederhana", "koperasi", "pemasaran digital"},
	wub.DISPERINDAG: {"batik tulis", "kerajinan anyaman", "pengemasan produk", "pemasaran"},
	wub.DISPORAPAR:  {"ekonomi kreatif", "kuliner khas Madura", "pemandu wisata"},
	wub.DKPP:        {"olahan pangan", "budidaya hortikultura", "peternakan"},
	wub.DKP:         {"olahan hasil perikanan", "budidaya ikan", "garam rakyat"},
	wub.DP3AP2KB:    {"menjahit", "tata rias", "olahan makanan rumahan"},
}

// Facilitators' names: first, middle and last parts, common in Pamekasan.
var facNames = map[bool][3][]string{
	false: {{"Moh.", "Ahmad", "Abd.", "Muhammad", "Achmad", ""},
		{"Syaiful", "Fauzi", "Rahman", "Hairul", "Ridwan", "Badrus", "Zainal", "Mukhlis", "Syamsul", "Hosnan", "Lukman", "Taufik", "Jufri", "Rasyid"},
		{"Anam", "Hakim", "Anwar", "Sholeh", "Abidin", "Arifin", "Efendi", "Hidayat", "Rofiqi", ""}},
	true: {{"Siti", "Nurul", "Dewi", "Ummi", "Sri", "Nur", ""},
		{"Hasanah", "Rahmawati", "Kulsum", "Wahyuni", "Maimunah", "Laila", "Qomariyah", "Latifah", "Rofiqoh", "Musyarrofah", "Hosniyah", "Fitriyah"},
		{"", "", "Amalia", "Fitri", "Zahro"}}}

// name makes a name nobody else in the demo has.
func (g *facGen) name(female bool) string {
	parts := facNames[female]
	for {
		var w []string
		for _, p := range parts {
			if s := g.pick(p); s != "" {
				w = append(w, s)
			}
		}
		if len(w) < 2 {
			continue
		}
		n := strings.Join(w, " ")
		if !g.names[n] {
			g.names[n] = true
			return n
		}
	}
}

func (g *facGen) newFacilitator(a wub.Agency, coordinator bool) (*facState, error) {
	g.people++
	female := g.rng.IntN(2) == 0
	name, sex := g.name(female), "L"
	if female {
		sex = "P"
	}
	kec := wub.Ref().Kecamatan[g.rng.IntN(len(wub.Ref().Kecamatan))]
	desas := wub.Ref().DesaIn(kec.Code)
	birth := g.date(1972+g.rng.IntN(26), 1+g.rng.IntN(12), 1+g.rng.IntN(28))
	dd := birth.Day()
	if female {
		dd += 40
	}
	nik := fmt.Sprintf("%s%02d%02d%02d%04d", "3528"+kec.Code[6:8], dd, int(birth.Month()), birth.Year()%100, 7000+g.people)
	f := &wub.Facilitator{NIK: nik, Name: name, Sex: sex, BirthDate: birth, Address: fmt.Sprintf("Dusun %s", g.pick([]string{"Barat", "Timur", "Laok", "Dajah", "Tengah"})),
		DesaCode: desas[g.rng.IntN(len(desas))].Code, KecCode: kec.Code,
		Phone:     fmt.Sprintf("08%d%09d", 1+g.rng.IntN(9), g.rng.IntN(1_000_000_000)),
		Education: g.pick([]string{"D3", "D4/S1", "D4/S1", "D4/S1", "S2", "SMA/SMK"}),
		Expertise: g.expertise(a.Code),
		Role:      wub.RoleFacilitator, Status: wub.FacActive}
	if coordinator {
		f.Role = wub.RoleCoordinator
	}
	if err := g.b.InsertFacilitator(f); err != nil {
		return nil, err
	}
	return &facState{id: f.ID, name: f.Name, role: f.Role, sloppy: g.rng.IntN(4) == 0}, nil
}

// expertise picks two different fields of the agency.
func (g *facGen) expertise(agency string) string {
	fields := facExpertise[agency]
	i := g.rng.IntN(len(fields))
	j := (i + 1 + g.rng.IntN(len(fields)-1)) % len(fields)
	return fields[i] + ", " + fields[j]
}

// contract gives f a contract with a for year y, renewing the last one when
// it was with the same agency.
func (g *facGen) contract(a wub.Agency, y int, f *facState) error {
	var c wub.Contract
	if f.contract.ID != 0 && f.contract.AgencyCode == a.Code {
		c = f.contract.RenewFor(y)
	} else {
		c = wub.Contract{Year: y, AgencyCode: a.Code, StartDate: g.date(y, 1, 2), EndDate: g.date(y, 12, 31),
			KecCode:    wub.Ref().Kecamatan[g.rng.IntN(len(wub.Ref().Kecamatan))].Code,
			Honorarium: int64(1_500_000 + 250_000*g.rng.IntN(5)), TargetTrainees: 20 + 5*g.rng.IntN(9)}
	}
	c.FacilitatorID = f.id
	g.serial++
	c.SPKNumber = fmt.Sprintf("027/%03d/SPK/%s/%d", g.serial%1000, a.Code, y)
	c.AssignmentNumber = fmt.Sprintf("800/%03d/432.%d/%d", g.serial%1000, 300+a.Order, y)
	if err := g.b.InsertContract(&c); err != nil {
		return err
	}
	f.contract = c
	return nil
}

// mentor visits most trainees of the i-th batch once to three times after
// the batch ends, sharing them out among the year's facilitators;
// businesses tend to start as the visits go on.
func (g *facGen) mentor(facs []*facState, i int, bt wub.BatchSummary) error {
	start := bt.EndDate
	if start.IsZero() {
		start = g.date(bt.Year, 6, 1)
	}
	yearEnd := g.date(bt.Year, 12, 31)
	if g.today.Before(yearEnd) {
		yearEnd = g.today
	}
	for k, tid := range g.members[bt.ID] {
		f := facs[(i+k)%len(facs)]
		if g.rng.IntN(10) < 3 {
			continue
		}
		state := wub.BusinessNotStarted
		visits := 1 + g.rng.IntN(3)
		day := start
		for v := 0; v < visits; v++ {
			day = day.AddDate(0, 0, 14+g.rng.IntN(60))
			if day.After(yearEnd) {
				break
			}
			switch r := g.rng.IntN(10); {
			case state == wub.BusinessRunning && r < 8, state != wub.BusinessRunning && r < 5:
				state = wub.BusinessRunning
			case r == 9:
				state = wub.BusinessStopped
			default:
				if state == wub.BusinessStopped {
					state = wub.BusinessNotStarted
				}
			}
			m := &wub.Mentoring{Date: day, TraineeID: tid, FacilitatorID: f.id, BusinessState: state,
				Notes: g.pick([]string{"Kunjungan ke tempat usaha", "Pendampingan pembukuan", "Bantuan pemasaran daring",
					"Pengurusan NIB", "Evaluasi produk dan kemasan"})}
			if g.rng.IntN(5) == 0 {
				m.PhotoPath = fmt.Sprintf("foto/pendampingan/%d/%d-%d.jpg", bt.Year, tid, v+1)
			}
			if err := g.b.InsertMentoring(m); err != nil {
				return err
			}
		}
	}
	return nil
}

// reports writes a facilitator's monthly reports for their contract: most
// by the 10th of the next month, some late, some never.
func (g *facGen) reports(f *facState) error {
	for _, month := range f.contract.Months() {
		first, _ := wub.ParseMonth(month)
		next := first.AddDate(0, 1, 0)
		r := g.rng.IntN(100)
		lateAt, missAt := 80, 92
		if f.sloppy {
			lateAt, missAt = 45, 75
		}
		var sub time.Time
		switch {
		case r < lateAt:
			sub = next.AddDate(0, 0, g.rng.IntN(wub.ReportDueDay))
		case r < missAt:
			sub = next.AddDate(0, 0, wub.ReportDueDay+g.rng.IntN(30))
		default:
			continue
		}
		if sub.After(g.today) {
			continue
		}
		rep := &wub.ActivityReport{FacilitatorID: f.id, Month: month, SubmittedOn: sub,
			TraineesVisited: g.rng.IntN(25), Activities: "Pendampingan peserta dan rekap kunjungan"}
		if err := g.b.InsertActivityReport(rep); err != nil {
			return err
		}
	}
	return nil
}
