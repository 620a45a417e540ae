package store

import (
	"database/sql"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

// Fixtures: testdata/schema/v<N>.db is a small database as WUBDesk wrote it
// at schema version N. They are frozen: make the one of the current schema
// once, right after its migration lands on main, with
//
//	go test ./internal/store -run TestMakeFixture -fixture
//
// and commit it. TestMigrateFromFixtures upgrades every one of them.
var makeFixture = flag.Bool("fixture", false, "write testdata/schema/v<N>.db for the current schema")

func TestMakeFixture(t *testing.T) {
	if !*makeFixture {
		t.Skip("go test ./internal/store -run TestMakeFixture -fixture")
	}
	out := filepath.Join("testdata", "schema", fmt.Sprintf("v%d.db", SchemaVersion()))
	if _, err := os.Stat(out); err == nil {
		t.Fatalf("%s exists; fixtures are frozen (delete it first if it was made before its migration landed)", out)
	}
	os.MkdirAll(filepath.Dir(out), 0o755)
	db := openTest(t)
	fillFixture(t, db)
	if _, err := db.BackupTo(ctx, out); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s", out)
}

// fillFixture writes a few rows of every kind through the public API of
// the current schema: add the new kinds when a migration adds tables.
func fillFixture(t *testing.T, db *DB) {
	t.Helper()
	people := []*wub.Trainee{siti(),
		{NIK: "3528041203900002", Name: "Ahmad Fauzi", Sex: "L", DesaCode: "35.28.02.2001", Phone: "085712345678",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DPMPTSP, Year: 2021, Status: wub.StatusTrained},
				{AgencyCode: wub.DISKOPUKM, Year: 2023, Status: wub.StatusRegistered}}},
		{NIK: "3528044506880003", Name: "Nur Aini", Sex: "P", Address: "Dusun Krajan",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2024, Status: wub.StatusDropped}}},
	}
	for _, p := range people {
		if _, err := db.CreateTrainee(ctx, p); err != nil {
			t.Fatal(p.Name, err)
		}
	}
	people[0].Phone = "081299998888"
	if _, err := db.UpdateTrainee(ctx, people[0]); err != nil {
		t.Fatal(err)
	}
	if err := db.DeleteTrainee(ctx, people[2].ID); err != nil {
		t.Fatal(err)
	}
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: wub.DISPERINDAG, HeadName: "Ir. Budi", Place: "Pamekasan"}); err != nil {
		t.Fatal(err)
	}
	addBulk(t, db, 0, 25, "fixture.xlsx")
	fillFixtureExtras(t, db, people[0])
	fillFixtureHandover(t, db)
	fillFixtureLetters(t, db)
	fillFixtureDupes(t, db)
}

// fillFixtureExtras writes a row of each kind that migrations 0003–0007
// added: facilitator, contract, visit and monthly report; quota and opening
// balance; business, licence, outlet, product and listing; a user.
func fillFixtureExtras(t *testing.T, db *DB, siti *wub.Trainee) {
	t.Helper()
	must := func(what string, err error) {
		if err != nil {
			t.Fatal(what, err)
		}
	}
	d := func(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }
	f := addFacilitator(t, db, 1, "Moh. Rofiq")
	_, err := db.CreateContract(ctx, &wub.Contract{FacilitatorID: f.ID, AgencyCode: wub.DISPERINDAG, Year: 2022,
		SPKNumber: "027/01/SPK/2022", StartDate: d(2022, 1, 3), EndDate: d(2022, 12, 30), Honorarium: 1500000, TargetTrainees: 40})
	must("contract", err)
	must("visit", db.SaveMentoring(ctx, &wub.Mentoring{Date: d(2022, 7, 1), TraineeID: siti.ID, FacilitatorID: f.ID,
		BusinessState: wub.BusinessRunning, Notes: "usaha keripik berjalan"}))
	must("report", db.SaveActivityReport(ctx, &wub.ActivityReport{FacilitatorID: f.ID, Month: "2022-07",
		Activities: "kunjungan", TraineesVisited: 5, SubmittedOn: d(2022, 8, 5)}))
	must("quota", db.SetQuotas(ctx, 2022, []wub.Quota{{AgencyCode: wub.DISPERINDAG, Year: 2022, Count: 300}}))
	must("opening", db.SetOpeningBalances(ctx, []wub.OpeningBalance{{AgencyCode: wub.DPMPTSP, Year: 2020, Count: 120, Note: "rekap 2020"}}))
	bs, err := db.Businesses(ctx, siti.ID)
	must("businesses", err)
	if len(bs) != 1 {
		t.Fatalf("the running visit recorded %d businesses", len(bs))
	}
	_, err = db.AddLicence(ctx, &wub.Licence{BusinessID: bs[0].ID, Kind: wub.LicenceNIB, Number: "1234567890123", IssuedOn: d(2022, 9, 1)})
	must("licence", err)
	o := &wub.Outlet{Name: "Wamira Mart Pademawu", KecCode: "35.28.02", OpenedOn: d(2021, 3, 1)}
	_, err = db.SaveOutlet(ctx, o)
	must("outlet", err)
	p := &wub.Product{BusinessID: bs[0].ID, TraineeID: siti.ID, Name: "Keripik tette", Category: "makanan", Price: 15000,
		Unit: "bungkus", PIRT: wub.CertProcess, Halal: wub.CertNone}
	_, err = db.SaveProduct(ctx, p)
	must("product", err)
	_, err = db.AddListing(ctx, &wub.Listing{ProductID: p.ID, OutletID: o.ID, ListedOn: d(2022, 10, 1)})
	must("listing", err)
	_, err = db.CreateUser(ctx, wub.User{Name: "operator", Role: wub.RoleOperator, Active: true}, "kata-sandi-1")
	must("user", err)
}

