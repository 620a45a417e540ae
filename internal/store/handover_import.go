package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"wubdesk/internal/wub"
)

// HandoverInput is a verified handover package as the store imports it.
type HandoverInput struct {
	SHA256    string
	FileName  string
	From, To  string
	Date      time.Time
	CreatedAt string // RFC 3339, when the giving office made it
	Manifest  string // the package's manifest.json
	Agencies  []HandoverAgency
	Rows      map[string][]HandoverRow // by kind (HandoverKinds), "audit" included
}

// errRollback ends a dry run's transaction after everything was checked.
var errRollback = errors.New("handover dry run")

// ImportHandover imports a handover package in one transaction: records
// the receiver lacks are added, records it has (same key) are kept as they
// are and reported when their content differs, the giving agency's records
// from the handover year on are carried on by the receiving agency, and
// the giving office's audit log is added as history. A dry run does all
// of it and rolls back, so that its preview is exactly what a commit does.
// A package imported before is refused (handover_already).
func (db *DB) ImportHandover(ctx context.Context, in *HandoverInput, dryRun bool, progress func(done, total int)) (*wub.HandoverResult, error) {
	if err := handoverDone(ctx, db.r, in.SHA256); err != nil {
		return nil, err
	}
	res := &wub.HandoverResult{SHA256: in.SHA256, From: in.From, To: in.To, Date: in.Date}
	if !dryRun {
		if err := ensureSpace(filepath.Dir(db.Path), 2*fileSize(db.Path)); err != nil {
			return nil, err
		}
		info, err := db.BackupBefore(ctx, ReasonHandover)
		if err != nil {
			return nil, err
		}
		res.Backup = info.Path
	}
	err := db.WriteTx(ctx, func(tx *sql.Tx) error {
		imp := &hoImport{db: db, ctx: ctx, tx: tx, in: in, res: res, progress: progress,
			gk: keyIndex{}, rk: keyIndex{}, ids: map[string]map[int64]int64{}, touched: map[int64]bool{}}
		for _, rows := range in.Rows {
			imp.total += len(rows)
		}
		if err := imp.run(); err != nil {
			return err
		}
		if dryRun {
			return errRollback
		}
		return nil
	})
	if dryRun && errors.Is(err, errRollback) {
		err = nil
	}
	if err != nil {
		dropBackup(res.Backup) // nothing changed; a retry on a full disk must not add up
		return nil, err
	}
	res.Committed = !dryRun
	if res.Committed {
		res.ImportedAt = parseTime(db.now())
	}
	return res, nil
}

// handoverDone refuses a package already imported into this database.
func handoverDone(ctx context.Context, q querier, sha string) error {
	var at, by string
	err := q.QueryRowContext(ctx, "SELECT imported_at, imported_by FROM handover_import WHERE package_sha256 = ?", sha).Scan(&at, &by)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	t := parseTime(at).In(wub.WIB)
	return wub.Errorf("handover_already", wub.FormatLongDate(t)+" "+t.Format("15:04")+" WIB", by)
}

type hoImport struct {
	db          *DB
	ctx         context.Context
	tx          *sql.Tx
	in          *HandoverInput
	res         *wub.HandoverResult
	progress    func(done, total int)
	done, total int

	gk      keyIndex                   // keys of the package's records by giving id
	rk      keyIndex                   // keys of the receiver's records by id
	ids     map[string]map[int64]int64 // giving id → receiving id, per kind
	touched map[int64]bool             // receiving trainees that got enrolments
}

// received is a record of the receiving database, found by its key.
type received struct {
	id  int64
	row HandoverRow // references hold receiving ids
}

func (imp *hoImport) run() error {
	if err := handoverDone(imp.ctx, imp.tx, imp.in.SHA256); err != nil {
		return err
	}
	if err := imp.checkOffice(); err != nil {
		return err
	}
	if err := imp.agencies(); err != nil {
		return err
	}
	for _, k := range hoKinds {
		if err := imp.kind(k); err != nil {
			return err
		}
	}
	if err := imp.audit(); err != nil {
		return err
	}
	for id := range imp.touched {
		if err := refreshCurrent(imp.ctx, imp.tx, id); err != nil {
			return err
		}
	}
	return imp.record()
}

