package xlsx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

func TestWriteOutletProducts(t *testing.T) {
	day := func(s string) time.Time { return wub.ParseISODate(s) }
	o := wub.Outlet{ID: 1, Name: "Wamira Mart Pademawu", KecCode: "35.28.02", OpenedOn: day("2021-03-01")}
	row := func(id int64, name string, price int64, producer, phone string) wub.ListingRow {
		var r wub.ListingRow
		r.Listing = wub.Listing{ID: id, ListedOn: day("2023-06-01")}
		r.ProductRow.Product = wub.Product{ID: id, TraineeID: id, Name: name, Category: "Makanan", Price: price,
			Unit: "bungkus", PIRT: wub.CertHas, Halal: wub.CertProcess}
		r.Producer, r.Phone, r.KecName, r.DesaName, r.BusinessName = producer, phone, "Pademawu", "Murtajih", "Usaha "+producer
		return r
	}
	rows := []wub.ListingRow{row(1, "Keripik tette 250 g", 15000, "Siti Aminah", "081234567890"),
		row(2, "Petis ikan 200 g", 1250000, "Ahmad Fauzi", "085812345678")}
	var buf bytes.Buffer
	if err := WriteOutletProducts(&buf, o, rows, day("2024-06-01")); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Produk WUB" {
		t.Fatalf("sheet %q", sheet)
	}
	get := func(cell string) string {
		v, err := f.GetCellValue(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if !strings.Contains(get("A2"), "Wamira Mart Pademawu") || !strings.Contains(get("A3"), "2 produk dari 2 produsen") {
		t.Errorf("title %q / %q", get("A2"), get("A3"))
	}
	// The phone is text: the leading 0 survives, and the cell is a string.
	if get("I6") != "081234567890" {
		t.Errorf("phone %q", get("I6"))
	}
	if typ, _ := f.GetCellType(sheet, "I6"); typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
		t.Errorf("phone cell type %v", typ)
	}
	// The price is a number shown in Rupiah.
	raw, _ := f.GetCellValue(sheet, "D7", excelize.Options{RawCellValue: true})
	if raw != "1250000" {
		t.Errorf("raw price %q", raw)
	}
	styleID, _ := f.GetCellStyle(sheet, "D7")
	st, _ := f.GetStyle(styleID)
	if st.CustomNumFmt == nil || *st.CustomNumFmt != WamiraRupiahFormat {
		t.Errorf("price format %+v", st.CustomNumFmt)
	}
	if get("B7") != "Petis ikan 200 g" || get("H7") != "Ahmad Fauzi" || get("F6") != "Ada" || get("G6") != "Diproses" {
		t.Errorf("row 7: %q %q, row 6: %q %q", get("B7"), get("H7"), get("F6"), get("G6"))
	}
	if get("L6") != "01/06/2023" {
		t.Errorf("listed on %q", get("L6"))
	}
	// Printable: landscape A4, one page wide, header row repeated.
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 || *pl.Size != 9 {
		t.Errorf("page layout %+v %v", pl, err)
	}
	titles := false
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && strings.Contains(dn.RefersTo, "$5:$5") {
			titles = true
		}
	}
	if !titles {
		t.Errorf("no print titles: %+v", f.GetDefinedName())
	}
}

func TestOutletFileName(t *testing.T) {
	got := wub.OutletFile("Wamira Mart Kota/Pasar", wub.ParseISODate("2024-06-01"))
	if got != "Produk WUB - Wamira Mart Kota-Pasar - 2024-06-01.xlsx" {
		t.Errorf("%q", got)
	}
}
