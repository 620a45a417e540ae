package store

import (
	"testing"
	"time"

	"wubdesk/internal/wub"
)

func TestCreateBatch(t *testing.T) {
	db := openTest(t)
	day := func(m, d int) time.Time { return time.Date(2021, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	good := wub.Batch{AgencyCode: wub.DISPERINDAG, Year: 2021, Name: "Angkatan 1", TrainingType: "Batik Tulis",
		StartDate: day(3, 1), EndDate: day(3, 5), DesaCode: "35.28.04.1001"}
	tests := []struct {
		name string
		b    wub.Batch
		code string
	}{
		{"saved", good, ""},
		{"same name again", good, "batch_duplicate"},
		{"no name", wub.Batch{AgencyCode: wub.DKP, Year: 2021}, "batch_name_missing"},
		{"agency gone", wub.Batch{AgencyCode: wub.DPMPTSP, Year: 2023, Name: "Angkatan 1"}, "agency_not_in_year"},
		{"dates reversed", wub.Batch{AgencyCode: wub.DKP, Year: 2021, Name: "A", StartDate: day(5, 2), EndDate: day(5, 1)}, "date_order"},
		{"desa elsewhere", wub.Batch{AgencyCode: wub.DKP, Year: 2021, Name: "B", DesaCode: "35.28.04.1001", KecCode: "35.28.01"}, "desa_not_in_kecamatan"},
	}
	for _, tt := range tests {
		b := tt.b
		err := db.CreateBatch(ctx, &b)
		if got := wub.ErrorCode(err); got != tt.code {
			t.Errorf("%s: code %q (%v), want %q", tt.name, got, err, tt.code)
		}
		if tt.code == "" && b.ID == 0 {
			t.Errorf("%s: no ID", tt.name)
		}
	}
	bs, err := db.Batches(ctx, wub.DISPERINDAG, 2021)
	if err != nil || len(bs) != 1 {
		t.Fatalf("batches = %+v, %v", bs, err)
	}
	got := bs[0]
	if got.KecCode != "35.28.04" || !got.EndDate.Equal(day(3, 5)) || got.TrainingType != "Batik Tulis" {
		t.Errorf("read back %+v", got)
	}
	if all, _ := db.Batches(ctx, "", 0); len(all) != 1 {
		t.Errorf("all batches: %d", len(all))
	}
	if es, _ := db.AuditFor(ctx, "batch", got.ID); len(es) != 1 || es[0].Action != "insert" {
		t.Errorf("audit = %+v", es)
	}
}

func TestBulkInsertBatchAndEnrol(t *testing.T) {
	db := openTest(t)
	bt := &wub.Batch{AgencyCode: wub.DKP, Year: 2022, Name: "Angkatan 2"}
	tr := siti()
	err := db.Bulk(ctx, func(b *Bulk) error {
		b.Audit = false
		if err := b.InsertBatch(bt); err != nil {
			return err
		}
		tr.Enrolments[0].AgencyCode, tr.Enrolments[0].BatchID = wub.DKP, bt.ID
		return b.Insert(tr)
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := db.Trainee(ctx, tr.ID)
	if err != nil || len(got.Enrolments) != 1 || got.Enrolments[0].BatchName != "Angkatan 2" {
		t.Fatalf("trainee = %+v, %v", got, err)
	}
	if es, _ := db.AuditFor(ctx, "batch", bt.ID); len(es) != 0 {
		t.Errorf("Audit=false still wrote %d audit rows", len(es))
	}
	err = db.Bulk(ctx, func(b *Bulk) error {
		return b.InsertBatch(&wub.Batch{AgencyCode: wub.DKP, Year: 2022, Name: "Angkatan 2"})
	})
	if wub.ErrorCode(err) != "batch_duplicate" {
		t.Errorf("duplicate in bulk: %v", err)
	}
}