// checkOffice refuses a package meant for another office. A database whose
// office is not set yet (a new file) may receive it.
func (imp *hoImport) checkOffice() error {
	var office string
	err := imp.tx.QueryRowContext(imp.ctx, "SELECT value FROM setting WHERE key = ?", keyOfficeAgency).Scan(&office)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if office == "" || office == imp.in.To {
		return nil
	}
	as, err := loadAgencies(imp.ctx, imp.tx)
	if err != nil {
		return err
	}
	name := func(code string) string {
		if a, ok := as.ByCode(code); ok {
			return a.NameOn(imp.in.Date).Short
		}
		return code
	}
	return wub.Errorf("handover_wrong_office", name(imp.in.To), name(office))
}

func (imp *hoImport) step() {
	imp.done++
	if imp.progress != nil && (imp.done%500 == 0 || imp.done == imp.total) {
		imp.progress(imp.done, imp.total)
	}
}

// carryOn applies the handover to a record of the giving agency: from the
// handover date's program year on, the receiving agency carries it.
func (imp *hoImport) carryOn(k *hoKind, row HandoverRow) bool {
	if k.agency == "" || row[k.agency] != imp.in.From {
		return false
	}
	if y, ok := row[k.year].(int64); !ok || y < int64(imp.in.Date.Year()) {
		return false
	}
	row[k.agency] = imp.in.To
	return true
}

func (imp *hoImport) kind(k *hoKind) error {
	idx := map[string]received{}
	err := dumpKind(imp.ctx, imp.tx, k, imp.rk, func(row HandoverRow, key string) error {
		id, _ := row["id"].(int64)
		idx[key] = received{id: id, row: row}
		return nil
	})
	if err != nil {
		return err
	}
	ins, err := imp.tx.PrepareContext(imp.ctx, insertSQL(k))
	if err != nil {
		return err
	}
	defer ins.Close()
	cnt := wub.HandoverCount{Kind: k.name}
	for _, in := range imp.in.Rows[k.name] {
		if err := imp.ctx.Err(); err != nil {
			return err
		}
		imp.step()
		cnt.InPackage++
		row := maps.Clone(in)
		moved := imp.carryOn(k, row)
		if moved {
			cnt.Moved++
		}
		if !k.resolve(row, imp.gk) {
			return wub.Errorf("handover_broken", wub.HandoverKindLabel(k.name))
		}
		key := k.keyOf(row, imp.gk)
		have, found := idx[key]
		note := ""
		if found && moved && k.name == "batch" && len(imp.diff(k, have.row, row)) > 0 {
			// A batch the receiver carries on must not merge into another
			// batch of the same name: it keeps its members apart.
			row["name"] = valueText(row["name"]) + " (" + imp.in.From + ")"
			note = wub.Message("handover_batch_renamed", "", row["name"])
			key = k.keyOf(row, imp.gk)
			have, found = idx[key]
		}
		gid, hasID := row["id"].(int64)
		if hasID {
			imp.gk.add(k.name, gid, key)
		}
		if found {
			imp.mapID(k, gid, have.id)
			if d := imp.diff(k, have.row, row); len(d) > 0 {
				cnt.Conflicts++
				imp.res.Conflicts = append(imp.res.Conflicts, wub.HandoverConflict{Kind: k.name, Key: KeyLabel(key), Fields: d})
			} else {
				cnt.Matching++
			}
			continue
		}
		mapped, missing := imp.mapRefs(k, row)
		if missing != "" {
			cnt.Conflicts++
			imp.res.Conflicts = append(imp.res.Conflicts, wub.HandoverConflict{Kind: k.name, Key: KeyLabel(key),
				Note: wub.Message("handover_ref_missing", "", wub.HandoverKindLabel(missing))})
			continue
		}
		id, err := imp.insert(k, ins, mapped)
		if clash := clashNote(err); clash != "" {
			cnt.Conflicts++
			imp.res.Conflicts = append(imp.res.Conflicts, wub.HandoverConflict{Kind: k.name, Key: KeyLabel(key), Note: clash})
			continue
		}
		if err != nil {
			return err
		}
		if note != "" {
			imp.res.Conflicts = append(imp.res.Conflicts, wub.HandoverConflict{Kind: k.name, Key: KeyLabel(key), Note: note})
		}
		cnt.New++
		imp.mapID(k, gid, id)
		if !k.noID {
			imp.rk.add(k.name, id, key)
		}
		idx[key] = received{id: id, row: mapped}
	}
	imp.res.Counts = append(imp.res.Counts, cnt)
	return nil
}

