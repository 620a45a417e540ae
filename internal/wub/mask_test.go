package wub

import "testing"

func TestMaskNIK(t *testing.T) {
	tests := []struct{ in, want string }{
		{"3528045203950001", "3528********0001"},
		{"3528 0452 0395 0001", "3528********0001"},
		{"'3528045203950001", "3528********0001"},
		{"123456789", "1234*6789"},
		{"12345678", "********"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskNIK(tt.in); got != tt.want {
			t.Errorf("MaskNIK(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskNIKsIn(t *testing.T) {
	tests := []struct{ in, want string }{
		{`{"NIK":"3528045203950001","KK":"3528040101010002"}`, `{"NIK":"3528********0001","KK":"3528********0002"}`},
		{"HP 081234567890, tahun 2022", "HP 081234567890, tahun 2022"},
		{"35280452039500011", "35280452039500011"}, // 17 digits: not a NIK
		{"x3528045203950001", "x3528********0001"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskNIKsIn(tt.in); got != tt.want {
			t.Errorf("MaskNIKsIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzMaskNIK(f *testing.F) {
	for _, s := range []string{"3528045203950001", "3528 0452 0395 0001", "", "12", "ééééééééééé", "{\"NIK\":\"3528045203950001\"}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m := MaskNIK(s)
		n := NormalizeNIK(s)
		if len([]rune(m)) != len([]rune(n)) {
			t.Fatalf("MaskNIK(%q) = %q changes the length of %q", s, m, n)
		}
		if len(n) == 16 && allDigits(n) && m[4:12] != "********" {
			t.Fatalf("MaskNIK(%q) = %q shows the middle", s, m)
		}
		in := MaskNIKsIn(s)
		if len(in) != len(s) {
			t.Fatalf("MaskNIKsIn(%q) = %q changes the length", s, in)
		}
	})
}

func TestRoleCan(t *testing.T) {
	tests := []struct {
		role Role
		act  Action
		want bool
	}{
		{RoleOperator, ActEdit, true},
		{RoleOperator, ActManageUsers, false},
		{RoleOperator, ActRestore, false},
		{RoleOperator, ActSignOff, false},
		{RoleKepala, ActView, true},
		{RoleKepala, ActEdit, false},
		{RoleKepala, ActSignOff, true},
		{RoleKepala, ActSettings, false},
		{RoleAdmin, ActManageUsers, true},
		{RoleAdmin, ActRestore, true},
		{RoleAdmin, ActSettings, true},
		{RoleAdmin, ActSignOff, false},
		{Role("root"), ActView, false},
		{Role(""), ActView, false},
	}
	for _, tt := range tests {
		if got := tt.role.Can(tt.act); got != tt.want {
			t.Errorf("%s.Can(%s) = %v, want %v", tt.role, tt.act, got, tt.want)
		}
	}
	for _, r := range Roles {
		if !r.Valid() || !r.Can(ActView) {
			t.Errorf("role %s cannot view", r)
		}
	}
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
