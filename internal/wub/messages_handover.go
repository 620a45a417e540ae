package wub

// Messages of the program handover between offices (serah terima).
func init() {
	addMessages(map[string]msg{
		"handover_no_office":      {"Dinas kantor basis data ini belum diatur. Atur dulu di Pengaturan sebelum membuat paket serah terima.", "This database's office is not set. Set it in Settings before making a handover package."},
		"handover_same_agency":    {"Dinas penerima sama dengan dinas pengirim (%s). Pilih dinas lain.", "The receiving agency is the giving agency (%s). Choose another agency."},
		"handover_to_stopped":     {"%s tidak menjalankan program WUB pada tahun %d, jadi tidak dapat menerima serah terima tanggal itu.", "%s does not run the WUB program in %d, so it cannot receive a handover on that date."},
		"handover_date_invalid":   {"Tanggal serah terima %q tidak sah. Tulis sebagai TTTT-BB-HH, misalnya 2023-01-03.", "The handover date %q is not valid. Write it as YYYY-MM-DD, e.g. 2023-01-03."},
		"handover_not_package":    {"Berkas %s bukan paket serah terima WUBDesk atau rusak (%v). Minta paket baru dari kantor pengirim.", "The file %s is not a WUBDesk handover package or is damaged (%v). Ask the giving office for a new package."},
		"handover_no_seal":        {"Paket %s tidak memiliki sidik SHA-256 di akhir berkas: paket dibuka dan disimpan ulang dengan program lain, atau rusak. Minta paket baru dari kantor pengirim.", "The package %s has no SHA-256 seal at its end: it was opened and saved again by another program, or is damaged. Ask the giving office for a new package."},
		"handover_seal_mismatch":  {"Sidik SHA-256 paket %s tidak cocok: ada byte yang berubah sejak paket dibuat (rusak atau diubah). Paket ditolak; minta paket baru dari kantor pengirim.", "The SHA-256 seal of the package %s does not match: bytes changed since it was made (damaged or edited). The package is refused; ask the giving office for a new one."},
		"handover_member_changed": {"Isi %s di dalam paket tidak cocok dengan manifest (SHA-256 berbeda): paket diubah atau rusak. Paket ditolak; minta paket baru dari kantor pengirim.", "The contents of %s in the package do not match the manifest (different SHA-256): the package was edited or is damaged. It is refused; ask the giving office for a new one."},
		"handover_count_mismatch": {"Manifest menyebut %d data %s, tetapi paket berisi %d: paket diubah. Paket ditolak; minta paket baru dari kantor pengirim.", "The manifest says %d %s records, but the package holds %d: it was edited. It is refused; ask the giving office for a new one."},
		"handover_member_missing": {"Bagian %s yang disebut manifest tidak ada di dalam paket: paket tidak utuh. Minta paket baru dari kantor pengirim.", "The part %s named in the manifest is missing from the package. Ask the giving office for a new package."},
		"handover_member_extra":   {"Paket berisi bagian %s yang tidak disebut manifest: paket diubah. Paket ditolak.", "The package holds a part %s that the manifest does not name: it was edited. It is refused."},
		"handover_bad_manifest":   {"Manifest paket tidak terbaca (%v). Paket ditolak.", "The package manifest cannot be read (%v). The package is refused."},
		"handover_bad_row":        {"Data ke-%d dari %s di dalam paket tidak terbaca (%v). Paket ditolak.", "Record %d of %s in the package cannot be read (%v). The package is refused."},
		"handover_version":        {"Paket dibuat dengan format serah terima versi %d; aplikasi ini mengenal sampai versi %d. Perbarui WUBDesk lalu impor lagi.", "The package uses handover format version %d; this app knows up to %d. Update WUBDesk and import again."},
		"handover_schema_newer":   {"Paket dibuat oleh WUBDesk yang lebih baru (skema %d, aplikasi ini %d). Perbarui WUBDesk lalu impor lagi.", "The package was made by a newer WUBDesk (schema %d, this app %d). Update WUBDesk and import again."},
		"handover_already":        {"Paket ini sudah diimpor pada %s oleh %s. Tidak ada yang diubah.", "This package was already imported on %s by %s. Nothing was changed."},
		"handover_wrong_office":   {"Paket ini untuk %s, sedangkan basis data ini milik %s. Buka basis data kantor penerima lalu impor lagi.", "This package is for %s, but this database belongs to %s. Open the receiving office's database and import again."},
		"handover_broken":         {"Paket tidak utuh: %s merujuk data yang tidak ada di dalam paket. Paket ditolak.", "The package is incomplete: %s refers to a record that is not in the package. It is refused."},
		"handover_unknown_agency": {"Paket menyebut dinas %q yang tidak dikenal basis data ini dan tidak ada dalam konfigurasi dinas paket.", "The package names an agency %q that this database does not know and that the package's agency configuration lacks."},

		// Conflict notes and agency changes shown in the preview
		"handover_clash":         {"tidak ditambahkan: bertabrakan dengan data yang sudah ada (%v)", "not added: clashes with an existing record (%v)"},
		"handover_ref_missing":   {"tidak ditambahkan: %s yang dirujuk tidak ikut ditambahkan", "not added: the %s it refers to was not added"},
		"handover_batch_renamed": {"nama angkatan sudah dipakai untuk angkatan lain: ditambahkan sebagai %q", "the batch name is taken by another batch: added as %q"},
		"handover_agency_added":  {"dinas %s ditambahkan (%d–%s)", "agency %s added (%d–%s)"},
		"handover_name_added":    {"nama baru berlaku %s: %s (%s)", "new name from %s: %s (%s)"},
		"handover_name_differs":  {"nama berlaku %s berbeda: di sini %q, di paket %q (yang di sini dipertahankan)", "the name from %s differs: here %q, in the package %q (this one is kept)"},
		"handover_last_year":     {"tahun terakhir menjalankan program: %s (sebelumnya %s)", "last program year: %s (was %s)"},
		"handover_years_differ":  {"tahun program berbeda: di sini %d–%s, di paket %d–%s (yang di sini dipertahankan)", "program years differ: here %d–%s, in the package %d–%s (this one is kept)"},
	})
}
