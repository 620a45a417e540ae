package wub

import (
	"cmp"
	"fmt"
	"hash/fnv"
	"math/bits"
	"slices"
	"sync"
	"time"
)

// DupPerson is what the duplicate rules read of a person: a register row,
// a row being imported, or a row of an agency's submission.
type DupPerson struct {
	ID        int64 // the trainee's ID in the register (0 for rows not saved)
	NIK       string
	Name      string
	Sex       string // "L", "P" or ""
	BirthDate time.Time
	DesaCode  string
	Phone     string
	Agency    string // agency code of the latest enrolment, for showing
	Year      int
	Ref       int // the caller's index (import row, submission row); not compared
}

// Reasons a pair is likely one person, strongest first.
const (
	DupNIKSwapped   = "nik_swapped"    // two adjacent digits swapped, similar names
	DupNIKOneDigit  = "nik_one_digit"  // one digit different (a typo, a "repaired" Excel NIK), similar names
	DupNIKBirthPart = "nik_birth_part" // one NIK's birth-date digits disagree with the recorded date; the other's agree
	DupNameBirth    = "name_birth"     // same normalised name and birth date, same desa or phone, another NIK
)

// DupPair is a likely duplicate: A and B with the rule that matched and a
// score from 50 (worth a look) to 99 (almost surely one person).
type DupPair struct {
	A, B   DupPerson
	Reason string
	Score  int
}

// DupReasonText is the reason in the current language.
func DupReasonText(reason string) string {
	switch reason {
	case DupNIKSwapped:
		return nikText("NIK sama kecuali dua digit bertukar, nama mirip", "NIKs equal but for two swapped digits, similar names")
	case DupNIKOneDigit:
		return nikText("NIK berbeda satu digit, nama mirip", "NIKs differ in one digit, similar names")
	case DupNIKBirthPart:
		return nikText("tanggal lahir dalam NIK tidak cocok dengan tanggal lahir tercatat; NIK lain cocok", "the birth date in one NIK disagrees with the recorded date; the other NIK agrees")
	case DupNameBirth:
		return nikText("nama dan tanggal lahir sama, desa atau telepon sama, NIK berbeda", "same name and birth date, same desa or phone, different NIK")
	}
	return reason
}

// dupMinSimilarity is how alike two names must be for the NIK rules.
const dupMinSimilarity = 0.8

// nikDiff says how two 16-digit NIKs differ: "one" (one digit), "swap" (two
// adjacent digits swapped) or "".
func nikDiff(a, b string) string {
	if len(a) != 16 || len(b) != 16 || a == b {
		return ""
	}
	first, n := -1, 0
	for i := 0; i < 16; i++ {
		if a[i] != b[i] {
			if n == 0 {
				first = i
			}
			n++
			if n > 2 {
				return ""
			}
		}
	}
	switch {
	case n == 1:
		return "one"
	case n == 2 && first < 15 && a[first] == b[first+1] && a[first+1] == b[first] && a[first+1] != b[first+1]:
		return "swap"
	}
	return ""
}

// nikAgrees reports whether the NIK's birth digits (7–12, women +40) are
// the recorded birth date. A record without a birth date agrees with nothing.
func nikAgrees(nik string, birth time.Time, sex string) bool {
	if len(nik) != 16 || birth.IsZero() {
		return false
	}
	return nik[6:12] == birthDigits(nik, birth, sex)
}

// birthDigits are NIK digits 7–12 for a birth date: DDMMYY, women +40 on
// the day. Without a recorded sex, the one the NIK encodes is taken.
func birthDigits(nik string, birth time.Time, sex string) string {
	day := birth.Day()
	if sex == "P" || (sex == "" && len(nik) == 16 && nik[6] >= '4') {
		day += 40
	}
	m, y := int(birth.Month()), birth.Year()%100
	return string([]byte{byte('0' + day/10), byte('0' + day%10), byte('0' + m/10), byte('0' + m%10), byte('0' + y/10), byte('0' + y%10)})
}

// person is a DupPerson with what the rules compute once.
type person struct {
	DupPerson
	name string // normalised
}

func prepare(p DupPerson) person {
	p.NIK = NormalizeNIK(p.NIK)
	return person{p, NormalizeName(p.Name)}
}

