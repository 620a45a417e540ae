package wub

func init() {
	addMessages(map[string]msg{
		// Stage dates
		"stage_date_missing":         {"Tanggal wajib diisi.", "A date is required."},
		"stage_not_trained":          {"Peserta ini belum lulus pelatihan. Catat dulu kelulusannya (status Lulus dan tanggal selesai) di data peserta.", "This trainee has not completed a training. Record the completion (status Completed and its date) in the trainee's data first."},
		"stage_date_future":          {"Tanggal %s ada di masa depan.", "The date %s is in the future."},
		"stage_before_training":      {"Tanggal %s sebelum peserta lulus pelatihan (%s). Periksa tanggalnya: tahap setelah pelatihan tidak boleh lebih awal.", "The date %s is before the trainee completed the training (%s). Check it: a stage after the training cannot be earlier."},
		"stage_before_training_year": {"Tanggal %s sebelum tahun pelatihan peserta (%d). Periksa tanggalnya.", "The date %s is before the trainee's training year (%d). Check it."},

		// Business, licences, marketing, capital
		"business_name_missing":  {"Nama usaha wajib diisi.", "The business name is required."},
		"business_required":      {"Catat dulu usaha peserta ini (tombol Catat usaha); izin, pemasaran dan modal selalu milik sebuah usaha.", "Record this trainee's business first (Record business); licences, marketing and capital belong to a business."},
		"turnover_unknown":       {"Kelompok omzet %q tidak dikenal.", "Unknown turnover band %q."},
		"workers_invalid":        {"Jumlah pekerja %d tidak wajar (0 sampai %d).", "%d workers is not plausible (0 to %d)."},
		"licence_kind_unknown":   {"Jenis izin %q tidak dikenal. Pilih NIB, P-IRT, Halal atau HAKI/Merek.", "Unknown licence kind %q. Choose NIB, P-IRT, Halal or IP/Brand."},
		"licence_number_missing": {"Nomor izin wajib diisi, seperti tertulis di dokumennya.", "The licence number is required, as written on the document."},
		"nib_format":             {"NIB %q biasanya 13 angka; periksa kembali di OSS.", "A NIB is usually 13 digits (%q); check it in OSS."},
		"channel_kind_unknown":   {"Saluran pemasaran %q tidak dikenal.", "Unknown marketing channel %q."},
		"capital_source_unknown": {"Sumber modal %q tidak dikenal.", "Unknown capital source %q."},
		"amount_missing":         {"Jumlah (Rp) wajib diisi dan lebih dari 0.", "The amount (Rp) is required and must be more than 0."},
		"amount_too_large":       {"Jumlah %s terlalu besar untuk usaha mikro; periksa jumlah nolnya.", "The amount %s is too large for a micro business; check the zeros."},
		"amount_invalid":         {"Jumlah %q tidak terbaca. Tulis angka saja, misalnya 15000 atau 15.000.", "The amount %q cannot be read. Write digits only, e.g. 15000 or 15.000."},
		"timeline_workers":       {"%d pekerja", "%d workers"},
		"timeline_from_visit":    {"dari kunjungan pendampingan", "from a mentoring visit"},
		"timeline_withdrawn":     {"ditarik %s", "withdrawn %s"},
		"visit_not_started":      {"Kunjungan pendampingan: usaha belum mulai", "Mentoring visit: business not started"},
		"visit_running":          {"Kunjungan pendampingan: usaha sudah berjalan", "Mentoring visit: business running"},
		"visit_stopped":          {"Kunjungan pendampingan: usaha berhenti", "Mentoring visit: business stopped"},

		// Wamira Mart
		"outlet_name_missing":      {"Nama outlet wajib diisi.", "The outlet name is required."},
		"outlet_kecamatan_missing": {"Kecamatan outlet wajib dipilih.", "The outlet's kecamatan is required."},
		"outlet_opened_missing":    {"Tanggal buka outlet wajib diisi.", "The outlet's opening date is required."},
		"outlet_closed":            {"Outlet %s sudah tutup sejak %s; produk baru tidak dapat ditambahkan.", "Outlet %s has been closed since %s; no new products can be listed."},
		"outlet_already_closed":    {"Outlet %s sudah tutup sejak %s.", "Outlet %s is already closed since %s."},
		"listing_before_outlet":    {"Tanggal %s di luar masa buka outlet %s (buka sejak %s).", "The date %s is outside the open period of outlet %s (open since %s)."},
		"withdrawn_after_close":    {"Tanggal tarik %s sesudah outlet %s tutup (%s).", "The withdrawal date %s is after outlet %s closed (%s)."},
		"listing_duplicate":        {"Produk ini sudah dipajang di outlet %s sejak %s.", "This product is already on the shelf of outlet %s since %s."},
		"listing_withdrawn":        {"Produk ini sudah ditarik dari outlet pada %s.", "This product was already withdrawn from the outlet on %s."},
		"outlet_duplicate":         {"Sudah ada outlet bernama %s.", "There is already an outlet named %s."},
		"listing_product_missing":  {"Pilih produk yang dipajang; bila belum ada, catat dulu produknya (tombol Produk).", "Choose the product to list; if there is none yet, record it first (Product)."},
		"listing_outlet_missing":   {"Pilih outlet Wamira Mart yang masih buka.", "Choose a Wamira Mart outlet that is still open."},
		"product_name_missing":     {"Nama produk wajib diisi.", "The product name is required."},
		"price_missing":            {"Harga belum diisi; daftar untuk toko akan menampilkan Rp0.", "No price yet; the shop's list will show Rp0."},
		"price_invalid":            {"Harga %s tidak wajar; periksa jumlah nolnya.", "The price %s is not plausible; check the zeros."},
		"cert_status_unknown":      {"Status sertifikat %q tidak dikenal.", "Unknown certificate status %q."},
	})
}
