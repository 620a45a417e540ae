package wub

func init() {
	addMessages(map[string]msg{
		"target_invalid":        {"Target program harus lebih dari 0 (tertulis %d).", "The program target must be more than 0 (got %d)."},
		"target_period_invalid": {"Periode target %d–%d tidak sah: tahun akhir harus sama atau sesudah tahun awal, paling lambat 2100.", "Target period %d–%d is not valid: the end year must not be before the start year, and at most 2100."},
		"window_invalid":        {"Bulan pelatihan %d–%d tidak sah: pilih bulan awal dan akhir antara 1 dan 12, akhir tidak sebelum awal.", "Training months %d–%d are not valid: choose a first and last month between 1 and 12, the last not before the first."},
		"quota_negative":        {"Kuota tidak boleh negatif (tertulis %d).", "A quota cannot be negative (got %d)."},
		"quota_duplicate":       {"Kuota %s tahun %d diisi dua kali.", "The quota of %s for %d is given twice."},
		"opening_negative":      {"Saldo awal tidak boleh negatif (tertulis %d).", "An opening balance cannot be negative (got %d)."},
		"opening_note_missing":  {"Tulis sumber angka saldo awal ini, misalnya \"Laporan tahunan Disperindag 2022\".", "Say where this opening balance comes from, e.g. \"Disperindag annual report 2022\"."},
		"tally_mismatch":        {"Rekap dasbor tidak cocok dengan hitungan ulang (%s). Jalankan hitung ulang rekap.", "The dashboard totals do not match a full recount (%s). Run the recount."},
	})
}
