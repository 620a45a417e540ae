package wub

// Messages of backups, restore, start-up checks, sign-in and users.
func init() {
	addMessages(map[string]msg{
		// Files and backups
		"db_missing":         {"Berkas basis data %s tidak ada.", "The database file %s does not exist."},
		"db_empty_file":      {"berkas kosong (0 byte)", "the file is empty (0 bytes)"},
		"db_bad_header":      {"kepala berkas tidak terbaca sebagai basis data WUBDesk", "the file header does not read as a WUBDesk database"},
		"db_corrupt_detail":  {"isi berkas tidak utuh (%s)", "the file's contents are not intact (%s)"},
		"db_check_findings":  {"pemeriksaan menemukan %d kerusakan; yang pertama: %s", "the check found %d faults; the first: %s"},
		"backup_same_file":   {"Cadangan tidak boleh ditulis ke berkas basis data itu sendiri. Pilih nama atau folder lain.", "A backup cannot be written over the database itself. Choose another name or folder."},
		"backup_failed":      {"Cadangan %s gagal dibuat: %v. Periksa ruang kosong dan izin tulis folder tujuan.", "Backup %s could not be made: %v. Check the free space and write permission of the folder."},
		"restore_bad_source": {"Berkas %s tidak dapat dipulihkan: %v. Basis data saat ini tidak diubah.", "The file %s cannot be restored: %v. The current database was not changed."},
		"restore_failed":     {"Pemulihan gagal: %v. Basis data saat ini tidak diubah.", "Restore failed: %v. The current database was not changed."},

		"check_schema_older": {"Skema berkas %d lebih lama dari %d: akan diperbarui saat dibuka (dengan cadangan lebih dulu).", "The file's schema %d is older than %d: it is upgraded when opened (after a backup)."},
		"check_no_backup":    {"Belum ada cadangan di folder backups di samping berkas ini.", "There is no backup yet in the backups folder beside this file."},
		"check_backup_old":   {"Cadangan terbaru sudah %d hari yang lalu.", "The newest backup is %d days old."},

		// Sign-in and users
		"auth_failed":       {"Nama pengguna atau kata sandi salah.", "Wrong user name or password."},
		"auth_paused":       {"Terlalu banyak percobaan gagal. Coba lagi dalam %d detik.", "Too many failed attempts. Try again in %d seconds."},
		"auth_inactive":     {"Akun %s dinonaktifkan. Hubungi admin kantor.", "The account %s is disabled. Ask the office admin."},
		"auth_no_admin":     {"Buat dulu paling sedikit satu admin aktif sebelum mewajibkan masuk dengan kata sandi.", "Create at least one active admin before requiring sign-in."},
		"auth_last_admin":   {"%s adalah admin aktif terakhir: tidak boleh dinonaktifkan atau diganti perannya selama masuk dengan kata sandi diwajibkan.", "%s is the last active admin: it cannot be disabled or given another role while sign-in is required."},
		"user_name_invalid": {"Nama pengguna %q tidak sah: 3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung, tanpa spasi.", "User name %q is not valid: 3–32 lower-case letters, digits, dots, underscores or hyphens, no spaces."},
		"user_exists":       {"Nama pengguna %s sudah dipakai.", "The user name %s is already taken."},
		"password_short":    {"Kata sandi terlalu pendek: paling sedikit %d karakter.", "The password is too short: at least %d characters."},
		"role_denied":       {"Peran Anda (%s) tidak boleh melakukan ini; yang boleh: %s. Minta orang dengan peran itu, atau minta admin mengubah peran Anda.", "Your role (%s) may not do this; who may: %s. Ask someone with that role, or ask the admin to change your role."},
		"role_invalid":      {"Peran %q tidak dikenal. Pilih operator, kepala atau admin.", "Unknown role %q. Choose operator, kepala or admin."},
	})
}
