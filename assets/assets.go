// Package assets holds the files WUBDesk ships inside its binary: the
// reference data (wilayah, regency codes, KBLI sections), the translations
// and the icon. It imports only the standard library so every other package
// may use it.
package assets

import "embed"

// Data holds the reference CSVs under data/ (see data/SOURCES.md for their
// origin and licence).
//
//go:embed data/*.csv data/*.md
var Data embed.FS

// I18n holds the translation tables: i18n/id.json and i18n/en.json, plus
// any number of topic files i18n/id/*.json and i18n/en/*.json that are
// merged into them (a key may stand in only one file of a language).
//
//go:embed i18n
var I18n embed.FS

// Icon is the application icon (PNG).
//
//go:embed icon.png
var Icon []byte

// Attribution is the notice the ODbL licence of the wilayah data requires.
const Attribution = "Berisi informasi dari idn-area-data (https://github.com/fityannugroho/idn-area-data), " +
	"tersedia di bawah Open Database License (ODbL) 1.0 (https://opendatacommons.org/licenses/odbl/1-0/). " +
	"Kode wilayah: Kepmendagri No. 300.2.2-2138 Tahun 2025. KBLI 2020: Peraturan BPS No. 2 Tahun 2020."
