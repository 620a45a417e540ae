package wub

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Monthly turnover bands (omzet per bulan).
const (
	TurnoverUnder1 = "lt1"   // < Rp1 juta
	Turnover1to5   = "1-5"   // Rp1–5 juta
	Turnover5to15  = "5-15"  // Rp5–15 juta
	Turnover15to50 = "15-50" // Rp15–50 juta
	TurnoverOver50 = "gt50"  // > Rp50 juta
)

// TurnoverBands lists the bands from small to large.
var TurnoverBands = []string{TurnoverUnder1, Turnover1to5, Turnover5to15, Turnover15to50, TurnoverOver50}

// TurnoverLabel is how a band is shown.
func TurnoverLabel(b string) string {
	switch b {
	case TurnoverUnder1:
		return nikText("< Rp1 jt/bulan", "< Rp1 m/month")
	case Turnover1to5:
		return nikText("Rp1–5 jt/bulan", "Rp1–5 m/month")
	case Turnover5to15:
		return nikText("Rp5–15 jt/bulan", "Rp5–15 m/month")
	case Turnover15to50:
		return nikText("Rp15–50 jt/bulan", "Rp15–50 m/month")
	case TurnoverOver50:
		return nikText("> Rp50 jt/bulan", "> Rp50 m/month")
	}
	return b
}

// Licence kinds.
const (
	LicenceNIB   = "nib"   // Nomor Induk Berusaha from OSS
	LicencePIRT  = "pirt"  // SPP-IRT (home food industry)
	LicenceHalal = "halal" // sertifikat halal
	LicenceHAKI  = "haki"  // brand (merek) or other intellectual property
)

// LicenceKinds lists the licence kinds in display order.
var LicenceKinds = []string{LicenceNIB, LicencePIRT, LicenceHalal, LicenceHAKI}

// LicenceLabel is how a licence kind is shown.
func LicenceLabel(k string) string {
	switch k {
	case LicenceNIB:
		return "NIB (OSS)"
	case LicencePIRT:
		return "P-IRT"
	case LicenceHalal:
		return nikText("Sertifikat halal", "Halal certificate")
	case LicenceHAKI:
		return nikText("HAKI/Merek", "IP/Brand")
	}
	return k
}

// Capital sources.
const (
	CapitalKUR      = "kur"      // KUR or another bank loan
	CapitalKoperasi = "koperasi" // cooperative loan
	CapitalCSR      = "csr"      // equipment grant from a company's CSR
	CapitalPemkab   = "pemkab"   // regency program
)

// CapitalSources lists the capital sources in display order.
var CapitalSources = []string{CapitalKUR, CapitalKoperasi, CapitalCSR, CapitalPemkab}

// CapitalLabel is how a capital source is shown.
func CapitalLabel(s string) string {
	switch s {
	case CapitalKUR:
		return nikText("KUR / pinjaman bank", "KUR / bank loan")
	case CapitalKoperasi:
		return nikText("Koperasi", "Cooperative")
	case CapitalCSR:
		return nikText("Hibah alat CSR", "CSR equipment grant")
	case CapitalPemkab:
		return nikText("Program Pemkab", "Regency program")
	}
	return s
}

// Marketing channels other than Wamira Mart (whose listings are kept per
// outlet and product).
const (
	ChannelMarketplace = "marketplace" // Shopee, Tokopedia, ...
	ChannelMarketStall = "pasar"       // lapak di pasar
	ChannelShop        = "toko"        // own shop or kiosk, consignment in shops
	ChannelSocial      = "sosmed"      // WhatsApp, Facebook, Instagram
	ChannelOther       = "lainnya"
)

// ChannelKinds lists the channel kinds in display order.
var ChannelKinds = []string{ChannelMarketplace, ChannelMarketStall, ChannelShop, ChannelSocial, ChannelOther}

// ChannelLabel is how a channel kind is shown.
func ChannelLabel(k string) string {
	switch k {
	case ChannelMarketplace:
		return "Marketplace"
	case ChannelMarketStall:
		return nikText("Lapak pasar", "Market stall")
	case ChannelShop:
		return nikText("Toko/kios", "Shop/kiosk")
	case ChannelSocial:
		return nikText("Media sosial", "Social media")
	case ChannelOther:
		return nikText("Lainnya", "Other")
	}
	return k
}

// Business is a trainee's business (usaha). A trainee may run several.
type Business struct {
	ID         int64
	TraineeID  int64
	Name       string
	KBLI       string // KBLI section letter
	Products   string // what it makes or sells, free text
	Address    string
	DesaCode   string
	KecCode    string
	StartedOn  time.Time
	Turnover   string // one of TurnoverBands, "" when unknown
	Workers    int    // besides the owner
	Source     string // "form", or "mentoring" when a mentoring visit found it running
	RecordedBy string
	CreatedAt  time.Time
}

// MaxWorkers bounds the workers of a micro business so a typo is caught.
const MaxWorkers = 500

// Normalize tidies what was typed.
func (b *Business) Normalize() {
	b.Name = strings.Join(strings.Fields(b.Name), " ")
	b.KBLI = strings.ToUpper(strings.TrimSpace(b.KBLI))
	b.Products = strings.TrimSpace(b.Products)
	b.Address = strings.TrimSpace(b.Address)
	if d, ok := Ref().DesaByCode(b.DesaCode); ok && b.KecCode == "" {
		b.KecCode = d.KecamatanCode
	}
}

