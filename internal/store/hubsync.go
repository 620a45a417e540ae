package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// The office's side of the regency register (issue 21): the hub link in the
// setting table, the outbox that migration 0015 fills from the audit trail,
// the payloads built from each record's current state, and what comes back
// (facts, quotas, target, month states).

// Hub setting keys. The token is written without an audit row: the audit
// trail is exported and handed over, the credential must not travel with it.
const (
	KeyHubURL        = "hub.url"
	KeyHubDevice     = "hub.device_id"
	KeyHubOffice     = "hub.office_id"
	KeyHubAgency     = "hub.agency"
	KeyHubToken      = "hub.token"
	KeyHubPin        = "hub.fingerprint"
	KeyHubEnrolledAt = "hub.enrolled_at"
	KeyHubLastSync   = "hub.last_sync"
	KeyHubLastError  = "hub.last_error"
	KeyHubErrorCode  = "hub.last_error_code"
	KeyHubErrorAt    = "hub.last_error_at"
	KeyHubSkew       = "hub.skew_seconds"
)

// SyncEntities are the record types the outbox carries, parents first.
var SyncEntities = []string{"batch", "facilitator", "trainee", "enrolment", "mentoring", "business"}

// syncSelect reads one entity's current state for its payload; references to
// other records are given by their gid. The first two columns are id, gid.
var syncSelect = map[string]string{
	"trainee": `SELECT x.id, x.gid, x.nik, x.kk, x.name, x.sex, x.birth_place, x.birth_date, x.address, x.rt_rw,
		x.desa_code, x.kec_code, x.phone, x.education, x.kbli, x.business_name, x.created_at, x.updated_at, x.deleted_at
		FROM trainee x`,
	"enrolment": `SELECT x.id, x.gid, t.gid AS trainee_gid, t.nik AS nik, x.agency_code, x.year, b.gid AS batch_gid,
		x.status, x.enrolled_on, x.completed_on, x.count_month, x.created_at, x.updated_at, x.deleted_at
		FROM enrolment x JOIN trainee t ON t.id = x.trainee_id LEFT JOIN batch b ON b.id = x.batch_id`,
	"facilitator": `SELECT x.id, x.gid, x.nik, x.name, x.sex, x.birth_date, x.desa_code, x.kec_code, x.phone,
		x.education, x.expertise, x.role, x.status, x.status_date, x.created_at, x.updated_at, x.deleted_at
		FROM facilitator x`,
	"batch": `SELECT x.id, x.gid, x.agency_code, x.year, x.name, x.training_type, x.start_date, x.end_date,
		x.desa_code, x.kec_code, x.created_at, x.updated_at, x.deleted_at FROM batch x`,
	"mentoring": `SELECT x.id, x.gid, t.gid AS trainee_gid, f.gid AS facilitator_gid, x.visit_date, x.business_state,
		x.created_at, x.updated_at, x.deleted_at
		FROM mentoring x JOIN trainee t ON t.id = x.trainee_id JOIN facilitator f ON f.id = x.facilitator_id`,
	"business": `SELECT x.id, x.gid, t.gid AS trainee_gid, x.name, x.kbli, x.products, x.desa_code, x.kec_code,
		x.started_on, x.turnover, x.workers, x.created_at, x.updated_at, x.deleted_at
		FROM business x JOIN trainee t ON t.id = x.trainee_id`,
}

// HubLink returns the office's link to the hub (empty when not enrolled).
func (db *DB) HubLink(ctx context.Context) (wub.HubLink, error) {
	kv, err := db.settingsLike(ctx, "hub.")
	if err != nil {
		return wub.HubLink{}, err
	}
	return wub.HubLink{URL: kv[KeyHubURL], DeviceID: kv[KeyHubDevice], OfficeID: kv[KeyHubOffice],
		Agency: kv[KeyHubAgency], Token: kv[KeyHubToken], Fingerprint: kv[KeyHubPin],
		EnrolledAt: parseTime(kv[KeyHubEnrolledAt])}, nil
}

