package xlsx

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"
)

// benchRow fills row with the i-th synthetic Peserta row (canonical strings),
// the same data for every writer the benchmarks compare.
func benchRow(i int, row []string) {
	nik := fmt.Sprintf("3528%02d%02d%02d9%05d", 1+i%13, 1+i%28, 1+i%12, i%100000)
	row[0] = strconv.Itoa(i + 1)
	row[1] = nik
	row[2] = fmt.Sprintf("3528%02d1%011d", 1+i%13, i)
	row[3] = benchNames[i%len(benchNames)] + " " + benchNames[(i/7)%len(benchNames)]
	row[4] = "LP"[i%2 : i%2+1]
	row[5] = "Pamekasan"
	row[6] = time.Date(1970+i%35, time.Month(1+i%12), 1+i%28, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
	row[7] = "Dusun Krajan RT " + strconv.Itoa(1+i%9) + "/RW " + strconv.Itoa(1+i%4)
	row[8] = "Larangan Tokol"
	row[9] = "Tlanakan"
	row[10] = "0812" + fmt.Sprintf("%08d", i)
	row[11] = "SMA/SMK"
	row[12] = "C – Industri Pengolahan: keripik singkong"
	row[13] = "Angkatan " + strconv.Itoa(1+i%5)
	row[14] = "Lulus"
	row[15] = time.Date(2024, time.Month(1+i%6), 1+i%28, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
}

var benchNames = []string{"Siti", "Aminah", "Moh.", "Hasan", "Nur", "Hayati", "Abd.", "Rahman", "Fatimah", "Zahra", "Ahmad", "Fauzi"}

// writeFloorXLSX is the floor of the export benchmark: the same rows as a
// minimal .xlsx written with archive/zip (inline strings, dates as serial
// numbers with one date style, no escaping, no checksum, no other sheets).
func writeFloorXLSX(w io.Writer, n int) error {
	zw := zip.NewWriter(w)
	files := []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Peserta" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`},
		{"xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`},
	}
	for _, f := range files {
		fw, err := zw.Create(f.name)
		if err != nil {
			return err
		}
		if _, err := io.WriteString(fw, f.body); err != nil {
			return err
		}
	}
	fw, err := zw.Create("xl/worksheets/sheet1.xml")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(fw, 64<<10)
	bw.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := make([]string, 16)
	var b []byte
	for i := 0; i < n; i++ {
		benchRow(i, row)
		r := strconv.Itoa(i + 1)
		b = append(b[:0], `<row r="`...)
		b = append(b, r...)
		b = append(b, `">`...)
		for c, v := range row {
			ref := string(rune('A'+c)) + r
			switch c {
			case 0:
				b = append(b, `<c r="`+ref+`"><v>`+v+`</v></c>`...)
			case 6, 15:
				t, _ := time.Parse("2006-01-02", v)
				b = append(b, `<c r="`+ref+`" s="1"><v>`...)
				b = strconv.AppendInt(b, t.Unix()/86400+25569, 10)
				b = append(b, `</v></c>`...)
			default:
				b = append(b, `<c r="`+ref+`" t="inlineStr"><is><t>`+v+`</t></is></c>`...)
			}
		}
		b = append(b, `</row>`...)
		bw.Write(b)
	}
	bw.WriteString(`</sheetData></worksheet>`)
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
