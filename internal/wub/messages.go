package wub

import "sync/atomic"

// lang is the language of domain messages: "id" (default) or "en".
var lang atomic.Value

// SetLanguage chooses the language of domain messages ("id" or "en").
func SetLanguage(l string) {
	if l != "en" {
		l = "id"
	}
	lang.Store(l)
}

// Language returns the current language of domain messages.
func Language() string {
	if l, ok := lang.Load().(string); ok {
		return l
	}
	return "id"
}

type msg struct{ id, en string }

// messages maps every issue and error code to its text. Every code used in
// this module must be here: messages_test.go checks it.
var messages = map[string]msg{
	// NIK
	"nik_missing":           {"NIK wajib diisi.", "NIK is required."},
	"nik_format":            {"NIK tidak sah: %s.", "NIK is not valid: %s."},
	"nik_numeric_cell":      {"NIK tersimpan sebagai angka di Excel dan digit terakhirnya hilang (Excel hanya menyimpan 15 digit). Format kolom NIK sebagai Teks lalu ketik ulang NIK ini.", "The NIK was stored as a number in Excel and its last digit was lost (Excel keeps only 15 digits). Format the NIK column as Text and retype it."},
	"nik_numeric_warn":      {"NIK berasal dari sel angka di Excel; periksa bahwa digit terakhirnya benar dan format kolom sebagai Teks.", "The NIK came from a numeric Excel cell; check its last digit and format the column as Text."},
	"nik_duplicate_in_file": {"NIK ini sudah muncul di baris %d file yang sama.", "This NIK already appears in row %d of the same file."},
	"nik_registered":        {"NIK sudah terdaftar: %s.", "NIK already registered: %s."},
	"nik_mismatch":          {"%s", "%s"},
	"nik_mismatch_date":     {"Tanggal lahir dalam NIK (%s) berbeda dengan tanggal lahir (%s). Periksa kembali; NIK tidak diubah bila tanggal lahir dikoreksi.", "The birth date in the NIK (%s) differs from the birth date (%s). Check it; a NIK is not reissued when a birth date is corrected."},
	"nik_mismatch_sex":      {"Jenis kelamin dalam NIK (%s) berbeda dengan jenis kelamin (%s).", "The sex in the NIK (%s) differs from the sex given (%s)."},
	"nik_outside_regency":   {"NIK diterbitkan di luar Kabupaten Pamekasan (%s).", "The NIK was issued outside Kabupaten Pamekasan (%s)."},
	"nik_equals_kk":         {"No. KK sama dengan NIK; periksa apakah keduanya tertukar.", "The family card number equals the NIK; check that they are not swapped."},
	"kk_format":             {"No. KK harus 16 angka (%s).", "The family card number must be 16 digits (%s)."},

	// Names, sex, dates
	"name_missing":    {"Nama wajib diisi.", "Name is required."},
	"name_too_long":   {"Nama terlalu panjang (maksimal %d huruf).", "Name is too long (at most %d characters)."},
	"gender_invalid":  {"Jenis kelamin tidak dikenal: %q. Gunakan L atau P.", "Unknown sex: %q. Use L or P."},
	"gender_missing":  {"Jenis kelamin wajib dipilih.", "Sex is required."},
	"gender_from_nik": {"Jenis kelamin diambil dari NIK (%s).", "Sex taken from the NIK (%s)."},
	"date_invalid":    {"Tanggal tidak sah: %q. Tulis sebagai hh/bb/tttt, misalnya 17/08/1990.", "Invalid date: %q. Write it as dd/mm/yyyy, e.g. 17/08/1990."},
	"date_future":     {"Tanggal lahir %s ada di masa depan.", "Birth date %s is in the future."},
	"date_too_old":    {"Tanggal lahir %s terlalu lama (lebih dari 110 tahun lalu).", "Birth date %s is more than 110 years ago."},
	"date_from_nik":   {"Tanggal lahir diambil dari NIK (%s).", "Birth date taken from the NIK (%s)."},
	"date_order":      {"Tanggal selesai (%s) sebelum tanggal mulai (%s).", "End date (%s) is before start date (%s)."},

	// Phone, region, sector
	"phone_invalid":         {"No. HP %q tidak lazim: harus 10–13 angka diawali 08.", "Phone %q looks wrong: it should be 10–13 digits starting with 08."},
	"desa_unknown":          {"Desa/kelurahan %q tidak ditemukan di Kabupaten Pamekasan.", "Village %q not found in Kabupaten Pamekasan."},
	"desa_not_in_kecamatan": {"Desa %s tidak berada di Kecamatan %s.", "Village %s is not in kecamatan %s."},
	"kecamatan_unknown":     {"Kecamatan %q tidak ditemukan di Kabupaten Pamekasan.", "Kecamatan %q not found in Kabupaten Pamekasan."},
	"kecamatan_fuzzy":       {"Kecamatan %q dibaca sebagai %s.", "Kecamatan %q read as %s."},
	"kbli_unknown":          {"Bidang usaha (KBLI) %q tidak dikenal.", "Unknown business sector (KBLI) %q."},
	"education_unknown":     {"Pendidikan %q tidak dikenal.", "Unknown education level %q."},

	// Enrolment and agency
	"agency_unknown":      {"Dinas %q tidak dikenal.", "Unknown agency %q."},
	"agency_not_in_year":  {"%s tidak menjalankan program WUB pada tahun %d.", "%s does not run the WUB program in %d."},
	"year_invalid":        {"Tahun program %d di luar 2020–2100.", "Program year %d is outside 2020–2100."},
	"status_invalid":      {"Status %q tidak dikenal.", "Unknown status %q."},
	"completed_missing":   {"Tanggal selesai wajib diisi untuk peserta yang lulus.", "A completion date is required for a trainee who completed."},
	"enrolment_duplicate": {"Peserta ini sudah terdaftar pada %s tahun %d.", "This trainee is already enrolled with %s in %d."},

	// Store
	"not_found":  {"Data tidak ditemukan (mungkin sudah dihapus).", "Record not found (it may have been deleted)."},
	"conflict":   {"Data ini diubah orang lain sejak dibuka. Tutup dan buka kembali.", "This record was changed by someone else since it was opened. Close and reopen it."},
	"db_newer":   {"Berkas basis data ini dibuat oleh WUBDesk versi lebih baru (skema %d, aplikasi ini mengenal sampai %d). Perbarui WUBDesk; berkas tidak diubah.", "This database was made by a newer WUBDesk (schema %d; this app knows up to %d). Update WUBDesk; the file was not changed."},
	"db_foreign": {"Berkas %s bukan basis data WUBDesk.", "The file %s is not a WUBDesk database."},
	"db_damaged": {"Berkas basis data rusak: %s.", "The database file is damaged: %s."},
	"db_locked":  {"Basis data %s sedang dibuka oleh WUBDesk lain di komputer ini.", "The database %s is open in another WUBDesk on this computer."},
}

// addMessages lets each feature keep its codes in its own file
// (messages_<feature>.go) through an init function. A code defined twice is
// a programming error.
func addMessages(m map[string]msg) {
	for k, v := range m {
		if _, dup := messages[k]; dup {
			panic("wub: message code defined twice: " + k)
		}
		messages[k] = v
	}
}

// Message formats the message for a code in the current language. The field
// is used only by codes whose message depends on it.
func Message(code, field string, args ...any) string {
	m := messages[code]
	t := m.id
	if Language() == "en" {
		t = m.en
	}
	return fmtArgs(t, code, args...)
}

// HasMessage reports whether code has a message in the catalogue.
func HasMessage(code string) bool { _, ok := messages[code]; return ok }
