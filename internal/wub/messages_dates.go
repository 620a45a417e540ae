package wub

import "strings"

// Messages of the count dates: every enrolment's dates are typed, never
// invented (issue 17).
func init() {
	addMessages(map[string]msg{
		"enrolled_on_missing": {"Tanggal daftar belum diisi. Isi tanggal peserta didaftarkan (hh/bb/tttt).",
			"The enrolment date is empty. Fill in the day the trainee was enrolled (dd/mm/yyyy)."},
		"completed_on_missing": {"Status Lulus memerlukan tanggal selesai: isi tanggal pelatihan selesai agar terhitung di bulan yang benar.",
			"Status Completed needs the completion date: fill in the day the training ended so it counts in the right month."},
		"left_on_missing": {"Status Keluar memerlukan tanggal keluar: isi di kolom Tanggal selesai agar terhitung di bulan yang benar.",
			"Status Dropped out needs the date the trainee left: fill it in under Completed on so it counts in the right month."},
		"import_completed_on_offered": {"Status Lulus tanpa tanggal selesai: dipakai tanggal berkas (tanggal berkas terakhir diubah, paling lambat hari ini) sebagai tanggal selesai. Periksa dan ubah di data peserta bila perlu.",
			"Status Completed without a completion date: the file's date (when it was last changed, at the latest today) is used as the completion date. Check it and change it in the trainee's record if needed."},
		"check_undated": {"%d pendaftaran belum lengkap tanggalnya (tidak terhitung di bulan mana pun). Lengkapi di Peserta → Data perlu dilengkapi.",
			"%d enrolments lack a date (they count in no month). Complete them in Trainees → Data to complete."},
		"undated_label": {"Tanggal belum diisi", "Date not filled in"},
	})
}

// VerificationCode is the short form of a submission's data checksum that
// people compare by eye: its first 8 hexadecimal digits in capitals, in two
// groups of four ("800E-C7A1"). The Rekap sheet prints it and the
// consolidation screen shows it beside each received file; the full
// checksum stays in the Meta sheet for machines.
func VerificationCode(sha256Hex string) string {
	s := strings.ToUpper(strings.TrimSpace(sha256Hex))
	if len(s) < 8 {
		return ""
	}
	return s[:4] + "-" + s[4:8]
}

// UndatedEnrolment is one enrolment whose dates are to be completed (data
// to complete): listed in Peserta → Data perlu dilengkapi and by
// `wubdesk check`. Missing is the message code of what it lacks (see
// Enrolment.DateToComplete).
type UndatedEnrolment struct {
	TraineeID    int64  `json:"trainee_id"`
	EnrolmentID  int64  `json:"enrolment_id"`
	Name         string `json:"name"`
	AgencyCode   string `json:"agency_code"`
	Year         int    `json:"year"`
	Status       string `json:"status"`
	Missing      string `json:"missing"`
	BatchName    string `json:"batch,omitempty"`
	BatchEndDate string `json:"batch_end_date,omitempty"` // YYYY-MM-DD: the completion date the form offers
}
