package wub

// Messages of the review and lock of each agency's month (issue 22).
func init() {
	addMessages(map[string]msg{
		"month_locked": {"Bulan %[1]s (%[2]s) sudah diterima Bagian Perekonomian dan dikunci: perubahan ini akan mengubah angkanya. Perubahan yang tidak mengubah angka (mis. nomor HP) tetap boleh. Bila perlu diubah, minta buka kembali di Kirim Laporan.",
			"%[1]s (%[2]s) has been accepted by the economic section and is locked: this change would alter its figures. Changes that do not alter figures (e.g. a phone number) are still allowed. If it must change, ask for reopening (minta buka kembali) in Kirim Laporan."},
		"month_state_not_sent": {"Belum dikirim", "Not sent"},
		"month_state_sent":     {"Terkirim, menunggu pemeriksaan", "Sent, awaiting review"},
		"month_state_returned": {"Dikembalikan untuk diperbaiki", "Returned for correction"},
		"month_state_accepted": {"Diterima (dikunci)", "Accepted (locked)"},
		"month_state_reopened": {"Dibuka kembali: kirim ulang", "Reopened: send again"},
		"month_state_queued":   {"Menunggu dikirim ke register kabupaten", "Waiting to be sent to the regency register"},
		"send_not_enrolled": {"Kantor ini belum terdaftar di register kabupaten. Daftarkan di Pengaturan → Register kabupaten, atau kirim buku kerja seperti biasa.",
			"This office is not enrolled with the regency register. Enrol it in Settings → Regency register, or send the workbook as before."},
		"send_queued": {"Laporan %s antre untuk register kabupaten; akan dikirim saat hub dapat dihubungi (%s).",
			"The %s report is queued for the regency register; it will be sent when the hub can be reached (%s)."},
		"send_accepted_already": {"Laporan %s sudah diterima dan dikunci; tidak dikirim ulang. Minta buka kembali bila perlu diubah.",
			"The %s report has been accepted and is locked; it is not sent again. Ask for reopening if it must change."},
		"send_hub_failed": {"Register kabupaten tidak dapat dihubungi: %s", "The regency register could not be reached: %s"},
		"reopen_ask_not_locked": {"Bulan %s belum diterima, jadi tidak perlu dibuka kembali.",
			"%s has not been accepted, so it need not be reopened."},
		"reopen_reason_required": {"Alasan wajib diisi: tulis mengapa bulan ini perlu dibuka kembali.",
			"A reason is required: write why this month must be reopened."},
		"review_note_required": {"Catatan wajib diisi untuk mengembalikan laporan: tulis apa yang harus diperbaiki dinas.",
			"A note is required to return a report: write what the agency must correct."},
		"review_not_sent": {"Laporan %s %s belum dikirim (status: %s): tidak ada yang bisa diperiksa.",
			"The %s report for %s has not been sent (state: %s): there is nothing to review."},
		"review_conflict": {"Laporan %s %s baru saja diputuskan oleh %s (%s). Muat ulang dan periksa lagi.",
			"The %s report for %s was just decided by %s (%s). Reload and look again."},
		"reopen_not_accepted": {"Laporan %s %s belum diterima (status: %s): hanya bulan yang diterima yang dapat dibuka kembali.",
			"The %s report for %s has not been accepted (state: %s): only an accepted month can be reopened."},
		"hub_role_denied": {"Peran %s tidak boleh melakukan ini; perlu peran %s.", "Role %s may not do this; it needs role %s."},
	})
}

func init() {
	addMessages(map[string]msg{
		"send_no_office": {"Dinas kantor ini belum diisi. Isi di Pengaturan → Kantor.", "This office's agency is not set. Fill it in under Settings → Office."},
	})
}

func init() {
	addMessages(map[string]msg{
		"hub_month_invalid":    {"Bulan %q tidak sah: tulis TTTT-BB, mis. 2026-03.", "The month %q is not valid: write YYYY-MM, e.g. 2026-03."},
		"hub_deadline_invalid": {"Batas kirim %d tidak sah: pilih tanggal 1–28 bulan berikutnya.", "Deadline %d is not valid: choose a day 1–28 of the next month."},
	})
}
