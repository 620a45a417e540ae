package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// Theme choices in Pengaturan. Light is the default: most office PCs run
// Windows in light mode, and the guide's screenshots should look the same.
const (
	themeLight  = "light"
	themeDark   = "dark"
	themeSystem = "system"
	prefTheme   = "theme"
)

var themeChoices = []string{themeLight, themeDark, themeSystem}

// variantTheme is Fyne's default theme with the light/dark variant fixed.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusColor
	}
	return t.Theme.Color(n, t.variant)
}

// focusColor marks the focused button or field plainly (issue 19): Fyne's
// own is a faint tint that cannot be seen on an important (blue) button.
var focusColor = color.NRGBA{R: 0xff, G: 0x98, B: 0x00, A: 0xb0}

// focusTheme is the system theme with that focus colour.
type focusTheme struct{ fyne.Theme }

func (t focusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameFocus {
		return focusColor
	}
	return t.Theme.Color(n, v)
}

// applyTheme sets the app's theme from a choice.
func applyTheme(a fyne.App, choice string) {
	switch choice {
	case themeDark:
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	case themeSystem:
		a.Settings().SetTheme(focusTheme{theme.DefaultTheme()})
	default:
		a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	}
}
