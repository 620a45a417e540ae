package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// ReasonHandover names the automatic backup made before a handover
// package is imported.
const ReasonHandover = "handover"

// HandoverRow is one record of a handover package: column → value (int64,
// string or nil). Reference columns hold ids of the giving database; "id"
// is the record's own id there (kinds without ids have none).
type HandoverRow map[string]any

// hoKind says how one table travels between databases: the columns carried,
// which of them point to other records, and the key that finds the same
// record in another database (ids mean nothing there).
type hoKind struct {
	name     string            // table and record type
	cols     []string          // carried columns besides id
	refs     map[string]string // column → kind it points to
	nullable []string          // reference columns that may be NULL
	key      []string          // identify the record between databases
	fold     string            // key column compared without case
	ignore   []string          // carried but not compared (when and by whom)
	noID     bool              // no id column; nothing points to it
	live     bool              // has deleted_at: only live rows travel
	agency   string            // agency and year columns of the carry-on rule
	year     string
}

var stamps = []string{"created_at", "updated_at"}

// hoKinds are the record types of a handover in dependency order: a kind
// only points to kinds before it (contracts also to earlier contracts).
var hoKinds = []*hoKind{
	{name: "trainee", live: true, key: []string{"nik"},
		cols: []string{"gid", "nik", "kk", "name", "sex", "birth_place", "birth_date", "address", "rt_rw", "desa_code",
			"kec_code", "phone", "education", "kbli", "business_name", "notes", "source", "created_at", "updated_at"},
		ignore: []string{"source", "created_at", "updated_at"}},
	{name: "facilitator", live: true, key: []string{"nik"},
		cols: []string{"gid", "nik", "name", "sex", "birth_date", "address", "desa_code", "kec_code", "phone", "education",
			"expertise", "role", "status", "status_date", "status_reason", "notes", "created_at", "updated_at"},
		ignore: stamps},
	{name: "batch", live: true, key: []string{"agency_code", "year", "name"}, agency: "agency_code", year: "year",
		cols: []string{"gid", "agency_code", "year", "name", "training_type", "start_date", "end_date", "desa_code",
			"kec_code", "notes", "created_at", "updated_at"},
		ignore: stamps},
	{name: "enrolment", live: true, key: []string{"trainee_id", "agency_code", "year"}, agency: "agency_code", year: "year",
		cols: []string{"gid", "trainee_id", "agency_code", "year", "batch_id", "status", "enrolled_on", "completed_on",
			"source", "created_at", "updated_at"},
		refs: map[string]string{"trainee_id": "trainee", "batch_id": "batch"}, nullable: []string{"batch_id"},
		ignore: []string{"source", "created_at", "updated_at"}},
	{name: "facilitator_status", key: []string{"facilitator_id", "recorded_at", "status", "status_date"},
		cols: []string{"facilitator_id", "status", "status_date", "reason", "recorded_at", "recorded_by"},
		refs: map[string]string{"facilitator_id": "facilitator"}},
	{name: "contract", live: true, key: []string{"facilitator_id", "agency_code", "year", "start_date"},
		agency: "agency_code", year: "year",
		cols: []string{"facilitator_id", "year", "agency_code", "spk_number", "assignment_number", "start_date",
			"end_date", "kec_code", "honorarium", "target_trainees", "renewed_from", "notes", "created_at", "updated_at"},
		refs:     map[string]string{"facilitator_id": "facilitator", "renewed_from": "contract"},
		nullable: []string{"renewed_from"}, ignore: stamps},
	{name: "activity_report", live: true, key: []string{"facilitator_id", "month"},
		cols: []string{"facilitator_id", "month", "activities", "trainees_visited", "submitted_on", "notes",
			"created_at", "updated_at"},
		refs: map[string]string{"facilitator_id": "facilitator"}, ignore: stamps},
	{name: "batch_facilitator", noID: true, key: []string{"batch_id", "facilitator_id"},
		cols: []string{"batch_id", "facilitator_id", "created_at"},
		refs: map[string]string{"batch_id": "batch", "facilitator_id": "facilitator"}, ignore: []string{"created_at"}},
	{name: "enrolment_batch_history", key: []string{"enrolment_id", "at", "action", "from_batch_id", "to_batch_id"},
		cols: []string{"enrolment_id", "trainee_id", "action", "from_batch_id", "to_batch_id", "on_date", "reason",
			"at", "actor"},
		refs: map[string]string{"enrolment_id": "enrolment", "trainee_id": "trainee", "from_batch_id": "batch",
			"to_batch_id": "batch"},
		nullable: []string{"from_batch_id", "to_batch_id"}},
	{name: "mentoring", live: true, key: []string{"trainee_id", "facilitator_id", "visit_date"},
		cols: []string{"gid", "visit_date", "trainee_id", "facilitator_id", "notes", "business_state", "photo_path",
			"created_at", "updated_at"},
		refs: map[string]string{"trainee_id": "trainee", "facilitator_id": "facilitator"}, ignore: stamps},
	{name: "contract_decision", key: []string{"facilitator_id", "agency_code", "for_year", "decided_at", "decision"},
		agency: "agency_code", year: "for_year",
		cols: []string{"facilitator_id", "agency_code", "for_year", "decision", "note", "decided_by", "decided_at"},
		refs: map[string]string{"facilitator_id": "facilitator"}},
	{name: "quota", noID: true, key: []string{"agency_code", "year"}, agency: "agency_code", year: "year",
		cols: []string{"agency_code", "year", "quota", "updated_at"}, ignore: []string{"updated_at"}},
	{name: "opening_balance", noID: true, key: []string{"agency_code", "year"}, agency: "agency_code", year: "year",
		cols: []string{"agency_code", "year", "count", "note", "updated_at"}, ignore: []string{"updated_at"}},
	{name: "business", live: true, key: []string{"trainee_id", "name", "started_on"},
		cols: []string{"gid", "trainee_id", "name", "kbli", "products", "address", "desa_code", "kec_code", "started_on",
			"turnover", "workers", "source", "mentoring_id", "recorded_by", "created_at", "updated_at"},
		refs: map[string]string{"trainee_id": "trainee", "mentoring_id": "mentoring"}, nullable: []string{"mentoring_id"},
		ignore: []string{"recorded_by", "created_at", "updated_at"}},
	{name: "licence", live: true, key: []string{"business_id", "kind", "number"},
		cols: []string{"business_id", "kind", "number", "issued_on", "recorded_by", "created_at", "updated_at"},
		refs: map[string]string{"business_id": "business"}, ignore: []string{"recorded_by", "created_at", "updated_at"}},
	{name: "marketing_channel", live: true, key: []string{"business_id", "kind", "detail", "started_on"},
		cols: []string{"business_id", "kind", "detail", "started_on", "recorded_by", "created_at", "updated_at"},
		refs: map[string]string{"business_id": "business"}, ignore: []string{"recorded_by", "created_at", "updated_at"}},
	{name: "capital", live: true, key: []string{"business_id", "source", "provider", "amount", "received_on"},
		cols: []string{"business_id", "source", "provider", "amount", "received_on", "notes", "recorded_by",
			"created_at", "updated_at"},
		refs: map[string]string{"business_id": "business"}, ignore: []string{"recorded_by", "created_at", "updated_at"}},
	{name: "outlet", live: true, key: []string{"name"}, fold: "name",
		cols: []string{"name", "address", "desa_code", "kec_code", "opened_on", "closed_on", "closed_reason", "notes",
			"created_at", "updated_at"},
		ignore: stamps},
	{name: "product", live: true, key: []string{"business_id", "name"},
		cols: []string{"business_id", "trainee_id", "name", "category", "price", "unit", "pirt", "halal", "photo_path",
			"recorded_by", "created_at", "updated_at"},
		refs:   map[string]string{"business_id": "business", "trainee_id": "trainee"},
		ignore: []string{"recorded_by", "created_at", "updated_at"}},
	{name: "listing", live: true, key: []string{"product_id", "outlet_id", "listed_on"},
		cols: []string{"product_id", "outlet_id", "listed_on", "withdrawn_on", "withdrawn_reason", "recorded_by",
			"created_at", "updated_at"},
		refs:   map[string]string{"product_id": "product", "outlet_id": "outlet"},
		ignore: []string{"recorded_by", "created_at", "updated_at"}},
}

