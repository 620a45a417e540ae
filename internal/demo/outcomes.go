package demo

import (
	"context"
	"fmt"
	"time"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// OutcomeRegister writes a small 2024 register that reaches every stage of
// the journey, for the tests of the outcome figures (store, workbook,
// consolidation and screen), which compare against OutcomeHand. The
// database's clock must stand on or after 30 June 2024.
//
//	Ani    DISPERINDAG kec 04, lulus 1 Feb: visit 15 Feb, business 2 Mar (30 days), NIB 10 Mar,
//	       two products, Wamira Mart Pademawu (both) and Larangan (one) from 1 Apr, KUR 1 May
//	Budi   DKP lulus 20 Jan and DISPERINDAG lulus 15 Mar (one person, counted under DKP), kec 01:
//	       business 19 Feb (30 days), P-IRT 1 Mar, marketplace 5 Mar, Wamira Mart Larangan 15 Apr
//	Cici   DISPERINDAG kec 04, lulus 1 Apr: business 11 May (40 days), Larangan 20 May
//	       (and Pademawu 20 May, withdrawn 1 Jun)
//	Dedi   DKP kec 01, lulus 1 Mar: visit 20 Mar, nothing else
//	Euis   DISPERINDAG kec 04, registered 1 May (still in training)
//	Fajar  DKP kec 01, dropped
//	Gita   DISPERINDAG kec 01, lulus 10 Feb: business 10 Jun (121 days), CSR equipment 20 Jun
func OutcomeRegister(ctx context.Context, db *store.DB) error {
	d := func(m, day int) time.Time { return time.Date(2024, time.Month(m), day, 0, 0, 0, 0, time.UTC) }
	trained := func(agency string, done time.Time) wub.Enrolment {
		return wub.Enrolment{AgencyCode: agency, Year: 2024, Status: wub.StatusTrained, EnrolledOn: done.AddDate(0, 0, -14), CompletedOn: done}
	}
	people := []*wub.Trainee{
		{NIK: "3528044101950001", Name: "Ani Rahmawati", Sex: "P", KecCode: "35.28.04",
			Enrolments: []wub.Enrolment{trained(wub.DISPERINDAG, d(2, 1))}},
		{NIK: "3528010202900002", Name: "Budi Santoso", Sex: "L", KecCode: "35.28.01",
			Enrolments: []wub.Enrolment{trained(wub.DKP, d(1, 20)), trained(wub.DISPERINDAG, d(3, 15))}},
		{NIK: "3528044303970003", Name: "Cici Paramitha", Sex: "P", KecCode: "35.28.04",
			Enrolments: []wub.Enrolment{trained(wub.DISPERINDAG, d(4, 1))}},
		{NIK: "3528010404880004", Name: "Dedi Kurniawan", Sex: "L", KecCode: "35.28.01",
			Enrolments: []wub.Enrolment{trained(wub.DKP, d(3, 1))}},
		{NIK: "3528044505990005", Name: "Euis Nurjanah", Sex: "P", KecCode: "35.28.04",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2024, Status: wub.StatusRegistered, EnrolledOn: d(5, 1)}}},
		{NIK: "3528010606910006", Name: "Fajar Hidayat", Sex: "L", KecCode: "35.28.01",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusDropped, EnrolledOn: d(2, 1)}}},
		{NIK: "3528014707960007", Name: "Gita Permatasari", Sex: "P", KecCode: "35.28.01",
			Enrolments: []wub.Enrolment{trained(wub.DISPERINDAG, d(2, 10))}},
	}
	for _, p := range people {
		if is, err := db.CreateTrainee(ctx, p); err != nil || is.HasErrors() {
			return fmt.Errorf("%s: %v %v", p.Name, err, is)
		}
	}
	ani, budi, cici, dedi, gita := people[0], people[1], people[2], people[3], people[6]
	check := func(what string) func(wub.Issues, error) error {
		return func(is wub.Issues, err error) error {
			if err == nil && is.HasErrors() {
				err = fmt.Errorf("%v", is)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", what, err)
			}
			return nil
		}
	}
	fac := &wub.Facilitator{NIK: "3528041506800009", Name: "Moh. Rofiq", Sex: "L", DesaCode: "35.28.04.1001", Expertise: "pemasaran"}
	if err := check("facilitator")(db.CreateFacilitator(ctx, fac)); err != nil {
		return err
	}
	for _, v := range []struct {
		who *wub.Trainee
		on  time.Time
	}{{ani, d(2, 15)}, {dedi, d(3, 20)}} {
		if err := db.SaveMentoring(ctx, &wub.Mentoring{Date: v.on, TraineeID: v.who.ID, FacilitatorID: fac.ID,
			BusinessState: wub.BusinessNotStarted, Notes: "kunjungan pertama"}); err != nil {
			return fmt.Errorf("mentoring: %w", err)
		}
	}
	biz := map[*wub.Trainee]*wub.Business{}
	for _, b := range []struct {
		who  *wub.Trainee
		name string
		on   time.Time
	}{{ani, "Batik Tulis Ani", d(3, 2)}, {budi, "Ikan Asin Budi", d(2, 19)}, {cici, "Keripik Cici", d(5, 11)},
		{gita, "Jamu Gita", d(6, 10)}} {
		x := &wub.Business{TraineeID: b.who.ID, Name: b.name, KBLI: "C", StartedOn: b.on}
		if err := check("business " + b.name)(db.SaveBusiness(ctx, x)); err != nil {
			return err
		}
		biz[b.who] = x
	}
	if err := check("NIB")(db.AddLicence(ctx, &wub.Licence{BusinessID: biz[ani].ID, Kind: wub.LicenceNIB,
		Number: "1234567890123", IssuedOn: d(3, 10)})); err != nil {
		return err
	}
	if err := check("P-IRT")(db.AddLicence(ctx, &wub.Licence{BusinessID: biz[budi].ID, Kind: wub.LicencePIRT,
		Number: "P-IRT 2063528010001-29", IssuedOn: d(3, 1)})); err != nil {
		return err
	}
	if err := check("channel")(db.AddChannel(ctx, &wub.Channel{BusinessID: biz[budi].ID, Kind: wub.ChannelMarketplace,
		Detail: "Shopee: ikanasinbudi", StartedOn: d(3, 5)})); err != nil {
		return err
	}
	for _, c := range []struct {
		who    *wub.Trainee
		source string
		on     time.Time
	}{{ani, wub.CapitalKUR, d(5, 1)}, {gita, wub.CapitalCSR, d(6, 20)}} {
		if err := check("capital")(db.AddCapital(ctx, &wub.Capital{BusinessID: biz[c.who].ID, Source: c.source,
			Provider: "BRI Unit Pamekasan", Amount: 5_000_000, ReceivedOn: c.on})); err != nil {
			return err
		}
	}
	outlets := map[string]*wub.Outlet{}
	for _, o := range []struct{ name, kec string }{{"Wamira Mart Pademawu", "35.28.04"}, {"Wamira Mart Larangan", "35.28.01"}} {
		x := &wub.Outlet{Name: o.name, KecCode: o.kec, OpenedOn: d(1, 2)}
		if err := check("outlet")(db.SaveOutlet(ctx, x)); err != nil {
			return err
		}
		outlets[o.name] = x
	}
	product := func(who *wub.Trainee, name string) (*wub.Product, error) {
		p := &wub.Product{BusinessID: biz[who].ID, Name: name, Category: "Makanan", Price: 15000, Unit: "bungkus"}
		return p, check("product " + name)(db.SaveProduct(ctx, p))
	}
	list := func(p *wub.Product, outlet string, on time.Time) (*wub.Listing, error) {
		l := &wub.Listing{ProductID: p.ID, OutletID: outlets[outlet].ID, ListedOn: on}
		return l, check("listing " + p.Name)(db.AddListing(ctx, l))
	}
	var err error
	var p1, p2, p3, p4 *wub.Product
	for _, step := range []func() error{
		func() error { p1, err = product(ani, "Batik tulis motif sekar jagad"); return err },
		func() error { p2, err = product(ani, "Selendang batik"); return err },
		func() error { p3, err = product(cici, "Keripik singkong"); return err },
		func() error { p4, err = product(budi, "Ikan asin teri"); return err },
		func() error { _, err = list(p1, "Wamira Mart Pademawu", d(4, 1)); return err },
		func() error { _, err = list(p2, "Wamira Mart Pademawu", d(4, 1)); return err },
		func() error { _, err = list(p1, "Wamira Mart Larangan", d(4, 1)); return err },
		func() error { _, err = list(p4, "Wamira Mart Larangan", d(4, 15)); return err },
		func() error { _, err = list(p3, "Wamira Mart Larangan", d(5, 20)); return err },
		func() error {
			l, err := list(p3, "Wamira Mart Pademawu", d(5, 20))
			if err != nil {
				return err
			}
			return check("withdraw")(db.WithdrawListing(ctx, l.ID, d(6, 1), "tidak laku"))
		},
	} {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// OutcomeHand is the hand count of OutcomeRegister as of 30 June 2024,
// each person once under their first completion of the year (Budi under
// DKP). Keys are wub.OutcomeStages.
var OutcomeHand = struct {
	Regency, Disperindag, DKP map[string]int
	Kec04, Kec01              map[string]int
	// Median days from completion to a running business.
	MedianRegency, MedianDisperindag, MedianDKP float64
	// The Disperindag submission for May 2024 counts everyone it trained
	// (Budi too, under its own completion of 15 March, when his business
	// was already running: no days for him) as of 31 May (Gita's business
	// and capital come in June).
	DisperindagMay       map[string]int
	MedianDisperindagMay float64
	// Wamira Mart now: products, producers, outlets.
	WamiraProducts, WamiraProducers, WamiraOutlets int
}{
	Regency: map[string]int{"registered": 7, "trained": 5, "mentored": 2, "business": 4, "licensed": 2, "nib": 1,
		"marketed": 3, "wamira": 3, "capital": 2},
	Disperindag: map[string]int{"registered": 4, "trained": 3, "mentored": 1, "business": 3, "licensed": 1, "nib": 1,
		"marketed": 2, "wamira": 2, "capital": 2},
	DKP: map[string]int{"registered": 3, "trained": 2, "mentored": 1, "business": 1, "licensed": 1, "nib": 0,
		"marketed": 1, "wamira": 1, "capital": 0},
	Kec04: map[string]int{"registered": 3, "trained": 2, "mentored": 1, "business": 2, "licensed": 1, "nib": 1,
		"marketed": 2, "wamira": 2, "capital": 1},
	Kec01: map[string]int{"registered": 4, "trained": 3, "mentored": 1, "business": 2, "licensed": 1, "nib": 0,
		"marketed": 1, "wamira": 1, "capital": 1},
	MedianRegency: 35, MedianDisperindag: 40, MedianDKP: 30,
	DisperindagMay: map[string]int{"registered": 5, "trained": 4, "mentored": 1, "business": 3, "licensed": 2, "nib": 1,
		"marketed": 3, "wamira": 3, "capital": 1},
	MedianDisperindagMay: 35,
	WamiraProducts:       4, WamiraProducers: 3, WamiraOutlets: 2,
}