// Check validates a business against the journey rules.
func (b *Business) Check(tr Training, today time.Time) Issues {
	var out Issues
	if b.Name == "" {
		out = append(out, issuef("name", "business_name_missing", Error))
	} else if utf8.RuneCountInString(b.Name) > MaxNameLen {
		out = append(out, issuef("name", "name_too_long", Error, MaxNameLen))
	}
	if b.KBLI != "" {
		if _, ok := Ref().KBLIByCode(b.KBLI); !ok {
			out = append(out, issuef("kbli", "kbli_unknown", Error, b.KBLI))
		}
	}
	if b.Turnover != "" && !oneOf(TurnoverBands, b.Turnover) {
		out = append(out, issuef("turnover", "turnover_unknown", Error, b.Turnover))
	}
	if b.Workers < 0 || b.Workers > MaxWorkers {
		out = append(out, issuef("workers", "workers_invalid", Error, b.Workers, MaxWorkers))
	}
	out = append(out, checkPlace(b.DesaCode, b.KecCode)...)
	out = append(out, CheckStageDate("started_on", b.StartedOn, tr, today)...)
	return out
}

// checkPlace checks an optional desa and kecamatan of Pamekasan.
func checkPlace(desa, kec string) Issues {
	var out Issues
	ref := Ref()
	if kec != "" {
		if _, ok := ref.KecamatanByCode(kec); !ok {
			out = append(out, issuef("kecamatan", "kecamatan_unknown", Error, kec))
		}
	}
	if desa != "" {
		d, ok := ref.DesaByCode(desa)
		switch {
		case !ok:
			out = append(out, issuef("desa", "desa_unknown", Error, desa))
		case kec != "" && d.KecamatanCode != kec:
			out = append(out, issuef("desa", "desa_not_in_kecamatan", Error, d.Name, ref.KecamatanName(kec)))
		}
	}
	return out
}

// Licence is a licence or certificate of a business.
type Licence struct {
	ID         int64
	BusinessID int64
	Kind       string
	Number     string
	IssuedOn   time.Time
	RecordedBy string
}

// Check validates a licence; hasBusiness says whether its business exists.
func (l *Licence) Check(hasBusiness bool, tr Training, today time.Time) Issues {
	l.Number = strings.Join(strings.Fields(l.Number), " ")
	var out Issues
	if !hasBusiness {
		out = append(out, issuef("business", "business_required", Error))
	}
	if !oneOf(LicenceKinds, l.Kind) {
		out = append(out, issuef("kind", "licence_kind_unknown", Error, l.Kind))
	}
	if l.Number == "" {
		out = append(out, issuef("number", "licence_number_missing", Error))
	} else if l.Kind == LicenceNIB && (len(l.Number) != 13 || strings.Trim(l.Number, "0123456789") != "") {
		out = append(out, issuef("number", "nib_format", Warning, l.Number))
	}
	return append(out, CheckStageDate("issued_on", l.IssuedOn, tr, today)...)
}

// Channel is a way a business sells other than Wamira Mart.
type Channel struct {
	ID         int64
	BusinessID int64
	Kind       string
	Detail     string // "Shopee: tokokeripiksiti", "Pasar Kolpajung"
	StartedOn  time.Time
	RecordedBy string
}

// Check validates a marketing channel.
func (c *Channel) Check(hasBusiness bool, tr Training, today time.Time) Issues {
	c.Detail = strings.TrimSpace(c.Detail)
	var out Issues
	if !hasBusiness {
		out = append(out, issuef("business", "business_required", Error))
	}
	if !oneOf(ChannelKinds, c.Kind) {
		out = append(out, issuef("kind", "channel_kind_unknown", Error, c.Kind))
	}
	return append(out, CheckStageDate("started_on", c.StartedOn, tr, today)...)
}

// Capital is money or equipment a business received.
type Capital struct {
	ID         int64
	BusinessID int64
	Source     string
	Provider   string // "BRI Unit Pademawu", "Koperasi Sejahtera"
	Amount     int64  // rupiah; for equipment, its value
	ReceivedOn time.Time
	Notes      string
	RecordedBy string
}

// MaxCapital bounds an amount so that an extra zero is caught.
const MaxCapital = 5_000_000_000

// Check validates a capital record.
func (c *Capital) Check(hasBusiness bool, tr Training, today time.Time) Issues {
	c.Provider = strings.Join(strings.Fields(c.Provider), " ")
	c.Notes = strings.TrimSpace(c.Notes)
	var out Issues
	if !hasBusiness {
		out = append(out, issuef("business", "business_required", Error))
	}
	if !oneOf(CapitalSources, c.Source) {
		out = append(out, issuef("source", "capital_source_unknown", Error, c.Source))
	}
	if c.Amount <= 0 {
		out = append(out, issuef("amount", "amount_missing", Error))
	} else if c.Amount > MaxCapital {
		out = append(out, issuef("amount", "amount_too_large", Error, FormatRupiah(c.Amount)))
	}
	return append(out, CheckStageDate("received_on", c.ReceivedOn, tr, today)...)
}

func oneOf(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
