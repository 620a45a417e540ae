package xlsx

import (
	"archive/zip"
	"bufio"
	"fmt"
	"io"
	"strconv"
	"time"

	"wubdesk/internal/wub"
)

// benchTrainee fills t and e with the i-th synthetic trainee of the
// benchmarks: realistic lengths, a real desa, a KBLI section, dates.
func benchTrainee(i int, t *wub.Trainee, e *wub.Enrolment) {
	// (birth date, serial) is different for every i below 9,000,000, so
	// that the NIK are unique when the rows go into a database.
	birth := time.Date(1975, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, (i/9000)*7)
	t.NIK = fmt.Sprintf("3528%02d%02d%02d%02d%04d", 1+i%13, birth.Day()+40*(i%2), int(birth.Month()), birth.Year()%100, 1+i%9000)
	t.KK = fmt.Sprintf("3528%02d1%09d", 1+i%13, i)
	t.Name = benchNames[i%len(benchNames)] + " " + benchNames[(i/7)%len(benchNames)]
	t.Sex = "LP"[i%2 : i%2+1]
	t.BirthPlace = "Pamekasan"
	t.BirthDate = birth
	t.Address = "Dusun Krajan " + strconv.Itoa(1+i%9)
	t.RTRW = "00" + strconv.Itoa(1+i%9) + "/00" + strconv.Itoa(1+i%4)
	t.DesaCode, t.KecCode = "35.28.01.2001", "35.28.01"
	t.Phone = fmt.Sprintf("0812%08d", i)
	t.Education = "SMA/SMK"
	t.KBLI, t.BusinessName = "C", "keripik singkong"
	e.BatchName = "Angkatan " + strconv.Itoa(1+i%5)
	e.Status = wub.StatusTrained
	e.Year = 2024
	e.CompletedOn = time.Date(2024, time.Month(1+i%6), 1+i%28, 0, 0, 0, 0, time.UTC)
}

// benchRow is benchTrainee as the 16 cells of the Peserta sheet, formatted
// the plain way (no sanitizing, no checksum): the floor's and CSV's input.
func benchRow(i int, row []string) {
	var t wub.Trainee
	var e wub.Enrolment
	benchTrainee(i, &t, &e)
	row[0] = strconv.Itoa(i + 1)
	row[1], row[2], row[3], row[4], row[5] = t.NIK, t.KK, t.Name, t.Sex, t.BirthPlace
	row[6] = t.BirthDate.Format("2006-01-02")
	row[7] = t.Address + " RT/RW " + t.RTRW
	row[8], row[9] = "Dabuan", "Tlanakan"
	row[10], row[11] = t.Phone, t.Education
	row[12] = "C – Industri Pengolahan: " + t.BusinessName
	row[13], row[14] = e.BatchName, "Lulus"
	row[15] = e.CompletedOn.Format("2006-01-02")
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
