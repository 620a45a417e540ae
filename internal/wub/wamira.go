package wub

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Outlet statuses. An outlet is closed from its closing date on.
const (
	OutletActive = "active" // buka
	OutletClosed = "closed" // tutup
)

// OutletStatusLabel is how an outlet status is shown.
func OutletStatusLabel(s string) string {
	if s == OutletClosed {
		return nikText("Tutup", "Closed")
	}
	return nikText("Buka", "Open")
}

// Outlet is a Wamira Mart shop, the regency's offline market for WUB
// products. Several closed when their funding ended.
type Outlet struct {
	ID           int64
	Name         string
	Address      string
	DesaCode     string
	KecCode      string
	OpenedOn     time.Time
	ClosedOn     time.Time // zero while open
	ClosedReason string
	Notes        string
}

// Status is active or closed.
func (o Outlet) Status() string {
	if o.ClosedOn.IsZero() {
		return OutletActive
	}
	return OutletClosed
}

// OpenOn reports whether the outlet was open on day d.
func (o Outlet) OpenOn(d time.Time) bool {
	if !o.OpenedOn.IsZero() && d.Before(o.OpenedOn) {
		return false
	}
	return o.ClosedOn.IsZero() || !d.After(o.ClosedOn)
}

// Normalize tidies what was typed.
func (o *Outlet) Normalize() {
	o.Name = strings.Join(strings.Fields(o.Name), " ")
	o.Address = strings.TrimSpace(o.Address)
	o.ClosedReason = strings.TrimSpace(o.ClosedReason)
	o.Notes = strings.TrimSpace(o.Notes)
	if d, ok := Ref().DesaByCode(o.DesaCode); ok && o.KecCode == "" {
		o.KecCode = d.KecamatanCode
	}
}

// Check validates an outlet.
func (o *Outlet) Check(today time.Time) Issues {
	var out Issues
	if o.Name == "" {
		out = append(out, issuef("name", "outlet_name_missing", Error))
	} else if utf8.RuneCountInString(o.Name) > MaxNameLen {
		out = append(out, issuef("name", "name_too_long", Error, MaxNameLen))
	}
	if o.KecCode == "" {
		out = append(out, issuef("kecamatan", "outlet_kecamatan_missing", Error))
	}
	out = append(out, checkPlace(o.DesaCode, o.KecCode)...)
	if o.OpenedOn.IsZero() {
		out = append(out, issuef("opened_on", "outlet_opened_missing", Error))
	} else if o.OpenedOn.After(today) {
		out = append(out, issuef("opened_on", "stage_date_future", Error, FormatDate(o.OpenedOn)))
	}
	if !o.ClosedOn.IsZero() {
		switch {
		case o.ClosedOn.After(today):
			out = append(out, issuef("closed_on", "stage_date_future", Error, FormatDate(o.ClosedOn)))
		case !o.OpenedOn.IsZero() && o.ClosedOn.Before(o.OpenedOn):
			out = append(out, issuef("closed_on", "date_order", Error, FormatDate(o.ClosedOn), FormatDate(o.OpenedOn)))
		}
	}
	return out
}

// Certification status of a product (P-IRT, halal).
const (
	CertNone    = "none"    // belum
	CertProcess = "process" // sedang diurus
	CertHas     = "has"     // sudah terbit
)

// CertStatuses lists the certification statuses in display order.
var CertStatuses = []string{CertNone, CertProcess, CertHas}

// CertLabel is how a certification status is shown.
func CertLabel(s string) string {
	switch s {
	case CertNone:
		return nikText("Belum", "No")
	case CertProcess:
		return nikText("Diproses", "In process")
	case CertHas:
		return nikText("Ada", "Yes")
	}
	return s
}

// ProductCategories are offered in forms; other text is kept as typed.
var ProductCategories = []string{"Makanan", "Minuman", "Kerajinan", "Batik & fesyen", "Hasil tani olahan",
	"Hasil laut olahan", "Jamu & herbal", "Lainnya"}

// Product is something a trainee's business makes that a shop can sell.
type Product struct {
	ID         int64
	BusinessID int64
	TraineeID  int64
	Name       string
	Category   string
	Price      int64 // rupiah per unit
	Unit       string
	PIRT       string // CertStatuses
	Halal      string // CertStatuses
	PhotoPath  string
	RecordedBy string
}

// MaxPrice bounds a unit price so that an extra zero is caught.
const MaxPrice = 100_000_000

