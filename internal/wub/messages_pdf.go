package wub

// Messages of the official PDF documents, their letter numbers and the
// office letterhead.
func init() {
	addMessages(map[string]msg{
		"letterhead_email":          {"Alamat e-mail kop surat %q tidak sah. Tulis seperti dinas@pamekasankab.go.id atau kosongkan.", "The letterhead e-mail %q is not valid. Write it like office@example.go.id or leave it empty."},
		"letterhead_classification": {"Kode klasifikasi %q hanya boleh berisi angka dan titik, misalnya 500.3. Kosongkan bila tidak dipakai.", "The classification code %q may hold only digits and dots, e.g. 500.3. Leave it empty if unused."},
		"letterhead_emblem_large":   {"Berkas lambang %s lebih dari %d MB. Pilih gambar yang lebih kecil.", "The emblem file %s is larger than %d MB. Choose a smaller image."},
		"letterhead_emblem_type":    {"Berkas lambang %s bukan gambar PNG atau JPEG. Pilih berkas .png atau .jpg.", "The emblem file %s is not a PNG or JPEG image. Choose a .png or .jpg file."},
		"letter_no_office":          {"Dinas kantor basis data ini belum diatur, sehingga dokumen tidak dapat diberi nomor. Atur dulu di Pengaturan.", "This database's office is not set, so the document cannot be numbered. Set it in Settings first."},
		"letter_kind_unknown":       {"Jenis dokumen %q tidak dikenal. Pilih salah satu: %s.", "Unknown document kind %q. Choose one of: %s."},
		"doc_no_batch":              {"Angkatan dengan nomor %d tidak ada (atau sudah dihapus). Lihat nomor angkatan di layar Angkatan.", "There is no batch number %d (or it was deleted). See the batch number on the Batches screen."},
		"doc_batch_none_trained":    {"Belum ada peserta berstatus Lulus di %s, jadi tidak ada sertifikat yang dibuat. Tandai peserta yang lulus dulu.", "No trainee of %s has passed yet, so no certificate was made. Mark the trainees who passed first."},
		"doc_not_trained":           {"%s belum berstatus Lulus di %s: sertifikat hanya untuk peserta yang lulus.", "%s has not passed in %s: certificates are only for trainees who passed."},
		"doc_not_in_batch":          {"Peserta dengan NIK itu bukan anggota %s.", "The trainee with that NIK is not a member of %s."},
		"doc_nik_unknown":           {"Tidak ada data tentang NIK itu di basis data ini (termasuk data yang sudah dihapus).", "This database holds nothing about that NIK (deleted records included)."},
		"doc_no_round":              {"Belum ada fasilitator dalam putaran kontrak %s tahun %d: tidak ada yang perlu diputuskan.", "The contract round of %s for %d has no facilitators: there is nothing to decide."},
		"doc_workbook_period":       {"Buku kerja %s adalah laporan %s, bukan %s yang diminta.", "The workbook %s is the report for %s, not %s as asked."},
		"doc_workbook_agency":       {"Buku kerja %s adalah laporan %s, sedangkan basis data ini milik %s.", "The workbook %s is the report of %s, but this database belongs to %s."},
	})
}

func init() {
	entityLabels["letterhead"] = [2]string{"Kop surat", "Letterhead"}
	entityLabels["letter_number"] = [2]string{"Nomor surat", "Letter number"}
}

func init() {
	addMessages(map[string]msg{
		"doc_round_undecided":   {"%d fasilitator belum diputuskan: daftar belum lengkap untuk ditandatangani.", "%d facilitators are undecided: the list is not complete for signing."},
		"doc_certificates_left": {"%d anggota angkatan belum berstatus Lulus dan tidak dibuatkan sertifikat.", "%d batch members have not passed and got no certificate."},
	})
}
