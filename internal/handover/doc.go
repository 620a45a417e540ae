// Package handover moves one office's WUB program records to another
// office's database (serah terima, as on 3 January 2023 when DPMPTSP handed
// its program to Diskop UKM dan Naker): the giving office exports a sealed
// package (one .wubho file), the receiving office previews and imports it,
// and both print the berita acara serah terima.
//
// The package format, what its SHA-256 covers and the import rules are in
// docs/HANDOVER.md. The record types, their keys and the import itself are
// the register's (wub.Handovers, implemented by the store: HandoverDump,
// ImportHandover); this package writes, seals, reads and verifies the file
// and writes the berita acara. It is a format: it sees the register only
// through Register (app.App), never the store.
//
// It imports wub, xlsx and excelize; internal/app calls it.
package handover
