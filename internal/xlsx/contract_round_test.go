package xlsx

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

func date(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

var diskop = wub.Agency{Code: wub.DISKOPUKM, FirstYear: 2020, Names: []wub.AgencyName{
	{ValidFrom: date(2020, 1, 1), Short: "Diskop UKM", Full: "Dinas Koperasi dan Usaha Mikro"},
	{ValidFrom: date(2023, 1, 3), Short: "Diskop UKM dan Naker", Full: "Dinas Koperasi, Usaha Mikro dan Tenaga Kerja"},
}}

func testRound() *wub.ContractRound {
	return &wub.ContractRound{AgencyCode: wub.DISKOPUKM, Year: 2023, Rows: []wub.RoundRow{
		{FacilitatorID: 1, Name: "Ahmad", Role: wub.RoleFacilitator, Status: wub.FacActive,
			LastContract: wub.Contract{SPKNumber: "027/SPK/2022", StartDate: date(2022, 1, 1), EndDate: date(2022, 12, 31),
				KecCode: "35.28.04", Honorarium: 1500000, TargetTrainees: 10},
			BatchesRun: 2, TraineesTrained: 4, TraineesMentored: 3, Target: 10, Visits: 5, BusinessRunning: 1,
			Reports:  wub.ReportTally{Expected: 12, OnTime: 4, Late: 1, Missing: 7},
			Decision: wub.ContractDecision{Decision: wub.DecisionRenew}},
		{FacilitatorID: 2, Name: "Badriyah", Role: wub.RoleCoordinator, Status: wub.FacActive,
			LastContract: wub.Contract{StartDate: date(2022, 7, 1), EndDate: date(2022, 12, 31), Honorarium: 2000000},
			Reports:      wub.ReportTally{Expected: 6, OnTime: 1, Late: 1, Missing: 4},
			Decision:     wub.ContractDecision{Decision: wub.DecisionNotRenew, Note: "laporan sering terlambat"}},
		{FacilitatorID: 3, Name: "Chairul", Role: wub.RoleFacilitator, Status: wub.FacActive},
	}}
}

func TestWriteContractRound(t *testing.T) {
	office := wub.Office{AgencyCode: wub.DISKOPUKM, HeadName: "Dr. H. Moh. Sahri, M.Pd.", HeadNIP: "196805121994031007", Place: "Pamekasan"}
	tests := []struct {
		name      string
		office    wub.Office
		head, nip string
	}{
		{"own office", office, "Dr. H. Moh. Sahri, M.Pd.", "NIP 196805121994031007"},
		// Another agency's head must not sign this list: dotted lines instead.
		{"other office", wub.Office{AgencyCode: wub.DKP, HeadName: "Someone", HeadNIP: "1"}, "(......................................)", "NIP ......................................"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var buf bytes.Buffer
			if err := WriteContractRound(&buf, testRound(), diskop, tt.office, date(2023, 1, 9)); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "kontrak.xlsx")
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			if got := f.GetSheetList(); len(got) != 1 || got[0] != "Kontrak 2023" {
				t.Fatalf("sheets = %v", got)
			}
			rows, err := f.GetRows("Kontrak 2023")
			if err != nil {
				t.Fatal(err)
			}
			find := func(first string) int {
				for i, r := range rows {
					if len(r) > 0 && r[0] == first {
						return i
					}
				}
				return -1
			}
			if rows[1][0] != "DINAS KOPERASI, USAHA MIKRO DAN TENAGA KERJA" || !strings.Contains(rows[2][0], "TAHUN 2023") ||
				rows[3][0] != "Berdasarkan kinerja tahun 2022" {
				t.Errorf("letterhead = %q", rows[:4])
			}
			h := find("No")
			if h < 0 || strings.Join(rows[h], "|") != strings.Join(RoundColumns, "|") {
				t.Fatalf("header row = %q", rows[h])
			}
			col := func(r []string, name string) string {
				for i, c := range RoundColumns {
					if c == name && i < len(r) {
						return r[i]
					}
				}
				return ""
			}
			a, b, c := rows[h+1], rows[h+2], rows[h+3]
			checks := []struct{ got, want string }{
				{col(a, "Nama"), "Ahmad"}, {col(a, "No. SPK terakhir"), "027/SPK/2022"},
				{col(a, "Masa kontrak"), "01/01/2022 – 31/12/2022"}, {col(a, "Kecamatan tugas"), "Pamekasan"},
				{col(a, "Honor/bulan (Rp)"), "1,500,000"}, {col(a, "Peserta lulus"), "4"}, {col(a, "% target"), "30%"},
				{col(a, "% berjalan"), "33%"}, {col(a, "Laporan tepat waktu"), "4 dari 12"}, {col(a, "Laporan tidak ada"), "7"},
				{col(a, "Keputusan"), "Diperpanjang"},
				{col(b, "Peran"), "Koordinator"}, {col(b, "% target"), "–"}, {col(b, "Keputusan"), "Tidak diperpanjang"},
				{col(b, "Catatan"), "laporan sering terlambat"},
				{col(c, "Keputusan"), "Belum diputuskan"},
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("got %q, want %q", ch.got, ch.want)
				}
			}
			if i := find("Diperpanjang: 1   •   Tidak diperpanjang: 1   •   Belum diputuskan: 1"); i < 0 {
				t.Error("totals line missing")
			}
			// The signature block sits under the notes in the last six columns.
			sigCol, _ := excelize.ColumnNumberToName(len(RoundColumns) - 5)
			notes := find(roundNotes(2022)[3])
			if notes < 0 {
				t.Fatal("notes missing")
			}
			var sig []string
			for r := notes + 2; r <= len(rows); r++ {
				v, _ := f.GetCellValue("Kontrak 2023", sigCol+rowNum(r))
				if v != "" {
					sig = append(sig, v)
				}
			}
			want := []string{"Pamekasan, 9 Januari 2023", "Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja", tt.head, tt.nip}
			if strings.Join(sig, "|") != strings.Join(want, "|") {
				t.Errorf("signature = %q, want %q", sig, want)
			}
		})
	}
}

func rowNum(n int) string {
	s, _ := excelize.CoordinatesToCellName(1, n)
	return s[1:]
}

func TestSignatureLines(t *testing.T) {
	s := HeadSignature(wub.Office{AgencyCode: wub.DISKOPUKM, HeadName: "X", HeadNIP: "1"}, diskop, date(2022, 12, 30))
	got := s.Lines()
	// Before 3 January 2023 the agency had its old name.
	if got[0] != "Pamekasan, 30 Desember 2022" || got[1] != "Kepala Dinas Koperasi dan Usaha Mikro" || got[6] != "X" || got[7] != "NIP 1" {
		t.Errorf("lines = %q", got)
	}
}
