package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/wub"
)

var ctx = context.Background()

func openTest(t testing.TB) *DB {
	t.Helper()
	db, err := Open(filepath.Join(t.TempDir(), "wub.db"))
	if err != nil {
		t.Fatal(err)
	}
	db.Now = func() time.Time { return time.Date(2024, 6, 1, 9, 0, 0, 0, time.UTC) }
	db.Actor = "tester"
	t.Cleanup(func() { db.Close() })
	return db
}

func siti() *wub.Trainee {
	return &wub.Trainee{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P",
		BirthDate: time.Date(1995, 3, 12, 0, 0, 0, 0, time.UTC), DesaCode: "35.28.04.1001", Phone: "081234567890",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISPERINDAG, Year: 2022, Status: wub.StatusTrained,
			EnrolledOn: time.Date(2022, 5, 2, 0, 0, 0, 0, time.UTC), CompletedOn: time.Date(2022, 6, 10, 0, 0, 0, 0, time.UTC)}}}
}

func TestOpenNewFileMigrates(t *testing.T) {
	db := openTest(t)
	v, err := db.UserVersion(ctx)
	if err != nil || v != SchemaVersion() {
		t.Fatalf("user_version = %d, %v; want %d", v, err, SchemaVersion())
	}
	var appID, fk int
	var mode string
	db.r.QueryRow("PRAGMA application_id").Scan(&appID)
	db.w.QueryRow("PRAGMA foreign_keys").Scan(&fk)
	db.w.QueryRow("PRAGMA journal_mode").Scan(&mode)
	if appID != ApplicationID || fk != 1 || mode != "wal" {
		t.Errorf("application_id=%x foreign_keys=%d journal_mode=%s", appID, fk, mode)
	}
	as, err := db.Agencies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(as.InYear(2022)); n != 7 {
		t.Errorf("2022 has %d agencies, want 7", n)
	}
	if n := len(as.InYear(2023)); n != 6 {
		t.Errorf("2023 has %d agencies, want 6", n)
	}
	if err := db.IntegrityCheck(ctx, true); err != nil {
		t.Error(err)
	}
}

func TestOpenRefusesForeignAndNewerFiles(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "notes.db")
	os.WriteFile(txt, []byte("this is not a database at all, just some text that is long enough to fill a header......."), 0o644)
	if _, err := Open(txt); wub.ErrorCode(err) != "db_foreign" {
		t.Errorf("text file: %v", err)
	}
	b, _ := os.ReadFile(txt)
	if string(b[:4]) != "this" {
		t.Error("the foreign file was changed")
	}

	newer := filepath.Join(dir, "newer.db")
	db, err := Open(newer)
	if err != nil {
		t.Fatal(err)
	}
	db.w.Exec("PRAGMA user_version = 999")
	db.Close()
	if _, err := Open(newer); wub.ErrorCode(err) != "db_newer" {
		t.Errorf("newer file: %v", err)
	}
}

func TestCreateAndGetTrainee(t *testing.T) {
	db := openTest(t)
	tr := siti()
	tr.Phone = "+62 812-3456-7890"
	warns, err := db.CreateTrainee(ctx, tr)
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 0 {
		t.Errorf("warnings: %v", warns)
	}
	got, err := db.Trainee(ctx, tr.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.NIK != "3528045203950001" || got.Phone != "081234567890" || got.KecCode != "35.28.04" || len(got.Enrolments) != 1 {
		t.Errorf("got %+v", got)
	}
	rows, err := db.SearchTrainees(ctx, wub.TraineeFilter{}, 0, 50)
	if err != nil || len(rows) != 1 || rows[0].AgencyCode != wub.DISPERINDAG || rows[0].Year != 2022 || rows[0].Status != wub.StatusTrained {
		t.Errorf("list = %+v, %v", rows, err)
	}
	audit, _ := db.AuditFor(ctx, "trainee", tr.ID)
	if len(audit) != 1 || audit[0].Action != "insert" || audit[0].Actor != "tester" {
		t.Errorf("audit = %+v", audit)
	}
}

func TestCreateRejectsAndSavesNothing(t *testing.T) {
	db := openTest(t)
	cases := map[string]func(*wub.Trainee){
		"nik_format":   func(t *wub.Trainee) { t.NIK = "35280452039500" },
		"name_missing": func(t *wub.Trainee) { t.Name = "" },
		"date_future":  func(t *wub.Trainee) { t.BirthDate = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC) },
		"agency_not_in_year": func(t *wub.Trainee) {
			t.Enrolments[0].AgencyCode = wub.DPMPTSP
			t.Enrolments[0].Year = 2023
		},
	}
	for code, edit := range cases {
		tr := siti()
		edit(tr)
		_, err := db.CreateTrainee(ctx, tr)
		if err == nil {
			t.Errorf("%s: saved", code)
			continue
		}
		found := false
		for _, c := range err.(wub.Issues).Codes() {
			found = found || c == code
		}
		if !found {
			t.Errorf("%s: got %v", code, err)
		}
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{}); n != 0 {
		t.Errorf("%d trainees saved", n)
	}
}

