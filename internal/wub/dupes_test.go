package wub

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

func bd(y, m, day int) time.Time { return time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC) }

func TestNormalizeName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"Mohammad Rofiq", "muhammad rofiq"},
		{"H. Moh. Rofiq, S.Pd.", "muhammad rofiq"},
		{"  MUHAMMAD   rofiq ", "muhammad rofiq"},
		{"Moch. Rofiq S.Pd", "muhammad rofiq"},
		{"Hj. Siti Aminah, S.E., M.M.", "siti aminah"},
		{"St. Aminah", "siti aminah"},
		{"Drs. Ahmad Fauzi M.Pd", "ahmad fauzi"},
		{"Ma'ruf", "maruf"},
		{"Ahmad ST", "ahmad"},
		{"", ""},
		{"H.", ""},
	}
	for _, c := range cases {
		if got := NormalizeName(c.in); got != c.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestComparePeople(t *testing.T) {
	base := DupPerson{ID: 1, NIK: "3528041203900002", Name: "Moh. Rofiq", Sex: "L", BirthDate: bd(1990, 3, 12),
		DesaCode: "35.28.04.2001", Phone: "081234567890"}
	with := func(f func(p *DupPerson)) DupPerson {
		p := base
		p.ID = 2
		f(&p)
		return p
	}
	cases := []struct {
		name   string
		b      DupPerson
		reason string // "" = not a pair
	}{
		{"one digit mistyped", with(func(p *DupPerson) { p.NIK = "3528041203900003"; p.Name = "Mohammad Rofiq" }), DupNIKOneDigit},
		{"excel repaired last digit", with(func(p *DupPerson) { p.NIK = "3528041203900000" }), DupNIKOneDigit},
		{"two digits swapped", with(func(p *DupPerson) { p.NIK = "3528041203090002" }), DupNIKSwapped},
		{"swap across digits 8 and 9", with(func(p *DupPerson) { p.NIK = "3528041023900002"; p.BirthDate = time.Time{} }), DupNIKSwapped},
		{"old and new KTP, same desa", with(func(p *DupPerson) { p.NIK = "3528091203900011"; p.Phone = "" }), DupNameBirth},
		{"old and new KTP, same phone", with(func(p *DupPerson) { p.NIK = "3527011203900131"; p.DesaCode = "" }), DupNameBirth},
		{"wrong birth part", with(func(p *DupPerson) { p.NIK = "3528041302900002"; p.Phone = ""; p.DesaCode = "" }), DupNIKBirthPart},
		{"degree and title", with(func(p *DupPerson) { p.NIK = "3528041203900012"; p.Name = "H. Muhammad Rofiq, S.Pd." }), DupNIKOneDigit},
		{"same NIK is an exact duplicate, not this rule", with(func(p *DupPerson) {}), ""},
		{"twin: same birth date and desa, other name", with(func(p *DupPerson) { p.NIK = "3528041203900003"; p.Name = "Moh. Rafiq Hidayat" }), ""},
		{"twin sister", with(func(p *DupPerson) { p.NIK = "3528045203900003"; p.Name = "Siti Rofiqoh"; p.Sex = "P" }), ""},
		{"common name, other birth date", with(func(p *DupPerson) { p.NIK = "3528041204900002"; p.BirthDate = bd(1990, 4, 12) }), ""},
		{"father and son with one name", with(func(p *DupPerson) { p.NIK = "3528041203650002"; p.BirthDate = bd(1965, 3, 12) }), ""},
		{"same name and birth, nothing else shared", with(func(p *DupPerson) { p.NIK = "3527011203900131"; p.DesaCode = "35.28.05.2002"; p.Phone = "" }), ""},
		{"other sex", with(func(p *DupPerson) { p.NIK = "3528041203900003"; p.Sex = "P" }), ""},
		{"three digits differ", with(func(p *DupPerson) { p.NIK = "3528041203901112"; p.Phone = ""; p.DesaCode = "" }), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p, ok := ComparePeople(base, c.b)
			if c.reason == "" {
				if ok {
					t.Fatalf("paired as %s (%d), want apart", p.Reason, p.Score)
				}
				return
			}
			if !ok || p.Reason != c.reason {
				t.Fatalf("got %v %q, want %q", ok, p.Reason, c.reason)
			}
			if p.Score < 50 || p.Score > 99 {
				t.Fatalf("score %d outside 50–99", p.Score)
			}
			if p.A.ID != 1 || p.B.ID != 2 {
				t.Fatalf("pair order %d/%d", p.A.ID, p.B.ID)
			}
			// FindDuplicates reaches it through its blocks too.
			all := FindDuplicates([]DupPerson{c.b, base})
			if len(all) != 1 || all[0].Reason != c.reason {
				t.Fatalf("FindDuplicates = %+v", all)
			}
			// and the keystroke check through the register's look-ups.
			if !lookupFinds(base, c.b) {
				t.Fatalf("DupLookupNIKs and the birth date do not reach %s", c.b.NIK)
			}
		})
	}
}

