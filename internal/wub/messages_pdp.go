package wub

// Messages of personal data protection (UU 27/2022, issue 24): encrypted
// copies, the person's report, correction, erasure, retention, the copy
// log and the breach log.
func init() {
	addMessages(map[string]msg{
		"seal_wrong_key":        {"Kata sandi atau kunci salah: berkas terenkripsi ini tidak dapat dibuka dengannya. Tidak ada yang diubah; coba lagi dengan kata sandi yang benar.", "Wrong passphrase or key: this encrypted file does not open with it. Nothing was changed; try again with the right passphrase."},
		"seal_need_key":         {"Berkas ini terenkripsi. Masukkan kata sandinya (atau atur WUBDESK_PASSPHRASE untuk perintah tanpa jendela).", "This file is encrypted. Enter its passphrase (or set WUBDESK_PASSPHRASE for headless commands)."},
		"seal_damaged":          {"Berkas terenkripsi rusak atau terpotong (%v). Tidak ada yang diubah; pakai salinan lain.", "The encrypted file is damaged or cut short (%v). Nothing was changed; use another copy."},
		"seal_not_sealed":       {"Berkas ini tidak terenkripsi.", "This file is not encrypted."},
		"seal_no_lock":          {"Salinan terenkripsi perlu kata sandi atau kunci publik kantor penerima.", "An encrypted copy needs a passphrase or the receiving office's public key."},
		"seal_bad_public_key":   {"%q bukan kunci publik kantor yang sah (diawali age1...). Salin kunci dari Pengaturan kantor penerima.", "%q is not a valid office public key (it starts with age1...). Copy the key from the receiving office's Settings."},
		"seal_passphrase_short": {"Kata sandi terlalu pendek: paling sedikit %d karakter.", "The passphrase is too short: at least %d characters."},
		"seal_passphrase_twice": {"Kedua kata sandi tidak sama. Ketik ulang keduanya.", "The two passphrases differ. Type both again."},
		"seal_no_office_key":    {"Kantor ini belum punya kunci enkripsi. Buat di Pengaturan → Data pribadi (admin).", "This office has no encryption key yet. Make one in Settings → Personal data (admin)."},
		"seal_plain_admin":      {"Salinan tanpa enkripsi hanya boleh dibuat oleh admin, dan dicatat di log audit.", "Only an admin may make an unencrypted copy, and it is recorded in the audit log."},
		"pdp_reason_required":   {"Tuliskan alasan %s (misalnya permintaan tertulis yang bersangkutan tanggal ...). Alasan dicatat di log audit.", "Write the reason for the %s (e.g. the person's written request of ...). The reason is recorded in the audit log."},
		"pdp_nik_unknown":       {"Tidak ada data tentang NIK %s di basis data ini.", "This database holds nothing about NIK %s."},
		"pdp_already_erased":    {"Data pribadi peserta #%d sudah dihapus pada %s.", "The personal data of trainee #%d was erased on %s."},
		"pdp_retention_years":   {"Masa simpan %q tidak sah: tulis jumlah tahun 1–50.", "Retention %q is not valid: write a number of years, 1–50."},
		"pdp_breach_what":       {"Tuliskan apa yang hilang atau bocor (misalnya flashdisk berisi cadangan tanggal ...).", "Describe what was lost or leaked (e.g. a flash disk holding the backup of ...)."},
		"pdp_breach_unknown":    {"Catatan insiden #%d tidak ada.", "There is no breach record #%d."},
		"pdp_copy_unknown":      {"Catatan salinan #%d tidak ada.", "There is no copy record #%d."},
		"pdp_format":            {"Format keluaran %q tidak dikenal: pakai nama berkas berakhiran .xlsx atau .pdf.", "Unknown output format %q: use a file name ending in .xlsx or .pdf."},
	})
}

func init() {
	entityLabels["access"] = [2]string{"Akses data pribadi", "Personal data access"}
	entityLabels["copy"] = [2]string{"Salinan keluar", "Copy leaving the PC"}
	entityLabels["erasure"] = [2]string{"Penghapusan data pribadi", "Personal data erasure"}
	entityLabels["correction"] = [2]string{"Koreksi data pribadi", "Personal data correction"}
	entityLabels["breach"] = [2]string{"Insiden data pribadi", "Personal data breach"}
}
