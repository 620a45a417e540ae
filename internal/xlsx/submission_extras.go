package xlsx

import (
	"strconv"

	"wubdesk/internal/wub"
)

// FacilitatorSheet is a submission's Fasilitator sheet: the facilitators
// under contract with the agency in the program year, one row per
// contract (fs[i] is the facilitator of cs[i]); nil when there are none.
// app.ExportSubmission gathers them from the register.
func FacilitatorSheet(cs []wub.Contract, fs []*wub.Facilitator) *Table {
	if len(cs) == 0 {
		return nil
	}
	ref := wub.Ref()
	fac := &Table{Columns: []SheetColumn{
		{Header: "No", Kind: KindInt}, {Header: "NIK", Kind: KindID}, {Header: "Nama", Kind: KindText},
		{Header: "Jenis Kelamin", Kind: KindText}, {Header: "No. HP", Kind: KindID}, {Header: "Keahlian", Kind: KindText},
		{Header: "Peran", Kind: KindText}, {Header: "Status", Kind: KindText}, {Header: "No. SPK", Kind: KindText},
		{Header: "Mulai", Kind: KindDate}, {Header: "Selesai", Kind: KindDate}, {Header: "Kecamatan Tugas", Kind: KindText},
		{Header: "Target Peserta", Kind: KindInt},
	}}
	for i, c := range cs {
		f := fs[i]
		kec := ""
		if c.KecCode != "" {
			kec = ref.KecamatanName(c.KecCode)
		}
		fac.Rows = append(fac.Rows, []string{strconv.Itoa(i + 1), f.NIK, f.Name, f.Sex, f.Phone, f.Expertise, f.Role,
			f.Status, c.SPKNumber, wub.ISO(c.StartDate), wub.ISO(c.EndDate), kec, strconv.Itoa(c.TargetTrainees)})
	}
	return fac
}
