package wub

// Messages of the import of office spreadsheets as clerks make them
// (grouped lists, hidden rows, CSV, another office's file).
func init() {
	addMessages(map[string]msg{
		"import_status_unknown": {"Status %q tidak dikenal. Kata yang dikenali: %s.", "Unknown status %q. Understood words: %s."},
		"row_hidden":            {"Baris ini disembunyikan di Excel; tetap diimpor. Periksa apakah memang sengaja disembunyikan.", "This row is hidden in Excel; it is imported all the same. Check whether it was hidden on purpose."},
		"skip_group_title":      {"Judul kelompok (kecamatan, angkatan …)", "Group title (kecamatan, batch …)"},
		"import_group_column":   {"(dari judul kelompok)", "(from the group titles)"},

		"import_hidden_columns":       {"Kolom tersembunyi ikut dibaca: %s.", "Hidden columns are read too: %s."},
		"import_hidden_rows":          {"%d baris tersembunyi di Excel ikut dibaca (baris %s); periksa apakah memang sengaja disembunyikan.", "%d rows hidden in Excel are read too (rows %s); check whether they were hidden on purpose."},
		"import_other_tables":         {"Lembar lain juga berisi tabel peserta: %s. Pilih lembarnya untuk mengimpor, atau Impor semua lembar.", "Other sheets also hold a trainee table: %s. Choose the sheet to import it, or Import all sheets."},
		"import_target_agency":        {"%s menyebut dinas %s, tetapi yang dipilih %s.", "%s names the agency %s, but %s is chosen."},
		"import_target_agency_rows":   {"Kolom Dinas/Instansi menyebut %[2]s pada %[1]d baris, tetapi yang dipilih %[3]s.", "The Dinas/Instansi column names %[2]s in %[1]d rows, but %[3]s is chosen."},
		"import_target_year":          {"%s menyebut tahun %s, tetapi tahun program yang dipilih %s.", "%s names the year %s, but the chosen program year is %s."},
		"import_target_src_title":     {"Judul berkas", "The file's title"},
		"import_target_src_column":    {"Kolom Dinas/Instansi", "The Dinas/Instansi column"},
		"import_target_src_file_name": {"Nama berkas", "The file name"},
	})
}
