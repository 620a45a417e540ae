package pdf

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// PersonReport is the report of what the database holds about one NIK and
// its history, for the person the data is about (hak subjek data pribadi,
// UU 27/2022).
type PersonReport struct {
	Kop       Kop
	Number    string
	Date      time.Time
	Data      wub.PersonData
	Agencies  wub.Agencies // for agency names
	PrintedBy string
	Signer    Signer
	Meta      Meta
}

// WritePersonReport writes the report: per trainee record its fields,
// enrolments, journey, mentoring visits, businesses and audit rows.
func WritePersonReport(w io.Writer, p PersonReport) error {
	d := newDoc("P", "Laporan Data Pribadi Program WUB", "", p.Meta)
	d.writeKop(p.Kop)
	d.title("LAPORAN DATA PRIBADI\nPESERTA PROGRAM WIRAUSAHA BARU (WUB)", p.Number)
	d.para(fmt.Sprintf("Laporan ini memuat seluruh data yang disimpan %s dalam WUBDesk tentang pemilik NIK %s "+
		"per %s: data diri, keikutsertaan, perjalanan usaha, pendampingan, usaha, dan riwayat perubahan (catatan audit). "+
		"Data yang sudah dihapus tetap tercantum karena masih tersimpan.", p.Kop.Agency, p.Data.NIK, wub.FormatLongDate(p.Date)))
	ref := wub.Ref()
	agency := func(code string, year int) string {
		if a, ok := p.Agencies.ByCode(code); ok {
			return a.NameInYear(year).Short
		}
		return code
	}
	for i, rec := range p.Data.Records {
		t := rec.Trainee
		head := fmt.Sprintf("%d. Data diri", i+1)
		if len(p.Data.Records) > 1 {
			head = fmt.Sprintf("%d. Data peserta ke-%d (nomor data %d)", i+1, i+1, t.ID)
		}
		d.section(head)
		state := "aktif"
		if !t.DeletedAt.IsZero() {
			state = "dihapus " + dateTime(t.DeletedAt)
		}
		birth := t.BirthPlace
		if !t.BirthDate.IsZero() {
			birth = strings.TrimLeft(birth+", "+wub.FormatLongDate(t.BirthDate), ", ")
		}
		desa, kec := "", ""
		if t.DesaCode != "" {
			desa = ref.DesaName(t.DesaCode)
		}
		if t.KecCode != "" {
			kec = ref.KecamatanName(t.KecCode)
		}
		kbli := t.KBLI
		if s, ok := ref.KBLIByCode(t.KBLI); ok && t.KBLI != "" {
			kbli = t.KBLI + " – " + s.Title
		}
		d.fields(0, 48, [][2]string{
			{"NIK", t.NIK}, {"No. KK", t.KK}, {"Nama", t.Name}, {"Jenis kelamin", wub.SexLabel(t.Sex)},
			{"Tempat, tanggal lahir", birth}, {"Alamat", t.Address}, {"RT/RW", t.RTRW}, {"Desa/kelurahan", desa},
			{"Kecamatan", kec}, {"Telepon", t.Phone}, {"Pendidikan", t.Education}, {"Bidang usaha (KBLI)", kbli},
			{"Nama usaha", t.BusinessName}, {"Catatan", t.Notes}, {"Asal data", t.Source},
			{"Dicatat", dateTime(t.CreatedAt)}, {"Terakhir diubah", dateTime(t.UpdatedAt)}, {"Keadaan data", state},
		})
		d.f.Ln(2)
		d.sub("Keikutsertaan")
		var rows [][]string
		for _, e := range t.Enrolments {
			rows = append(rows, []string{agency(e.AgencyCode, e.Year), fmt.Sprint(e.Year), e.BatchName,
				wub.StatusLabel(e.Status), wub.FormatDate(e.EnrolledOn), wub.FormatDate(e.CompletedOn)})
		}
		d.tableOrNone([]column{{"Dinas", 40, "L"}, {"Tahun", 14, "C"}, {"Angkatan", 34, "L"}, {"Status", 24, "L"},
			{"Tgl daftar", 22, "C"}, {"Tgl selesai", 22, "C"}}, rows)
		d.sub("Perjalanan (tahapan)")
		rows = nil
		for _, ev := range rec.Timeline {
			what := ev.Title
			if ev.Detail != "" {
				what += " — " + ev.Detail
			}
			rows = append(rows, []string{wub.FormatDate(ev.Date), wub.StageLabel(ev.Stage), what, ev.RecordedBy})
		}
		d.tableOrNone([]column{{"Tanggal", 22, "C"}, {"Tahap", 28, "L"}, {"Uraian", 80, "L"}, {"Dicatat oleh", 30, "L"}}, rows)
		d.sub("Kunjungan pendampingan")
		rows = nil
		for _, m := range rec.Mentorings {
			rows = append(rows, []string{wub.FormatDate(m.Date), m.FacilitatorName, wub.BusinessStateLabel(m.BusinessState), m.Notes})
		}
		d.tableOrNone([]column{{"Tanggal", 22, "C"}, {"Pendamping", 38, "L"}, {"Keadaan usaha", 32, "L"}, {"Catatan", 68, "L"}}, rows)
		d.sub("Usaha")
		rows = nil
		for _, b := range rec.Businesses {
			place := b.Address
			if b.DesaCode != "" {
				place = strings.TrimLeft(place+", "+ref.DesaName(b.DesaCode), ", ")
			}
			rows = append(rows, []string{b.Name, b.KBLI, b.Products, place, wub.FormatDate(b.StartedOn),
				wub.TurnoverLabel(b.Turnover), num(b.Workers)})
		}
		d.tableOrNone([]column{{"Nama usaha", 30, "L"}, {"KBLI", 13, "C"}, {"Produk", 28, "L"}, {"Alamat", 33, "L"},
			{"Mulai", 20, "C"}, {"Omzet", 21, "L"}, {"Pekerja", 15, "R"}}, rows)
		d.sub("Riwayat perubahan (catatan audit)")
		rows = nil
		for _, a := range rec.Audit {
			rows = append(rows, []string{dateTime(a.At), a.Actor, wub.EntityLabel(a.Entity), wub.ActionLabel(a.Action), auditChanges(a)})
		}
		d.tableOrNone([]column{{"Waktu", 26, "C"}, {"Oleh", 20, "L"}, {"Data", 24, "L"}, {"Tindakan", 19, "L"}, {"Isi perubahan", 71, "L"}}, rows)
	}
	d.section(fmt.Sprintf("%d. Salinan yang membawa NIK ini ke luar komputer kantor", len(p.Data.Records)+1))
	var copies [][]string
	for _, c := range p.Data.Copies {
		what := wub.CopyKindLabel(c.Kind)
		if c.Everyone {
			what += " (seluruh data)"
		}
		if c.Note != "" {
			what += " — " + c.Note
		}
		copies = append(copies, []string{dateTime(c.At), c.Actor, what, wub.LockLabel(c)})
	}
	d.tableOrNone([]column{{"Waktu", 30, "C"}, {"Oleh", 24, "L"}, {"Salinan", 80, "L"}, {"Perlindungan", 46, "L"}}, copies)
	d.font("", 9)
	d.f.SetX(d.left)
	d.f.MultiCell(d.width, 4.4, fmt.Sprintf("Dicetak dengan WUBDesk oleh %s pada %s. Laporan ini memuat data pribadi: "+
		"serahkan hanya kepada pemilik data atau yang berwenang.", p.PrintedBy, dateTime(p.Meta.Created)), "", "L", false)
	d.f.Ln(4)
	d.signature(d.left+d.width*0.5, d.width*0.5, p.Signer, "")
	return d.output(w)
}