// lookupFinds is what the store does for the form: other people with one
// of the looked-up NIKs or the same birth date.
func lookupFinds(p, other DupPerson) bool {
	if !p.BirthDate.IsZero() && p.BirthDate.Equal(other.BirthDate) {
		return len(MatchPerson(p, []DupPerson{other})) == 1
	}
	for _, n := range DupLookupNIKs(p) {
		if n == other.NIK {
			return len(MatchPerson(p, []DupPerson{other})) == 1
		}
	}
	return false
}

func TestScoresRankStrongerFirst(t *testing.T) {
	a := DupPerson{ID: 1, NIK: "3528041203900002", Name: "Siti Aminah", Sex: "P", BirthDate: bd(1990, 3, 12)}
	same := a
	same.ID, same.NIK = 2, "3528041203900003"
	similar := same
	similar.ID, similar.NIK, similar.Name = 3, "3528041203900004", "Siti Aminat"
	ps := FindDuplicates([]DupPerson{a, same, similar})
	if len(ps) < 2 {
		t.Fatalf("pairs %+v", ps)
	}
	for i := 1; i < len(ps); i++ {
		if ps[i].Score > ps[i-1].Score {
			t.Fatalf("not best first: %+v", ps)
		}
	}
	if ps[0].Score <= ps[len(ps)-1].Score {
		t.Fatalf("equal names should score above similar ones: %+v", ps)
	}
}

// bruteForce compares every pair: what FindDuplicates must equal.
func bruteForce(people []DupPerson) map[[2]int64]string {
	out := map[[2]int64]string{}
	for i := range people {
		for j := i + 1; j < len(people); j++ {
			if p, ok := ComparePeople(people[i], people[j]); ok {
				out[[2]int64{p.A.ID, p.B.ID}] = p.Reason
			}
		}
	}
	return out
}

func checkAgainstBruteForce(t *testing.T, people []DupPerson) {
	t.Helper()
	want := bruteForce(people)
	got := FindDuplicates(people)
	if len(got) != len(want) {
		t.Fatalf("FindDuplicates found %d pairs, every-pair comparison %d", len(got), len(want))
	}
	for _, p := range got {
		if _, ok := want[[2]int64{p.A.ID, p.B.ID}]; !ok {
			t.Fatalf("pair %d/%d not found by comparing every pair", p.A.ID, p.B.ID)
		}
	}
}

func TestFindDuplicatesEqualsEveryPair(t *testing.T) {
	people := syntheticPeople(rand.New(rand.NewPCG(1, 2)), 1500, 0.05)
	checkAgainstBruteForce(t, people)
}

var fuzzNames = []string{"Moh. Rofiq", "Mohammad Rofiq", "Siti Aminah", "Hj. Siti Aminah", "Nur Aini", "Ahmad Fauzi", "Ahmad Fauzan", ""}

// FuzzFindDuplicates builds a handful of people from the fuzzer's bytes
// (NIKs near each other, a few names and dates) and checks that the blocked
// scan finds exactly the pairs that comparing every pair finds.
func FuzzFindDuplicates(f *testing.F) {
	f.Add([]byte("3528041203900002\x01\x02\x033528041203900003\x02\x02\x03"))
	f.Add([]byte("35280412039000023528041203090002"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var people []DupPerson
		for len(data) >= 4 && len(people) < 40 {
			nik := []byte("3528041203900002")
			for k := 0; k < 3 && k < len(data); k++ {
				nik[int(data[k])%16] = '0' + data[k]%10
			}
			c := data[3]
			people = append(people, DupPerson{ID: int64(len(people) + 1), NIK: string(nik),
				Name: fuzzNames[int(c)%len(fuzzNames)], Sex: []string{"", "L", "P"}[int(c>>3)%3],
				BirthDate: []time.Time{{}, bd(1990, 3, 12), bd(1990, 3, 13)}[int(c>>5)%3],
				DesaCode:  []string{"", "35.28.04.2001"}[int(c>>4)%2], Phone: []string{"", "0812"}[int(c>>7)%2]})
			data = data[4:]
		}
		if len(data) > 0 && len(people) > 0 { // a raw NIK too, however malformed
			people[0].NIK = string(data)
		}
		checkAgainstBruteForce(t, people)
		for _, p := range people {
			DupLookupNIKs(p)
			NormalizeName(p.Name)
		}
	})
}

var (
	testKecamatan = []string{"352801", "352802", "352803", "352804", "352805", "352806", "352807", "352808", "352809", "352810", "352811", "352812", "352813"}
	testGiven     = []string{"Ahmad", "Moh.", "Siti", "Nur", "Abdul", "Fatimah", "Hasan", "Zainab", "Rofiq", "Aminah", "Slamet", "Sri", "Yusuf", "Maryam", "Ali", "Khotijah"}
	testSecond    = []string{"Fauzi", "Rahman", "Hidayat", "Aini", "Hasanah", "Kurniawan", "Lestari", "Wahyudi", "Sholeh", "Rohmah", "Aziz", "Jamilah", "Syafi'i", "Zahro"}
)