func TestDuplicateNIKNamesWhere(t *testing.T) {
	db := openTest(t)
	if _, err := db.CreateTrainee(ctx, siti()); err != nil {
		t.Fatal(err)
	}
	dup := siti()
	dup.Name = "Siti A."
	_, err := db.CreateTrainee(ctx, dup)
	if wub.ErrorCode(err) != "nik_registered" {
		t.Fatalf("err = %v", err)
	}
	if msg := err.Error(); !containsAll(msg, "Siti Aminah", "Disperindag 2022") {
		t.Errorf("message %q does not say where", msg)
	}
	_, where, _ := db.DescribeNIK(ctx, "3528 0452 0395 0001")
	if where != "Siti Aminah — Disperindag 2022" {
		t.Errorf("DescribeNIK = %q", where)
	}
}

func TestUpdateDeleteRestore(t *testing.T) {
	db := openTest(t)
	tr := siti()
	db.CreateTrainee(ctx, tr)
	tr.Name = "Siti Aminah Rahmawati"
	tr.Enrolments = append(tr.Enrolments, wub.Enrolment{AgencyCode: wub.DISKOPUKM, Year: 2024, Status: wub.StatusRegistered})
	if _, err := db.UpdateTrainee(ctx, tr); err != nil {
		t.Fatal(err)
	}
	rows, _ := db.SearchTrainees(ctx, wub.TraineeFilter{Text: "rahma"}, 0, 10)
	if len(rows) != 1 || rows[0].AgencyCode != wub.DISKOPUKM || rows[0].Year != 2024 {
		t.Fatalf("after update: %+v", rows)
	}
	// Filter by an older enrolment still finds the person.
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{Year: 2022, AgencyCode: wub.DISPERINDAG}); n != 1 {
		t.Errorf("filter 2022 Disperindag = %d", n)
	}
	// A second enrolment for the same agency and year is refused.
	tr.Enrolments = append(tr.Enrolments, wub.Enrolment{AgencyCode: wub.DISKOPUKM, Year: 2024, Status: wub.StatusTrained})
	if _, err := db.UpdateTrainee(ctx, tr); wub.ErrorCode(err) != "enrolment_duplicate" {
		t.Errorf("duplicate enrolment: %v", err)
	}
	got, _ := db.Trainee(ctx, tr.ID)
	if len(got.Enrolments) != 2 {
		t.Errorf("failed update left %d enrolments", len(got.Enrolments))
	}

	if err := db.DeleteTrainee(ctx, tr.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{}); n != 0 {
		t.Errorf("deleted still listed")
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{Deleted: true}); n != 1 {
		t.Errorf("Terhapus view = %d", n)
	}
	// The NIK is free while the record is deleted; restoring then conflicts.
	other := siti()
	other.Name = "Orang Lain"
	if _, err := db.CreateTrainee(ctx, other); err != nil {
		t.Fatal(err)
	}
	if err := db.RestoreTrainee(ctx, tr.ID); wub.ErrorCode(err) != "nik_registered" {
		t.Errorf("restore over a live NIK: %v", err)
	}
	db.DeleteTrainee(ctx, other.ID)
	if err := db.RestoreTrainee(ctx, tr.ID); err != nil {
		t.Fatal(err)
	}
	got, _ = db.Trainee(ctx, tr.ID)
	if !got.DeletedAt.IsZero() || len(got.Enrolments) != 2 {
		t.Errorf("restored: %+v", got)
	}
	audit, _ := db.AuditFor(ctx, "trainee", tr.ID)
	var actions []string
	for _, a := range audit {
		actions = append(actions, a.Action)
	}
	if want := "insert update delete restore"; join(actions) != want {
		t.Errorf("audit actions = %q, want %q", join(actions), want)
	}
}

func TestSearch(t *testing.T) {
	db := openTest(t)
	people := []struct{ nik, name, desa string }{
		{"3528045203950001", "Siti Aminah", "35.28.04.1001"},
		{"3528041203900002", "Ahmad Fauzi", "35.28.02.2001"},
		{"3528044506880003", "Nur Aini", "35.28.02.2001"},
		{"3528040101800004", "Abdul Aziz", "35.28.01.2001"},
	}
	for _, p := range people {
		_, err := db.CreateTrainee(ctx, &wub.Trainee{NIK: p.nik, Name: p.name, DesaCode: p.desa,
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKP, Year: 2023, Status: wub.StatusRegistered}}})
		if err != nil {
			t.Fatal(p.name, err)
		}
	}
	desaName := wub.Ref().DesaName("35.28.02.2001")
	tests := []struct {
		text string
		want int
	}{
		{"", 4}, {"ami", 1}, {"AMINAH", 1}, {"a", 4}, {"n", 1}, {"az", 1}, {"fauzi ahmad", 1},
		{"352804", 4}, {"0003", 1}, {desaName, 2}, {"zzz", 0}, {`"%_`, 0},
	}
	for _, tt := range tests {
		n, err := db.CountTrainees(ctx, wub.TraineeFilter{Text: tt.text})
		rows, err2 := db.SearchTrainees(ctx, wub.TraineeFilter{Text: tt.text}, 0, 50)
		if err != nil || err2 != nil || n != tt.want || len(rows) != tt.want {
			t.Errorf("search %q: count %d rows %d (%v %v), want %d", tt.text, n, len(rows), err, err2, tt.want)
		}
	}
	rows, _ := db.SearchTrainees(ctx, wub.TraineeFilter{Sort: wub.SortName, Desc: true}, 0, 2)
	if len(rows) != 2 || rows[0].Name != "Siti Aminah" || rows[1].Name != "Nur Aini" {
		t.Errorf("sorted desc: %+v", rows)
	}
	rows, _ = db.SearchTrainees(ctx, wub.TraineeFilter{Sort: wub.SortName}, 2, 2)
	if len(rows) != 2 || rows[0].Name != "Nur Aini" {
		t.Errorf("page 2: %+v", rows)
	}
}