// compare applies the rules to two people and returns the strongest
// reason with its score, or ok=false. The look-alike rules come first:
// two records with different recorded sexes, or different known birth
// dates (father and son, two people with a common name), are never paired;
// nor two records with one NIK.
func compare(a, b *person) (reason string, score int, ok bool) {
	if a.NIK == b.NIK || a.name == "" || b.name == "" {
		return "", 0, false
	}
	if a.Sex != "" && b.Sex != "" && a.Sex != b.Sex {
		return "", 0, false
	}
	bothBirth := !a.BirthDate.IsZero() && !b.BirthDate.IsZero()
	if bothBirth && !a.BirthDate.Equal(b.BirthDate) {
		return "", 0, false
	}
	sameDesa := a.DesaCode != "" && a.DesaCode == b.DesaCode
	samePhone := a.Phone != "" && a.Phone == b.Phone
	bonus := 0
	if sameDesa {
		bonus += 3
	}
	if samePhone {
		bonus += 5
	}
	sim := nameSimilarity(a.name, b.name)
	if d := nikDiff(a.NIK, b.NIK); d != "" && sim >= dupMinSimilarity {
		score = 80
		reason = DupNIKOneDigit
		if d == "swap" {
			score, reason = 85, DupNIKSwapped
		}
		if sim == 1 {
			score += 7
		}
		if bothBirth {
			score += 2
		}
		return reason, min(score+bonus, 99), true
	}
	if len(a.NIK) == 16 && len(b.NIK) == 16 && a.NIK[:6] == b.NIK[:6] && a.NIK[12:] == b.NIK[12:] && sim >= dupMinSimilarity {
		aOK, bOK := nikAgrees(a.NIK, a.BirthDate, a.Sex), nikAgrees(b.NIK, b.BirthDate, b.Sex)
		if aOK != bOK && bothBirth {
			score = 82
			if sim == 1 {
				score += 5
			}
			return DupNIKBirthPart, min(score+bonus, 99), true
		}
	}
	if sim == 1 && bothBirth && (sameDesa || samePhone) {
		score = 70
		if sameDesa && samePhone {
			score = 80
		}
		return DupNameBirth, min(score+bonus, 99), true
	}
	return "", 0, false
}

// ComparePeople applies the duplicate rules to two people.
func ComparePeople(a, b DupPerson) (DupPair, bool) {
	pa, pb := prepare(a), prepare(b)
	r, s, ok := compare(&pa, &pb)
	if !ok {
		return DupPair{}, false
	}
	return orderPair(DupPair{A: pa.DupPerson, B: pb.DupPerson, Reason: r, Score: s}), true
}

// orderPair puts the pair in a stable order: the lower ID (or NIK) first.
func orderPair(p DupPair) DupPair {
	if p.B.ID < p.A.ID || (p.A.ID == p.B.ID && p.B.NIK < p.A.NIK) {
		p.A, p.B = p.B, p.A
	}
	return p
}

// SortPairs orders pairs best first: score, then NIKs.
func SortPairs(ps []DupPair) {
	slices.SortStableFunc(ps, func(x, y DupPair) int {
		if c := cmp.Compare(y.Score, x.Score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.A.NIK, y.A.NIK); c != 0 {
			return c
		}
		return cmp.Compare(x.B.NIK, y.B.NIK)
	})
}

