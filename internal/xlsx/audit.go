package xlsx

import (
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// AuditExportOptions configure the audit workbook.
type AuditExportOptions struct {
	// Filter is written on the notes sheet so the reader knows what the
	// rows are.
	Filter wub.AuditFilter
	// MaskNIK hides the middle of every 16-digit number (NIK, No. KK). Off by
	// default: the audit export is for inside the office (the admin, an
	// inspector on site), like the database itself.
	MaskNIK bool
	// Now stamps the notes sheet (tests fix it).
	Now time.Time
}

// maxCellText is Excel's limit for the text of one cell.
const maxCellText = 32767

func auditText(id, en string) string {
	if wub.Language() == "en" {
		return en
	}
	return id
}

// WriteAudit writes the audit rows to a workbook: sheet "Audit" with one
// row per change (time, user, record, action, the fields that changed, the
// values before and after as JSON) and sheet "Keterangan" with the filter,
// the time of export and a privacy note. Every value is written as text, so
// no cell is ever a formula. It returns the number of rows written.
func WriteAudit(w io.Writer, rows iter.Seq2[wub.AuditEntry, error], opt AuditExportOptions) (int, error) {
	f := excelize.NewFile()
	defer f.Close()
	const sheet = "Audit"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return 0, err
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	stampFmt := "yyyy-mm-dd hh:mm:ss"
	stamp, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &stampFmt})
	text, _ := f.NewStyle(&excelize.Style{NumFmt: 49})
	for col, width := range []float64{20, 14, 14, 9, 10, 50, 60, 60} {
		sw.SetColWidth(col+1, col+1, width)
	}
	sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	head := []string{
		auditText("Waktu", "Time"), auditText("Pengguna", "User"), auditText("Data", "Record"), "ID",
		auditText("Tindakan", "Action"), auditText("Perubahan", "Changes"),
		auditText("Sebelum (JSON)", "Before (JSON)"), auditText("Sesudah (JSON)", "After (JSON)"),
	}
	cells := make([]any, len(head))
	for i, h := range head {
		cells[i] = excelize.Cell{StyleID: bold, Value: h}
	}
	if err := sw.SetRow("A1", cells); err != nil {
		return 0, err
	}
	mask := func(s string) string {
		if opt.MaskNIK {
			s = wub.MaskNIKsIn(s)
		}
		if len(s) > maxCellText {
			s = s[:maxCellText-1] + "…"
		}
		return s
	}
	n := 0
	for e, err := range rows {
		if err != nil {
			return n, err
		}
		n++
		row := []any{
			excelize.Cell{StyleID: stamp, Value: localWallClock(e.At)},
			excelize.Cell{StyleID: text, Value: e.Actor},
			excelize.Cell{StyleID: text, Value: wub.EntityLabel(e.Entity)},
			e.EntityID,
			excelize.Cell{StyleID: text, Value: wub.ActionLabel(e.Action)},
			excelize.Cell{StyleID: text, Value: mask(ChangedFields(e.Old, e.New))},
			excelize.Cell{StyleID: text, Value: mask(e.Old)},
			excelize.Cell{StyleID: text, Value: mask(e.New)},
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		if err := sw.SetRow(cell, row); err != nil {
			return n, err
		}
	}
	if n > 0 {
		last, _ := excelize.CoordinatesToCellName(len(head), n+1)
		if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "TabelAudit", StyleName: "TableStyleLight1"}); err != nil {
			return n, err
		}
	}
	if err := sw.Flush(); err != nil {
		return n, err
	}
	if err := writeAuditNotes(f, n, opt); err != nil {
		return n, err
	}
	return n, writeWithDimensions(f, w)
}

// localWallClock shows a stored UTC time as the office's clock reads it;
// Excel has no time zones.
func localWallClock(t time.Time) time.Time {
	l := t.Local()
	return time.Date(l.Year(), l.Month(), l.Day(), l.Hour(), l.Minute(), l.Second(), 0, time.UTC)
}

