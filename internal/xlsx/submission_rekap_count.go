package xlsx

import (
	"wubdesk/internal/wub"
)

// The Rekap's lines of issue 17, kept apart from the sheet's layout so that
// other additions (outcomes) do not meet them.

// rekapVerification writes the short verification code: what a person
// compares with the consolidation screen (the full checksum stays in Meta).
func rekapVerification(c *sheetCursor, sha string) {
	code := wub.VerificationCode(sha)
	if code == "" {
		return
	}
	c.put(c.st.bold, "Kode verifikasi: "+code)
	c.title(1, 6, "Bagian Perekonomian melihat kode yang sama di layar Konsolidasi di samping berkas ini; "+
		"bila berbeda, berkas telah diubah setelah diekspor.", c.st.note, 26)
}

// rekapUndated writes section A's line of the rows whose count date is
// missing: in the totals, in no month.
func rekapUndated(c *sheetCursor, t *tally) {
	c.put(c.st.cell, undatedLabel+" (tidak masuk bulan mana pun; lengkapi di WUBDesk)", nil, t.undated.sum())
}

// rekapUndatedMonthRow ends section E's month table with the rows in no
// month (below the months the chart shows).
func rekapUndatedMonthRow(c *sheetCursor, t *tally) {
	c.put(c.st.cell, undatedLabel, t.undated[0], t.undated.sum())
}
