package ui

import "fyne.io/fyne/v2/theme"

// screenDefs lists the screens of the main window in navigation order. Each
// lives in its own file.
func screenDefs() []screenDef {
	return []screenDef{
		{"peserta", "nav.peserta", theme.AccountIcon(), newTraineesScreen},
		{"angkatan", "nav.angkatan", theme.ListIcon(), newBatchesScreen},
		{"fasilitator", "nav.fasilitator", theme.ContentPasteIcon(), newFacilitatorsScreen},
		{"kontrak", "nav.kontrak", theme.DocumentIcon(), newContractRoundScreen},
		{"kuota", "nav.kuota", theme.HomeIcon(), newQuotaScreen},
		{"hasil", "nav.hasil", theme.ConfirmIcon(), newOutcomesScreen},
		{"wamira", "nav.wamira", theme.StorageIcon(), newWamiraScreen},
		{"impor", "nav.impor", theme.UploadIcon(), newImportScreen},
		{"ganda", "nav.ganda", theme.ContentCopyIcon(), newDupesScreen},
		{"kirim", "nav.kirim", theme.MailSendIcon(), newSubmissionScreen},
		{"konsolidasi", "nav.konsolidasi", theme.GridIcon(), newConsolidateScreen},
		{"audit", "nav.audit", theme.HistoryIcon(), newAuditScreen},
		{"serah_terima", "nav.serah_terima", theme.MailForwardIcon(), newHandoverScreen},
		{"pengaturan", "nav.pengaturan", theme.SettingsIcon(), newSettingsScreen},
	}
}