func writeAuditNotes(f *excelize.File, n int, opt AuditExportOptions) error {
	const sheet = "Keterangan"
	if _, err := f.NewSheet(sheet); err != nil {
		return err
	}
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	day := func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.Format("02/01/2006")
	}
	filter := opt.Filter
	orAll := func(s string) string {
		if s == "" {
			return auditText("semua", "all")
		}
		return s
	}
	record := orAll(wub.EntityLabel(filter.Entity))
	if filter.EntityID != 0 {
		record += fmt.Sprintf(" #%d", filter.EntityID)
	}
	lines := [][2]string{
		{auditText("Log audit WUBDesk", "WUBDesk audit log"), ""},
		{auditText("Diekspor", "Exported"), now.Format("02/01/2006 15:04")},
		{auditText("Jumlah baris", "Rows"), fmt.Sprint(n)},
		{auditText("Data", "Record"), record},
		{auditText("Pengguna", "User"), orAll(filter.Actor)},
		{auditText("Dari tanggal", "From"), day(filter.From)},
		{auditText("Sampai tanggal", "To"), day(filter.To)},
		{auditText("NIK disamarkan", "NIK masked"), map[bool]string{true: auditText("ya", "yes"), false: auditText("tidak", "no")}[opt.MaskNIK]},
		{"", ""},
		{auditText("Perhatian", "Note"), auditText(
			"Berkas ini dapat memuat data pribadi (NIK, alamat, No. HP) yang dilindungi UU 27/2022. Hanya untuk penggunaan internal kantor; jangan dikirim ke luar tanpa menyamarkan NIK.",
			"This file may hold personal data (NIK, address, phone) protected by Law 27/2022. For use inside the office only; do not send it outside without masking NIKs.")},
	}
	for i, l := range lines {
		for j, v := range l {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := f.SetCellStr(sheet, cell, v); err != nil {
				return err
			}
		}
	}
	f.SetColWidth(sheet, "A", "A", 18)
	f.SetColWidth(sheet, "B", "B", 90)
	return nil
}

// ChangedFields summarises an update as "Field: before → after; ..." from
// the audit row's JSON objects; "" when either side is not an object.
func ChangedFields(oldJSON, newJSON string) string {
	if oldJSON == "" || newJSON == "" {
		return ""
	}
	var o, n map[string]any
	if json.Unmarshal([]byte(oldJSON), &o) != nil || json.Unmarshal([]byte(newJSON), &n) != nil {
		return ""
	}
	keys := map[string]bool{}
	for k := range o {
		keys[k] = true
	}
	for k := range n {
		keys[k] = true
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	sort.Strings(sorted)
	var parts []string
	for _, k := range sorted {
		a, b := fmt.Sprint(valueOr(o, k)), fmt.Sprint(valueOr(n, k))
		if a != b {
			parts = append(parts, fmt.Sprintf("%s: %s → %s", k, a, b))
		}
	}
	return strings.Join(parts, "; ")
}

// valueOr is a field's value for the changes column; absent, null, empty
// and the zero time all read as a dash.
func valueOr(m map[string]any, k string) any {
	if v, ok := m[k]; ok {
		if s := auditValue(v); s != "" {
			return s
		}
	}
	return "—"
}

// auditValue writes one recorded value the way the app shows it: dates as
// dd/mm/yyyy (with the time when there is one), whole numbers without an
// exponent; "" for nothing (null, empty, the zero time).
func auditValue(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			if t.IsZero() {
				return ""
			}
			if h, m, sec := t.Clock(); h == 0 && m == 0 && sec == 0 {
				return t.Format("02/01/2006")
			}
			return localWallClock(t).Format("02/01/2006 15:04")
		}
		if t, err := time.Parse("2006-01-02", x); err == nil {
			return t.Format("02/01/2006")
		}
		return x
	case float64:
		if x == float64(int64(x)) {
			return strconv.FormatInt(int64(x), 10)
		}
		return strconv.FormatFloat(x, 'f', -1, 64)
	case map[string]any, []any:
		b, _ := json.Marshal(x)
		return string(b)
	}
	return fmt.Sprint(v)
}

// RecordedFields lists a recorded object (an insert's new values, a
// delete's old ones) as "Field: value; ...", leaving out empty fields; the
// text itself when it is not a JSON object.
func RecordedFields(objJSON string) string {
	var o map[string]any
	if json.Unmarshal([]byte(objJSON), &o) != nil {
		return objJSON
	}
	keys := make([]string, 0, len(o))
	for k := range o {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		if v := auditValue(o[k]); v != "" {
			parts = append(parts, k+": "+v)
		}
	}
	return strings.Join(parts, "; ")
}
