package ui

import (
	"fmt"
	"strings"

	"wubdesk/internal/wub"
)

// reachText is Wamira Mart's line for the regency: "N produk dari M
// peserta di K gerai", then the agencies that trained those producers.
func (s *wamiraScreen) reachText() string {
	r := s.reach
	line := T("wamira.reach", wub.FormatInt(r.Products), wub.FormatInt(r.Producers), wub.FormatInt(r.Outlets))
	if len(r.Agencies) > 0 {
		line += ". " + T("wamira.reach_agencies", s.sharesText(r.Agencies))
	}
	return line
}

// sharesText lists agencies with their producers: "Disperindag 2 · DKP 1".
func (s *wamiraScreen) sharesText(shares []wub.AgencyShare) string {
	if len(shares) == 0 {
		return wub.NoValue
	}
	year := s.u.today().Year()
	parts := make([]string, 0, len(shares))
	for _, a := range shares {
		name := wub.NoValue
		if a.AgencyCode != "" {
			name = a.AgencyCode
			if ag, ok := s.u.agencies.ByCode(a.AgencyCode); ok {
				name = ag.NameInYear(year).Short
			}
		}
		parts = append(parts, fmt.Sprintf("%s %d", name, a.Producers))
	}
	return strings.Join(parts, " · ")
}
