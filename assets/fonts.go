package assets

import _ "embed"

// The PDF documents (internal/pdf) are set in DejaVu Serif, which covers
// Indonesian text and every character WUBDesk prints; fpdf embeds only the
// glyphs a document uses. Source and licence: fonts/README.md.
var (
	//go:embed fonts/DejaVuSerif.ttf
	FontSerif []byte
	//go:embed fonts/DejaVuSerif-Bold.ttf
	FontSerifBold []byte
	//go:embed fonts/LICENSE-DejaVu.txt
	FontLicence string
)

// FontAttribution is the notice the Bitstream Vera licence of the DejaVu
// fonts asks for; the About screen shows it and the Windows notice carries it.
const FontAttribution = "Dokumen PDF memakai huruf DejaVu Serif (https://dejavu-fonts.github.io/): " +
	"Copyright (c) 2003 Bitstream, Inc. Bitstream Vera is a trademark of Bitstream, Inc.; " +
	"perubahan DejaVu berstatus domain publik; lisensi Bitstream Vera (lihat assets/fonts/LICENSE-DejaVu.txt)."
