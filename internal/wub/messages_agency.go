package wub

// Messages of the agency history (Pengaturan → Dinas, `wubdesk agency`).
func init() {
	addMessages(map[string]msg{
		"agency_change_kind":         {"Perubahan dinas %q tidak dikenal (add, rename atau end).", "Unknown agency change %q (add, rename or end)."},
		"agency_code_invalid":        {"Kode dinas %q tidak sah: tulis 2–16 huruf besar atau angka, diawali huruf, misalnya DISKOMINFO. Kode tidak dapat diubah kemudian.", "The agency code %q is not valid: write 2–16 capital letters or digits starting with a letter, e.g. DISKOMINFO. A code cannot be changed later."},
		"agency_exists":              {"Dinas dengan kode %s sudah ada. Untuk nama baru, pakai Ganti nama.", "An agency with code %s already exists. For a new name use Rename."},
		"agency_name_missing":        {"Nama dinas wajib diisi.", "The agency name is required."},
		"agency_from_missing":        {"Tanggal mulai berlakunya nama wajib diisi (TTTT-BB-HH, misalnya 2025-01-01).", "The date the name is valid from is required (YYYY-MM-DD, e.g. 2025-01-01)."},
		"agency_from_invalid":        {"Tanggal berlaku %q tidak sah. Tulis sebagai TTTT-BB-HH, misalnya 2025-01-01.", "The date %q is not valid. Write it as YYYY-MM-DD, e.g. 2025-01-01."},
		"agency_from_early":          {"Tanggal berlaku %s sebelum program WUB dimulai (%d).", "The date %s is before the WUB program started (%d)."},
		"agency_rename_before_first": {"Nama baru %s berlaku %s, sebelum nama pertamanya (%s). Pilih tanggal sesudahnya.", "The new name of %s starts %s, before its first name (%s). Choose a later date."},
		"agency_name_same_day":       {"%s sudah punya nama yang berlaku %s (%s). Satu tanggal hanya untuk satu nama.", "%s already has a name from %s (%s). One date holds one name."},
		"agency_rename_after_end":    {"%s tidak lagi menjalankan program sesudah %[3]d; nama yang berlaku %[2]s tidak akan dipakai. Buka lagi dinasnya dulu bila memang masih berjalan.", "%s no longer runs the program after %[3]d; a name from %[2]s would never be used. Reopen the agency first if it still runs."},
		"agency_name_unchanged":      {"%s sudah bernama %q pada %s. Tidak ada yang diubah.", "%s is already named %q on %s. Nothing was changed."},
		"agency_name_taken":          {"Nama %q dipakai dinas %s (sejak %s) pada masa yang sama. Dua dinas tidak boleh bernama sama dalam satu masa.", "The name %q is used by agency %s (since %s) in the same period. Two agencies may not share a name at the same time."},
		"agency_end_before_first":    {"%s mulai menjalankan program tahun %[3]d; tahun terakhir %[2]d lebih awal dari itu.", "%s started running the program in %[3]d; a last year of %[2]d is before that."},
		"agency_end_orphans":         {"%s masih punya %d %s pada tahun %d (sesudah tahun terakhir %d). Pindahkan atau hapus dulu, atau pilih tahun terakhir %d.", "%s still has %d %s in %d (after the last year %d). Move or delete them first, or choose a last year of %d."},
		"agency_choose":              {"Pilih dinasnya.", "Choose the agency."},
		"agency_year_invalid":        {"Tahun terakhir %q tidak sah: tulis tahun empat angka (misalnya 2024), atau 0 bila dinas masih berjalan.", "The last year %q is not valid: write a four-digit year (e.g. 2024), or 0 while the agency still runs."},
		"agency_did_add":             {"dinas %s ditambahkan: %s, berlaku %s", "agency %s added: %s, from %s"},
		"agency_did_rename":          {"%s berganti nama menjadi %s mulai %s", "%s renamed %s from %s"},
		"agency_did_end":             {"%s menjalankan program sampai tahun %d", "%s runs the program until %d"},
		"agency_did_reopen":          {"%s kembali menjalankan program", "%s runs the program again"},
		"agency_rec_enrolments":      {"pendaftaran peserta", "enrolments"},
		"agency_rec_batches":         {"angkatan", "batches"},
		"agency_rec_contracts":       {"kontrak pendamping", "facilitator contracts"},
		"agency_rec_quotas":          {"kuota", "quotas"},
	})
}
