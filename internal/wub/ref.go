package wub

import (
	"encoding/csv"
	"fmt"
	"io"
	"sort"
	"strings"
	"sync"

	"wubdesk/assets"
)

// RegencyCode is the Kemendagri code of Kabupaten Pamekasan.
const RegencyCode = "35.28"

// Kecamatan is a district of Kabupaten Pamekasan.
type Kecamatan struct {
	Code string // "35.28.04"
	Name string // "Pamekasan"
}

// Desa is a village (desa) or urban village (kelurahan).
type Desa struct {
	Code          string // "35.28.04.1001"
	Name          string
	KecamatanCode string
	Kelurahan     bool
}

// Regency is one of Indonesia's 514 regencies and cities.
type Regency struct {
	Code, Name, ProvinceCode, ProvinceName string
}

// KBLISection is a top-level KBLI 2020 business sector (A–U).
type KBLISection struct {
	Code, Title string
}

// Reference is the reference data shipped in assets/data. Codes are strings:
// never parse them as numbers ("11.10" is not "11.1").
type Reference struct {
	Kecamatan  []Kecamatan
	Desa       []Desa
	Regencies  map[string]Regency // by "35.28"
	Provinces  map[string]string  // "35" -> "Jawa Timur"
	KBLI       []KBLISection
	kecByCode  map[string]Kecamatan
	desaByCode map[string]Desa
	desaByKec  map[string][]Desa
	kecByNorm  map[string]Kecamatan
	kbliByCode map[string]KBLISection
}

var (
	refOnce sync.Once
	ref     *Reference
	refErr  error
)

// Ref returns the reference data embedded in the binary. It panics if the
// embedded files are broken, which a test catches before any release.
func Ref() *Reference {
	refOnce.Do(func() { ref, refErr = loadReference() })
	if refErr != nil {
		panic("wub: embedded reference data: " + refErr.Error())
	}
	return ref
}

