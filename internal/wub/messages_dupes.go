package wub

func init() {
	addMessages(map[string]msg{
		"merge_same":          {"Tidak bisa menggabungkan data dengan dirinya sendiri.", "A record cannot be merged with itself."},
		"merge_not_live":      {"Data %s sudah dihapus atau digabung; muat ulang daftar kemungkinan ganda.", "The record %s was deleted or merged already; reload the list of likely duplicates."},
		"merge_nik_choice":    {"NIK yang disimpan harus salah satu dari kedua NIK (%s atau %s).", "The kept NIK must be one of the two NIKs (%s or %s)."},
		"merge_undone":        {"Penggabungan ini sudah dibatalkan.", "This merge has been undone already."},
		"merge_undo_changed":  {"Penggabungan tidak bisa dibatalkan: data %s sudah diubah sesudahnya (%s). Perbaiki data itu dulu, lalu coba lagi.", "The merge cannot be undone: the record %s was changed afterwards (%s). Correct that record first, then try again."},
		"dup_dismiss_invalid": {"Pasangan ini tidak bisa ditandai: pilih dua data yang berbeda.", "This pair cannot be marked: choose two different records."},
	})
}
