package wub

func init() {
	addMessages(map[string]msg{
		"demo_not_empty": {"Basis data ini sudah berisi %s peserta. Data demo hanya dibuat di basis data yang masih kosong.", "This database already holds %s trainees. Demo data is only generated into an empty database."},
	})
}
