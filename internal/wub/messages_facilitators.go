package wub

func init() {
	addMessages(map[string]msg{
		// Facilitators
		"facilitator_nik_registered":        {"NIK sudah terdaftar sebagai fasilitator: %s.", "NIK already registered as a facilitator: %s."},
		"facilitator_role_invalid":          {"Peran %q tidak dikenal. Pilih Fasilitator atau Koordinator.", "Unknown role %q. Choose Facilitator or Coordinator."},
		"facilitator_status_invalid":        {"Status fasilitator %q tidak dikenal. Pilih Aktif, Berhenti atau Diganti.", "Unknown facilitator status %q. Choose Active, Stopped or Replaced."},
		"facilitator_status_date_missing":   {"Isi tanggal mulai status %s.", "Enter the date the status %s began."},
		"facilitator_status_date_future":    {"Tanggal status %s ada di masa depan.", "The status date %s is in the future."},
		"facilitator_status_reason_missing": {"Alasan perubahan status sebaiknya diisi.", "The reason for the status change should be given."},

		// Contracts
		"contract_facilitator_missing": {"Pilih fasilitatornya.", "Choose the facilitator."},
		"contract_start_missing":       {"Tanggal mulai kontrak wajib diisi.", "The contract start date is required."},
		"contract_end_missing":         {"Tanggal selesai kontrak wajib diisi.", "The contract end date is required."},
		"contract_start_other_year":    {"Tanggal mulai kontrak %s tidak berada di tahun %d.", "The contract start date %s is not in %d."},
		"contract_end_other_year":      {"Tanggal selesai kontrak %s melewati tahun %d.", "The contract end date %s is past %d."},
		"contract_amount_negative":     {"Angka tidak boleh negatif.", "The number cannot be negative."},
		"contract_overlap":             {"Kontrak ini bertabrakan dengan kontrak %s yang sudah ada untuk %s tahun %d (%s s.d. %s). Satu fasilitator hanya boleh punya satu kontrak pada waktu yang sama dengan dinas yang sama: ubah tanggalnya atau sunting kontrak yang sudah ada.", "This contract overlaps the existing contract %s with %s for %d (%s to %s). A facilitator can have only one contract at a time with the same agency: change the dates or edit the existing contract."},
		"contract_other_agency":        {"Pada waktu yang sama fasilitator ini juga berkontrak dengan %s (%s s.d. %s).", "At the same time this facilitator also has a contract with %s (%s to %s)."},
		"contract_no_number":           {"(tanpa nomor)", "(no number)"},
		"number_invalid":               {"%q bukan bilangan bulat.", "%q is not a whole number."},
		"rupiah_invalid":               {"%q bukan jumlah rupiah; tulis misalnya 2.500.000.", "%q is not an amount in rupiah; write e.g. 2.500.000."},

		// Mentoring and monthly reports
		"mentoring_trainee_missing": {"Pilih peserta yang didampingi.", "Choose the trainee who was visited."},
		"mentoring_date_missing":    {"Tanggal pendampingan wajib diisi.", "The date of the visit is required."},
		"mentoring_date_future":     {"Tanggal pendampingan %s ada di masa depan.", "The visit date %s is in the future."},
		"business_state_invalid":    {"Keadaan usaha %q tidak dikenal. Pilih Belum mulai, Sudah berjalan atau Berhenti.", "Unknown business state %q. Choose Not started, Running or Stopped."},
		"report_month_invalid":      {"Bulan laporan %q tidak sah; tulis sebagai tttt-bb, misalnya 2023-04.", "The report month %q is not valid; write it as yyyy-mm, e.g. 2023-04."},
		"report_submitted_missing":  {"Tanggal laporan diserahkan wajib diisi.", "The date the report was submitted is required."},
		"report_submitted_future":   {"Tanggal diserahkan %s ada di masa depan.", "The submission date %s is in the future."},
		"report_submitted_early":    {"Tanggal diserahkan %s sebelum bulan %s dimulai.", "The submission date %s is before %s began."},
		"report_duplicate":          {"Laporan bulan %s untuk %s sudah ada; sunting laporan itu.", "The %s report of %s already exists; edit that report."},

		// Batches
		"batch_move_other_year": {"%s tidak dapat dipindah ke angkatan %s: peserta hanya dapat dipindah antarangkatan dari dinas dan tahun yang sama. Keluarkan dulu, lalu daftarkan ke angkatan tujuan.", "%s cannot be moved to batch %s: trainees move only between batches of the same agency and year. Remove them first, then enrol them in the other batch."},
		"batch_not_member":      {"%s tidak terdaftar di angkatan ini.", "%s is not enrolled in this batch."},
		"batch_has_members":     {"Angkatan %s masih berisi %d peserta; keluarkan atau pindahkan mereka dulu.", "Batch %s still has %d trainees; remove or move them first."},

		// Contract round
		"decision_invalid":   {"Keputusan %q tidak dikenal.", "Unknown decision %q."},
		"round_no_renewals":  {"Belum ada fasilitator yang diputuskan diperpanjang untuk tahun %d.", "No facilitator has been marked for renewal for %d."},
		"round_not_in_round": {"%s tidak punya kontrak dengan dinas ini pada tahun %d.", "%s had no contract with this agency in %d."},
	})
}