// auditCols are the columns of a carried audit row.
var auditCols = []string{"id", "at", "actor", "entity", "entity_id", "action", "old", "new"}

// HandoverKinds names the record types of a handover package in the order
// they are written and imported; the audit log comes last.
func HandoverKinds() []string {
	out := make([]string, 0, len(hoKinds)+1)
	for _, k := range hoKinds {
		out = append(out, k.name)
	}
	return append(out, "audit")
}

func kindByName(name string) *hoKind {
	for _, k := range hoKinds {
		if k.name == name {
			return k
		}
	}
	return nil
}

// keySep joins key parts; it cannot occur in the values (control char).
const keySep = "\x1f"

// KeyLabel shows a record key to a person: its parts joined by " / ".
func KeyLabel(key string) string { return strings.ReplaceAll(key, keySep, " / ") }

// keyIndex holds, per kind, the key of each record by its id in one database.
type keyIndex map[string]map[int64]string

func (ki keyIndex) add(kind string, id int64, key string) {
	if ki[kind] == nil {
		ki[kind] = map[int64]string{}
	}
	ki[kind][id] = key
}

// resolve checks a row's references against the keys of one database:
// a nullable reference to a record not there becomes NULL; ok is false
// when a required one is missing (the row cannot travel).
func (k *hoKind) resolve(row HandoverRow, ki keyIndex) bool {
	for col, to := range k.refs {
		id, isID := row[col].(int64)
		if !isID {
			if row[col] == nil && slices.Contains(k.nullable, col) {
				continue
			}
			return false
		}
		if _, found := ki[to][id]; !found {
			if !slices.Contains(k.nullable, col) {
				return false
			}
			row[col] = nil
		}
	}
	return true
}

