package pdf

import (
	"fmt"
	"io"

	"wubdesk/internal/wub"
)

// ContractRound is the decision list of a contract round for the head of
// the agency to sign: one row per facilitator with last year's record and
// the decision (perpanjang / tidak).
type ContractRound struct {
	Kop    Kop
	Number string
	Round  wub.ContractRound
	Signer Signer
	Meta   Meta
}

// WriteContractRound writes the decision list, A4 landscape.
func WriteContractRound(w io.Writer, c ContractRound) error {
	r := c.Round
	d := newDoc("L", fmt.Sprintf("Keputusan Perpanjangan Kontrak Fasilitator WUB %d", r.Year), "", c.Meta)
	d.writeKop(c.Kop)
	d.title(fmt.Sprintf("DAFTAR KEPUTUSAN PERPANJANGAN KONTRAK FASILITATOR\nPROGRAM WIRAUSAHA BARU (WUB) TAHUN %d", r.Year), c.Number)
	d.para(fmt.Sprintf("Berdasarkan kinerja tahun %d, kontrak fasilitator Program Wirausaha Baru untuk tahun %d "+
		"diputuskan sebagai berikut:", r.LastYear(), r.Year))
	rows := make([][]string, 0, len(r.Rows))
	for i, row := range r.Rows {
		lc := row.LastContract
		span := ""
		if !lc.StartDate.IsZero() {
			span = wub.FormatDate(lc.StartDate) + " – " + wub.FormatDate(lc.EndDate)
		}
		spk := lc.SPKNumber
		if span != "" {
			spk += "\n" + span
		}
		honor := ""
		if lc.Honorarium > 0 {
			honor = rp(lc.Honorarium)
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), row.Name, wub.RoleLabel(row.Role), spk, honor,
			fmt.Sprintf("%s dari %s\n(%s)", num(row.TraineesMentored), num(row.Target), wub.PercentText(row.TraineesMentored, row.Target)),
			num(row.Visits),
			fmt.Sprintf("%s (%s)", num(row.BusinessRunning), wub.PercentText(row.BusinessRunning, row.TraineesMentored)),
			fmt.Sprintf("%s dari %s", num(row.Reports.OnTime), num(row.Reports.Expected)),
			decisionText(row.CurrentDecision()), row.Decision.Note})
	}
	d.table([]column{{"No", 7, "C"}, {"Nama", 30, "L"}, {"Peran", 21, "L"}, {"SPK terakhir / masa kontrak", 42, "L"},
		{"Honor/ bulan", 22, "R"}, {"Didampingi / target", 26, "C"}, {"Kunjungan", 20, "R"}, {"Usaha berjalan", 18, "C"},
		{"Laporan tepat waktu", 20, "C"}, {"Keputusan", 24, "C"}, {"Catatan", 22, "L"}}, rows, 8)
	renew, notRenew, undecided := r.Counts()
	// The totals and notes on the left, the signature beside them.
	d.ensure(signatureHeight)
	y0 := d.f.GetY()
	full := d.width
	d.width = full * 0.58
	d.line("B", 10.5, fmt.Sprintf("Diperpanjang: %s   •   Tidak diperpanjang: %s   •   Belum diputuskan: %s",
		num(renew), num(notRenew), num(undecided)))
	d.f.Ln(1)
	d.font("", 8.5)
	for _, n := range []string{
		fmt.Sprintf("Didampingi: peserta berbeda yang dikunjungi tahun %d; target: target pendampingan dalam kontrak terakhir.", r.LastYear()),
		fmt.Sprintf("Usaha berjalan: dari peserta yang didampingi, yang keadaan usahanya pada kunjungan terakhir s.d. 31 Desember %d \"Sudah berjalan\".", r.LastYear()),
		fmt.Sprintf("Laporan bulanan tepat waktu bila diserahkan paling lambat tanggal %d bulan berikutnya.", wub.ReportDueDay),
	} {
		d.f.SetX(d.left)
		d.f.MultiCell(d.width, 4, n, "", "L", false)
	}
	if undecided > 0 {
		d.font("B", 9)
		d.f.SetX(d.left)
		d.f.MultiCell(d.width, 4.5, fmt.Sprintf("Perhatian: %s fasilitator belum diputuskan; daftar ini belum lengkap untuk ditandatangani.", num(undecided)), "", "L", false)
	}
	d.width = full
	d.f.SetY(y0)
	d.signature(d.left+d.width*0.62, d.width*0.38, c.Signer, "")
	return d.output(w)
}

// decisionText is the decision as the list prints it.
func decisionText(dec string) string {
	switch dec {
	case wub.DecisionRenew:
		return "PERPANJANG"
	case wub.DecisionNotRenew:
		return "TIDAK"
	}
	return "belum diputuskan"
}