// tableCounts counts the rows of every table of a database file, read-only.
func tableCounts(t *testing.T, path string) map[string]int {
	t.Helper()
	c, err := sql.Open("sqlite", readOnlyURI(path))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	rows, err := c.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for rows.Next() {
		var n string
		rows.Scan(&n)
		names = append(names, n)
	}
	rows.Close()
	out := map[string]int{}
	for _, n := range names {
		var k int
		if err := c.QueryRow(`SELECT count(*) FROM "` + n + `"`).Scan(&k); err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		out[n] = k
	}
	return out
}

func fixtures(t *testing.T) map[int]string {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join("testdata", "schema", "v*.db"))
	out := map[int]string{}
	re := regexp.MustCompile(`^v(\d+)\.db$`)
	for _, p := range paths {
		if m := re.FindStringSubmatch(filepath.Base(p)); m != nil {
			v, _ := strconv.Atoi(m[1])
			out[v] = p
		}
	}
	if len(out) == 0 {
		t.Fatal("no fixtures in testdata/schema")
	}
	return out
}

// TestMigrateFromFixtures upgrades a copy of every earlier schema's fixture:
// a backup is made first, every row is kept, and the result passes
// integrity_check and works (search, a new record).
func TestMigrateFromFixtures(t *testing.T) {
	fx := fixtures(t)
	versions := make([]int, 0, len(fx))
	for v := range fx {
		versions = append(versions, v)
	}
	sort.Ints(versions)
	for _, v := range versions {
		t.Run(fmt.Sprintf("v%d", v), func(t *testing.T) {
			if v > SchemaVersion() {
				t.Fatalf("fixture v%d is newer than this build's schema %d", v, SchemaVersion())
			}
			path := filepath.Join(t.TempDir(), "kantor.db")
			if err := copyFile(fx[v], path); err != nil {
				t.Fatal(err)
			}
			before := tableCounts(t, path)
			hdr, _ := readHeader(path)
			if int(be32(hdr[60:64])) != v || be32(hdr[68:72]) != ApplicationID {
				t.Fatalf("fixture header: user_version %d, application_id %x", be32(hdr[60:64]), be32(hdr[68:72]))
			}

			db, err := OpenChecked(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			db.Now = func() time.Time { return time.Date(2025, 2, 3, 9, 0, 0, 0, time.UTC) }
			if got, _ := db.UserVersion(ctx); got != SchemaVersion() {
				t.Errorf("user_version %d after upgrade, want %d", got, SchemaVersion())
			}
			if err := db.IntegrityCheck(ctx, true); err != nil {
				t.Error(err)
			}
			var fk int
			db.r.QueryRow("SELECT count(*) FROM pragma_foreign_key_check").Scan(&fk)
			if fk != 0 {
				t.Errorf("%d foreign key violations", fk)
			}
			db.Close()
			after := tableCounts(t, path)
			for table, n := range before {
				// Migration 0009 moves undated enrolments out of January:
				// tally groups may merge, VerifyTallies checks their sums.
				if table == "enrolment_tally" || table == "person_tally" {
					continue
				}
				if after[table] < n {
					t.Errorf("table %s: %d rows before, %d after", table, n, after[table])
				}
			}
			for _, table := range []string{"trainee", "enrolment", "audit"} {
				if after[table] != before[table] {
					t.Errorf("table %s: %d rows before, %d after", table, before[table], after[table])
				}
			}

			// The records read back as records, and the upgraded file works.
			db, err = Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			if v < SchemaVersion() {
				list, _ := ListBackups(path)
				if len(list) != 1 || list[0].Reason != ReasonMigration {
					t.Fatalf("backups before the upgrade: %+v", list)
				}
				if info, err := VerifyBackup(ctx, list[0].Path); err != nil || info.SchemaVersion != v {
					t.Errorf("pre-migration backup: %+v %v", info, err)
				}
			}
			got, err := db.TraineeByNIK(ctx, "3528045203950001")
			if err != nil || got.Name != "Siti Aminah" || got.Phone != "081299998888" || len(got.Enrolments) != 1 {
				t.Errorf("Siti after upgrade: %+v %v", got, err)
			}
			if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{Text: "fauzi"}); n != 1 {
				t.Errorf("search after upgrade finds %d", n)
			}
			// From v10 the fixture also holds a merge (fillFixtureDupes),
			// which deletes the dropped record softly.
			wantDeleted := 1
			if v >= 10 {
				wantDeleted = 2
			}
			if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{Deleted: true}); n != wantDeleted {
				t.Errorf("%d deleted trainees after upgrade, want %d", n, wantDeleted)
			}
			if _, err := db.CreateTrainee(ctx, &wub.Trainee{NIK: "3528040101800004", Name: "Abdul Aziz", Sex: "L",
				Enrolments: []wub.Enrolment{{AgencyCode: wub.DKPP, Year: 2025, Status: wub.StatusRegistered}}}); err != nil {
				t.Errorf("new record after upgrade: %v", err)
			}
		})
	}
}

