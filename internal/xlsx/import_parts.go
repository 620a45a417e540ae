package xlsx

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	"wubdesk/internal/wub"
)

// stringTable is the shared strings held compactly: one buffer and the end
// offset of each string.
type stringTable struct {
	buf  []byte
	ends []uint32
}

func (t *stringTable) get(i int) (string, bool) {
	if i < 0 || i >= len(t.ends) {
		return "", false
	}
	start := uint32(0)
	if i > 0 {
		start = t.ends[i-1]
	}
	return string(t.buf[start:t.ends[i]]), true
}

func (wb *workbook) readSharedStrings(p string) error {
	rc, err := wb.open(p)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := xml.NewDecoder(rc)
	var cur []byte
	inT, inSI, skip := false, false, 0
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return wb.partErr(p, err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si":
				inSI, cur = true, cur[:0]
			case "t":
				inT = true
			case "rPh", "phoneticPr": // phonetic guides are not part of the text
				skip++
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "si":
				inSI = false
				if len(cur) > wb.lim.CellBytes {
					return wub.Errorf("import_cell_too_big", "-", "sharedStrings", len(cur), wb.lim.CellBytes)
				}
				wb.sst.buf = append(wb.sst.buf, cur...)
				if len(wb.sst.buf) > int(^uint32(0)) {
					return wub.Errorf("import_too_big", wb.name, "> 4096 MB", mib(wb.lim.PartBytes))
				}
				wb.sst.ends = append(wb.sst.ends, uint32(len(wb.sst.buf)))
			case "t":
				inT = false
			case "rPh", "phoneticPr":
				skip--
			}
		case xml.CharData:
			if inSI && inT && skip == 0 {
				cur = append(cur, el...)
				if len(cur) > wb.lim.CellBytes {
					return wub.Errorf("import_cell_too_big", "-", "sharedStrings", len(cur), wb.lim.CellBytes)
				}
			}
		}
	}
}

func (wb *workbook) readStyles(p string) error {
	b, err := wb.readSmall(p)
	if err != nil {
		return err
	}
	var doc struct {
		NumFmts []struct {
			ID   int    `xml:"numFmtId,attr"`
			Code string `xml:"formatCode,attr"`
		} `xml:"numFmts>numFmt"`
		Xfs []struct {
			NumFmt string `xml:"numFmtId,attr"`
		} `xml:"cellXfs>xf"`
	}
	if err := xml.Unmarshal(b, &doc); err != nil {
		return wub.Errorf("import_damaged", wb.name, "bagian gaya sel rusak")
	}
	custom := map[int]bool{}
	for _, f := range doc.NumFmts {
		custom[f.ID] = isDateFormat(f.Code)
	}
	wb.dateStyle = make([]bool, len(doc.Xfs))
	for i, x := range doc.Xfs {
		id, _ := strconv.Atoi(x.NumFmt)
		if d, ok := custom[id]; ok {
			wb.dateStyle[i] = d
		} else {
			wb.dateStyle[i] = builtinDateFormat(id)
		}
	}
	return nil
}

// builtinDateFormat reports the built-in number formats that show a date
// (14–17, 22, and the East Asian ones 27–36, 50–58).
func builtinDateFormat(id int) bool {
	return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58)
}

// isDateFormat reports whether a custom number format shows a date: it has
// a day or year token outside quoted text, escapes and [..] sections.
func isDateFormat(code string) bool {
	code = strings.ToLower(code)
	inQuote, inBracket := false, false
	for i := 0; i < len(code); i++ {
		c := code[i]
		switch {
		case inQuote:
			inQuote = c != '"'
		case inBracket:
			inBracket = c != ']'
		case c == '"':
			inQuote = true
		case c == '[':
			inBracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		case c == 'd' || c == 'y':
			return true
		case c == ';': // only the first section matters for positive numbers
			return false
		}
	}
	return false
}
