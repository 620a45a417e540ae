package wub

func init() {
	addMessages(map[string]msg{
		"kecamatan_missing": {"Kecamatan belum diisi: orang ini tidak terhitung di rekap per kecamatan. Pilih kecamatannya bila diketahui.",
			"No kecamatan: this person is not counted in the per-kecamatan summary. Choose the kecamatan if known."},
		"desa_missing": {"Desa/kelurahan belum diisi. Pilih desanya bila diketahui.",
			"No desa/kelurahan. Choose the desa if known."},
	})
}
