package store

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"wubdesk/internal/wub"
)

// manyPeople makes n people with zero, one or two enrolments across years
// and statuses, some without a desa.
func manyPeople(n int) []*wub.Trainee {
	statuses := []string{wub.StatusTrained, wub.StatusDropped, wub.StatusRegistered}
	agencies := []string{wub.DKP, wub.DKPP, wub.DISPERINDAG}
	var ts []*wub.Trainee
	for i := range n {
		var es []wub.Enrolment
		for k := range i % 3 {
			es = append(es, wub.Enrolment{AgencyCode: agencies[(i+k)%3], Year: 2020 + (i+2*k)%5, Status: statuses[(i/3+k)%3]})
		}
		p := person(fmt.Sprintf("35280412039%05d", i+1), fmt.Sprintf("Peserta Nomor %d", i+1), es...)
		if i%4 == 0 {
			p.DesaCode, p.KecCode = "", ""
		}
		p.Source = fmt.Sprintf("uji.xlsx / Sheet1 / %d", i+2)
		ts = append(ts, p)
	}
	return ts
}

// dumpRows reads every column of every row of a table, ordered by id.
func dumpRows(t *testing.T, db *DB, table string) [][]any {
	t.Helper()
	return queryRows(t, db, "SELECT * FROM "+table+" ORDER BY id")
}

// queryRows reads every column of every row a query returns.
func queryRows(t *testing.T, db *DB, q string) [][]any {
	t.Helper()
	rows, err := db.r.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vs := make([]any, len(cols))
		ps := make([]any, len(cols))
		for i := range vs {
			ps[i] = &vs[i]
		}
		if err := rows.Scan(ps...); err != nil {
			t.Fatal(err)
		}
		for i, c := range cols {
			if c == "gid" { // global ids are random (issue 21): compare only that there is one
				g, _ := vs[i].(string)
				vs[i] = len(g) == 36
			}
		}
		out = append(out, vs)
	}
	return out
}

