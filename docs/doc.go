// Package docs embeds the user guide so that Bantuan → Panduan shows it
// inside the window, in the chosen language: PANDUAN.md (Indonesian, the
// reference) and GUIDE.md (English). It imports nothing.
package docs

import _ "embed"

// Panduan is docs/PANDUAN.md, the Indonesian guide.
//
//go:embed PANDUAN.md
var Panduan string

// Guide is docs/GUIDE.md, the English guide.
//
//go:embed GUIDE.md
var Guide string
