package wub

import (
	"testing"
	"time"
)

var trainedTr = Training{Trained: true, CompletedOn: jd("2023-04-10"), Year: 2023}

func codes(is Issues) []string { return is.Codes() }

func hasCode(is Issues, code string) bool {
	for _, c := range codes(is) {
		if c == code {
			return true
		}
	}
	return false
}

func TestBusinessCheck(t *testing.T) {
	valid := func() Business {
		return Business{Name: " Keripik  Tette Bu Siti ", KBLI: "c", DesaCode: "35.28.04.1001", StartedOn: jd("2023-05-01"),
			Turnover: Turnover1to5, Workers: 2}
	}
	tests := []struct {
		name string
		edit func(*Business)
		tr   Training
		want []string
	}{
		{"valid", func(*Business) {}, trainedTr, nil},
		{"no name", func(b *Business) { b.Name = " " }, trainedTr, []string{"business_name_missing"}},
		{"started before training", func(b *Business) { b.StartedOn = jd("2023-01-01") }, trainedTr, []string{"stage_before_training"}},
		{"not trained", func(*Business) {}, Training{}, []string{"stage_not_trained"}},
		{"no start date", func(b *Business) { b.StartedOn = time.Time{} }, trainedTr, []string{"stage_date_missing"}},
		{"bad band", func(b *Business) { b.Turnover = "100" }, trainedTr, []string{"turnover_unknown"}},
		{"negative workers", func(b *Business) { b.Workers = -1 }, trainedTr, []string{"workers_invalid"}},
		{"bad kbli", func(b *Business) { b.KBLI = "Z" }, trainedTr, []string{"kbli_unknown"}},
		{"desa elsewhere", func(b *Business) { b.KecCode = "35.28.01" }, trainedTr, []string{"desa_not_in_kecamatan"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := valid()
			tt.edit(&b)
			b.Normalize()
			is := b.Check(tt.tr, jToday)
			if got := codes(is.Errors()); !equalCodes(got, tt.want) {
				t.Errorf("codes %v, want %v", got, tt.want)
			}
		})
	}
	b := valid()
	b.Normalize()
	if b.Name != "Keripik Tette Bu Siti" || b.KBLI != "C" || b.KecCode != "35.28.04" {
		t.Errorf("normalized %+v", b)
	}
}

