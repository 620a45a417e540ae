package ui

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"wubdesk/internal/wub"
)

// The Audit screen's "Perubahan" column in words, in the chosen language
// (issue 19): "Nama: Siti → Siti Aminah; Status: Terdaftar → Lulus" instead
// of `Name: … ; Status: registered → trained`, and counts such as
// {"activity_report":1116} as "Laporan kegiatan 1.116". The Excel export
// keeps the recorded values (xlsx.ChangedFields).

// auditFieldKeys names recorded fields with the form's own labels.
var auditFieldKeys = map[string]string{
	"nik": "field.nik", "kk": "field.kk", "name": "field.name", "sex": "field.sex", "birthplace": "field.birth_place",
	"birthdate": "field.birth_date", "address": "field.address", "rtrw": "field.rt_rw", "desacode": "field.desa",
	"keccode": "field.kecamatan", "phone": "field.phone", "education": "field.education", "kbli": "field.kbli",
	"businessname": "field.business_name", "notes": "field.notes", "note": "field.notes", "agency": "field.agency",
	"agencycode": "field.agency", "year": "field.year", "foryear": "field.year", "status": "field.status",
	"enrolledon": "field.enrolled_on", "completedon": "field.completed_on", "batchid": "field.batch",
	"batch": "field.batch", "reason": "field.reason", "role": "field.role", "startdate": "field.start_date",
	"enddate": "field.end_date", "traineeid": "field.trainee", "month": "field.month", "date": "field.date",
}

func auditFieldLabel(k string) string {
	n := strings.ToLower(strings.ReplaceAll(k, "_", ""))
	if key, ok := auditFieldKeys[n]; ok {
		return T(key)
	}
	if w, ok := auditWords[n]; ok {
		if Language() == "en" {
			return w[1]
		}
		return w[0]
	}
	switch n {
	case "decision":
		return T("ux.audit_decision")
	case "counts":
		return T("ux.audit_counts")
	case "source":
		return T("ux.audit_source")
	}
	return humanize(k)
}

// humanize turns FacilitatorID or batch_name into "facilitator id", "batch name".
func humanize(k string) string {
	var b strings.Builder
	prev := rune(0)
	for i, r := range k {
		switch {
		case r == '_':
			b.WriteRune(' ')
		case i > 0 && unicode.IsUpper(r) && unicode.IsLower(prev):
			b.WriteRune(' ')
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(unicode.ToLower(r))
		}
		prev = r
	}
	s := b.String()
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// auditWord shows one recorded value in words; "" for nothing.
func auditWord(field string, v any) string {
	n := strings.ToLower(strings.ReplaceAll(field, "_", ""))
	switch x := v.(type) {
	case nil:
		return ""
	case bool:
		if x {
			return T("ux.audit_yes")
		}
		return T("ux.audit_no")
	case float64:
		if x == float64(int64(x)) {
			if n == "year" || n == "foryear" || strings.HasSuffix(n, "id") {
				return strconv.FormatInt(int64(x), 10)
			}
			return wub.FormatInt(int(x))
		}
		return wub.FormatFloat(x, 2)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var parts []string
		for _, k := range keys {
			if w := auditWord(k, x[k]); w != "" {
				parts = append(parts, wub.EntityLabel(k)+" "+w)
			}
		}
		return strings.Join(parts, ", ")
	case []any:
		var parts []string
		for _, e := range x {
			if w := auditWord(field, e); w != "" {
				parts = append(parts, w)
			}
		}
		return strings.Join(parts, ", ")
	case string:
		if x == "" {
			return ""
		}
		if t, err := time.Parse(time.RFC3339Nano, x); err == nil {
			if t.IsZero() {
				return ""
			}
			return t.Local().Format("02/01/2006 15:04")
		}
		if t, err := time.Parse("2006-01-02", x); err == nil {
			return wub.FormatDate(t)
		}
		switch n {
		case "sex":
			return wub.SexLabel(x)
		case "status":
			return wub.StatusLabel(x)
		case "decision":
			return wub.DecisionLabel(x)
		case "keccode":
			if k, ok := wub.Ref().KecamatanByCode(x); ok {
				return k.Name
			}
		case "desacode":
			if d, ok := wub.Ref().DesaByCode(x); ok {
				return d.Name
			}
		}
		return x
	}
	return ""
}

func auditObject(s string) (map[string]any, bool) {
	var m map[string]any
	if s == "" || json.Unmarshal([]byte(s), &m) != nil {
		return nil, false
	}
	return m, true
}

// auditChangeText is the change of one audit row in words.
func auditChangeText(action, oldJSON, newJSON string) string {
	o, okO := auditObject(oldJSON)
	n, okN := auditObject(newJSON)
	dash := func(s string) string {
		if s == "" {
			return "—"
		}
		return s
	}
	if action == "update" && okO && okN {
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
			a, b := auditWord(k, o[k]), auditWord(k, n[k])
			if a != b {
				parts = append(parts, auditFieldLabel(k)+": "+dash(a)+" → "+dash(b))
			}
		}
		return strings.Join(parts, "; ")
	}
	obj, ok := n, okN
	raw := newJSON
	if !okN || len(n) == 0 {
		obj, ok, raw = o, okO, oldJSON
	}
	if !ok {
		return raw
	}
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		if w := auditWord(k, obj[k]); w != "" {
			parts = append(parts, auditFieldLabel(k)+": "+w)
		}
	}
	return strings.Join(parts, "; ")
}

// auditWords names the other recorded fields, Indonesian and English.
var auditWords = map[string][2]string{
	"id": {"ID", "ID"}, "amount": {"Jumlah", "Amount"}, "category": {"Kategori", "Category"},
	"halal": {"Halal", "Halal"}, "detail": {"Keterangan", "Detail"}, "kind": {"Jenis", "Kind"},
	"issuedon": {"Terbit", "Issued on"}, "listedon": {"Dipajang sejak", "Listed on"},
	"closedon": {"Ditutup", "Closed on"}, "closedreason": {"Alasan tutup", "Reason closed"},
	"outletid": {"Gerai", "Outlet"}, "businessid": {"Usaha", "Business"}, "price": {"Harga", "Price"},
	"productid": {"Produk", "Product"}, "withdrawnon": {"Ditarik", "Withdrawn on"}, "source": {"Sumber", "Source"},
	"facilitatorid": {"Fasilitator", "Facilitator"}, "openedon": {"Dibuka", "Opened on"},
	"number": {"Nomor", "Number"}, "title": {"Judul", "Title"}, "type": {"Jenis", "Type"},
	"licence": {"Izin", "Licence"}, "license": {"Izin", "Licence"}, "channel": {"Saluran", "Channel"},
	"lender": {"Pemberi modal", "Lender"}, "purpose": {"Keperluan", "Purpose"}, "state": {"Keadaan", "State"},
	"startedon": {"Mulai", "Started on"}, "endedon": {"Selesai", "Ended on"}, "quota": {"Kuota", "Quota"},
	"count": {"Jumlah", "Count"}, "target": {"Target", "Target"}, "active": {"Aktif", "Active"},
	"fullname": {"Nama lengkap", "Full name"}, "username": {"Nama pengguna", "User name"},
	"period": {"Periode", "Period"}, "sha256": {"Sidik berkas", "File fingerprint"}, "file": {"Berkas", "File"},
	"filename": {"Berkas", "File"}, "from": {"Dari", "From"}, "to": {"Kepada", "To"},
}
