package wub

// Messages of issue 25: damage the quick check misses, files that change
// under the app, full disks, read-only files, text that is not text, and
// sign-in for headless writes.
func init() {
	addMessages(map[string]msg{
		"cell_not_text": {"Kolom %s berisi byte yang bukan teks (kode halaman lain, sel rusak, atau karakter kendali). Ketik ulang isi sel itu di Excel lalu impor lagi.",
			"Column %s holds bytes that are not text (another code page, a damaged cell, or control characters). Retype the cell in Excel and import again."},
	})
}