func (imp *hoImport) mapID(k *hoKind, gid, rid int64) {
	if k.noID {
		return
	}
	if imp.ids[k.name] == nil {
		imp.ids[k.name] = map[int64]int64{}
	}
	imp.ids[k.name][gid] = rid
}

// diff lists the compared fields that differ between the receiver's record
// and the package's; references compare by the key they point to.
func (imp *hoImport) diff(k *hoKind, have, pkg HandoverRow) []wub.HandoverDiff {
	var out []wub.HandoverDiff
	for _, col := range k.cols {
		if col == "gid" || slices.Contains(k.ignore, col) { // each register's own global id (issue 21)
			continue
		}
		a, b := valueText(have[col]), valueText(pkg[col])
		if to, isRef := k.refs[col]; isRef {
			a, b = refText(have[col], imp.rk[to]), refText(pkg[col], imp.gk[to])
		}
		if a != b {
			out = append(out, wub.HandoverDiff{Field: col, Receiver: a, Package: b})
		}
	}
	return out
}

func refText(v any, keys map[int64]string) string {
	if id, ok := v.(int64); ok {
		return KeyLabel(keys[id])
	}
	return ""
}

// mapRefs turns the package's references into receiving ids. missing names
// the kind of a required record that is not in the receiving database (it
// clashed there); a nullable one becomes NULL.
func (imp *hoImport) mapRefs(k *hoKind, row HandoverRow) (HandoverRow, string) {
	out := maps.Clone(row)
	delete(out, "id")
	for col, to := range k.refs {
		gid, ok := row[col].(int64)
		if !ok {
			continue
		}
		rid, found := imp.ids[to][gid]
		switch {
		case found:
			out[col] = rid
		case slices.Contains(k.nullable, col):
			out[col] = nil
		default:
			return nil, to
		}
	}
	return out, ""
}

// traineeExtra are the trainee columns the receiver computes itself.
var traineeExtra = []string{"desa_name", "kec_name", "search"}

func insertSQL(k *hoKind) string {
	cols := k.cols
	if k.name == "trainee" {
		cols = append(slices.Clone(cols), traineeExtra...)
	}
	return "INSERT INTO " + k.name + " (" + strings.Join(cols, ", ") + ") VALUES (?" +
		strings.Repeat(", ?", len(cols)-1) + ")"
}

