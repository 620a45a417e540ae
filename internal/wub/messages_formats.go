package wub

// Messages of the formats (issue 20): the submission read through the
// import's streaming reader and its limits.
func init() {
	addMessages(map[string]msg{
		"submission_too_big": {"Berkas %s terlalu besar untuk laporan bulanan (%s, batasnya %s). Periksa apakah berkasnya benar laporan dari menu Kirim Laporan; bila ya, minta dinas mengekspornya ulang. Berkas ini tidak dihitung.",
			"The file %s is too large for a monthly submission (%s, the limit is %s). Check that it is a report from Send Report; if so, ask the agency to export it again. This file is not counted."},
		"submission_too_big_part": {"Berkas %s melampaui batas pembacaan laporan bulanan (bagian berkas terlalu besar, terlalu banyak baris, atau sel terlalu panjang): berkas ini rusak atau bukan laporan asli WUBDesk. Minta dinas mengekspor ulang dari menu Kirim Laporan. Berkas ini tidak dihitung.",
			"The file %s exceeds the reading limits of a monthly submission (a part too large, too many rows or a cell too long): it is damaged or not an original WUBDesk report. Ask the agency to export it again from Send Report. This file is not counted."},
	})
}
