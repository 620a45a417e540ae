package wub

import "sort"

// ShelfItem is one product on one outlet's shelf now, with its producer.
type ShelfItem struct {
	OutletID, ProductID, TraineeID int64
}

// AgencyShare is how many of an outlet's producers (and their products on
// its shelf) come from one agency's trainees.
type AgencyShare struct {
	AgencyCode string // "" when the producer has no completed training on record
	Producers  int
	Products   int
}

// OutletReach is what one outlet carries: products, producers, and the
// agencies that trained those producers (most producers first).
type OutletReach struct {
	OutletID  int64
	Products  int
	Producers int
	Agencies  []AgencyShare
}

// WamiraReach is Wamira Mart's figure for the regency: N products from M
// producers (trainees) in K outlets, each counted once, and the same per
// outlet and per agency.
type WamiraReach struct {
	Products  int // distinct products on a shelf
	Producers int // distinct trainees behind them
	Outlets   int // outlets with at least one product on the shelf
	ByOutlet  map[int64]OutletReach
	Agencies  []AgencyShare // over all outlets, each producer and product once
}

// ComputeWamiraReach counts the shelves. agencyOf gives each producer's
// agency: the one that trained them first.
func ComputeWamiraReach(items []ShelfItem, agencyOf map[int64]string) WamiraReach {
	type set map[int64]bool
	type acc struct{ products, producers set }
	newAcc := func() *acc { return &acc{set{}, set{}} }
	all := newAcc()
	outlets := map[int64]*acc{}
	outletAgency := map[int64]map[string]*acc{}
	regAgency := map[string]*acc{}
	for _, it := range items {
		a := agencyOf[it.TraineeID]
		if outlets[it.OutletID] == nil {
			outlets[it.OutletID] = newAcc()
			outletAgency[it.OutletID] = map[string]*acc{}
		}
		if outletAgency[it.OutletID][a] == nil {
			outletAgency[it.OutletID][a] = newAcc()
		}
		if regAgency[a] == nil {
			regAgency[a] = newAcc()
		}
		for _, x := range []*acc{all, outlets[it.OutletID], outletAgency[it.OutletID][a], regAgency[a]} {
			x.products[it.ProductID] = true
			x.producers[it.TraineeID] = true
		}
	}
	shares := func(m map[string]*acc) []AgencyShare {
		var out []AgencyShare
		for code, x := range m {
			out = append(out, AgencyShare{AgencyCode: code, Producers: len(x.producers), Products: len(x.products)})
		}
		sort.Slice(out, func(i, j int) bool {
			if out[i].Producers != out[j].Producers {
				return out[i].Producers > out[j].Producers
			}
			return out[i].AgencyCode < out[j].AgencyCode
		})
		return out
	}
	r := WamiraReach{Products: len(all.products), Producers: len(all.producers), Outlets: len(outlets),
		ByOutlet: map[int64]OutletReach{}, Agencies: shares(regAgency)}
	for id, x := range outlets {
		r.ByOutlet[id] = OutletReach{OutletID: id, Products: len(x.products), Producers: len(x.producers),
			Agencies: shares(outletAgency[id])}
	}
	return r
}
