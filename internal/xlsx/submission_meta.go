package xlsx

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// The Meta sheet is a two-column list of keys and values, all stored as
// text. Its order is fixed; the checksum covers every pair but the last.
const (
	metaFormat        = "format"
	metaAgency        = "agency_code"
	metaAgencyName    = "agency_name"
	metaPeriod        = "period"
	metaYear          = "program_year"
	metaApp           = "app_version"
	metaGenerated     = "generated_at"
	metaRowsPeserta   = "rows_peserta"
	metaRowsFasil     = "rows_fasilitator"
	metaFasilKinds    = "columns_fasilitator"
	metaQuota         = "quota"
	metaTrainedMonth  = "trained_month"
	metaTrainedTotal  = "trained_total"
	metaRegMonth      = "registered_month"
	metaRegTotal      = "registered_total"
	metaDroppedMonth  = "dropped_month"
	metaDroppedTotal  = "dropped_total"
	metaSHA256        = "sha256"
	metaChecksumLabel = "wubdesk-submission-v1"
)

type pair struct{ key, value string }

var kindNames = map[Kind]string{KindText: "text", KindID: "id", KindDate: "date", KindInt: "int"}

// metaPairs lists the Meta sheet of m, without the checksum.
func metaPairs(m wub.SubmissionMeta, fasilKinds []Kind) []pair {
	kinds := make([]string, len(fasilKinds))
	for i, k := range fasilKinds {
		kinds[i] = kindNames[k]
	}
	itoa := strconv.Itoa
	return []pair{
		{metaFormat, itoa(m.Format)},
		{metaAgency, m.AgencyCode},
		{metaAgencyName, m.AgencyName},
		{metaPeriod, m.Period},
		{metaYear, itoa(m.Year)},
		{metaApp, m.AppVersion},
		{metaGenerated, m.GeneratedAt.Format(time.RFC3339)},
		{metaRowsPeserta, itoa(m.TraineeRows)},
		{metaRowsFasil, itoa(m.FacilitatorRows)},
		{metaFasilKinds, strings.Join(kinds, ",")},
		{metaQuota, itoa(m.Quota)},
		{metaTrainedMonth, itoa(m.TrainedMonth)},
		{metaTrainedTotal, itoa(m.TrainedTotal)},
		{metaRegMonth, itoa(m.RegisteredMonth)},
		{metaRegTotal, itoa(m.RegisteredTotal)},
		{metaDroppedMonth, itoa(m.DroppedMonth)},
		{metaDroppedTotal, itoa(m.DroppedTotal)},
	}
}

