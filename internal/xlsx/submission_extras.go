package xlsx

import (
	"context"
	"strconv"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// SubmissionExtras fills the parts of a submission that come from other
// records than the trainees: the agency's quota for the program year (0
// when none is set) and the Fasilitator sheet (the facilitators under
// contract with the agency that year; nil when there are none). The export
// command and the Kirim Laporan screen both use it.
func SubmissionExtras(ctx context.Context, db *store.DB, agency string, year int) (quota int, fac *Table, err error) {
	qs, err := db.Quotas(ctx, year)
	if err != nil {
		return 0, nil, err
	}
	for _, q := range qs {
		if q.AgencyCode == agency {
			quota = q.Count
		}
	}
	cs, err := db.Contracts(ctx, store.ContractFilter{AgencyCode: agency, Year: year})
	if err != nil || len(cs) == 0 {
		return quota, nil, err
	}
	ref := wub.Ref()
	fac = &Table{Columns: []SheetColumn{
		{Header: "No", Kind: KindInt}, {Header: "NIK", Kind: KindID}, {Header: "Nama", Kind: KindText},
		{Header: "Jenis Kelamin", Kind: KindText}, {Header: "No. HP", Kind: KindID}, {Header: "Keahlian", Kind: KindText},
		{Header: "Peran", Kind: KindText}, {Header: "Status", Kind: KindText}, {Header: "No. SPK", Kind: KindText},
		{Header: "Mulai", Kind: KindDate}, {Header: "Selesai", Kind: KindDate}, {Header: "Kecamatan Tugas", Kind: KindText},
		{Header: "Target Peserta", Kind: KindInt},
	}}
	for i, c := range cs {
		f, err := db.Facilitator(ctx, c.FacilitatorID)
		if err != nil {
			return quota, nil, err
		}
		kec := ""
		if c.KecCode != "" {
			kec = ref.KecamatanName(c.KecCode)
		}
		fac.Rows = append(fac.Rows, []string{strconv.Itoa(i + 1), f.NIK, f.Name, f.Sex, f.Phone, f.Expertise, f.Role,
			f.Status, c.SPKNumber, wub.ISO(c.StartDate), wub.ISO(c.EndDate), kec, strconv.Itoa(c.TargetTrainees)})
	}
	return quota, fac, nil
}