// TestInsertMany checks that InsertMany writes exactly what Insert writes
// (every column of trainee and enrolment, the ids handed back, the audit
// rows), for chunk sizes that do and do not divide the people, into an
// empty table (BulkLoad's deferred path) and into one that is not.
func TestInsertMany(t *testing.T) {
	for _, tt := range []struct {
		name     string
		chunk    int
		audit    bool
		nonEmpty bool
	}{
		{"chunks of 1", 1, false, false},
		{"chunks of 7", 7, false, false},
		{"one chunk", 100, true, false},
		{"into a used table, audited", 32, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want, got := openTest(t), openTest(t)
			wantPeople, gotPeople := manyPeople(100), manyPeople(100)
			for _, db := range []*DB{want, got} {
				if tt.nonEmpty {
					if _, err := db.CreateTrainee(ctx, person("3528045203950001", "Siti Aminah",
						wub.Enrolment{AgencyCode: wub.DKP, Year: 2021, Status: wub.StatusTrained})); err != nil {
						t.Fatal(err)
					}
				}
			}
			err := want.BulkLoad(ctx, func(b *Bulk) error {
				b.Audit = tt.audit
				for _, p := range wantPeople {
					if err := b.Insert(p); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			err = got.BulkLoad(ctx, func(b *Bulk) error {
				b.Audit = tt.audit
				for i := 0; i < len(gotPeople); i += tt.chunk {
					if err := b.InsertMany(gotPeople[i:min(i+tt.chunk, len(gotPeople))]); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			for _, table := range []string{"trainee", "enrolment"} {
				if w, g := dumpRows(t, want, table), dumpRows(t, got, table); !reflect.DeepEqual(w, g) {
					t.Errorf("%s differs from Insert's:\n got %v\nwant %v", table, g, w)
				}
			}
			if !reflect.DeepEqual(gotPeople, wantPeople) {
				t.Error("ids handed back differ from Insert's")
			}
			for _, p := range gotPeople {
				if p.ID == 0 {
					t.Fatalf("%s has no id", p.Name)
				}
				for _, e := range p.Enrolments {
					if e.ID == 0 || e.TraineeID != p.ID {
						t.Fatalf("%s: enrolment %+v", p.Name, e)
					}
				}
			}
			// Audit rows come per table rather than per person: the same rows.
			audits := func(db *DB) []string {
				rows, err := db.r.Query(`SELECT entity || ' ' || entity_id || ' ' || action || ' ' || coalesce(new, '')
					FROM audit WHERE entity IN ('trainee', 'enrolment') ORDER BY entity, entity_id`)
				if err != nil {
					t.Fatal(err)
				}
				defer rows.Close()
				var out []string
				for rows.Next() {
					var s string
					rows.Scan(&s)
					out = append(out, s)
				}
				return out
			}
			gotAudit, wantAudit := audits(got), audits(want)
			if !reflect.DeepEqual(gotAudit, wantAudit) {
				t.Errorf("audit rows differ from Insert's:\n got %v\nwant %v", gotAudit, wantAudit)
			}
			if base := map[bool]int{false: 0, true: 2}[tt.nonEmpty]; tt.audit == (len(gotAudit) == base) {
				t.Errorf("audit = %v but %d audit rows", tt.audit, len(gotAudit))
			}
			for _, c := range []struct {
				filter wub.TraineeFilter
				want   int
			}{
				{wub.TraineeFilter{Text: "nomor 77"}, 1},
				{wub.TraineeFilter{Text: "3528041203900100"}, 1},
				{wub.TraineeFilter{Year: 2024}, countRows(t, want, "SELECT count(*) FROM trainee WHERE cur_year = 2024")},
				{wub.TraineeFilter{AgencyCode: wub.DKPP}, countRows(t, want, "SELECT count(*) FROM trainee WHERE cur_agency = ?", wub.DKPP)},
			} {
				if n, err := got.CountTrainees(ctx, c.filter); err != nil || n != c.want || n == 0 {
					t.Errorf("%+v finds %d (%v), want %d", c.filter, n, err, c.want)
				}
			}
			if err := got.VerifyTallies(ctx); err != nil {
				t.Error(err)
			}
			if err := got.IntegrityCheck(ctx, true); err != nil {
				t.Error(err)
			}
		})
	}
}

// TestInsertManyRefused checks that a NIK already registered, in the chunk
// or before it, or a repeated enrolment, is refused with the code Insert
// gives, naming the NIK, and that nothing of the load is written.
func TestInsertManyRefused(t *testing.T) {
	const nik = "3528041203900005"
	for _, tt := range []struct {
		name   string
		stored bool // a person with nik is in the database before the load
		chunks func(ps []*wub.Trainee) [][]*wub.Trainee
		code   string
	}{
		{"repeated in the chunk", false, func(ps []*wub.Trainee) [][]*wub.Trainee {
			return [][]*wub.Trainee{append(ps[:10:10], person(nik, "Lagi"))}
		}, "nik_registered"},
		{"repeated from an earlier chunk", false, func(ps []*wub.Trainee) [][]*wub.Trainee {
			return [][]*wub.Trainee{ps[:10], {ps[10], person(nik, "Lagi")}}
		}, "nik_registered"},
		{"already in the database", true, func(ps []*wub.Trainee) [][]*wub.Trainee {
			return [][]*wub.Trainee{ps[2:9]}
		}, "nik_registered"},
		{"repeated enrolment", false, func(ps []*wub.Trainee) [][]*wub.Trainee {
			p := person("3528041203990001", "Dua Kali",
				wub.Enrolment{AgencyCode: wub.DKP, Year: 2022, Status: wub.StatusTrained},
				wub.Enrolment{AgencyCode: wub.DKP, Year: 2022, Status: wub.StatusDropped})
			return [][]*wub.Trainee{ps[:10], {ps[10], p, ps[11]}}
		}, "enrolment_duplicate"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := openTest(t)
			if tt.stored {
				if _, err := db.CreateTrainee(ctx, person(nik, "Sudah Ada")); err != nil {
					t.Fatal(err)
				}
			}
			before := schemaSQL(t, db)
			trainees := countRows(t, db, "SELECT count(*) FROM trainee")
			err := db.BulkLoad(ctx, func(b *Bulk) error {
				for _, c := range tt.chunks(manyPeople(20)) {
					if err := b.InsertMany(c); err != nil {
						return err
					}
				}
				return nil
			})
			var is wub.Issues
			if !errors.As(err, &is) || len(is) != 1 || is[0].Code != tt.code {
				t.Fatalf("error %v, want %s", err, tt.code)
			}
			if tt.code == "nik_registered" && (len(is[0].Args) != 1 || is[0].Args[0] != nik) {
				t.Errorf("error names %v, want the NIK", is[0].Args)
			}
			if n := countRows(t, db, "SELECT count(*) FROM trainee"); n != trainees {
				t.Errorf("%d trainees after the refused load, want %d", n, trainees)
			}
			if n := countRows(t, db, "SELECT count(*) FROM enrolment"); n != 0 {
				t.Errorf("%d enrolments after the refused load", n)
			}
			if !reflect.DeepEqual(schemaSQL(t, db), before) {
				t.Error("schema changed by the refused load")
			}
		})
	}
}