// checksum is the data checksum of a submission (format 1):
//
//	SHA-256( "wubdesk-submission-v1\n"
//	         + for each Meta pair in sheet order except sha256: len(k):k len(v):v "\n"
//	         + "Peserta " + hex(rows digest) "\n"
//	         [+ "Fasilitator " + hex(rows digest) "\n"] )
//
// where a rows digest is SHA-256 over the heading row and every data row,
// each as len(value):value for every cell followed by "\n", with values in
// their canonical form (dates YYYY-MM-DD, numbers in decimal, text as
// stored). The reader recomputes it from the cells, so any edit to the data,
// the headings or the Meta sheet after export is detected. It is a seal
// against accidents and casual edits, not a signature: someone who knows
// the method can recompute it.
func checksum(pairs []pair, peserta []byte, fasil []byte) string {
	h := sha256.New()
	h.Write([]byte(metaChecksumLabel + "\n"))
	for _, p := range pairs {
		h.Write(appendCanonical(nil, []string{p.key, p.value}))
	}
	fmt.Fprintf(h, "%s %x\n", SheetPeserta, peserta)
	if fasil != nil {
		fmt.Fprintf(h, "%s %x\n", SheetFasilitator, fasil)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// writeMeta fills the hidden Meta sheet.
func writeMeta(f *excelize.File, pairs []pair, sum string, header int) error {
	if err := f.SetSheetRow(SheetMeta, "A1", &[]any{"Kunci", "Nilai"}); err != nil {
		return err
	}
	_ = f.SetCellStyle(SheetMeta, "A1", "B1", header)
	all := append(append([]pair(nil), pairs...), pair{metaSHA256, sum})
	for i, p := range all {
		r := strconv.Itoa(i + 2)
		if err := f.SetCellStr(SheetMeta, "A"+r, p.key); err != nil {
			return err
		}
		if err := f.SetCellStr(SheetMeta, "B"+r, p.value); err != nil {
			return err
		}
	}
	_ = f.SetColWidth(SheetMeta, "A", "A", 22)
	_ = f.SetColWidth(SheetMeta, "B", "B", 70)
	return f.SetSheetVisible(SheetMeta, false)
}

// parseMeta reads the Meta pairs back. It returns the pairs the checksum
// covers, the stored checksum and the Fasilitator column kinds.
func parseMeta(rows [][]string) (m wub.SubmissionMeta, pairs []pair, sum string, kinds []Kind, err error) {
	vals := map[string]string{}
	for i, r := range rows {
		if i == 0 && len(r) > 0 && r[0] == "Kunci" {
			continue
		}
		if len(r) == 0 || (len(r) == 1 && r[0] == "") {
			continue
		}
		k, v := r[0], ""
		if len(r) > 1 {
			v = r[1]
		}
		if k == metaSHA256 {
			sum = v
			continue
		}
		pairs = append(pairs, pair{k, v})
		vals[k] = v
	}
	bad := func(what string) error { return fmt.Errorf("%s", what) }
	num := func(k string) int {
		if err != nil {
			return 0
		}
		n, e := strconv.Atoi(vals[k])
		if e != nil || n < 0 {
			err = bad(k)
		}
		return n
	}
	m.Format = num(metaFormat)
	if err == nil && m.Format > wub.SubmissionFormat {
		return m, pairs, sum, nil, nil // the caller reports the newer format
	}
	m.AgencyCode = vals[metaAgency]
	m.AgencyName = vals[metaAgencyName]
	m.Period = vals[metaPeriod]
	m.Year = num(metaYear)
	m.AppVersion = vals[metaApp]
	m.TraineeRows = num(metaRowsPeserta)
	m.FacilitatorRows = num(metaRowsFasil)
	m.Quota = num(metaQuota)
	m.TrainedMonth, m.TrainedTotal = num(metaTrainedMonth), num(metaTrainedTotal)
	m.RegisteredMonth, m.RegisteredTotal = num(metaRegMonth), num(metaRegTotal)
	m.DroppedMonth, m.DroppedTotal = num(metaDroppedMonth), num(metaDroppedTotal)
	if err != nil {
		return m, pairs, sum, nil, err
	}
	if m.AgencyCode == "" {
		return m, pairs, sum, nil, bad(metaAgency)
	}
	month, perr := wub.ParsePeriod(m.Period)
	if perr != nil || month.Year() != m.Year {
		return m, pairs, sum, nil, bad(metaPeriod)
	}
	if m.GeneratedAt, err = time.Parse(time.RFC3339, vals[metaGenerated]); err != nil {
		return m, pairs, sum, nil, bad(metaGenerated)
	}
	if len(sum) != 64 {
		return m, pairs, sum, nil, bad(metaSHA256)
	}
	m.DataSHA256 = sum
	if s := vals[metaFasilKinds]; s != "" {
		for _, name := range strings.Split(s, ",") {
			k, ok := kindByName(name)
			if !ok {
				return m, pairs, sum, nil, bad(metaFasilKinds)
			}
			kinds = append(kinds, k)
		}
	}
	return m, pairs, sum, kinds, nil
}

func kindByName(s string) (Kind, bool) {
	for k, n := range kindNames {
		if n == s {
			return k, true
		}
	}
	return 0, false
}