func (imp *hoImport) insert(k *hoKind, stmt *sql.Stmt, row HandoverRow) (int64, error) {
	args := make([]any, 0, len(k.cols)+len(traineeExtra))
	for _, c := range k.cols {
		v := row[c]
		if c == "gid" { // a handed-over record keeps its global id, unless this register already uses it
			if g := valueText(v); g == "" {
				v = nil
			} else {
				var n int
				if err := imp.tx.QueryRowContext(imp.ctx, "SELECT count(*) FROM "+k.name+" WHERE gid = ?", g).Scan(&n); err != nil {
					return 0, err
				}
				if n > 0 {
					v = nil
				}
			}
		}
		args = append(args, v)
	}
	if k.name == "trainee" {
		ref := wub.Ref()
		desa, kec := valueText(row["desa_code"]), valueText(row["kec_code"])
		desaName, kecName := "", ""
		if desa != "" {
			desaName = ref.DesaName(desa)
		}
		if kec != "" {
			kecName = ref.KecamatanName(kec)
		}
		args = append(args, desaName, kecName, wub.SearchText(valueText(row["name"]), valueText(row["nik"]), desaName))
	}
	res, err := stmt.ExecContext(imp.ctx, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if k.name == "enrolment" {
		imp.touched[row["trainee_id"].(int64)] = true
	}
	auditID := id
	switch k.name {
	case "quota", "opening_balance":
		auditID = row["year"].(int64)
	case "batch_facilitator":
		auditID = row["batch_id"].(int64)
	}
	return id, imp.db.audit(imp.ctx, imp.tx, k.name, auditID, "insert", nil, row)
}

// clashNote describes a constraint that refused a record ("" for any other
// error): a unique index or a trigger such as the contract overlap check.
func clashNote(err error) string {
	var se *sqlite.Error
	if err == nil || !errors.As(err, &se) || se.Code()&0xff != sqlite3.SQLITE_CONSTRAINT {
		return ""
	}
	detail := se.Error()
	if se.Code() == sqlite3.SQLITE_CONSTRAINT_TRIGGER {
		if i := strings.Index(detail, ": "); i >= 0 {
			detail = detail[i+2:]
		}
		detail = strings.TrimSuffix(detail, " (1811)")
	} else {
		detail = "UNIQUE"
	}
	return wub.Message("handover_clash", "", detail)
}

// audit adds the giving office's audit log as history. A row about a record
// that travelled points to that record here; any other keeps its old id
// under an entity prefixed with the giving agency ("DPMPTSP:setting").
// Actors are prefixed too ("DPMPTSP/budi"). A row already here is skipped.
func (imp *hoImport) audit() error {
	cnt := wub.HandoverCount{Kind: "audit"}
	exists, err := imp.tx.PrepareContext(imp.ctx, `SELECT count(*) FROM audit WHERE entity = ? AND entity_id = ?
		AND at = ? AND action = ? AND actor = ? AND old IS ? AND new IS ?`)
	if err != nil {
		return err
	}
	defer exists.Close()
	ins, err := imp.tx.PrepareContext(imp.ctx, `INSERT INTO audit (at, actor, entity, entity_id, action, old, new)
		VALUES (?, ?, ?, ?, ?, ?, ?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	for _, row := range imp.in.Rows["audit"] {
		imp.step()
		cnt.InPackage++
		entity, _ := row["entity"].(string)
		eid, _ := row["entity_id"].(int64)
		if rid, ok := imp.ids[entity][eid]; ok {
			eid = rid
		} else {
			entity = imp.in.From + ":" + entity
		}
		actor := imp.in.From + "/" + valueText(row["actor"])
		args := []any{entity, eid, row["at"], row["action"], actor, row["old"], row["new"]}
		var n int
		if err := exists.QueryRowContext(imp.ctx, args...).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			cnt.Matching++
			continue
		}
		if _, err := ins.ExecContext(imp.ctx, row["at"], actor, entity, eid, row["action"], row["old"], row["new"]); err != nil {
			if clashNote(err) != "" { // an action the schema does not know: keep the rest
				cnt.Conflicts++
				continue
			}
			return err
		}
		cnt.New++
	}
	imp.res.Counts = append(imp.res.Counts, cnt)
	return nil
}

// record remembers the package so that it is never imported twice.
func (imp *hoImport) record() error {
	result, err := json.Marshal(imp.res.Counts)
	if err != nil {
		return err
	}
	r, err := imp.tx.ExecContext(imp.ctx, `INSERT INTO handover_import (package_sha256, from_agency, to_agency,
		handover_date, created_at, imported_at, imported_by, file_name, manifest, result) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		imp.in.SHA256, imp.in.From, imp.in.To, wub.ISO(imp.in.Date), imp.in.CreatedAt, imp.db.now(), imp.db.Actor,
		imp.in.FileName, imp.in.Manifest, string(result))
	if err != nil {
		return err
	}
	id, _ := r.LastInsertId()
	return imp.db.audit(imp.ctx, imp.tx, "handover", id, "insert", nil, map[string]any{"sha256": imp.in.SHA256,
		"from": imp.in.From, "to": imp.in.To, "date": wub.ISO(imp.in.Date), "file": imp.in.FileName, "counts": imp.res.Counts})
}
