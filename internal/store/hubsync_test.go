package store

import (
	"path/filepath"
	"regexp"
	"testing"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

var uuidV4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// gids reads every gid of a table; it fails on a NULL, a malformed or a
// repeated one.
func gids(t *testing.T, db *DB, table string) map[string]bool {
	t.Helper()
	rows, err := db.r.QueryContext(ctx, "SELECT coalesce(gid, '') FROM "+table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	out := map[string]bool{}
	for rows.Next() {
		var g string
		rows.Scan(&g)
		if !uuidV4.MatchString(g) {
			t.Fatalf("%s: gid %q is no UUID v4", table, g)
		}
		if out[g] {
			t.Fatalf("%s: gid %s twice", table, g)
		}
		out[g] = true
	}
	return out
}

// TestMigrationFillsGIDs upgrades the v14 fixture: every record the hub
// needs has a unique UUID v4, and no outbox row is written before the
// office enrols.
func TestMigrationFillsGIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "kantor.db")
	if err := copyFile(fixtures(t)[14], path); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range SyncEntities {
		g := gids(t, db, table)
		if table == "trainee" && len(g) == 0 {
			t.Fatal("the fixture has no trainees")
		}
	}
	if n, _ := db.OutboxPending(ctx); n != 0 {
		t.Fatalf("outbox holds %d rows before enrolment", n)
	}
}

// TestOutboxFollowsAuditTrail: enrolment queues every record with seq from
// 1; each later change (form, bulk import, delete) queues one row per audit
// row in the same transaction; the payload is the record's current state
// with references by gid; a trim keeps what is above Through; a handover
// queues ownership changes.
func TestOutboxFollowsAuditTrail(t *testing.T) {
	db := openTest(t)
	s := siti()
	if _, err := db.CreateTrainee(ctx, s); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.OutboxPending(ctx); n != 0 {
		t.Fatalf("not enrolled, yet %d outbox rows", n)
	}
	if err := db.SetHubLink(ctx, wub.HubLink{URL: "https://hub.test:8443", DeviceID: wub.NewGID(), Token: "rahasia",
		Agency: wub.DISPERINDAG, Fingerprint: "ab"}); err != nil {
		t.Fatal(err)
	}
	batch, err := db.OutboxBatch(ctx, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(batch) != 2 || batch[0].Seq != 1 || batch[0].Entity != "trainee" || batch[1].Entity != "enrolment" {
		t.Fatalf("after enrolment the outbox is %+v", batch)
	}
	tg := gids(t, db, "trainee")
	if !tg[batch[0].GID] || batch[0].Data["nik"] != s.NIK || batch[0].Op != hubapi.OpUpsert {
		t.Fatalf("trainee change %+v", batch[0])
	}
	if batch[1].Data["trainee_gid"] != batch[0].GID || batch[1].Data["agency_code"] != wub.DISPERINDAG || batch[1].Data["nik"] != s.NIK {
		t.Fatalf("enrolment change %+v", batch[1])
	}
	var audits int
	db.r.QueryRowContext(ctx, "SELECT count(*) FROM audit WHERE new LIKE '%rahasia%' OR old LIKE '%rahasia%'").Scan(&audits)
	if audits != 0 {
		t.Fatal("the device token is in the audit trail")
	}

	addBulk(t, db, 100, 50, "bulk.xlsx")
	if n, _ := db.OutboxPending(ctx); n != 2+100 {
		t.Fatalf("after a bulk import of 50 people the outbox holds %d, want 102", n)
	}
	if err := db.DeleteTrainee(ctx, s.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.TrimOutbox(ctx, 102); err != nil {
		t.Fatal(err)
	}
	batch, _ = db.OutboxBatch(ctx, 100)
	if len(batch) == 0 || batch[0].Seq != 103 {
		t.Fatalf("after the trim the outbox starts at %+v", batch)
	}
	var sitiGID string
	db.r.QueryRowContext(ctx, "SELECT gid FROM trainee WHERE id = ?", s.ID).Scan(&sitiGID)
	var sawDelete bool
	for _, c := range batch {
		if c.Entity == "trainee" && c.GID == sitiGID && c.Op == hubapi.OpDelete {
			sawDelete = c.Data["deleted"] == true
		}
	}
	if !sawDelete {
		t.Fatalf("the deletion is not queued as a delete: %+v", batch)
	}
	before, _ := db.OutboxPending(ctx)
	if err := db.LogHandoverExport(ctx, "sha", wub.DISKOPUKM, time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC), "x.wubho", nil); err != nil {
		t.Fatal(err)
	}
	batch, _ = db.OutboxBatch(ctx, 1000)
	last := batch[len(batch)-1]
	if after, _ := db.OutboxPending(ctx); after <= before || last.Op != hubapi.OpHandover || last.Data["to_agency"] != wub.DISKOPUKM {
		t.Fatalf("handover not queued: %d → %d, last %+v", before, len(batch), last)
	}
	// A register restored from a backup meets a hub that holds more: the
	// outbox is queued again whole, numbered after the hub's Through.
	if err := db.TrimOutbox(ctx, 5000); err != nil {
		t.Fatal(err)
	}
	again, _ := db.OutboxBatch(ctx, 1)
	if n, _ := db.OutboxPending(ctx); len(again) != 1 || again[0].Seq != 5001 || n != 2+100 {
		t.Fatalf("after a Through beyond the register: %+v, %d pending", again, n)
	}
	// Seq has no gaps.
	for i := 1; i < len(batch); i++ {
		if batch[i].Seq != batch[i-1].Seq+1 {
			t.Fatalf("gap between %d and %d", batch[i-1].Seq, batch[i].Seq)
		}
	}
}

// BenchmarkBulkOutbox is a bulk load of 10,000 people into an empty register
// without and with the outbox active (an enrolled office): the cost of the
// audit_outbox trigger.
//
//	go test -tags migrated_fynedo ./internal/store -run '^$' -bench BulkOutbox -benchtime 1x
func BenchmarkBulkOutbox(b *testing.B) {
	for _, enrolled := range []bool{false, true} {
		name := "not-enrolled"
		if enrolled {
			name = "enrolled"
		}
		b.Run(name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				db := openTest(b)
				if enrolled {
					if err := db.SetHubLink(ctx, wub.HubLink{URL: "https://hub.test", DeviceID: wub.NewGID(), Token: "t"}); err != nil {
						b.Fatal(err)
					}
				}
				b.StartTimer()
				addBulk(b, db, 0, 10000, "bench.xlsx")
				b.StopTimer()
				if n, _ := db.OutboxPending(ctx); enrolled != (n == 20000) {
					b.Fatalf("outbox %d", n)
				}
			}
		})
	}
}