// TestNewerSchemaRefusedUntouched: a file from a newer WUBDesk is refused
// with db_newer and left byte for byte as it was, with nothing beside it.
func TestNewerSchemaRefusedUntouched(t *testing.T) {
	fx := fixtures(t)
	latest := 0
	for v := range fx {
		latest = max(latest, v)
	}
	for _, wal := range []bool{false, true} {
		dir := t.TempDir()
		path := filepath.Join(dir, "baru.db")
		b, err := os.ReadFile(fx[latest])
		if err != nil {
			t.Fatal(err)
		}
		nv := SchemaVersion() + 1
		b[60], b[61], b[62], b[63] = byte(nv>>24), byte(nv>>16), byte(nv>>8), byte(nv)
		if wal {
			b[18], b[19] = 2, 2
		}
		os.WriteFile(path, b, 0o644)
		before := fileHash(t, path)
		if _, err := Open(path); wub.ErrorCode(err) != "db_newer" {
			t.Errorf("wal=%v: Open = %v", wal, err)
		}
		if _, err := OpenChecked(ctx, path); wub.ErrorCode(err) != "db_newer" {
			t.Errorf("wal=%v: OpenChecked = %v", wal, err)
		}
		if fileHash(t, path) != before {
			t.Errorf("wal=%v: the newer file was changed", wal)
		}
		if ents, _ := os.ReadDir(dir); len(ents) != 1 {
			t.Errorf("wal=%v: %d files beside it after the refusal", wal, len(ents)-1)
		}
	}
}

var upgradeFixture = flag.Int("fixture-upgrade", 0, "write testdata/schema/v<N>.db: the v1 fixture upgraded by the migrations up to N")

// TestMakeUpgradedFixture writes the fixture of an intermediate schema
// version: the v1 fixture as a build whose newest migration was N would
// have left it. Versions 3–6 were developed side by side and first landed
// together with 7, so no build ever wrote them from scratch; this is the
// only way such a file can exist, and it is tested like any other.
//
//	go test ./internal/store -run TestMakeUpgradedFixture -fixture-upgrade N
func TestMakeUpgradedFixture(t *testing.T) {
	n := *upgradeFixture
	if n == 0 {
		t.Skip("go test ./internal/store -run TestMakeUpgradedFixture -fixture-upgrade N")
	}
	out := filepath.Join("testdata", "schema", fmt.Sprintf("v%d.db", n))
	if _, err := os.Stat(out); err == nil {
		t.Fatalf("%s exists; fixtures are frozen", out)
	}
	tmp := filepath.Join(t.TempDir(), "v.db")
	if err := copyFile(filepath.Join("testdata", "schema", "v1.db"), tmp); err != nil {
		t.Fatal(err)
	}
	raw, err := sql.Open("sqlite", tmp+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range ms {
		if m.version <= 1 || m.version > n {
			continue
		}
		found = found || m.version == n
		if _, err := raw.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := raw.Exec(fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
			t.Fatal(err)
		}
	}
	if !found {
		t.Fatalf("no migration numbered %d", n)
	}
	if _, err := raw.Exec("VACUUM INTO ?", out); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	t.Logf("wrote %s", out)
}
