package wub

// Messages of the regency register (issue 21: enrolment and sync with the
// hub; Pengaturan → Register kabupaten, `wubdesk enrol`, `wubdesk sync`).
func init() {
	addMessages(map[string]msg{
		"sync_not_enrolled":     {"Kantor ini belum terdaftar di register kabupaten. Daftarkan dulu di Pengaturan → Register kabupaten (atau `wubdesk enrol`).", "This office is not enrolled in the regency register yet. Enrol it first in Pengaturan → Register kabupaten (or `wubdesk enrol`)."},
		"sync_url_invalid":      {"Alamat hub %q tidak sah. Tulis seperti https://hub.pamekasan.go.id:8443.", "The hub address %q is not valid. Write it like https://hub.pamekasan.go.id:8443."},
		"sync_code_missing":     {"Kode pendaftaran wajib diisi: minta kode dari Bagian Perekonomian.", "The enrolment code is required: ask the economic section for one."},
		"sync_pin_invalid":      {"Sidik jari sertifikat %q tidak sah: tulis 64 huruf/angka heksadesimal (SHA-256), titik dua boleh.", "The certificate fingerprint %q is not valid: write 64 hexadecimal characters (SHA-256); colons are allowed."},
		"sync_unreachable":      {"Hub %s tidak dapat dihubungi (%s). Periksa jaringan; data tetap tersimpan di komputer ini dan dikirim nanti.", "The hub %s cannot be reached (%s). Check the network; the data stays on this PC and is sent later."},
		"sync_cert_changed":     {"Sertifikat hub %s berubah: sidik jari %s, padahal yang dipercaya %s. Jangan lanjutkan sebelum Bagian Perekonomian memastikan sertifikat baru; lalu daftar ulang.", "The certificate of hub %s changed: fingerprint %s, but %s is trusted. Do not go on until the economic section confirms the new certificate; then enrol again."},
		"sync_pin_mismatch":     {"Sidik jari sertifikat hub %s adalah %s, bukan %s seperti yang Anda tulis. Periksa alamat dan sidik jari dengan Bagian Perekonomian.", "The hub %s certificate's fingerprint is %s, not %s as you wrote. Check the address and the fingerprint with the economic section."},
		"sync_revoked":          {"Perangkat ini dicabut di hub kabupaten (%s). Minta kode pendaftaran baru ke Bagian Perekonomian lalu daftar ulang; data tetap aman di komputer ini.", "This device was revoked on the regency hub (%s). Ask the economic section for a new enrolment code and enrol again; the data stays safe on this PC."},
		"sync_code_rejected":    {"Kode pendaftaran ditolak hub (%s). Kode hanya berlaku sekali; minta kode baru.", "The hub refused the enrolment code (%s). A code works once only; ask for a new one."},
		"sync_hub_error":        {"Hub menjawab dengan kesalahan (%d): %s.", "The hub answered with an error (%d): %s."},
		"sync_bad_answer":       {"Jawaban hub tidak dapat dibaca (%s). Coba lagi nanti.", "The hub's answer cannot be read (%s). Try again later."},
		"sync_clock_off":        {"Jam komputer ini berbeda %s dengan jam hub. Perbaiki tanggal dan jam Windows; data tetap dikirim.", "This PC's clock is %s off the hub's. Fix the Windows date and time; the data is sent anyway."},
		"sync_agency_mismatch":  {"Hub mendaftarkan kantor ini untuk dinas %s, tetapi register ini milik %s. Minta kode untuk dinas yang benar.", "The hub enrolled this office for agency %s, but this register belongs to %s. Ask for a code for the right agency."},
		"sync_state_never":      {"belum pernah tersinkron", "never synced"},
		"sync_state_ago":        {"tersinkron %s lalu", "synced %s ago"},
		"sync_state_pending":    {"%d perubahan menunggu", "%d changes waiting"},
		"sync_fact":             {"sudah dilatih %s %d", "already trained by %s %d"},
		"sync_fact_registered":  {"sudah terdaftar di %s %d", "already registered with %s %d"},
		"sync_fact_dropped":     {"pernah terdaftar di %s %d (keluar)", "was registered with %s %d (dropped out)"},
		"sync_just_now":         {"baru saja", "just now"},
		"sync_state_now":        {"tersinkron baru saja", "synced just now"},
		"sync_minutes":          {"%d menit", "%d minutes"},
		"sync_hours":            {"%d jam", "%d hours"},
		"sync_days":             {"%d hari", "%d days"},
		"sync_unreachable_hint": {"hub mati atau jaringan terputus", "the hub is down or the network is cut"},
	})
}
