package store

import (
	"testing"

	"wubdesk/internal/wub"
)

// fillFixtureLetters writes what migration 0012 added: the letterhead and
// a letter number (the office is DISPERINDAG by then).
func fillFixtureLetters(t *testing.T, db *DB) {
	t.Helper()
	if is, err := db.SetLetterhead(ctx, wub.Letterhead{Address: "Jl. Jokotole No. 1", Phone: "(0324) 322111",
		Email: "disperindag@pamekasankab.go.id", HeadRank: "Pembina (IV/a)", Classification: "500.2"}); err != nil || is.HasErrors() {
		t.Fatal("letterhead", err, is)
	}
	if _, err := db.IssueLetterNumbers(ctx, []wub.LetterRequest{{Kind: wub.DocContractRound, Key: "fixture",
		Subject: "Keputusan perpanjangan kontrak fasilitator 2023", Date: letterDate(2023, 1, 5)}}); err != nil {
		t.Fatal("letter number", err)
	}
}