func equalCodes(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestLicenceChannelCapitalCheck(t *testing.T) {
	tests := []struct {
		name  string
		check func() Issues
		want  string
	}{
		{"licence ok", func() Issues {
			l := Licence{Kind: LicenceNIB, Number: "1234567890123", IssuedOn: jd("2023-06-01")}
			return l.Check(true, trainedTr, jToday)
		}, ""},
		{"licence needs a business", func() Issues {
			l := Licence{Kind: LicencePIRT, Number: "P-IRT 2063528010123-28", IssuedOn: jd("2023-06-01")}
			return l.Check(false, trainedTr, jToday)
		}, "business_required"},
		{"licence before training", func() Issues {
			l := Licence{Kind: LicenceHalal, Number: "ID35110000123", IssuedOn: jd("2022-06-01")}
			return l.Check(true, trainedTr, jToday)
		}, "stage_before_training"},
		{"licence without number", func() Issues {
			l := Licence{Kind: LicenceHAKI, IssuedOn: jd("2023-06-01")}
			return l.Check(true, trainedTr, jToday)
		}, "licence_number_missing"},
		{"licence kind", func() Issues {
			l := Licence{Kind: "sim", Number: "1", IssuedOn: jd("2023-06-01")}
			return l.Check(true, trainedTr, jToday)
		}, "licence_kind_unknown"},
		{"channel needs a business", func() Issues {
			c := Channel{Kind: ChannelMarketplace, StartedOn: jd("2023-06-01")}
			return c.Check(false, trainedTr, jToday)
		}, "business_required"},
		{"channel ok", func() Issues {
			c := Channel{Kind: ChannelMarketStall, Detail: "Pasar Kolpajung", StartedOn: jd("2023-06-01")}
			return c.Check(true, trainedTr, jToday)
		}, ""},
		{"capital ok", func() Issues {
			c := Capital{Source: CapitalKUR, Provider: "BRI", Amount: 10_000_000, ReceivedOn: jd("2023-09-01")}
			return c.Check(true, trainedTr, jToday)
		}, ""},
		{"capital amount", func() Issues {
			c := Capital{Source: CapitalCSR, ReceivedOn: jd("2023-09-01")}
			return c.Check(true, trainedTr, jToday)
		}, "amount_missing"},
		{"capital too large", func() Issues {
			c := Capital{Source: CapitalPemkab, Amount: 50_000_000_000, ReceivedOn: jd("2023-09-01")}
			return c.Check(true, trainedTr, jToday)
		}, "amount_too_large"},
		{"capital needs a business", func() Issues {
			c := Capital{Source: CapitalKoperasi, Amount: 1_000_000, ReceivedOn: jd("2023-09-01")}
			return c.Check(false, trainedTr, jToday)
		}, "business_required"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := tt.check().Errors()
			if tt.want == "" && len(is) > 0 || tt.want != "" && !hasCode(is, tt.want) {
				t.Errorf("issues %v, want %q", is.Codes(), tt.want)
			}
		})
	}
	l := Licence{Kind: LicenceNIB, Number: "12345", IssuedOn: jd("2023-06-01")}
	if is := l.Check(true, trainedTr, jToday); is.HasErrors() || !hasCode(is, "nib_format") {
		t.Errorf("short NIB: %v", is.Codes())
	}
}

func TestOutletAndListingRules(t *testing.T) {
	open := Outlet{Name: "Wamira Mart Pademawu", KecCode: "35.28.03", OpenedOn: jd("2021-03-01")}
	closed := open
	closed.ClosedOn = jd("2023-12-31")
	tests := []struct {
		name   string
		outlet Outlet
		l      Listing
		want   string
	}{
		{"open outlet", open, Listing{ListedOn: jd("2023-06-01")}, ""},
		{"closed outlet refuses", closed, Listing{ListedOn: jd("2023-06-01")}, "outlet_closed"},
		{"before the outlet opened", Outlet{Name: "X", OpenedOn: jd("2023-08-01")}, Listing{ListedOn: jd("2023-06-01")}, "listing_before_outlet"},
		{"before training", open, Listing{ListedOn: jd("2023-01-01")}, "stage_before_training"},
		{"withdrawn before listed", open, Listing{ListedOn: jd("2023-06-01"), WithdrawnOn: jd("2023-05-01")}, "date_order"},
		{"future", open, Listing{ListedOn: jd("2024-07-01")}, "stage_date_future"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			is := tt.l.CheckNewListing(tt.outlet, trainedTr, jToday).Errors()
			if tt.want == "" && len(is) > 0 || tt.want != "" && !hasCode(is, tt.want) {
				t.Errorf("issues %v, want %q", is.Codes(), tt.want)
			}
		})
	}
	// Withdrawing after the outlet closed is refused; on the closing day it is fine.
	l := Listing{ListedOn: jd("2023-06-01"), WithdrawnOn: jd("2024-01-05")}
	if !hasCode(l.CheckWithdrawal(closed, jToday), "withdrawn_after_close") {
		t.Error("withdrawal after close accepted")
	}
	l.WithdrawnOn = closed.ClosedOn
	if is := l.CheckWithdrawal(closed, jToday); len(is) > 0 {
		t.Errorf("withdrawal on the closing day: %v", is.Codes())
	}
	if open.Status() != OutletActive || closed.Status() != OutletClosed {
		t.Error("status")
	}
	if !closed.OpenOn(jd("2023-12-31")) || closed.OpenOn(jd("2024-01-01")) || closed.OpenOn(jd("2021-02-28")) {
		t.Error("OpenOn")
	}
}

