package pdf

import (
	"bytes"
	"testing"
	"time"
)

func TestReceiptPDF(t *testing.T) {
	r := Receipt{Kop: Kop{Agency: "Sekretariat Daerah — Bagian Perekonomian"}, Date: time.Date(2026, 6, 4, 2, 30, 0, 0, time.UTC),
		Agency: "Dinas Perindustrian dan Perdagangan", Month: time.Date(2026, 5, 1, 0, 0, 0, 0, time.UTC), Code: "3F2A-91BC",
		SentBy: "PC-DISPERINDAG", SentAt: time.Date(2026, 6, 3, 1, 0, 0, 0, time.UTC), AcceptedBy: "ekonomi",
		People: 1250, Enrolments: 1300, Trained: 1100, InMonth: 40, Quota: 2000, Meta: Meta{Created: when}}
	text := readBack(t, write(t, func(b *bytes.Buffer) error { return WriteReceipt(b, r) }), "ba.pdf")
	contains(t, text, "BERITA ACARA PENERIMAAN", "Kamis, tanggal 4 Juni 2026", "Mei 2026", "PC-DISPERINDAG",
		"3 Juni 2026 pukul 08.00 WIB", "ekonomi", "1.250", "1.300", "1.100", "2.000", "55,0%", "3F2A-91BC", "dikunci")
}