// keyOf is the row's key: its key columns, references replaced by the key
// of the record they point to, joined by keySep. Each kind's keys have a
// fixed number of parts, so nesting keeps them unambiguous.
func (k *hoKind) keyOf(row HandoverRow, ki keyIndex) string {
	parts := make([]string, len(k.key))
	for i, col := range k.key {
		if to, isRef := k.refs[col]; isRef {
			if id, ok := row[col].(int64); ok {
				parts[i] = ki[to][id]
			}
			continue
		}
		parts[i] = valueText(row[col])
		if col == k.fold {
			parts[i] = strings.ToLower(parts[i])
		}
	}
	return strings.Join(parts, keySep)
}

func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case int64:
		return strconv.FormatInt(x, 10)
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// dumpKind reads the live rows of a kind in id order, drops those whose
// required references are not in ki, records their keys in ki and passes
// each to fn. The same code reads the giving and the receiving database,
// so that both compute keys alike.
func dumpKind(ctx context.Context, q querier, k *hoKind, ki keyIndex, fn func(row HandoverRow, key string) error) error {
	cols := k.cols
	if !k.noID {
		cols = append([]string{"id"}, cols...)
	}
	query := "SELECT " + strings.Join(cols, ", ") + " FROM " + k.name
	if k.live {
		query += " WHERE deleted_at IS NULL"
	}
	rows, err := q.QueryContext(ctx, query+" ORDER BY rowid")
	if err != nil {
		return err
	}
	defer rows.Close()
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		row := make(HandoverRow, len(cols))
		for i, c := range cols {
			row[c] = normalize(vals[i])
		}
		if !k.resolve(row, ki) {
			continue
		}
		key := k.keyOf(row, ki)
		if !k.noID {
			ki.add(k.name, row["id"].(int64), key)
		}
		if err := fn(row, key); err != nil {
			return err
		}
	}
	return rows.Err()
}

// normalize turns what the driver scans into int64, string or nil.
func normalize(v any) any {
	switch x := v.(type) {
	case []byte:
		return string(x)
	case int:
		return int64(x)
	}
	return v
}

// HandoverDump reads everything a handover package carries from one read
// transaction: the records of every kind in order, then the audit log.
// Records of kinds after the first are only passed when the records they
// point to were passed too (a live visit of a deleted trainee stays).
func (db *DB) HandoverDump(ctx context.Context, fn func(kind string, row HandoverRow) error) error {
	tx, err := db.r.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	ki := keyIndex{}
	for _, k := range hoKinds {
		if err := dumpKind(ctx, tx, k, ki, func(row HandoverRow, _ string) error { return fn(k.name, row) }); err != nil {
			return fmt.Errorf("%s: %w", k.name, err)
		}
	}
	rows, err := tx.QueryContext(ctx, "SELECT "+strings.Join(auditCols, ", ")+" FROM audit ORDER BY id")
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, eid int64
		var at, actor, entity, action string
		var old, nw sql.NullString
		if err := rows.Scan(&id, &at, &actor, &entity, &eid, &action, &old, &nw); err != nil {
			return err
		}
		row := HandoverRow{"id": id, "at": at, "actor": actor, "entity": entity, "entity_id": eid, "action": action,
			"old": nullText(old), "new": nullText(nw)}
		if err := fn("audit", row); err != nil {
			return err
		}
	}
	return rows.Err()
}

func nullText(s sql.NullString) any {
	if !s.Valid {
		return nil
	}
	return s.String
}

// HandoverCounts counts what HandoverDump would pass, per kind, for a
// progress bar (the audit log counted as "audit").
func (db *DB) HandoverCounts(ctx context.Context) (map[string]int, error) {
	out := map[string]int{}
	for _, k := range hoKinds {
		q := "SELECT count(*) FROM " + k.name
		if k.live {
			q += " WHERE deleted_at IS NULL"
		}
		var n int
		if err := db.r.QueryRowContext(ctx, q).Scan(&n); err != nil {
			return nil, err
		}
		out[k.name] = n
	}
	var n int
	if err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM audit").Scan(&n); err != nil {
		return nil, err
	}
	out["audit"] = n
	return out, nil
}

// LogHandoverExport records in the audit log that this office exported a
// handover package: every personal record left the database in it.
func (db *DB) LogHandoverExport(ctx context.Context, sha256, to string, date time.Time, file string, counts map[string]int) error {
	return db.WriteTx(ctx, func(tx *sql.Tx) error {
		if err := db.audit(ctx, tx, "handover_export", 0, "insert", nil, map[string]any{"sha256": sha256, "to": to,
			"date": wub.ISO(date), "file": file, "counts": counts}); err != nil {
			return err
		}
		return queueHandover(ctx, tx, to, db.now())
	})
}
