package wub

// Messages of the spreadsheet import (internal/xlsx, wubdesk import).
func init() {
	addMessages(map[string]msg{
		// The file as a whole.
		"import_open":            {"Berkas %s tidak bisa dibuka. Periksa bahwa berkas itu ada dan tidak sedang dipakai program lain.", "The file %s cannot be opened. Check that it exists and is not in use by another program."},
		"import_xls":             {"Berkas %s berformat Excel lama (.xls). Buka di Excel atau LibreOffice, pilih Simpan Sebagai → Buku Kerja Excel (.xlsx), lalu impor berkas .xlsx itu.", "The file %s is in the old Excel format (.xls). Open it in Excel or LibreOffice, choose Save As → Excel Workbook (.xlsx), then import the .xlsx file."},
		"import_csv":             {"Berkas %s berisi teks, tetapi bukan tabel CSV (kolomnya tidak dipisah titik koma, koma atau tab). Buka di Excel, pilih Simpan Sebagai → Buku Kerja Excel (.xlsx), lalu impor lagi.", "The file %s holds text, but not a CSV table (its columns are not separated by semicolons, commas or tabs). Open it in Excel, choose Save As → Excel Workbook (.xlsx), then import again."},
		"import_ods":             {"Berkas %s berformat OpenDocument (.ods). Buka di LibreOffice atau Excel, simpan sebagai .xlsx, lalu impor lagi.", "The file %s is an OpenDocument spreadsheet (.ods). Open it in LibreOffice or Excel, save it as .xlsx, then import again."},
		"import_encrypted":       {"Berkas %s dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File → Info → Lindungi Buku Kerja → Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu impor lagi.", "The file %s is password-protected. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, clear it), save, then import again."},
		"import_damaged":         {"Berkas %s rusak atau tidak lengkap (%s). Coba buka di Excel; bila bisa, simpan ulang sebagai .xlsx lalu impor lagi. Tidak ada data yang diimpor.", "The file %s is damaged or incomplete (%s). Try opening it in Excel; if it opens, save it again as .xlsx and import again. Nothing was imported."},
		"import_not_workbook":    {"Berkas %s bukan buku kerja Excel (.xlsx). Pilih berkas daftar peserta yang disimpan dari Excel.", "The file %s is not an Excel workbook (.xlsx). Choose the trainee list saved from Excel."},
		"import_too_big":         {"Berkas %s terlalu besar untuk diimpor (%s, batasnya %s). Bagi datanya menjadi beberapa berkas lalu impor satu per satu. Tidak ada data yang diimpor.", "The file %s is too large to import (%s, the limit is %s). Split the data into several files and import them one by one. Nothing was imported."},
		"import_too_many_rows":   {"Lembar %q berisi lebih dari %d baris (termasuk baris kosong yang pernah diformat). Hapus baris-baris kosong di bawah tabel (pilih barisnya, klik kanan → Hapus), simpan, lalu impor lagi. Tidak ada data yang diimpor.", "Sheet %q has more than %d rows (counting formatted empty rows). Delete the empty rows below the table (select them, right-click → Delete), save, then import again. Nothing was imported."},
		"import_cell_too_big":    {"Sel %s di lembar %q berisi %d karakter; satu sel paling banyak %d. Periksa sel itu, simpan, lalu impor lagi. Tidak ada data yang diimpor.", "Cell %s of sheet %q holds %d characters; a cell may hold at most %d. Check that cell, save, then import again. Nothing was imported."},
		"import_no_table":        {"Di berkas %s tidak ditemukan tabel peserta: tidak ada lembar yang dalam %d baris pertamanya punya judul kolom NIK dan Nama.", "No trainee table found in %s: no sheet has a NIK and a name column header in its first %d rows."},
		"import_sheet_unknown":   {"Lembar %q tidak ada di berkas. Lembar yang ada: %s.", "There is no sheet %q in the file. Its sheets: %s."},
		"import_sheet_no_header": {"Lembar %q tidak punya kolom NIK dan kolom Nama yang dikenali. Pilih kolomnya sendiri atau pilih lembar lain.", "Sheet %q has no recognisable NIK and name columns. Choose the columns yourself or pick another sheet."},
		"import_year_missing":    {"Tahun program tidak tertulis di judul berkas. Isi tahun programnya (misalnya --year 2022).", "The program year is not in the file's title rows. Give the program year (e.g. --year 2022)."},
		"import_agency_missing":  {"Dinas pelaksana belum dipilih. Pilih dinasnya (misalnya --agency DISPERINDAG).", "No agency chosen. Choose the agency (e.g. --agency DISPERINDAG)."},
		"import_nothing":         {"Tidak ada baris yang bisa diimpor: semua baris ditolak atau dilewati.", "No row can be imported: every row was rejected or skipped."},
		"import_changed":         {"Data berubah sejak pratinjau (NIK baris %d kini sudah/tidak lagi terdaftar). Tidak ada yang disimpan; buka pratinjau lagi.", "The data changed since the preview (the NIK of row %d is now registered, or no longer is). Nothing was saved; preview again."},
		"import_year_flag":       {"--year harus berupa tahun, misalnya 2022 (tertulis %q).", "--year must be a year such as 2022 (got %q)."},

		// Rows.
		"kk_numeric_cell": {"No. KK tersimpan sebagai angka di Excel dan digit terakhirnya mungkin hilang. Format kolom sebagai Teks lalu ketik ulang.", "The family card number was stored as a number in Excel and may have lost its last digit. Format the column as Text and retype it."},
		"desa_fuzzy":      {"Desa %q dibaca sebagai %s.", "Village %q read as %s."},

		// Skipped rows.
		"skip_blank":          {"Baris kosong", "Blank row"},
		"skip_column_numbers": {"Baris nomor kolom (1, 2, 3, …)", "Row of column numbers (1, 2, 3, …)"},
		"skip_total":          {"Baris jumlah atau sub total", "Total or sub-total row"},
		"skip_after_table":    {"Di bawah tabel (tanda tangan atau catatan)", "Below the table (signature or notes)"},
		"skip_header_repeat":  {"Judul kolom yang diulang", "Repeated column headers"},
		"skip_no_data":        {"Tidak ada NIK dan nama", "No NIK and no name"},

		// Error report.
		"import_reason_header": {"Alasan", "Reason"},
	})
}
