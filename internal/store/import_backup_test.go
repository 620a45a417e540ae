package store

import (
	"testing"

	"wubdesk/internal/wub"
)

// TestImportBacksUpFirst: an import leaves a copy of the database as it was
// before, and that copy does not hold the imported rows.
func TestImportBacksUpFirst(t *testing.T) {
	db := openTest(t)
	err := db.BulkImport(ctx, func(b *Bulk) error {
		tr := siti()
		tr.Normalize()
		return b.Insert(tr)
	})
	if err != nil {
		t.Fatal(err)
	}
	bs, err := ListBackups(db.Path)
	if err != nil {
		t.Fatal(err)
	}
	var found *BackupInfo
	for i := range bs {
		if bs[i].Reason == ReasonImport {
			found = &bs[i]
		}
	}
	if found == nil {
		t.Fatalf("no import backup among %+v", bs)
	}
	old, err := Open(found.Path)
	if err != nil {
		t.Fatal(err)
	}
	defer old.Close()
	if n, _ := old.CountTrainees(ctx, wub.TraineeFilter{}); n != 0 {
		t.Errorf("the pre-import backup holds %d trainees", n)
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{}); n != 1 {
		t.Errorf("database holds %d trainees", n)
	}
}