// FindDuplicates lists the likely duplicates among people, best first.
// Instead of comparing every pair it compares people who share a blocking
// key, which every pair a rule can match shares:
//   - NIKs one digit or one adjacent swap apart: the NIK halved again and
//     again (see nikNeighbours);
//   - the NIK the recorded birth date implies (region, birth digits of the
//     recorded date, serial), for the birth-part rule;
//   - normalised name + birth date.
//
// Each pair appears once, with its strongest reason.
func FindDuplicates(people []DupPerson) []DupPair {
	ps := make([]person, len(people))
	parallel(len(people), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			ps[i] = prepare(people[i])
		}
	})
	// The NIK pass and the other two run side by side, each with its own
	// findings (a pair found by both keeps its best reason).
	finders := [2]map[[2]int32]DupPair{{}, {}}
	tryIn := func(found map[[2]int32]DupPair) func(i, j int32) {
		return func(i, j int32) {
			if i == j {
				return
			}
			if j < i {
				i, j = j, i
			}
			k := [2]int32{i, j}
			r, s, ok := compare(&ps[i], &ps[j])
			if !ok {
				return
			}
			if old, seen := found[k]; seen && old.Score >= s {
				return
			}
			found[k] = orderPair(DupPair{A: ps[i].DupPerson, B: ps[j].DupPerson, Reason: r, Score: s})
		}
	}
	const none = ^uint64(0)
	digits := func(s string) uint64 {
		var v uint64
		for i := 0; i < len(s); i++ {
			c := s[i]
			if c < '0' || c > '9' {
				return none
			}
			v = v*10 + uint64(c-'0')
		}
		return v
	}
	nik16 := func(p *person) bool { return len(p.NIK) == 16 && digits(p.NIK) != none }
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		var all []nikEnt
		for i := range ps {
			if nik16(&ps[i]) {
				all = append(all, nikEnt{packNIK(ps[i].NIK), int32(i)})
			}
		}
		nikNeighbours(ps, all, 0, 16, tryIn(finders[0]))
	}()
	go func() {
		defer wg.Done()
		try := tryIn(finders[1])
		everyPair := func(run []int32) {
			for x := 0; x < len(run); x++ {
				for y := x + 1; y < len(run); y++ {
					try(run[x], run[y])
				}
			}
		}
		// The birth-part rule pairs A, whose NIK disagrees with A's birth
		// date, with B, whose NIK is A's with the birth digits of that date:
		// keyed by "the NIK the recorded birth date implies", B's key is its
		// own NIK.
		eachBlock(ps, func(p *person) uint64 {
			if !nik16(p) || p.BirthDate.IsZero() {
				return none
			}
			return digits(p.NIK[:6] + birthDigits(p.NIK, p.BirthDate, p.Sex) + p.NIK[12:])
		}, everyPair)
		eachBlock(ps, func(p *person) uint64 {
			if p.name == "" || p.BirthDate.IsZero() {
				return none
			}
			h := fnv.New64a()
			h.Write([]byte(p.name))
			h.Write([]byte(ISO(p.BirthDate)))
			return h.Sum64() >> 1 // never none
		}, everyPair)
	}()
	wg.Wait()
	for k, p := range finders[1] {
		if old, seen := finders[0][k]; !seen || p.Score > old.Score {
			finders[0][k] = p
		}
	}
	out := make([]DupPair, 0, len(finders[0]))
	for _, p := range finders[0] {
		out = append(out, p)
	}
	SortPairs(out)
	return out
}

// parallel splits [0, n) between two goroutines.
func parallel(n int, fn func(lo, hi int)) {
	if n < 10_000 {
		fn(0, n)
		return
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		fn(0, n/2)
	}()
	fn(n/2, n)
	wg.Wait()
}

// nikEnt is a NIK packed one digit per 4 bits (digit 1 highest), with the
// person's index.
type nikEnt struct {
	v uint64
	i int32
}

func packNIK(n string) uint64 {
	var v uint64
	for i := 0; i < 16; i++ {
		v = v<<4 | uint64(n[i]-'0')
	}
	return v
}

// packedDiff is nikDiff of two packed NIKs.
func packedDiff(a, b uint64) string {
	x := a ^ b
	if x == 0 {
		return ""
	}
	nz := (x | x>>1 | x>>2 | x>>3) & 0x1111111111111111 // one bit per differing digit
	switch bits.OnesCount64(nz) {
	case 1:
		return "one"
	case 2:
		if nz&(nz>>4) == 0 {
			return "" // not adjacent
		}
		s := uint(bits.TrailingZeros64(nz))
		if (a>>s)&15 == (b>>(s+4))&15 && (a>>(s+4))&15 == (b>>s)&15 {
			return "swap"
		}
	}
	return ""
}

// digitMask covers NIK digits [lo, hi) of a packed NIK.
func digitMask(lo, hi int) uint64 {
	if hi <= lo {
		return 0
	}
	width := uint(hi-lo) * 4
	m := ^uint64(0)
	if width < 64 {
		m = (uint64(1) << width) - 1
	}
	return m << (uint(16-hi) * 4)
}