// section prints a numbered heading.
func (d *doc) section(text string) {
	d.ensure(30)
	d.f.Ln(2)
	d.line("B", 11.5, text)
	d.f.Ln(1)
}

// sub prints a sub-heading.
func (d *doc) sub(text string) {
	d.ensure(20)
	d.line("B", 10.5, text)
	d.f.Ln(0.5)
}

// tableOrNone prints a table, or "Tidak ada." when there are no rows.
func (d *doc) tableOrNone(cols []column, rows [][]string) {
	if len(rows) == 0 {
		d.line("", 10, "Tidak ada.")
		d.f.Ln(2)
		return
	}
	d.table(cols, rows, 8.5)
}

// dateTime writes a timestamp in Pamekasan time: "3 Januari 2023 14.05 WIB".
func dateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	l := t.In(wub.WIB)
	return wub.FormatLongDate(l) + " " + l.Format("15.04") + " WIB"
}

// auditChanges summarises an audit row: the fields an update changed (old →
// new), the fields an insert wrote; at most 700 characters.
func auditChanges(a wub.AuditEntry) string {
	var old, nw map[string]any
	_ = json.Unmarshal([]byte(a.Old), &old)
	_ = json.Unmarshal([]byte(a.New), &nw)
	keys := map[string]bool{}
	for k := range old {
		keys[k] = true
	}
	for k := range nw {
		keys[k] = true
	}
	names := make([]string, 0, len(keys))
	for k := range keys {
		names = append(names, k)
	}
	sort.Strings(names)
	var parts []string
	for _, k := range names {
		o, n := scalar(old[k]), scalar(nw[k])
		switch {
		case old == nil && n != "":
			parts = append(parts, k+": "+n)
		case nw == nil && o != "":
			parts = append(parts, k+": "+o)
		case o != n:
			parts = append(parts, k+": "+orDash(o)+" → "+orDash(n))
		}
	}
	s := strings.Join(parts, "; ")
	if r := []rune(s); len(r) > 700 {
		s = string(r[:700]) + "…"
	}
	return s
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		// Stored timestamps: the zero time is no value, a midnight UTC
		// one is a date.
		if strings.HasPrefix(x, "0001-01-01") {
			return ""
		}
		if len(x) == 20 && strings.HasSuffix(x, "T00:00:00Z") {
			return x[:10]
		}
		return x
	case float64:
		if x == float64(int64(x)) {
			return fmt.Sprint(int64(x))
		}
		return fmt.Sprint(x)
	default:
		b, _ := json.Marshal(x)
		return string(b)
	}
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
