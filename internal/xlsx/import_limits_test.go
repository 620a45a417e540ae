package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"wubdesk/internal/wub"
)

// craftWorkbook writes a minimal .xlsx by hand, for the shapes excelize
// would refuse to write: a zip bomb, a million empty rows, a huge cell.
func craftWorkbook(t testing.TB, sheet func(w io.Writer), sst []string, rawSST ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(name, body string) {
		w, err := zw.Create(name)
		must(t, err)
		_, err = io.WriteString(w, body)
		must(t, err)
	}
	put("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" `+
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	rels := `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>`
	if len(rawSST) > 0 {
		sst = nil
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
		put("xl/sharedStrings.xml", `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`+rawSST[0]+`</sst>`)
	}
	if sst != nil {
		rels += `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`
		var b strings.Builder
		b.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
		for _, s := range sst {
			b.WriteString("<si><t>" + s + "</t></si>")
		}
		b.WriteString("</sst>")
		put("xl/sharedStrings.xml", b.String())
	}
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels+`</Relationships>`)
	w, err := zw.Create("xl/worksheets/sheet1.xml")
	must(t, err)
	io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	if len(rawSST) == 0 {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c></row>`)
	}
	sheet(w)
	io.WriteString(w, `</sheetData></worksheet>`)
	must(t, zw.Close())
	return buf.Bytes()
}

func dataRow(w io.Writer, r int, nik, name string) {
	fmt.Fprintf(w, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c><c r="B%d" t="inlineStr"><is><t>%s</t></is></c></row>`, r, r, nik, r, name)
}

func TestLimitsRefuseHostileWorkbooks(t *testing.T) {
	tests := []struct {
		name string
		file func(t *testing.T) []byte
		lim  Limits
		code string
	}{
		{"zip bomb", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) {
				dataRow(w, 2, "3528045203950001", "Siti")
				spaces := bytes.Repeat([]byte(" "), 1<<20)
				for range 40 { // 40 MB of nothing, about 40 KB compressed
					w.Write(spaces)
				}
			}, nil)
		}, Limits{PartBytes: 16 << 20}, "import_too_big"},
		{"a million empty rows", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) {
				dataRow(w, 2, "3528045203950001", "Siti")
				for r := 3; r <= 1_000_000; r++ {
					fmt.Fprintf(w, `<row r="%d"/>`, r)
				}
			}, nil)
		}, Limits{}, "import_too_many_rows"},
		{"a cell of megabytes", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) {
				dataRow(w, 2, "3528045203950001", strings.Repeat("Siti ", 400_000))
			}, nil)
		}, Limits{}, "import_cell_too_big"},
		{"a shared string of megabytes", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) {
				io.WriteString(w, `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`)
			}, []string{strings.Repeat("x", 2<<20)})
		}, Limits{}, "import_cell_too_big"},
		{"a file over the size limit", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) { dataRow(w, 2, "3528045203950001", "Siti") }, nil)
		}, Limits{FileBytes: 100}, "import_too_big"},
		{"a shared string index out of range", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) {
				io.WriteString(w, `<row r="2"><c r="A2" t="s"><v>7</v></c></row>`)
			}, []string{"a"})
		}, Limits{}, "import_damaged"},
		{"truncated XML", func(t *testing.T) []byte {
			return craftWorkbook(t, func(w io.Writer) { io.WriteString(w, `<row r="2"><c r="A2"><v>1`) }, nil)
		}, Limits{}, "import_damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tt.file(t)
			_, err := Preview(ctx, bytes.NewReader(b), "x.xlsx", Options{Limits: tt.lim, Today: today})
			if got := wub.ErrorCode(err); got != tt.code {
				t.Errorf("code %q (%v), want %s", got, err, tt.code)
			}
			if err != nil && strings.Contains(err.Error(), "%!") {
				t.Errorf("badly formatted message %q", err)
			}
		})
	}
}

// The same hand-made workbook within the limits is read normally, so the
// refusals above are the limits and not a broken test file.
func TestCraftedWorkbookReads(t *testing.T) {
	b := craftWorkbook(t, func(w io.Writer) {
		dataRow(w, 2, "3528045203950001", "Siti Aminah")
		for r := 3; r <= 1000; r++ {
			fmt.Fprintf(w, `<row r="%d"/>`, r)
		}
	}, nil)
	rep, err := Preview(ctx, bytes.NewReader(b), "x.xlsx", Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 1 || rep.RowsRead() != 1 {
		t.Errorf("accepted %d, rows read %d", rep.Accepted, rep.RowsRead())
	}
}

// A desa cell of kilobytes is not fuzzy-matched (that would cost its
// length times every desa name, per row): it is simply unknown.
func TestLongPlaceNameIsUnknown(t *testing.T) {
	long := strings.Repeat("Kangenan ", 2000)
	b := craftWorkbook(t, func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c><c r="B1" t="inlineStr"><is><t>NAMA</t></is></c><c r="C1" t="inlineStr"><is><t>DESA</t></is></c></row>`)
		fmt.Fprintf(w, `<row r="2"><c r="A2" t="inlineStr"><is><t>3528045203950001</t></is></c><c r="B2" t="inlineStr"><is><t>Siti</t></is></c><c r="C2" t="inlineStr"><is><t>%s</t></is></c></row>`, long)
	}, nil, "")
	rep, err := Preview(ctx, bytes.NewReader(b), "x.xlsx", Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	d := rep.Detail(0)
	if rep.Accepted != 1 || strings.Join(rep.Rows[0].Warnings(), ",") != "desa_unknown,gender_from_nik,date_from_nik,import_completed_on_offered" {
		t.Errorf("accepted %d, warnings %v", rep.Accepted, rep.Rows[0].Warnings())
	}
	if d.Trainee.DesaCode != "" || !strings.HasPrefix(d.Trainee.Address, "Kangenan Kangenan") {
		t.Errorf("desa %q address %.30q", d.Trainee.DesaCode, d.Trainee.Address)
	}
}
