// Package pdf writes WUBDesk's official documents as PDF in the regency's
// letter style (tata naskah dinas, Permendagri 1/2023): the kop with the
// emblem the office chose, PEMERINTAH KABUPATEN PAMEKASAN, the office's name,
// address, telephone and e-mail; the letter number; place and date; the
// signer's name, rank and NIP; numbers written 1.234 and Rp1.000.
//
// It is a format package: it turns domain values (wub) into bytes and never
// reads the database. internal/officedoc gathers the values and numbers the
// letters; the window and `wubdesk doc` call that. The font (DejaVu Serif,
// embedded from assets) covers Indonesian text; fpdf (github.com/go-pdf/fpdf,
// pure Go) embeds only the glyphs a document uses.
//
// Imports wub, assets and fpdf. docs/DOCUMENTS.md describes each document.
package pdf
