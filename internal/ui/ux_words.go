package ui

import "wubdesk/internal/wub"

// sexCell is the sex in a list: "L"/"P" under the Indonesian column "L/P",
// whole words in English, where "L"/"P" mean nothing (issue 19).
func sexCell(code string) string {
	if Language() == "en" {
		return wub.SexLabel(code)
	}
	return code
}

// columnWidthIn widens, in one language, a column whose texts are longer
// there ("Female" under "Sex").
func columnWidthIn(key string, w float32) float32 {
	if Language() == "en" && key == "col.sex" {
		return max(w, 72)
	}
	return w
}
