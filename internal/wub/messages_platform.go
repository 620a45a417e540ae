package wub

func init() {
	addMessages(map[string]msg{
		"db_synced_folder": {
			"Basis data ada di folder yang disinkronkan %s (%s). Program sinkronisasi dapat merusak berkas basis data yang sedang terbuka. Pindahkan basis data ke folder di luar %s, misalnya C:\\WUBDesk\\Data atau flashdisk, dan simpan cadangan secara rutin.",
			"The database is in a folder synced by %s (%s). Sync programs can corrupt a database file while it is open. Move the database to a folder outside %s, e.g. C:\\WUBDesk\\Data or a flash drive, and keep regular backups.",
		},
	})
}