func TestSettingsAndOffice(t *testing.T) {
	db := openTest(t)
	o, _ := db.Office(ctx)
	if o.Configured() {
		t.Fatal("new database is configured")
	}
	if err := db.SetOffice(ctx, wub.Office{AgencyCode: "NOPE"}); wub.ErrorCode(err) != "agency_unknown" {
		t.Errorf("unknown agency: %v", err)
	}
	want := wub.Office{AgencyCode: wub.DISPERINDAG, HeadName: "Ir. Budi", HeadNIP: "196801011990031001", Place: "Pamekasan"}
	if err := db.SetOffice(ctx, want); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Office(ctx); got != want {
		t.Errorf("office = %+v", got)
	}
}

func containsAll(s string, subs ...string) bool {
	for _, sub := range subs {
		found := false
		for i := 0; i+len(sub) <= len(s); i++ {
			if s[i:i+len(sub)] == sub {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func join(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}

func TestBulkIsAllOrNothing(t *testing.T) {
	db := openTest(t)
	mk := func(nik, name string) *wub.Trainee {
		tr := &wub.Trainee{NIK: nik, Name: name, Sex: "L",
			Enrolments: []wub.Enrolment{{AgencyCode: wub.DKPP, Year: 2022, Status: wub.StatusTrained}}}
		tr.Normalize()
		return tr
	}
	// The second row repeats the first NIK: the whole batch rolls back.
	err := db.Bulk(ctx, func(b *Bulk) error {
		if err := b.Insert(mk("3528041203900002", "Ahmad")); err != nil {
			return err
		}
		return b.Insert(mk("3528041203900002", "Ahmad lagi"))
	})
	if wub.ErrorCode(err) != "nik_registered" {
		t.Fatalf("err = %v", err)
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{}); n != 0 {
		t.Fatalf("%d rows survived a failed bulk write", n)
	}
	// A cancelled context also leaves nothing.
	cctx, cancel := context.WithCancel(ctx)
	err = db.Bulk(cctx, func(b *Bulk) error {
		if err := b.Insert(mk("3528041203900002", "Ahmad")); err != nil {
			return err
		}
		cancel()
		return b.Insert(mk("3528041203900003", "Budi"))
	})
	if err == nil {
		t.Fatal("cancelled bulk write committed")
	}
	if n, _ := db.CountTrainees(ctx, wub.TraineeFilter{}); n != 0 {
		t.Fatalf("%d rows survived a cancelled bulk write", n)
	}
	err = db.Bulk(ctx, func(b *Bulk) error {
		for _, nik := range []string{"3528041203900002", "3528041203900003"} {
			if err := b.Insert(mk(nik, "Orang "+nik[12:])); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := db.SearchTrainees(ctx, wub.TraineeFilter{Text: "orang"}, 0, 10)
	if len(rows) != 2 || rows[0].AgencyCode != wub.DKPP || rows[0].Status != wub.StatusTrained {
		t.Errorf("rows = %+v", rows)
	}
}

func TestActiveYear(t *testing.T) {
	db := openTest(t)
	if y, err := db.ActiveYear(ctx, 2026); err != nil || y != 2026 {
		t.Errorf("empty database: %d, %v", y, err)
	}
	db.CreateTrainee(ctx, siti()) // enrolled 2022
	if y, _ := db.ActiveYear(ctx, 2026); y != 2022 {
		t.Errorf("with a 2022 enrolment: %d", y)
	}
	if err := db.SetQuotas(ctx, 2024, []wub.Quota{{AgencyCode: wub.DKP, Year: 2024, Count: 100}}); err != nil {
		t.Fatal(err)
	}
	if y, _ := db.ActiveYear(ctx, 2026); y != 2024 {
		t.Errorf("with a 2024 quota: %d", y)
	}
	if y, _ := db.ActiveYear(ctx, 2023); y != 2022 {
		t.Errorf("up to 2023: %d", y)
	}
}
