package wub

func init() {
	addMessages(map[string]msg{
		"batch_name_missing": {"Nama angkatan wajib diisi, misalnya \"Angkatan 1\".", "The batch name is required, e.g. \"Angkatan 1\"."},
		"batch_duplicate":    {"%s tahun %d sudah punya angkatan bernama %q.", "%s (%d) already has a batch named %q."},
	})
}
