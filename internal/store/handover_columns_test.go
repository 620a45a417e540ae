package store

import (
	"slices"
	"testing"
)

// handoverLocal are the columns of a carried table that stay behind on
// purpose: the receiver gives its own ids, only live rows travel
// (deleted_at), the trainee's names and search text are computed again on
// arrival (traineeExtra) and so is its latest enrolment (cur_*, by
// refreshCurrent after the enrolments are in). Any other column must be
// carried.
var handoverLocal = map[string][]string{
	"*":       {"id", "deleted_at"},
	"trainee": append(slices.Clone(traineeExtra), "cur_agency", "cur_year", "cur_status"),
}

// TestHandoverCarriesEveryColumn is the one source of the handover's schema:
// the columns in hoKinds are checked against PRAGMA table_info of the real
// tables, so a migration that adds a column fails here until the handover
// carries it (or lists it in handoverLocal with a reason).
func TestHandoverCarriesEveryColumn(t *testing.T) {
	db := openTest(t)
	for _, k := range hoKinds {
		have := tableColumns(t, db, k.name)
		if len(have) == 0 {
			t.Errorf("handover kind %s: no such table", k.name)
			continue
		}
		for _, c := range have {
			if slices.Contains(k.cols, c) || slices.Contains(handoverLocal["*"], c) || slices.Contains(handoverLocal[k.name], c) {
				continue
			}
			t.Errorf("table %s has column %s that the handover does not carry (store/handover.go hoKinds)", k.name, c)
		}
		for _, c := range k.cols {
			if !slices.Contains(have, c) {
				t.Errorf("handover kind %s carries %s, which the table does not have", k.name, c)
			}
		}
	}
	have := tableColumns(t, db, "audit")
	for _, c := range have {
		if !slices.Contains(auditCols, c) {
			t.Errorf("table audit has column %s that the handover does not carry (auditCols)", c)
		}
	}
}

func tableColumns(t *testing.T, db *DB, table string) []string {
	t.Helper()
	rows, err := db.r.QueryContext(ctx, "SELECT name FROM pragma_table_info(?)", table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			t.Fatal(err)
		}
		out = append(out, n)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}
