package wub

import "testing"

func TestReference(t *testing.T) {
	r := Ref()
	if k, ok := r.KecamatanByCode("35.28.08"); !ok || k.Name != "Larangan" {
		t.Errorf("35.28.08 = %v, %v", k, ok)
	}
	if n := len(r.DesaIn("35.28.02")); n != 22 {
		t.Errorf("Pademawu has %d villages, want 22", n)
	}
	// Two desa names repeat across kecamatan: keyed on code they are distinct.
	count := map[string]int{}
	for _, d := range r.Desa {
		count[d.Name]++
	}
	for _, name := range []string{"Panaguan", "Tanjung"} {
		if count[name] != 2 {
			t.Errorf("%s appears %d times, want 2", name, count[name])
		}
		if _, _, ok := r.FindDesa(name, ""); ok {
			t.Errorf("FindDesa(%q) without kecamatan must be ambiguous", name)
		}
	}
}

func TestFindKecamatan(t *testing.T) {
	r := Ref()
	tests := []struct {
		in, want string
		exact    bool
	}{
		{"Pademawu", "Pademawu", true},
		{"pademawu", "Pademawu", true},
		{"Kec. Pademawu", "Pademawu", true},
		{"KECAMATAN GALIS", "Galis", true},
		{"35.28.04", "Pamekasan", true},
		{"Palenggaan", "Palengaan", false},
		{"Pademmawu", "Pademawu", false},
		{"Batu Marmar", "Batumarmar", true},
		{"Surabaya", "", false},
	}
	for _, tt := range tests {
		k, exact, ok := r.FindKecamatan(tt.in)
		if ok != (tt.want != "") || k.Name != tt.want || (ok && exact != tt.exact) {
			t.Errorf("FindKecamatan(%q) = %q exact=%v ok=%v; want %q exact=%v", tt.in, k.Name, exact, ok, tt.want, tt.exact)
		}
	}
}

func TestFindDesa(t *testing.T) {
	r := Ref()
	larangan, _, _ := r.FindKecamatan("Larangan")
	_ = larangan
	d, exact, ok := r.FindDesa("Desa Jungcang Cang", "")
	if !ok || d.Name != "Jungcangcang" || !exact {
		t.Errorf("old spelling: %v %v %v", d, exact, ok)
	}
	for _, dd := range r.Desa {
		if dd.Name == "Tanjung" {
			got, _, ok := r.FindDesa("tanjung", dd.KecamatanCode)
			if !ok || got.Code != dd.Code {
				t.Errorf("Tanjung in %s = %v", dd.KecamatanCode, got)
			}
		}
	}
}
