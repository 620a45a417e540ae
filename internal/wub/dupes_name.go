package wub

import (
	"strings"
	"unicode"
)

// nameTitles are words before or after a name that say nothing about who
// the person is: honorifics, the hajj, forms of address.
var nameTitles = map[string]bool{
	"h": true, "hj": true, "haji": true, "hajah": true, "hajjah": true, "kh": true, "ny": true, "nyai": true,
	"ust": true, "ustad": true, "ustadz": true, "ustadzah": true, "drs": true, "dra": true, "dr": true, "ir": true,
	"prof": true, "bapak": true, "bpk": true, "pak": true, "ibu": true, "bu": true, "sdr": true, "sdri": true,
	"tn": true, "nn": true, "almarhum": true, "alm": true,
}

// nameDegrees are academic degrees, written after the name ("S.Pd", "S.E.",
// "A.Md") and often after a comma.
var nameDegrees = map[string]bool{
	"spd": true, "spdi": true, "spdsd": true, "se": true, "sh": true, "shi": true, "ssos": true, "sag": true,
	"sip": true, "skom": true, "st": true, "sp": true, "ssi": true, "sm": true, "sked": true, "skep": true,
	"skm": true, "sfarm": true, "sthi": true, "spt": true, "sei": true, "sak": true, "ssn": true, "sth": true,
	"mpd": true, "mpdi": true, "mm": true, "msi": true, "mag": true, "mh": true, "mt": true, "mkes": true,
	"ma": true, "ama": true, "amd": true, "amdkeb": true, "amdkep": true, "lc": true, "ak": true, "ners": true,
}

// nameVariants are spellings of one given name: "Moh." in one office,
// "Mohammad" in another.
var nameVariants = map[string]string{
	"m": "muhammad", "mh": "muhammad", "moh": "muhammad", "moch": "muhammad", "mochamad": "muhammad",
	"mochammad": "muhammad", "mohamad": "muhammad", "mohammad": "muhammad", "mohammed": "muhammad",
	"muh": "muhammad", "muhamad": "muhammad", "muhammad": "muhammad", "mhd": "muhammad", "md": "muhammad",
	"mohd": "muhammad", "muchammad": "muhammad", "muchamad": "muhammad",
	"abd": "abdul", "abdul": "abdul", "nur": "nur", "noer": "nur", "nurul": "nurul",
	"siti": "siti", "sitti": "siti", "st": "siti",
}

// NormalizeName reduces a name to what identifies the person: lower case,
// single spaces, no punctuation, titles and degrees dropped, and the many
// spellings of Muhammad (and a few other given names) made one.
// "H. Moh. Rofiq, S.Pd." and "Mohammad  ROFIQ" both become "muhammad rofiq".
func NormalizeName(s string) string {
	// Everything after the first comma is degrees ("Siti Aminah, S.E., M.M.").
	if i := strings.IndexByte(s, ','); i > 0 {
		s = s[:i]
	}
	var words []string
	for _, raw := range strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) }) {
		dotted := strings.Count(raw, ".") > 1 || (strings.Contains(raw, ".") && len(words) > 0)
		var b strings.Builder
		for _, r := range raw {
			switch {
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(unicode.ToLower(r))
			case r == '\'' || r == '’' || r == '`' || r == '-':
				// "Ma'ruf" and "Maruf" are one name
			default:
				// dots and other punctuation split nothing: "S.Pd" → "spd"
			}
		}
		w := b.String()
		if w == "" {
			continue
		}
		if nameTitles[w] {
			continue
		}
		if nameDegrees[w] && (dotted || len(words) > 0) {
			continue
		}
		if v, ok := nameVariants[w]; ok {
			w = v
		}
		words = append(words, w)
	}
	return strings.Join(words, " ")
}

// nameSimilarity compares two normalised names: 1 when equal, else 1 −
// edit distance / longer length, with a bonus-free floor of 0. A name that
// is the other with a word more ("siti aminah" / "siti aminah binti ali")
// counts as similar (0.85).
func nameSimilarity(a, b string) float64 {
	if a == b {
		return 1
	}
	if a == "" || b == "" {
		return 0
	}
	var d, long int
	if len(a) < 64 && len(b) < 64 && isASCIIText(a) && isASCIIText(b) {
		long = max(len(a), len(b))
		d = boundedLevenshteinASCII(a, b, long/4)
	} else {
		ra, rb := []rune(a), []rune(b)
		long = max(len(ra), len(rb))
		d = boundedLevenshtein(ra, rb, long/4) // more edits than this is not similar anyway
	}
	s := 1 - float64(d)/float64(long)
	if s < 0.85 && wordsContained(a, b) {
		return 0.85
	}
	return max(s, 0)
}

// wordsContained reports whether every word of the shorter name (two words
// or more) is a word of the longer one.
func wordsContained(a, b string) bool {
	wa, wb := strings.Fields(a), strings.Fields(b)
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) < 2 {
		return false
	}
	have := map[string]bool{}
	for _, w := range wb {
		have[w] = true
	}
	for _, w := range wa {
		if !have[w] {
			return false
		}
	}
	return true
}

// boundedLevenshtein is the edit distance of a and b, or limit+1 when it is
// larger than limit (found without filling the whole table).
func boundedLevenshtein(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = min(c, prev[j], cur[j-1]) + 1
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func isASCIIText(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// boundedLevenshteinASCII is boundedLevenshtein of two short ASCII strings
// without allocating (the common case of the full scan).
func boundedLevenshteinASCII(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var prevA, curA [64]int
	prev, cur := prevA[:len(b)+1], curA[:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c = min(c, prev[j], cur[j-1]) + 1
			}
			cur[j] = c
			best = min(best, c)
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
