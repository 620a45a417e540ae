package ui

import "fyne.io/fyne/v2/theme"

// screenDefs lists the screens of the main window in navigation order. Each
// lives in its own file.
func screenDefs() []screenDef {
	return []screenDef{
		{"peserta", "nav.peserta", theme.AccountIcon(), newTraineesScreen},
		{"pengaturan", "nav.pengaturan", theme.SettingsIcon(), newSettingsScreen},
	}
}
