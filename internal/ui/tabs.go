package ui

import "fyne.io/fyne/v2/theme"

// screenDefs lists the screens of the main window in navigation order. Each
// lives in its own file.
func screenDefs() []screenDef {
	return []screenDef{
		{"peserta", "nav.peserta", theme.AccountIcon(), newTraineesScreen},
		{"kuota", "nav.kuota", theme.GridIcon(), newQuotaScreen},
		{"fasilitator", "nav.fasilitator", theme.ContentPasteIcon(), newFacilitatorsScreen},
		{"angkatan", "nav.angkatan", theme.GridIcon(), newBatchesScreen},
		{"kontrak", "nav.kontrak", theme.DocumentIcon(), newContractRoundScreen},
		{"kirim", "nav.kirim", theme.MailSendIcon(), newSubmissionScreen},
		{"konsolidasi", "nav.konsolidasi", theme.GridIcon(), newConsolidateScreen},
		{"impor", "nav.impor", theme.UploadIcon(), newImportScreen},
		{"audit", "nav.audit", theme.HistoryIcon(), newAuditScreen},
		{"wamira", "nav.wamira", theme.StorageIcon(), newWamiraScreen},
		{"pengaturan", "nav.pengaturan", theme.SettingsIcon(), newSettingsScreen},
	}
}
