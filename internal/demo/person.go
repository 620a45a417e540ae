package demo

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

var (
	birthFrom = time.Date(1960, 1, 1, 0, 0, 0, 0, time.UTC)
	birthTo   = time.Date(2005, 12, 31, 0, 0, 0, 0, time.UTC)
)

// person makes one resident who joins batch b: living near where the batch
// was held, with a NIK that matches their birth date and sex.
func (g *generator) person(b *wub.Batch) *wub.Trainee {
	r := g.r
	prof, ok := agencyProfile[b.AgencyCode]
	if !ok {
		prof = agencyProfile[wub.DISKOPUKM]
	}
	t := &wub.Trainee{Sex: "L", Source: "demo"}
	if r.IntN(100) < prof.female {
		t.Sex = "P"
	}
	span := int(birthTo.Sub(birthFrom).Hours()/24) + 1
	t.BirthDate = birthFrom.AddDate(0, 0, (r.IntN(span)+r.IntN(span))/2) // most people are 30–50

	d := one(r, g.desa)
	if r.IntN(100) < 70 {
		d = one(r, g.ref.DesaIn(b.KecCode))
	}
	t.DesaCode, t.KecCode = d.Code, d.KecamatanCode
	if d.Kelurahan {
		t.Address = fmt.Sprintf("%s No. %d", one(r, streets), 1+r.IntN(120))
	} else {
		t.Address = "Dusun " + one(r, dusun)
	}
	t.RTRW = fmt.Sprintf("%03d/%03d", 1+r.IntN(12), 1+r.IntN(6))

	region := strings.ReplaceAll(t.KecCode, ".", "")
	t.BirthPlace = "Pamekasan"
	switch n := r.IntN(1000); {
	case n < 65: // a NIK from the regency they came from
		o := otherRegencies[0]
		ws := make([]weighted, len(otherRegencies))
		for i, x := range otherRegencies {
			ws[i] = weighted{x.prefix, x.weight}
		}
		p := pick(r, ws)
		for _, x := range otherRegencies {
			if x.prefix == p {
				o = x
			}
		}
		region = fmt.Sprintf("%s%02d", o.prefix, 1+r.IntN(o.kec))
		t.BirthPlace = o.city
	case n < 105: // first registered in another kecamatan of Pamekasan
		region = strings.ReplaceAll(one(r, g.ref.Kecamatan).Code, ".", "")
	case n < 140:
		t.BirthPlace = one(r, []string{"Sumenep", "Sampang", "Surabaya", "Bangkalan", "Jember", "Malang", "Jakarta"})
	}
	t.NIK = g.nik(region, t.BirthDate, t.Sex == "P")
	if r.IntN(100) < 2 {
		reg := time.Date(2000+r.IntN(23), time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
		t.KK = strings.ReplaceAll(t.KecCode, ".", "") + reg.Format("020106") + fmt.Sprintf("%04d", 1+r.IntN(9999))
	}

	t.Name = g.name(t.Sex, t.BirthDate)
	if r.IntN(100) < 90 {
		p := one(r, phonePrefixes)
		digits := 7 + r.IntN(2)
		t.Phone = p + fmt.Sprintf("%0*d", digits, r.Int64N(pow10(digits)))
	}
	t.Education = pick(r, educationWeights)
	if r.IntN(100) < 85 {
		t.KBLI = pick(r, prof.kbli)
		t.BusinessName = g.business(t, d)
	}
	return t
}

func pow10(n int) int64 {
	p := int64(1)
	for range n {
		p *= 10
	}
	return p
}

// nik builds a NIK for the region (6 digits), birth date and sex, with a
// serial not yet used for that region and date.
func (g *generator) nik(region string, birth time.Time, female bool) string {
	day := birth.Day()
	if female {
		day += 40
	}
	prefix := fmt.Sprintf("%s%02d%02d%02d", region, day, int(birth.Month()), birth.Year()%100)
	var key uint64
	for _, c := range prefix {
		key = key*10 + uint64(c-'0')
	}
	s, ok := g.serials[key]
	if ok {
		s += 1 + uint16(g.r.IntN(3))
	} else {
		s = 1 + uint16(g.r.IntN(40))
	}
	if s > 9999 { // never at demo sizes: ~9,000 people of one sex born on one day in one kecamatan
		panic("demo: NIK serials exhausted for " + prefix[:6])
	}
	g.serials[key] = s
	return fmt.Sprintf("%s%04d", prefix, s)
}

func (g *generator) name(sex string, birth time.Time) string {
	r := g.r
	var parts []string
	if sex == "P" {
		parts = []string{one(r, femalePrefixes), one(r, femaleNames), one(r, femaleSecond)}
	} else {
		parts = []string{one(r, malePrefixes), one(r, maleNames), one(r, maleSecond)}
	}
	if parts[2] == parts[1] {
		parts[2] = ""
	}
	if birth.Year() < 1975 && r.IntN(100) < 12 { // has made the hajj
		title := "H."
		if sex == "P" {
			title = "Hj."
		}
		parts = append([]string{title}, parts...)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

// business names the trainee's business: "Keripik Tette Bu Siti",
// "Petis Ikan Pademawu", "Batik Tulis Al-Falah".
func (g *generator) business(t *wub.Trainee, d wub.Desa) string {
	r := g.r
	p := one(r, products[t.KBLI])
	switch n := r.IntN(100); {
	case n < 40:
		who := "Pak "
		if t.Sex == "P" {
			who = "Bu "
		}
		return p + " " + who + callName(t.Name)
	case n < 60:
		return p + " " + g.ref.KecamatanName(t.KecCode)
	case n < 75:
		return p + " " + d.Name
	}
	return p + " " + one(r, businessSuffixes)
}

// callName is how neighbours address someone: the first name that is not a
// title or a common prefix ("Moh. Holis" is Pak Holis, "Siti Aminah" Bu Siti).
func callName(name string) string {
	ws := strings.Fields(name)
	for _, w := range ws {
		switch w {
		case "H.", "Hj.", "Moh.", "Muhammad", "Mohammad", "Abdul", "Ahmad", "Achmad":
			continue
		}
		return w
	}
	return ws[len(ws)-1]
}

func newRand(seed int64) *rand.Rand {
	return rand.New(rand.NewPCG(uint64(seed), 0x57554244)) // "WUBD"
}
