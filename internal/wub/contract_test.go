package wub

import (
	"reflect"
	"testing"
	"time"
)

var testAgencies = Agencies{
	{Code: DPMPTSP, FirstYear: 2020, LastYear: 2022, Names: []AgencyName{{Short: "DPMPTSP"}}},
	{Code: DISKOPUKM, FirstYear: 2020, Names: []AgencyName{{Short: "Diskop UKM"}}},
}

func validContract() Contract {
	return Contract{FacilitatorID: 1, Year: 2023, AgencyCode: DISKOPUKM, StartDate: d(2023, 1, 2),
		EndDate: d(2023, 12, 31), KecCode: "35.28.04", Honorarium: 2500000, TargetTrainees: 40}
}

func TestContractCheck(t *testing.T) {
	tests := []struct {
		name   string
		edit   func(*Contract)
		errors []string
		warns  []string
	}{
		{"valid", func(*Contract) {}, nil, nil},
		{"no facilitator", func(c *Contract) { c.FacilitatorID = 0 }, []string{"contract_facilitator_missing"}, nil},
		{"agency gone in 2023", func(c *Contract) { c.AgencyCode = DPMPTSP }, []string{"agency_not_in_year"}, nil},
		{"unknown agency", func(c *Contract) { c.AgencyCode = "X" }, []string{"agency_unknown"}, nil},
		{"no start", func(c *Contract) { c.StartDate = time.Time{} }, []string{"contract_start_missing"}, nil},
		{"start in other year", func(c *Contract) { c.StartDate = d(2022, 12, 1) }, []string{"contract_start_other_year"}, nil},
		{"no end", func(c *Contract) { c.EndDate = time.Time{} }, []string{"contract_end_missing"}, nil},
		{"end before start", func(c *Contract) { c.EndDate = d(2023, 1, 1) }, []string{"date_order"}, nil},
		{"end next year", func(c *Contract) { c.EndDate = d(2024, 1, 31) }, nil, []string{"contract_end_other_year"}},
		{"negative pay", func(c *Contract) { c.Honorarium = -1 }, []string{"contract_amount_negative"}, nil},
		{"negative target", func(c *Contract) { c.TargetTrainees = -5 }, []string{"contract_amount_negative"}, nil},
		{"unknown kecamatan", func(c *Contract) { c.KecCode = "35.28.99" }, []string{"kecamatan_unknown"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validContract()
			tt.edit(&c)
			is := c.Check(testAgencies)
			if got := is.Errors().Codes(); !equal(got, tt.errors) {
				t.Errorf("errors = %v, want %v", got, tt.errors)
			}
			if got := is.Warnings().Codes(); !equal(got, tt.warns) {
				t.Errorf("warnings = %v, want %v", got, tt.warns)
			}
		})
	}
}

func TestContractOverlapsAndMonths(t *testing.T) {
	c := Contract{StartDate: d(2023, 3, 15), EndDate: d(2023, 6, 14)}
	tests := []struct {
		start, end time.Time
		want       bool
	}{
		{d(2023, 1, 1), d(2023, 3, 14), false},
		{d(2023, 1, 1), d(2023, 3, 15), true}, // shares the first day
		{d(2023, 6, 14), d(2023, 12, 31), true},
		{d(2023, 6, 15), d(2023, 12, 31), false},
		{d(2023, 4, 1), d(2023, 4, 30), true},  // inside
		{d(2023, 1, 1), d(2023, 12, 31), true}, // around
	}
	for _, tt := range tests {
		o := Contract{StartDate: tt.start, EndDate: tt.end}
		if got := c.Overlaps(o); got != tt.want {
			t.Errorf("overlap with %s–%s = %v, want %v", ISO(tt.start), ISO(tt.end), got, tt.want)
		}
		if got := o.Overlaps(c); got != tt.want {
			t.Errorf("overlap is not symmetric for %s–%s", ISO(tt.start), ISO(tt.end))
		}
	}
	if got, want := c.Months(), []string{"2023-03", "2023-04", "2023-05", "2023-06"}; !reflect.DeepEqual(got, want) {
		t.Errorf("months = %v, want %v", got, want)
	}
	for m, want := range map[string]bool{"2023-02": false, "2023-03": true, "2023-06": true, "2023-07": false, "x": false} {
		if got := c.Covers(m); got != want {
			t.Errorf("covers %s = %v, want %v", m, got, want)
		}
	}
}

func TestRenewFor(t *testing.T) {
	tests := []struct {
		start, end         time.Time
		wantStart, wantEnd time.Time
	}{
		{d(2022, 1, 1), d(2022, 12, 31), d(2023, 1, 1), d(2023, 12, 31)},
		{d(2024, 2, 29), d(2024, 11, 30), d(2025, 2, 28), d(2025, 11, 30)},
		{d(2022, 3, 1), d(2023, 2, 28), d(2023, 3, 1), d(2024, 2, 28)},
	}
	for _, tt := range tests {
		last := validContract()
		last.ID, last.Year, last.StartDate, last.EndDate = 7, tt.start.Year(), tt.start, tt.end
		last.SPKNumber, last.AssignmentNumber = "027/SPK/2022", "800/12/2022"
		n := last.RenewFor(tt.start.Year() + 1)
		if !n.StartDate.Equal(tt.wantStart) || !n.EndDate.Equal(tt.wantEnd) {
			t.Errorf("renew %s–%s = %s–%s", ISO(tt.start), ISO(tt.end), ISO(n.StartDate), ISO(n.EndDate))
		}
		if n.ID != 0 || n.RenewedFrom != 7 || n.SPKNumber != "" || n.AssignmentNumber != "" || n.Year != tt.start.Year()+1 ||
			n.Honorarium != last.Honorarium || n.TargetTrainees != last.TargetTrainees || n.KecCode != last.KecCode ||
			n.AgencyCode != last.AgencyCode {
			t.Errorf("renewed = %+v", n)
		}
	}
}

func TestRupiah(t *testing.T) {
	for n, want := range map[int64]string{0: "Rp0", 500: "Rp500", 2500000: "Rp2.500.000", 1000: "Rp1.000", -75000: "-Rp75.000"} {
		if got := FormatRupiah(n); got != want {
			t.Errorf("FormatRupiah(%d) = %q, want %q", n, got, want)
		}
	}
	for s, want := range map[string]int64{"2.500.000": 2500000, "Rp 2,500,000": 2500000, "rp2500000": 2500000, "Rp 2.500.000,00": 2500000} {
		if got, ok := ParseRupiah(s); !ok || got != want {
			t.Errorf("ParseRupiah(%q) = %d, %v", s, got, ok)
		}
	}
	for _, s := range []string{"2,5 juta", "-100", "1e6", "99999999999999999999", "1,5", "2.50"} {
		if _, ok := ParseRupiah(s); ok {
			t.Errorf("ParseRupiah(%q) accepted", s)
		}
	}
}