// Normalize tidies what was typed.
func (p *Product) Normalize() {
	p.Name = strings.Join(strings.Fields(p.Name), " ")
	p.Category = strings.TrimSpace(p.Category)
	p.Unit = strings.TrimSpace(p.Unit)
	p.PhotoPath = strings.TrimSpace(p.PhotoPath)
	if p.PIRT == "" {
		p.PIRT = CertNone
	}
	if p.Halal == "" {
		p.Halal = CertNone
	}
}

// Check validates a product; hasBusiness says whether its business exists.
func (p *Product) Check(hasBusiness bool) Issues {
	var out Issues
	if !hasBusiness {
		out = append(out, issuef("business", "business_required", Error))
	}
	if p.Name == "" {
		out = append(out, issuef("name", "product_name_missing", Error))
	} else if utf8.RuneCountInString(p.Name) > MaxNameLen {
		out = append(out, issuef("name", "name_too_long", Error, MaxNameLen))
	}
	if p.Price < 0 || p.Price > MaxPrice {
		out = append(out, issuef("price", "price_invalid", Error, FormatRupiah(p.Price)))
	} else if p.Price == 0 {
		out = append(out, issuef("price", "price_missing", Warning))
	}
	if !oneOf(CertStatuses, p.PIRT) {
		out = append(out, issuef("pirt", "cert_status_unknown", Error, p.PIRT))
	}
	if !oneOf(CertStatuses, p.Halal) {
		out = append(out, issuef("halal", "cert_status_unknown", Error, p.Halal))
	}
	return out
}

// Listing is a product on the shelf of one outlet, from ListedOn until it
// is withdrawn.
type Listing struct {
	ID              int64
	ProductID       int64
	OutletID        int64
	ListedOn        time.Time
	WithdrawnOn     time.Time // zero while on the shelf
	WithdrawnReason string
	RecordedBy      string
}

// Active reports whether the listing is still on the shelf.
func (l Listing) Active() bool { return l.WithdrawnOn.IsZero() }

// CheckNewListing validates a new listing against its outlet and the
// producer's training: a closed outlet takes no new products, and the
// listing date must fall in the outlet's open period.
func (l *Listing) CheckNewListing(o Outlet, tr Training, today time.Time) Issues {
	if o.Status() == OutletClosed {
		return Issues{issuef("outlet", "outlet_closed", Error, o.Name, FormatDate(o.ClosedOn))}
	}
	out := CheckStageDate("listed_on", l.ListedOn, tr, today)
	if !l.ListedOn.IsZero() && !o.OpenOn(l.ListedOn) {
		out = append(out, issuef("listed_on", "listing_before_outlet", Error, FormatDate(l.ListedOn), o.Name, FormatDate(o.OpenedOn)))
	}
	return append(out, l.checkWithdrawn(o, today)...)
}

// CheckWithdrawal validates withdrawing a listing on a day.
func (l *Listing) CheckWithdrawal(o Outlet, today time.Time) Issues {
	if l.WithdrawnOn.IsZero() {
		return Issues{issuef("withdrawn_on", "stage_date_missing", Error)}
	}
	return l.checkWithdrawn(o, today)
}

func (l *Listing) checkWithdrawn(o Outlet, today time.Time) Issues {
	w := l.WithdrawnOn
	switch {
	case w.IsZero():
		return nil
	case w.After(today):
		return Issues{issuef("withdrawn_on", "stage_date_future", Error, FormatDate(w))}
	case w.Before(l.ListedOn):
		return Issues{issuef("withdrawn_on", "date_order", Error, FormatDate(w), FormatDate(l.ListedOn))}
	case !o.ClosedOn.IsZero() && w.After(o.ClosedOn):
		return Issues{issuef("withdrawn_on", "withdrawn_after_close", Error, FormatDate(w), o.Name, FormatDate(o.ClosedOn))}
	}
	return nil
}

// CheckCorrection validates a listing whose dates are corrected: the same
// rules as a new listing, except that the outlet may have closed since.
func (l *Listing) CheckCorrection(o Outlet, tr Training, today time.Time) Issues {
	out := CheckStageDate("listed_on", l.ListedOn, tr, today)
	if !l.ListedOn.IsZero() && !o.OpenOn(l.ListedOn) {
		out = append(out, issuef("listed_on", "listing_before_outlet", Error, FormatDate(l.ListedOn), o.Name, FormatDate(o.OpenedOn)))
	}
	return append(out, l.checkWithdrawn(o, today)...)
}