// syntheticPeople makes n residents like the register's (NIKs that agree
// with birth dates, common names) and turns a share of them into second
// records of someone else: a digit mistyped, two swapped, a new KTP.
func syntheticPeople(r *rand.Rand, n int, dupShare float64) []DupPerson {
	out := make([]DupPerson, 0, n)
	serial := map[string]int{}
	for i := 0; i < n; i++ {
		if i > 0 && r.Float64() < dupShare {
			p := out[r.IntN(len(out))]
			p.ID = int64(i + 1)
			b := []byte(p.NIK)
			switch r.IntN(3) {
			case 0:
				k := 12 + r.IntN(4)
				b[k] = '0' + (b[k]-'0'+1)%10
			case 1:
				k := r.IntN(15)
				b[k], b[k+1] = b[k+1], b[k]
			default:
				copy(b[12:], fmt.Sprintf("%04d", 100+r.IntN(9000)))
			}
			p.NIK = string(b)
			out = append(out, p)
			continue
		}
		sex := "L"
		if r.IntN(2) == 0 {
			sex = "P"
		}
		birth := bd(1960, 1, 1).AddDate(0, 0, r.IntN(16000))
		day := birth.Day()
		if sex == "P" {
			day += 40
		}
		prefix := fmt.Sprintf("%s%02d%02d%02d", testKecamatan[r.IntN(len(testKecamatan))], day, int(birth.Month()), birth.Year()%100)
		serial[prefix] += 1 + r.IntN(3)
		out = append(out, DupPerson{ID: int64(i + 1), NIK: fmt.Sprintf("%s%04d", prefix, serial[prefix]),
			Name: testGiven[r.IntN(len(testGiven))] + " " + testSecond[r.IntN(len(testSecond))], Sex: sex, BirthDate: birth,
			DesaCode: fmt.Sprintf("35.28.%02d.%04d", 1+r.IntN(13), 2001+r.IntN(20)),
			Phone:    fmt.Sprintf("08%010d", r.Int64N(1e10))})
	}
	return out
}

// BenchmarkFindDuplicates1M is the full scan of a million people (target
// ≤ 10 s): go test -tags migrated_fynedo ./internal/wub -run '^$' -bench FindDuplicates1M -benchtime 1x
func BenchmarkFindDuplicates1M(b *testing.B) {
	people := syntheticPeople(rand.New(rand.NewPCG(7, 8)), 1_000_000, 0.01)
	b.ResetTimer()
	cpu := cpuTime()
	for range b.N {
		ps := FindDuplicates(people)
		if len(ps) < 5000 {
			b.Fatalf("only %d pairs among 10,000 planted duplicates", len(ps))
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkMatchPerson is the domain's share of the check while a clerk
// types (target ≤ 16 ms with the register's look-ups): the NIKs to look up
// and the comparison with 60 people of the same birth date.
func BenchmarkMatchPerson(b *testing.B) {
	people := syntheticPeople(rand.New(rand.NewPCG(7, 8)), 2000, 0)
	p := people[0]
	cands := people[1:61]
	b.ResetTimer()
	for range b.N {
		DupLookupNIKs(p)
		MatchPerson(p, cands)
	}
}

func TestPackedDiffIsNikDiff(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		a := []byte(fmt.Sprintf("%016d", r.Int64N(1e16)))
		b := append([]byte(nil), a...)
		for range r.IntN(3) {
			k := r.IntN(16)
			if r.IntN(2) == 0 && k < 15 {
				b[k], b[k+1] = b[k+1], b[k]
			} else {
				b[k] = '0' + byte(r.IntN(10))
			}
		}
		if got, want := packedDiff(packNIK(string(a)), packNIK(string(b))), nikDiff(string(a), string(b)); got != want {
			t.Fatalf("%s %s: packed %q, strings %q", a, b, got, want)
		}
	}
}

// BenchmarkFindDuplicates200k is the same scan at a fifth of the size, for
// profiling.
func BenchmarkFindDuplicates200k(b *testing.B) {
	people := syntheticPeople(rand.New(rand.NewPCG(7, 8)), 200_000, 0.01)
	b.ResetTimer()
	for range b.N {
		FindDuplicates(people)
	}
}

func TestLevenshteinASCIIMatchesRunes(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 5000 {
		a := testGiven[r.IntN(len(testGiven))] + " " + testSecond[r.IntN(len(testSecond))]
		b := []byte(a)
		for range r.IntN(4) {
			b[r.IntN(len(b))] = byte('a' + r.IntN(26))
		}
		lim := r.IntN(6)
		if x, y := boundedLevenshteinASCII(a, string(b), lim), boundedLevenshtein([]rune(a), []rune(string(b)), lim); x != y {
			t.Fatalf("%q %q limit %d: %d vs %d", a, b, lim, x, y)
		}
	}
}