func loadReference() (*Reference, error) {
	r := &Reference{
		Regencies:  map[string]Regency{},
		Provinces:  map[string]string{},
		kecByCode:  map[string]Kecamatan{},
		desaByCode: map[string]Desa{},
		desaByKec:  map[string][]Desa{},
		kecByNorm:  map[string]Kecamatan{},
		kbliByCode: map[string]KBLISection{},
	}
	err := readCSV("data/pamekasan_wilayah.csv", 5, func(f []string) {
		k := Kecamatan{Code: f[0], Name: f[1]}
		if _, ok := r.kecByCode[k.Code]; !ok {
			r.kecByCode[k.Code] = k
			r.Kecamatan = append(r.Kecamatan, k)
		}
		d := Desa{Code: f[2], Name: f[3], KecamatanCode: f[0], Kelurahan: f[4] == "kelurahan"}
		r.desaByCode[d.Code] = d
		r.Desa = append(r.Desa, d)
		r.desaByKec[d.KecamatanCode] = append(r.desaByKec[d.KecamatanCode], d)
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(r.Kecamatan, func(i, j int) bool { return r.Kecamatan[i].Name < r.Kecamatan[j].Name })
	for code, ds := range r.desaByKec {
		sort.Slice(ds, func(i, j int) bool { return ds[i].Name < ds[j].Name })
		r.desaByKec[code] = ds
	}
	for _, k := range r.Kecamatan {
		r.kecByNorm[normName(k.Name)] = k
	}
	for old, cur := range oldKecamatanNames {
		r.kecByNorm[normName(old)] = r.kecByNorm[normName(cur)]
	}
	err = readCSV("data/kode_wilayah_kabkota.csv", 4, func(f []string) {
		r.Regencies[f[0]] = Regency{Code: f[0], Name: f[1], ProvinceCode: f[2], ProvinceName: f[3]}
		r.Provinces[f[2]] = f[3]
	})
	if err != nil {
		return nil, err
	}
	err = readCSV("data/kbli_sections.csv", 4, func(f []string) {
		s := KBLISection{Code: f[0], Title: f[1]}
		r.KBLI = append(r.KBLI, s)
		r.kbliByCode[s.Code] = s
	})
	if err != nil {
		return nil, err
	}
	if len(r.Kecamatan) != 13 || len(r.Desa) != 189 || len(r.Regencies) != 514 || len(r.KBLI) != 21 {
		return nil, fmt.Errorf("unexpected counts: %d kecamatan, %d desa, %d regencies, %d KBLI",
			len(r.Kecamatan), len(r.Desa), len(r.Regencies), len(r.KBLI))
	}
	return r, nil
}

func readCSV(name string, cols int, row func([]string)) error {
	f, err := assets.Data.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	cr.FieldsPerRecord = cols
	if _, err := cr.Read(); err != nil { // header
		return fmt.Errorf("%s: %w", name, err)
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		row(rec)
	}
}

// oldKecamatanNames are spellings of earlier Kemendagri lists (SOURCES.md)
// that offices still type.
var oldKecamatanNames = map[string]string{
	"Palenggaan": "Palengaan",
}

// OldDesaNames maps earlier spellings of desa names to the current ones.
var OldDesaNames = map[string]string{
	"Jungcang Cang":   "Jungcangcang",
	"Geladak Anyar":   "Gladak Anyar",
	"Nyalabu Daja":    "Nyalabu Daya",
	"Bato Kalangan":   "Batu Kalangan",
	"Patoan Laok":     "Potoan Laok",
	"Patoan Dajah":    "Patoan Daja",
	"Sana Dajah":      "Sana Daja",
	"Tagangser Dajah": "Tagangser Daja",
	"Batukerbuy":      "Batokerbuy",
}

// KecamatanByCode returns the kecamatan with the given code.
func (r *Reference) KecamatanByCode(code string) (Kecamatan, bool) {
	k, ok := r.kecByCode[code]
	return k, ok
}

// DesaByCode returns the desa with the given code.
func (r *Reference) DesaByCode(code string) (Desa, bool) {
	d, ok := r.desaByCode[code]
	return d, ok
}

// DesaIn returns the villages of a kecamatan sorted by name.
func (r *Reference) DesaIn(kecCode string) []Desa { return r.desaByKec[kecCode] }

// KBLIByCode returns the KBLI section with the given letter.
func (r *Reference) KBLIByCode(code string) (KBLISection, bool) {
	s, ok := r.kbliByCode[strings.ToUpper(strings.TrimSpace(code))]
	return s, ok
}

// KecamatanName returns the name of a kecamatan code, or the code itself.
func (r *Reference) KecamatanName(code string) string {
	if k, ok := r.kecByCode[code]; ok {
		return k.Name
	}
	return code
}

// DesaName returns the name of a desa code, or the code itself.
func (r *Reference) DesaName(code string) string {
	if d, ok := r.desaByCode[code]; ok {
		return d.Name
	}
	return code
}

// RegencyName names the regency of a 4-digit NIK prefix ("3529" or "35.29").
func (r *Reference) RegencyName(prefix string) string {
	p := strings.ReplaceAll(prefix, ".", "")
	if len(p) >= 4 {
		if g, ok := r.Regencies[p[:2]+"."+p[2:4]]; ok {
			return g.Name + ", " + g.ProvinceName
		}
		if pn, ok := r.Provinces[p[:2]]; ok {
			return "kode " + p[:2] + "." + p[2:4] + ", " + pn
		}
		return "kode " + p[:2] + "." + p[2:4]
	}
	return prefix
}

// FindKecamatan matches a typed kecamatan name: "Kec. Pademawu", "pademawu",
// "KECAMATAN GALIS", a code, or an older spelling. exact is false when the
// match needed more than case and prefix folding (the caller warns then).
func (r *Reference) FindKecamatan(s string) (k Kecamatan, exact, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Kecamatan{}, false, false
	}
	if k, ok := r.kecByCode[s]; ok {
		return k, true, true
	}
	n := normName(stripKecPrefix(s))
	for _, k := range r.Kecamatan {
		if normName(k.Name) == n {
			return k, true, true
		}
	}
	if k, ok := r.kecByNorm[n]; ok {
		return k, false, true
	}
	// One edit away (a typo) or squeezed spaces/doubled letters.
	best, bestD := Kecamatan{}, 3
	for _, k := range r.Kecamatan {
		if d := editDistance(n, normName(k.Name)); d < bestD {
			best, bestD = k, d
		}
	}
	if bestD <= 2 && len(n) >= 4 {
		return best, false, true
	}
	return Kecamatan{}, false, false
}

// FindDesa matches a typed village name inside a kecamatan (kecCode may be
// empty when unknown; then the name must be unique in the regency).
func (r *Reference) FindDesa(s, kecCode string) (d Desa, exact, ok bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Desa{}, false, false
	}
	if d, ok := r.desaByCode[s]; ok {
		return d, true, true
	}
	n := normName(stripDesaPrefix(s))
	if cur, ok := oldDesaNorm[n]; ok {
		n = cur
	}
	var candidates []Desa
	pool := r.Desa
	if kecCode != "" {
		pool = r.desaByKec[kecCode]
	}
	for _, d := range pool {
		if normName(d.Name) == n {
			candidates = append(candidates, d)
		}
	}
	if len(candidates) == 1 {
		return candidates[0], true, true
	}
	if len(candidates) > 1 {
		return Desa{}, false, false // ambiguous without a kecamatan
	}
	best, bestD, n2 := Desa{}, 3, 0
	for _, d := range pool {
		dd := editDistance(n, normName(d.Name))
		if dd < bestD {
			best, bestD, n2 = d, dd, 1
		} else if dd == bestD {
			n2++
		}
	}
	if bestD <= 1 && n2 == 1 && len(n) >= 5 {
		return best, false, true
	}
	return Desa{}, false, false
}

// oldDesaNorm is OldDesaNames with both sides folded by normName.
var oldDesaNorm = func() map[string]string {
	m := make(map[string]string, len(OldDesaNames))
	for old, cur := range OldDesaNames {
		m[normName(old)] = normName(cur)
	}
	return m
}()

func stripKecPrefix(s string) string {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"kecamatan ", "kec. ", "kec.", "kec ", "kc. "} {
		if strings.HasPrefix(l, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

func stripDesaPrefix(s string) string {
	l := strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"desa ", "ds. ", "ds.", "ds ", "kelurahan ", "kel. ", "kel.", "kel "} {
		if strings.HasPrefix(l, p) {
			return strings.TrimSpace(s[len(p):])
		}
	}
	return s
}

// normName folds case and drops everything but letters and digits, so that
// "Jungcang Cang" and "JUNGCANGCANG" compare equal.
func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func editDistance(a, b string) int {
	if a == b {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+c)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