func (db *DB) settingsLike(ctx context.Context, prefix string) (map[string]string, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT key, value FROM setting WHERE key >= ? AND key < ?", prefix, prefix+"\uffff")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	kv := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		kv[k] = v
	}
	return kv, rows.Err()
}

// SyncState returns the link and the state of the last rounds.
func (db *DB) SyncState(ctx context.Context) (wub.SyncState, error) {
	var st wub.SyncState
	link, err := db.HubLink(ctx)
	if err != nil {
		return st, err
	}
	kv, err := db.settingsLike(ctx, "hub.")
	if err != nil {
		return st, err
	}
	st.Link = link
	st.LastSync = parseTime(kv[KeyHubLastSync])
	st.LastError = kv[KeyHubLastError]
	st.ErrorCode = kv[KeyHubErrorCode]
	st.ErrorAt = parseTime(kv[KeyHubErrorAt])
	var skew int64
	fmt.Sscan(kv[KeyHubSkew], &skew)
	st.Skew = time.Duration(skew) * time.Second
	st.Pending, err = db.OutboxPending(ctx)
	return st, err
}

// SetHubLink stores a new device credential (enrolment) and rebuilds the
// outbox: a new device's sequence starts at 1 with every record of the
// register, so the hub learns the whole office whatever it held before.
// One transaction; the audit row names the hub and device, not the token.
func (db *DB) SetHubLink(ctx context.Context, l wub.HubLink) error {
	return db.writeTx(ctx, func(tx *sql.Tx) error {
		kv := map[string]string{KeyHubURL: l.URL, KeyHubDevice: l.DeviceID, KeyHubOffice: l.OfficeID,
			KeyHubAgency: l.Agency, KeyHubToken: l.Token, KeyHubPin: l.Fingerprint,
			KeyHubEnrolledAt: db.now(), KeyHubLastSync: "", KeyHubLastError: "", KeyHubErrorCode: "", KeyHubErrorAt: ""}
		for k, v := range kv {
			if err := putSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		if err := resetOutbox(ctx, tx, l.DeviceID != ""); err != nil {
			return err
		}
		return db.audit(ctx, tx, "setting", 0, "update", nil, map[string]string{KeyHubURL: l.URL,
			KeyHubDevice: l.DeviceID, KeyHubAgency: l.Agency, KeyHubPin: l.Fingerprint})
	}, wub.ActSettings)
}

func putSetting(ctx context.Context, tx *sql.Tx, k, v string) error {
	_, err := tx.ExecContext(ctx, "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value", k, v)
	return err
}

// resetOutbox empties the outbox, restarts its sequence at 1 and, when fill,
// queues every record (parents first; deleted ones as deletes).
func resetOutbox(ctx context.Context, tx *sql.Tx, fill bool) error {
	if _, err := tx.ExecContext(ctx, "DELETE FROM outbox"); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, "DELETE FROM sqlite_sequence WHERE name = 'outbox'"); err != nil {
		return err
	}
	if !fill {
		return nil
	}
	return fillOutbox(ctx, tx)
}

