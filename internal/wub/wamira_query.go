package wub

import (
	"strings"
	"time"
)

// ProductFilter selects products in the Wamira Mart screen.
type ProductFilter struct {
	Text     string // over the product's and the producer's name
	OutletID int64  // products on this outlet's shelf now (0: any)
	KecCode  string // the producer's kecamatan ("" for all)
	Listed   bool   // only products on some outlet's shelf now
}

// Normalized trims the search text.
func (f ProductFilter) Normalized() ProductFilter {
	f.Text = strings.Join(strings.Fields(f.Text), " ")
	return f
}

// ProductRow is a product with its producer, for lists and the shop's
// export. Phone is personal data: shown and exported, never logged.
type ProductRow struct {
	Product
	BusinessName string
	Producer     string
	Phone        string
	KecCode      string
	KecName      string
	DesaName     string
	Outlets      []string // outlets whose shelf has it now
}

// ListingRow is one listing of an outlet with its product and producer.
type ListingRow struct {
	Listing
	ProductRow
	OutletName string
}

// OutletCount is the count of WUB products on one outlet's shelf.
type OutletCount struct {
	Outlet
	KecName    string
	OnShelf    int // products listed now
	Producers  int // distinct trainees behind them
	EverListed int // listings ever, withdrawn included
}

// OutletFile is a file name for an outlet's product list:
// "Produk WUB - Wamira Mart Pademawu - 2024-06-01.xlsx".
func OutletFile(outletName string, on time.Time) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) {
			return '-'
		}
		return r
	}, outletName)
	return "Produk WUB - " + clean + " - " + ISO(on) + ".xlsx"
}