func TestOutletCheck(t *testing.T) {
	tests := []struct {
		name string
		o    Outlet
		want string
	}{
		{"valid", Outlet{Name: "Wamira Mart Kota", DesaCode: "35.28.04.1001", OpenedOn: jd("2021-01-04")}, ""},
		{"no name", Outlet{KecCode: "35.28.04", OpenedOn: jd("2021-01-04")}, "outlet_name_missing"},
		{"no kecamatan", Outlet{Name: "X", OpenedOn: jd("2021-01-04")}, "outlet_kecamatan_missing"},
		{"no opening", Outlet{Name: "X", KecCode: "35.28.04"}, "outlet_opened_missing"},
		{"closed before opened", Outlet{Name: "X", KecCode: "35.28.04", OpenedOn: jd("2021-01-04"), ClosedOn: jd("2020-12-31")}, "date_order"},
		{"closes in the future", Outlet{Name: "X", KecCode: "35.28.04", OpenedOn: jd("2021-01-04"), ClosedOn: jd("2025-01-01")}, "stage_date_future"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := tt.o
			o.Normalize()
			is := o.Check(jToday)
			if tt.want == "" && len(is) > 0 || tt.want != "" && !hasCode(is, tt.want) {
				t.Errorf("issues %v, want %q", is.Codes(), tt.want)
			}
		})
	}
}

func TestProductCheck(t *testing.T) {
	tests := []struct {
		name string
		p    Product
		biz  bool
		err  string
		warn string
	}{
		{"valid", Product{Name: "Keripik tette 250 g", Price: 15000}, true, "", ""},
		{"no business", Product{Name: "Keripik", Price: 15000}, false, "business_required", ""},
		{"no name", Product{Price: 15000}, true, "product_name_missing", ""},
		{"no price warns", Product{Name: "Keripik"}, true, "", "price_missing"},
		{"absurd price", Product{Name: "Keripik", Price: 2_000_000_000}, true, "price_invalid", ""},
		{"bad status", Product{Name: "Keripik", Price: 1, Halal: "maybe"}, true, "cert_status_unknown", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.p
			p.Normalize()
			is := p.Check(tt.biz)
			if tt.err == "" && is.HasErrors() || tt.err != "" && !hasCode(is.Errors(), tt.err) {
				t.Errorf("errors %v, want %q", is.Errors().Codes(), tt.err)
			}
			if tt.warn != "" && !hasCode(is.Warnings(), tt.warn) {
				t.Errorf("warnings %v, want %q", is.Warnings().Codes(), tt.warn)
			}
		})
	}
}

func TestParseRupiah(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		ok   bool
	}{
		{"15000", 15000, true}, {"15.000", 15000, true}, {"Rp 15.000", 15000, true}, {"Rp15.000,00", 15000, true},
		{"rp 1.500.000,-", 1500000, true}, {"0", 0, true},
		{"", 0, false}, {"15,5", 0, false}, {"abc", 0, false}, {"-5", 0, false}, {"99999999999999999999", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseRupiah(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseRupiah(%q) = %d, %v; want %d, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	if s := FormatRupiah(1500000); s != "Rp1.500.000" {
		t.Errorf("FormatRupiah = %q", s)
	}
}

// FuzzParseRupiah: whatever is typed, a parsed amount is never negative
// and formatting it reads back the same.
func FuzzParseRupiah(f *testing.F) {
	for _, s := range []string{"15000", "Rp 15.000", "Rp15.000,00", "1.500.000,-", "", "-1", "1e9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseRupiah(s)
		if !ok {
			return
		}
		if n < 0 {
			t.Fatalf("%q parsed to %d", s, n)
		}
		if back, ok := ParseRupiah(FormatRupiah(n)); !ok || back != n {
			t.Fatalf("%q: %d formats to %q which reads %d, %v", s, n, FormatRupiah(n), back, ok)
		}
	})
}
