package wub

// Messages of issue 25: damage the quick check misses, files that change
// under the app, full disks, read-only files, text that is not text, and
// sign-in for headless writes.
func init() {
	addMessages(map[string]msg{
		// Emptied files
		"db_emptied": {"Berkas basis data %s kosong atau kepalanya rusak, padahal %s. WUBDesk tidak membuat basis data baru di atasnya: pulihkan cadangan (buka WUBDesk lalu pilih \"Pulihkan cadangan terbaru\", atau `wubdesk restore --db BERKAS --from CADANGAN`).",
			"The database file %s is empty or its header is damaged, although %s. WUBDesk does not start a new database over it: restore a backup (open WUBDesk and choose \"Restore the newest backup\", or `wubdesk restore --db FILE --from BACKUP`)."},
		"db_emptied_backups": {"ada %d cadangan di folder backups", "there are %d backups in the backups folder"},
		"db_emptied_sidecar": {"ada %s di sampingnya", "%s is beside it"},
		"db_nik_twice":       {"%d NIK tercatat lebih dari sekali sebagai peserta aktif (indeks NIK tidak utuh)", "%d NIKs are recorded more than once as live trainees (the NIK index is not intact)"},
		"db_restore_advice": {"Cadangan baik terbaru: %s (%s). Pulihkan dengan `wubdesk restore --db %s --from \"%s\"` atau dari WUBDesk (\"Pulihkan cadangan terbaru\").",
			"The newest good backup: %s (%s). Restore it with `wubdesk restore --db %s --from \"%s\"` or from WUBDesk (\"Restore the newest backup\")."},
		"db_restore_none": {"Tidak ada cadangan baik di folder backups. Pulihkan dari salinan lain (flashdisk) dengan `wubdesk restore --db %s --from BERKAS`.",
			"There is no good backup in the backups folder. Restore another copy (a flash drive) with `wubdesk restore --db %s --from FILE`."},

		// Sign-in for headless writes
		"cli_user_required": {"Kantor ini mewajibkan masuk dengan kata sandi: tambahkan --user NAMA (kata sandi dari %s atau ditanyakan di terminal).",
			"This office requires sign-in: add --user NAME (the password from %s or asked on the terminal)."},
		"cli_password_missing": {"Kata sandi tidak ada: isi %s (tugas terjadwal) atau jalankan perintah ini di terminal.",
			"No password: set %s (scheduled tasks) or run this command in a terminal."},
		"cli_role_denied": {"%s masuk sebagai %s, dan peran itu tidak boleh melakukan ini. Jalankan dengan --user seorang admin (pemulihan) atau operator/admin (impor, data contoh).",
			"%s is signed in as %s, a role that may not do this. Run it with --user of an admin (restore) or an operator/admin (import, demo data)."},

		// Files that change under the app
		"db_gone": {"Berkas basis data %s sudah dihapus atau dipindahkan selagi WUBDesk membukanya: perubahan ini TIDAK disimpan. Tutup WUBDesk, kembalikan berkasnya (atau pulihkan cadangan), lalu buka lagi.",
			"The database file %s was deleted or moved while WUBDesk had it open: this change was NOT saved. Close WUBDesk, put the file back (or restore a backup) and open it again."},
		"db_replaced": {"Berkas basis data %s sudah diganti berkas lain selagi WUBDesk membukanya: perubahan ini TIDAK disimpan. Tutup WUBDesk lalu buka lagi.",
			"The database file %s was replaced by another file while WUBDesk had it open: this change was NOT saved. Close WUBDesk and open it again."},

		// Disks
		"disk_full": {"Disk penuh di %s: tidak ada yang disimpan. Kosongkan ruang (hapus berkas yang tidak perlu, kosongkan Recycle Bin) lalu coba lagi.",
			"The disk is full at %s: nothing was saved. Free some space (delete files you do not need, empty the Recycle Bin) and try again."},
		"disk_low": {"Ruang kosong di %s tidak cukup: perlu sekitar %s, tersisa %s. Tidak ada yang diubah. Kosongkan ruang lalu coba lagi.",
			"Not enough free space at %s: about %s is needed, %s is left. Nothing was changed. Free some space and try again."},
		"disk_readonly": {"Folder atau berkas %s hanya-baca (izin tulis tidak ada, atau flashdisk/CD terkunci): tidak ada yang disimpan. Salin basis data ke folder yang bisa ditulis atau minta izin tulis, lalu buka lagi.",
			"The folder or file %s is read-only (no write permission, or a locked flash drive/CD): nothing was saved. Copy the database to a folder you can write to, or ask for write permission, and open it again."},
		"disk_write": {"Menulis ke %s gagal (kode SQLite %d): ini masalah disk atau flashdisk, bukan kerusakan basis data. Periksa disknya lalu coba lagi.",
			"Writing to %s failed (SQLite code %d): a problem of the disk or flash drive, not damage to the database. Check the disk and try again."},
		"db_readonly_old": {"Berkas %s hanya-baca dan skemanya (%d) lebih lama dari aplikasi (%d): tidak dapat diperbarui. Salin ke folder yang bisa ditulis lalu buka lagi.",
			"The file %s is read-only and its schema (%d) is older than the app's (%d): it cannot be upgraded. Copy it to a folder you can write to and open it again."},
		"cell_not_text": {"Kolom %s berisi byte yang bukan teks (kode halaman lain, sel rusak, atau karakter kendali). Ketik ulang isi sel itu di Excel lalu impor lagi.",
			"Column %s holds bytes that are not text (another code page, a damaged cell, or control characters). Retype the cell in Excel and import again."},
	})
}
