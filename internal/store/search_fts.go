package store

import (
	"strings"
	"unicode/utf8"
)

// driver is an indexed source of candidate trainee IDs: a superset of the
// people who match the words it covers.
type driver struct {
	kind  wordKind     // wordPart: the trigram index; wordNIK: the NIK index; wordStart: one short word
	words []searchWord // the words it decides
	fts   string       // FTS5 query (wordPart, wordStart)
	// joined: the query joins trainee_fts itself, so traineeWhere adds no
	// candidate subquery.
	joined bool
}

// candidates is the subquery of the driver's trainee IDs.
func (d driver) candidates() (string, []any) {
	switch d.kind {
	case wordNIK:
		w := d.words[0]
		return "SELECT id FROM trainee WHERE nik >= ? AND nik < ?", []any{w.text, w.text + ":"}
	case wordStart:
		// Later words start after a space, which the trigram index holds;
		// the first word of the name is found through the name index.
		return `SELECT rowid FROM trainee_fts WHERE trainee_fts MATCH ?
			UNION ALL SELECT id FROM trainee WHERE name LIKE ? ESCAPE '\' AND deleted_at IS NULL`,
			[]any{d.fts, likeEscape(d.words[0].text) + "%"}
	}
	return "SELECT rowid FROM trainee_fts WHERE trainee_fts MATCH ?", []any{d.fts}
}

// ftsPhrase quotes a string for an FTS5 query.
func ftsPhrase(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// startAlphabet is what may follow the first character of a word. The
// trigram index holds no shorter strings, so a word of one or two
// characters is looked up as the trigrams it begins; a word followed by a
// character outside this list is not found that way.
const startAlphabet = "abcdefghijklmnopqrstuvwxyz0123456789 .,'-/()&`’‘"

// laterWords is the FTS5 query for a short word at the start of any word
// but the first of the search text: after a space.
func laterWords(w string) string {
	if utf8.RuneCountInString(w) >= 2 {
		return ftsPhrase(" " + w)
	}
	alts := make([]string, 0, len(startAlphabet))
	for _, c := range startAlphabet {
		alts = append(alts, ftsPhrase(" "+w+string(c)))
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

// startOfWord is the FTS5 query for a two-character word at the start of
// any word: after a space, or as the first trigram of the text (^). It is
// exact but reads many trigrams: ListTrainees uses it only with other words.
func startOfWord(w string) string {
	alts := []string{ftsPhrase(" " + w)}
	for _, c := range startAlphabet {
		alts = append(alts, "^"+ftsPhrase(w+string(c)))
	}
	return "(" + strings.Join(alts, " OR ") + ")"
}

// exactFTS is the trigram-index driver for the words of three or more
// characters, which it decides exactly (except runs of digits asked for in
// part, which the row filter decides).
func exactFTS(words []searchWord) (driver, bool) {
	d := driver{kind: wordPart}
	var q []string
	for _, w := range words {
		if w.kind == wordPart {
			q = append(q, ftsPhrase(w.indexText()))
			if w.index == "" { // decided exactly by the index
				d.words = append(d.words, w)
			}
		}
	}
	d.fts = strings.Join(q, " AND ")
	return d, len(q) > 0
}

// allWordsFTS is the FTS5 query of every word but NIKs: exact for words of
// two or more characters; a word of one character only as a later word.
func allWordsFTS(words []searchWord) string {
	var q []string
	for _, w := range words {
		switch {
		case w.kind == wordPart:
			q = append(q, ftsPhrase(w.text))
		case w.oneChar():
			q = append(q, laterWords(w.text))
		case w.kind == wordStart:
			q = append(q, startOfWord(w.text))
		}
	}
	return strings.Join(q, " AND ")
}

// shortDriver finds a word of one or two characters through the trigram
// index (later words) and the name index (first word).
func shortDriver(w searchWord) driver {
	return driver{kind: wordStart, words: []searchWord{w}, fts: laterWords(w.text)}
}

func hasOneChar(words []searchWord) bool {
	for _, w := range words {
		if w.oneChar() {
			return true
		}
	}
	return false
}

// exactDriver is the driver SearchTrainees and CountTrainees use: the
// trigram index for words of three or more characters, else the NIK index;
// words of one or two characters alone are tested row by row, which finds
// a first page quickly when they match many people.
func exactDriver(words []searchWord) *driver {
	if d, ok := exactFTS(words); ok {
		return &d
	}
	for _, w := range words {
		if w.kind == wordNIK {
			return &driver{kind: wordNIK, words: []searchWord{w}}
		}
	}
	return nil
}
