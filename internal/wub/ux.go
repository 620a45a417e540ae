package wub

import "strings"

// PlaceWarnings warns about a trainee saved without kecamatan or desa: the
// record is kept, but counts by kecamatan (Hasil, Kuota) miss the person.
// The form shows it before it closes (issue 19); saving is never refused.
func (t *Trainee) PlaceWarnings() Issues {
	var out Issues
	if strings.TrimSpace(t.KecCode) == "" {
		out = append(out, issuef("kecamatan", "kecamatan_missing", Warning))
	}
	if strings.TrimSpace(t.DesaCode) == "" {
		out = append(out, issuef("desa", "desa_missing", Warning))
	}
	return out
}
