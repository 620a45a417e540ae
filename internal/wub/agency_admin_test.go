package wub

import (
	"testing"
	"time"
)

func TestAgencyChangeCheck(t *testing.T) {
	d := func(s string) time.Time { return ParseISODate(s) }
	as := Agencies{
		{Code: "DPMPTSP", FirstYear: 2020, LastYear: 2022, Names: []AgencyName{{ValidFrom: d("2020-01-01"), Short: "DPMPTSP"}}},
		{Code: "DISKOPUKM", FirstYear: 2020, Names: []AgencyName{{ValidFrom: d("2020-01-01"), Short: "Diskop UKM"},
			{ValidFrom: d("2023-01-03"), Short: "Diskop UKM dan Naker"}}},
		{Code: "DKP", FirstYear: 2020, Names: []AgencyName{{ValidFrom: d("2020-01-01"), Short: "DKP", Full: "DKP"}}},
	}
	cases := []struct {
		name string
		c    AgencyChange
		code string
	}{
		{"add", AgencyChange{Kind: AgencyAdd, Code: "DISKOMINFO", Short: "Diskominfo", From: d("2025-01-01")}, ""},
		{"add lower-case code", AgencyChange{Kind: AgencyAdd, Code: "diskominfo", Short: "Diskominfo", From: d("2025-01-01")}, ""},
		{"add bad code", AgencyChange{Kind: AgencyAdd, Code: "D", Short: "D", From: d("2025-01-01")}, "agency_code_invalid"},
		{"add existing", AgencyChange{Kind: AgencyAdd, Code: "DKP", Short: "DKP 2", From: d("2025-01-01")}, "agency_exists"},
		{"add before 2020", AgencyChange{Kind: AgencyAdd, Code: "LAMA", Short: "Lama", From: d("2019-12-31")}, "agency_from_early"},
		{"add without date", AgencyChange{Kind: AgencyAdd, Code: "BARU", Short: "Baru"}, "agency_from_missing"},
		{"add without name", AgencyChange{Kind: AgencyAdd, Code: "BARU", From: d("2025-01-01")}, "agency_name_missing"},
		{"name in use", AgencyChange{Kind: AgencyAdd, Code: "BARU", Short: "dkp", From: d("2025-01-01")}, "agency_name_taken"},
		{"an old name of another agency, while it had it", AgencyChange{Kind: AgencyAdd, Code: "BARU", Short: "Diskop UKM", From: d("2022-06-01")}, "agency_name_taken"},
		{"an old name of another agency, after it changed", AgencyChange{Kind: AgencyAdd, Code: "BARU", Short: "Diskop UKM", From: d("2023-01-03")}, ""},
		{"the name of an agency that ended", AgencyChange{Kind: AgencyAdd, Code: "BARU", Short: "DPMPTSP", From: d("2023-01-01")}, ""},
		{"the name of an agency before it ended", AgencyChange{Kind: AgencyAdd, Code: "BARU", Short: "DPMPTSP", From: d("2022-12-01")}, "agency_name_taken"},
		{"rename", AgencyChange{Kind: AgencyRename, Code: "DKP", Short: "Diskanla", From: d("2025-01-01")}, ""},
		{"rename unknown", AgencyChange{Kind: AgencyRename, Code: "X", Short: "X", From: d("2025-01-01")}, "agency_unknown"},
		{"rename on its first day", AgencyChange{Kind: AgencyRename, Code: "DKP", Short: "Diskanla", From: d("2020-01-01")}, "agency_rename_before_first"},
		{"rename same day as another name", AgencyChange{Kind: AgencyRename, Code: "DISKOPUKM", Short: "Diskop", From: d("2023-01-03")}, "agency_name_same_day"},
		{"rename to the same name", AgencyChange{Kind: AgencyRename, Code: "DKP", Short: "DKP", Full: "DKP", From: d("2025-01-01")}, "agency_name_unchanged"},
		{"rename after the end", AgencyChange{Kind: AgencyRename, Code: "DPMPTSP", Short: "DPM", From: d("2023-02-01")}, "agency_rename_after_end"},
		{"rename in between names", AgencyChange{Kind: AgencyRename, Code: "DISKOPUKM", Short: "Diskop Baru", From: d("2021-01-01")}, ""},
		{"end", AgencyChange{Kind: AgencyEnd, Code: "DKP", LastYear: 2024}, ""},
		{"reopen", AgencyChange{Kind: AgencyEnd, Code: "DPMPTSP"}, ""},
		{"end before first", AgencyChange{Kind: AgencyEnd, Code: "DKP", LastYear: 2019}, "agency_end_before_first"},
		{"unknown kind", AgencyChange{Kind: "merge", Code: "DKP"}, "agency_change_kind"},
	}
	for _, tc := range cases {
		c := tc.c
		c.Normalize()
		if got := ErrorCode(as.Check(c)); got != tc.code {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.code)
		}
	}
}
