package wub

// Messages of the monthly submission workbook and its consolidation.
func init() {
	addMessages(map[string]msg{
		"period_invalid": {"Bulan laporan %q tidak sah: tulis sebagai TTTT-BB, misalnya 2024-06.",
			"Reporting month %q is not valid: write it as YYYY-MM, e.g. 2024-06."},
		"submission_unreadable": {"Berkas %s bukan buku kerja Excel (.xlsx) yang dapat dibaca: %s.",
			"The file %s is not a readable Excel workbook (.xlsx): %s."},
		"submission_no_meta": {"Berkas %s bukan laporan bulanan WUBDesk (tidak ada lembar Meta). Minta dinas mengekspor laporan dari menu Kirim Laporan.",
			"The file %s is not a WUBDesk monthly submission (no Meta sheet). Ask the agency to export it from Send Report."},
		"submission_meta_invalid": {"Lembar Meta berkas %s tidak lengkap atau rusak (%s). Minta dinas mengirim ulang berkas asli dari WUBDesk.",
			"The Meta sheet of %s is incomplete or damaged (%s). Ask the agency to send the original file from WUBDesk again."},
		"submission_format_newer": {"Berkas %s dibuat oleh WUBDesk yang lebih baru (format %d; aplikasi ini mengenal sampai %d). Perbarui WUBDesk.",
			"The file %s was made by a newer WUBDesk (format %d; this app knows up to %d). Update WUBDesk."},
		"submission_tampered": {"Berkas %s telah diubah setelah diekspor (checksum data tidak cocok). Berkas tidak dihitung; minta dinas mengirim ulang berkas asli dari WUBDesk.",
			"The file %s was changed after export (the data checksum does not match). It is not counted; ask the agency to send the original file from WUBDesk again."},
		"submission_rows_mismatch": {"Berkas %s: lembar %s berisi %d baris, padahal Meta mencatat %d. Berkas tidak dihitung; minta dinas mengirim ulang berkas asli.",
			"The file %s: sheet %s has %d rows but Meta records %d. It is not counted; ask the agency to send the original file again."},
		"submission_header_changed": {"Berkas %s: judul kolom %s lembar %s diubah (%q). Berkas tidak dihitung; minta dinas mengirim ulang berkas asli.",
			"The file %s: the heading of column %s of sheet %s was changed (%q). It is not counted; ask the agency to send the original file again."},
		"submission_same_file": {"Berkas %s sama persis dengan %s; dihitung satu kali saja.",
			"The file %s is identical to %s; it is counted once."},
		"submission_replaced": {"Berkas %s diganti oleh kiriman ulang %s untuk bulan yang sama; hanya kiriman terbaru yang dihitung.",
			"The file %s was replaced by %s, sent again for the same month; only the newest is counted."},
		"submission_superseded": {"Berkas %s tidak dihitung karena laporan bulan berikutnya %s sudah memuat angka kumulatifnya.",
			"The file %s is not counted because the later month's submission %s already holds its cumulative figures."},
		"submission_not_found": {"Berkas %s tidak ditemukan atau tidak dapat dibuka.",
			"The file %s was not found or cannot be opened."},
		"consolidate_no_files": {"Tidak ada berkas laporan yang diberikan. Sebutkan satu atau beberapa berkas .xlsx (atau folder berisi berkas itu).",
			"No submission files were given. Name one or more .xlsx files (or a folder holding them)."},
		"export_agency_no_program": {"%s tidak menjalankan program WUB pada tahun %d; tidak ada laporan untuk bulan itu.",
			"%s does not run the WUB program in %d; there is no submission for that month."},
		"late_day_invalid": {"Batas hari pengiriman %d tidak sah: pilih tanggal 1 sampai 28.",
			"The submission cut-off day %d is not valid: choose 1 to 28."},
	})
}