// fillOutbox queues every record, parents first, deleted ones as deletes.
func fillOutbox(ctx context.Context, tx *sql.Tx) error {
	for _, e := range SyncEntities {
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id, gid, op, at)
			SELECT ?, id, gid, CASE WHEN deleted_at IS NULL THEN 'upsert' ELSE 'delete' END, updated_at
			FROM `+e+` ORDER BY id`, e); err != nil {
			return err
		}
	}
	return nil
}

// OutboxPending counts the changes not yet acknowledged by the hub.
func (db *DB) OutboxPending(ctx context.Context) (int, error) {
	var n int
	err := db.r.QueryRowContext(ctx, "SELECT count(*) FROM outbox").Scan(&n)
	return n, err
}

// OutboxBatch returns up to n of the oldest changes, each with its record's
// current state. Reading the same batch twice gives the same changes (with
// the state of the moment), so a cut push is simply read and sent again.
func (db *DB) OutboxBatch(ctx context.Context, n int) ([]hubapi.Change, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT seq, entity, entity_id, coalesce(gid, ''), op, at, note FROM outbox ORDER BY seq LIMIT ?", n)
	if err != nil {
		return nil, err
	}
	var out []hubapi.Change
	ids := map[string][]any{}
	eid := map[int64]int64{} // seq → entity id
	notes := map[int64]string{}
	for rows.Next() {
		var c hubapi.Change
		var id int64
		var note string
		if err := rows.Scan(&c.Seq, &c.Entity, &id, &c.GID, &c.Op, &c.At, &note); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
		eid[c.Seq] = id
		notes[c.Seq] = note
		ids[c.Entity] = append(ids[c.Entity], id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	state := map[string]map[int64]map[string]any{}
	for entity, list := range ids {
		q, ok := syncSelect[entity]
		if !ok {
			continue
		}
		m, err := db.syncRecords(ctx, q, list)
		if err != nil {
			return nil, fmt.Errorf("outbox %s: %w", entity, err)
		}
		state[entity] = m
	}
	for i := range out {
		c := &out[i]
		rec := state[c.Entity][eid[c.Seq]]
		if rec != nil {
			if g, _ := rec["gid"].(string); g != "" {
				c.GID = g
			}
			delete(rec, "gid")
		}
		switch {
		case c.Op == hubapi.OpHandover:
			c.Data = map[string]any{"to_agency": notes[c.Seq]}
		case rec == nil:
			c.Op = hubapi.OpDelete
		case rec["deleted"] == true:
			c.Op, c.Data = hubapi.OpDelete, rec
		default:
			c.Op, c.Data = hubapi.OpUpsert, rec
		}
	}
	return out, nil
}

// syncRecords reads the records with these ids as column → value maps
// (deleted_at also as "deleted": true/false); chunks keep the IN list short.
func (db *DB) syncRecords(ctx context.Context, q string, ids []any) (map[int64]map[string]any, error) {
	out := map[int64]map[string]any{}
	for len(ids) > 0 {
		chunk := ids[:min(len(ids), 500)]
		ids = ids[len(chunk):]
		rows, err := db.r.QueryContext(ctx, q+" WHERE x.id IN ("+inList(len(chunk))+")", chunk...)
		if err != nil {
			return nil, err
		}
		cols, err := rows.Columns()
		if err != nil {
			rows.Close()
			return nil, err
		}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				rows.Close()
				return nil, err
			}
			rec := make(map[string]any, len(cols))
			var id int64
			for i, c := range cols {
				v := vals[i]
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				if c == "id" {
					id, _ = v.(int64)
					continue
				}
				if v == nil && strings.HasSuffix(c, "_gid") {
					v = ""
				}
				rec[c] = v
			}
			rec["deleted"] = rec["deleted_at"] != nil
			if rec["deleted_at"] == nil {
				rec["deleted_at"] = ""
			}
			out[id] = rec
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// TrimOutbox forgets the changes the hub holds (seq ≤ through). Only the
// hub's Through moves it, so a cut anywhere leaves the rest to send again.
//
// A hub that holds more than this register ever numbered (Through above the
// outbox's last seq) is talking to a register restored from a backup: its
// new changes would reuse numbers the hub has applied and be taken for
// duplicates. Then the outbox is queued again whole, numbered after Through.
func (db *DB) TrimOutbox(ctx context.Context, through int64) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, "DELETE FROM outbox WHERE seq <= ?", through); err != nil {
			return err
		}
		var last int64
		err := tx.QueryRowContext(ctx, "SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").Scan(&last)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		if through <= last {
			return nil
		}
		if err := resetOutbox(ctx, tx, false); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', ?)", through); err != nil {
			return err
		}
		return fillOutbox(ctx, tx)
	})
}

// RecordSync writes the outcome of a round: a good round (err nil) sets the
// last sync time and clears the error; a failed one keeps the last sync
// time and records the error in words with its code.
func (db *DB) RecordSync(ctx context.Context, at time.Time, code, words string, skew time.Duration) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		kv := map[string]string{KeyHubSkew: fmt.Sprint(int64(skew / time.Second))}
		if code == "" && words == "" {
			kv[KeyHubLastSync] = at.UTC().Format(time.RFC3339)
			kv[KeyHubLastError], kv[KeyHubErrorCode], kv[KeyHubErrorAt] = "", "", ""
		} else {
			kv[KeyHubLastError], kv[KeyHubErrorCode], kv[KeyHubErrorAt] = words, code, at.UTC().Format(time.RFC3339)
		}
		for k, v := range kv {
			if err := putSetting(ctx, tx, k, v); err != nil {
				return err
			}
		}
		return nil
	})
}

// LiveNIKs lists the NIKs of the register's live trainees (the facts the
// office asks the hub about).
func (db *DB) LiveNIKs(ctx context.Context) ([]string, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT DISTINCT nik FROM trainee WHERE deleted_at IS NULL ORDER BY nik")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// SaveHubFacts replaces the cached facts of these NIKs with the hub's answer
// (a NIK the hub no longer reports loses its old facts).
func (db *DB) SaveHubFacts(ctx context.Context, niks []string, facts []hubapi.Fact) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		del, err := tx.PrepareContext(ctx, "DELETE FROM hub_fact WHERE nik = ?")
		if err != nil {
			return err
		}
		defer del.Close()
		for _, n := range niks {
			if _, err := del.ExecContext(ctx, n); err != nil {
				return err
			}
		}
		ins, err := tx.PrepareContext(ctx, `INSERT INTO hub_fact (nik, agency, year, status, seen_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (nik, agency, year) DO UPDATE SET status = excluded.status, seen_at = excluded.seen_at`)
		if err != nil {
			return err
		}
		defer ins.Close()
		now := db.now()
		for _, f := range facts {
			if _, err := ins.ExecContext(ctx, f.NIK, f.Agency, f.Year, f.Status, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// HubFacts returns the cached facts of other agencies for these NIKs,
// by NIK, newest year first.
func (db *DB) HubFacts(ctx context.Context, niks []string) (map[string][]wub.HubFact, error) {
	out := map[string][]wub.HubFact{}
	for len(niks) > 0 {
		chunk := niks[:min(len(niks), 500)]
		niks = niks[len(chunk):]
		args := make([]any, len(chunk))
		for i, n := range chunk {
			args[i] = n
		}
		rows, err := db.r.QueryContext(ctx, `SELECT nik, agency, year, status, seen_at FROM hub_fact
			WHERE nik IN (`+inList(len(chunk))+`) ORDER BY nik, year DESC, agency`, args...)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var f wub.HubFact
			var seen string
			if err := rows.Scan(&f.NIK, &f.Agency, &f.Year, &f.Status, &seen); err != nil {
				rows.Close()
				return nil, err
			}
			f.SeenAt = parseTime(seen)
			out[f.NIK] = append(out[f.NIK], f)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// ApplyOfficeState applies what the economic section set on the hub: the
// quotas (agencies this register does not know are skipped), the program
// target, and the month states (kept in hub_month for the review issue).
// Changed quotas and target get audit rows with the actor "hub".
func (db *DB) ApplyOfficeState(ctx context.Context, st hubapi.OfficeState) error {
	return db.systemTx(ctx, func(tx *sql.Tx) error {
		now := db.now()
		for _, q := range st.Quotas {
			var known int
			if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM agency WHERE code = ?", q.Agency).Scan(&known); err != nil {
				return err
			}
			if known == 0 || q.People < 0 {
				continue
			}
			var prev int
			err := tx.QueryRowContext(ctx, "SELECT quota FROM quota WHERE agency_code = ? AND year = ?", q.Agency, q.Year).Scan(&prev)
			if err == nil && prev == q.People {
				continue
			}
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO quota (agency_code, year, quota, updated_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (agency_code, year) DO UPDATE SET quota = excluded.quota, updated_at = excluded.updated_at`,
				q.Agency, q.Year, q.People, now); err != nil {
				return err
			}
			if err := db.hubAudit(ctx, tx, "quota", "update", map[string]any{"agency": q.Agency, "year": q.Year, "quota": q.People}); err != nil {
				return err
			}
		}
		if err := db.applyTarget(ctx, tx, st.Target); err != nil {
			return err
		}
		for _, m := range st.Months {
			if m.Month == "" {
				continue
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO hub_month (month, state, detail, seen_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (month) DO UPDATE SET state = excluded.state, detail = excluded.detail, seen_at = excluded.seen_at`,
				m.Month, m.State, mustJSON(m), now); err != nil {
				return err
			}
		}
		return nil
	})
}

func (db *DB) applyTarget(ctx context.Context, tx *sql.Tx, t hubapi.Target) error {
	if t.People <= 0 || len(t.From) < 7 || len(t.Until) < 7 {
		return nil
	}
	var fy, fm, uy, um int
	if _, err := fmt.Sscanf(t.From[:7], "%d-%d", &fy, &fm); err != nil {
		return nil
	}
	if _, err := fmt.Sscanf(t.Until[:7], "%d-%d", &uy, &um); err != nil {
		return nil
	}
	nt := wub.Target{Count: t.People, StartYear: fy, EndYear: uy, Window: wub.TrainingWindow{From: fm, To: um}}
	if nt.Check().HasErrors() {
		return nil
	}
	old, err := loadTarget(ctx, tx)
	if err != nil {
		return err
	}
	if targetRecordOf(old) == targetRecordOf(nt) {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO program_target (id, target, start_year, end_year, train_from, train_to, updated_at)
		VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET target = excluded.target,
		start_year = excluded.start_year, end_year = excluded.end_year, train_from = excluded.train_from,
		train_to = excluded.train_to, updated_at = excluded.updated_at`,
		nt.Count, nt.StartYear, nt.EndYear, nt.Window.From, nt.Window.To, db.now()); err != nil {
		return err
	}
	return db.hubAudit(ctx, tx, "program_target", "update", targetRecordOf(nt))
}

// hubAudit writes an audit row for a change the hub made, actor "hub".
func (db *DB) hubAudit(ctx context.Context, tx *sql.Tx, entity, action string, v any) error {
	n, err := jsonOrNil(v)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO audit (at, actor, entity, entity_id, action, old, new)
		VALUES (?, 'hub', ?, 0, ?, NULL, ?)`, db.now(), entity, action, n)
	return err
}

func mustJSON(v any) string {
	s, err := jsonOrNil(v)
	if err != nil || s == nil {
		return "{}"
	}
	return s.(string)
}

// HubMonths returns the month states the hub last reported, by month.
func (db *DB) HubMonths(ctx context.Context) (map[string]string, error) {
	rows, err := db.r.QueryContext(ctx, "SELECT month, detail FROM hub_month ORDER BY month")
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var m, d string
		if err := rows.Scan(&m, &d); err != nil {
			return nil, err
		}
		out[m] = d
	}
	return out, rows.Err()
}

// queueHandover puts a handover of every live synced record to agency `to`
// in the outbox (only while enrolled): on the hub the records pass to that
// agency's office.
func queueHandover(ctx context.Context, tx *sql.Tx, to, at string) error {
	for _, e := range SyncEntities {
		if _, err := tx.ExecContext(ctx, `INSERT INTO outbox (entity, entity_id, gid, op, at, note)
			SELECT ?, id, gid, 'handover', ?, ? FROM `+e+` WHERE deleted_at IS NULL
			AND EXISTS (SELECT 1 FROM setting WHERE key = 'hub.device_id' AND value <> '') ORDER BY id`, e, at, to); err != nil {
			return err
		}
	}
	return nil
}

// SetHubSetting writes one hub.* setting (bookkeeping of the sync, no audit row).
func (db *DB) SetHubSetting(ctx context.Context, key, value string) error {
	if !strings.HasPrefix(key, "hub.") {
		return fmt.Errorf("store: %s is not a hub setting", key)
	}
	return db.systemTx(ctx, func(tx *sql.Tx) error { return putSetting(ctx, tx, key, value) })
}