// nikNeighbours calls try for every two people of run whose NIKs differ
// by one digit or two adjacent swapped digits, where every NIK of run is
// the same outside digits [lo, hi). Such a pair agrees on one half of the
// range, or differs exactly across its middle (a swap), so the range is
// halved until the groups are small enough to compare every pair.
func nikNeighbours(ps []person, run []nikEnt, lo, hi int, try func(i, j int32)) {
	if len(run) < 2 {
		return
	}
	if len(run) <= 12 || hi-lo <= 2 {
		for x := 0; x < len(run); x++ {
			for y := x + 1; y < len(run); y++ {
				if packedDiff(run[x].v, run[y].v) != "" {
					try(run[x].i, run[y].i)
				}
			}
		}
		return
	}
	mid := (lo + hi) / 2
	// equal on [lo, mid): the difference is in [mid, hi)
	groupRuns(run, digitMask(mid, hi), func(sub []nikEnt) { nikNeighbours(ps, sub, mid, hi, try) })
	groupRuns(run, digitMask(lo, mid), func(sub []nikEnt) { nikNeighbours(ps, sub, lo, mid, try) })
	groupRuns(run, digitMask(mid-1, mid+1), func(sub []nikEnt) {
		// equal but for digits mid-1 and mid: only a swap there is left
		for x := 0; x < len(sub); x++ {
			for y := x + 1; y < len(sub); y++ {
				if packedDiff(sub[x].v, sub[y].v) == "swap" {
					try(sub[x].i, sub[y].i)
				}
			}
		}
	})
}

// groupRuns sorts run by the packed NIK without the digits of ignore and
// calls fn with each group of two or more that share the rest.
func groupRuns(run []nikEnt, ignore uint64, fn func([]nikEnt)) {
	slices.SortFunc(run, func(a, b nikEnt) int { return cmp.Compare(a.v&^ignore, b.v&^ignore) })
	for i := 0; i < len(run); {
		k := run[i].v &^ ignore
		j := i + 1
		for j < len(run) && run[j].v&^ignore == k {
			j++
		}
		if j-i > 1 {
			fn(run[i:j])
		}
		i = j
	}
}

// eachBlock calls fn with every run of two or more people who share a key;
// people whose key is ^0 have none.
func eachBlock(ps []person, key func(*person) uint64, fn func(run []int32)) {
	type kv struct {
		k uint64
		i int32
	}
	ks := make([]kv, 0, len(ps))
	for i := range ps {
		if k := key(&ps[i]); k != ^uint64(0) {
			ks = append(ks, kv{k, int32(i)})
		}
	}
	slices.SortFunc(ks, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
	run := []int32{}
	for i := 0; i < len(ks); {
		j := i
		run = run[:0]
		for j < len(ks) && ks[j].k == ks[i].k {
			run = append(run, ks[j].i)
			j++
		}
		if len(run) > 1 {
			fn(run)
		}
		i = j
	}
}

// DupLookupNIKs are the NIKs a register must look up to check one person
// while it is typed: every NIK one digit away or with two adjacent digits
// swapped, and the NIK whose birth digits agree with the recorded birth
// date. People with the same birth date are the other candidates.
func DupLookupNIKs(p DupPerson) []string {
	nik := NormalizeNIK(p.NIK)
	if len(nik) != 16 {
		return nil
	}
	for i := 0; i < 16; i++ {
		if nik[i] < '0' || nik[i] > '9' {
			return nil
		}
	}
	out := make([]string, 0, 16*9+15+1)
	b := []byte(nik)
	for i := 0; i < 16; i++ {
		orig := b[i]
		for c := byte('0'); c <= '9'; c++ {
			if c != orig {
				b[i] = c
				out = append(out, string(b))
			}
		}
		b[i] = orig
	}
	for i := 0; i < 15; i++ {
		if b[i] != b[i+1] {
			b[i], b[i+1] = b[i+1], b[i]
			out = append(out, string(b))
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	if !p.BirthDate.IsZero() && !nikAgrees(nik, p.BirthDate, p.Sex) {
		for _, sex := range []string{"L", "P"} {
			if p.Sex != "" && sex != p.Sex {
				continue
			}
			day := p.BirthDate.Day()
			if sex == "P" {
				day += 40
			}
			out = append(out, fmt.Sprintf("%s%02d%02d%02d%s", nik[:6], day, int(p.BirthDate.Month()), p.BirthDate.Year()%100, nik[12:]))
		}
	}
	return out
}

// MatchPerson compares one person with candidates (what the register found
// through DupLookupNIKs and the birth date) and returns the likely
// duplicates, best first; p is A of each pair.
func MatchPerson(p DupPerson, candidates []DupPerson) []DupPair {
	pp := prepare(p)
	var out []DupPair
	seen := map[int64]bool{}
	for _, c := range candidates {
		if c.ID != 0 && (c.ID == p.ID || seen[c.ID]) {
			continue
		}
		seen[c.ID] = true
		pc := prepare(c)
		if r, s, ok := compare(&pp, &pc); ok {
			out = append(out, DupPair{A: pp.DupPerson, B: pc.DupPerson, Reason: r, Score: s})
		}
	}
	SortPairs(out)
	return out
}
