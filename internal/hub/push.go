package hub

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"wubdesk/internal/hubapi"
)

// TestPushPause is for fault tests only: a pause inside the push
// transaction after the records are written (so a test can kill the hub
// mid-batch). Zero in production.
var TestPushPause time.Duration

// MaxBatch is the most changes one push may carry.
const MaxBatch = 20000

// Entities the hub counts; others are kept as records only.
const (
	EntityTrainee   = hubapi.EntityTrainee
	EntityEnrolment = hubapi.EntityEnrolment
)

type recKey struct{ entity, gid string }

// errRaced: a record this batch took for new was made by a concurrent
// batch; the batch is run again.
var errRaced = errors.New("hub: record made concurrently")

type recState struct {
	existed    bool // in the database before this batch
	exists     bool
	owner      string
	device     string
	seq        int64
	deleted    bool
	handoverTo *string
	data       map[string]any
	officeAt   string
	changed    bool
}

type traineeRow struct {
	exists bool
	owner  string
	nik    string
	live   bool
}

type enrolmentRow struct {
	exists     bool
	owner      string
	traineeGID string
	nik        string
	year       int
	status     string
	live       bool
}

// Push applies one batch of a device's changes in one transaction:
// idempotent by (device, seq); per record the latest seq of the device wins;
// an office changes only its own records (or those handed over to it).
func (h *Hub) Push(ctx context.Context, dev *Device, req hubapi.PushRequest) (hubapi.PushResponse, error) {
	if len(req.Changes) > MaxBatch {
		return hubapi.PushResponse{}, errorf(413, "hub_batch_too_big", len(req.Changes), MaxBatch)
	}
	var resp hubapi.PushResponse
	var err error
	for attempt := 0; attempt < 5; attempt++ {
		resp, err = h.push(ctx, dev, req)
		var pe *pgconn.PgError
		var he *Error
		switch {
		case err == nil, errors.As(err, &he), ctx.Err() != nil:
		case errors.Is(err, errRaced), errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001"):
			// Deadlock or serialisation failure: the batch is retried whole.
			time.Sleep(time.Duration(attempt+1) * 20 * time.Millisecond)
			continue
		case isConnErr(err):
			// The connection to PostgreSQL broke (a restart): the batch is
			// idempotent by (device, seq), so it is safe to run it again even
			// if the commit went through.
			time.Sleep(time.Duration(attempt+1) * 200 * time.Millisecond)
			continue
		}
		break
	}
	return resp, err
}

func (h *Hub) push(ctx context.Context, dev *Device, req hubapi.PushRequest) (hubapi.PushResponse, error) {
	resp := hubapi.PushResponse{}
	now := h.now()
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		resp = hubapi.PushResponse{}
		var through int64
		var revoked *time.Time
		if err := tx.QueryRow(ctx, "SELECT through, revoked_at FROM device WHERE id = $1 FOR UPDATE", dev.ID).Scan(&through, &revoked); err != nil {
			return err
		}
		if revoked != nil {
			return errorf(401, "hub_device_revoked", dev.Agency)
		}
		type result struct {
			c      hubapi.Change
			result string
			code   string
		}
		var results []*result
		reject := func(r *result, code string, args ...any) {
			r.result, r.code = "rejected", code
			resp.Rejected = append(resp.Rejected, hubapi.Rejected{Seq: r.c.Seq, Code: code, Reason: errorf(0, code, args...).Error()})
		}
		// Duplicates: seen before, or twice in this batch.
		seqs := make([]int64, 0, len(req.Changes))
		for _, c := range req.Changes {
			if c.Seq > 0 {
				seqs = append(seqs, c.Seq)
			}
		}
		seen := map[int64]bool{}
		rows, err := tx.Query(ctx, `SELECT a.seq FROM unnest($2::bigint[]) AS u(seq)
			JOIN applied_change a ON a.device = $1 AND a.seq = u.seq`, dev.ID, seqs)
		if err != nil {
			return err
		}
		for rows.Next() {
			var s int64
			rows.Scan(&s)
			seen[s] = true
		}
		rows.Close()
		if rows.Err() != nil {
			return rows.Err()
		}
		var fresh []*result
		for _, c := range req.Changes {
			if c.Seq <= 0 {
				reject(&result{c: c}, "hub_change_seq") // not held: it has no seq to hold it by
				continue
			}
			if seen[c.Seq] {
				resp.Duplicates++
				continue
			}
			seen[c.Seq] = true
			r := &result{c: c}
			results = append(results, r)
			switch {
			case c.Entity == "" || len(c.Entity) > 40 || strings.TrimFunc(c.Entity, func(r rune) bool { return r >= 'a' && r <= 'z' || r == '_' }) != "":
				reject(r, "hub_change_entity", c.Seq)
			case !uuidRE.MatchString(c.GID):
				reject(r, "hub_change_gid", c.Seq)
			case c.Op != hubapi.OpUpsert && c.Op != hubapi.OpDelete && c.Op != hubapi.OpHandover:
				reject(r, "hub_change_op", c.Seq, clip(c.Op, 20))
			case badData(c.Data):
				reject(r, "hub_change_data", c.Seq)
			default:
				r.c.GID = strings.ToLower(c.GID)
				r.c.At = clip(c.At, 40)
				fresh = append(fresh, r)
			}
		}

		// Lock and read the records touched, in key order.
		states := map[recKey]*recState{}
		var ents, gids []string
		for _, r := range fresh {
			k := recKey{r.c.Entity, r.c.GID}
			if states[k] == nil {
				states[k] = &recState{}
				ents = append(ents, k.entity)
				gids = append(gids, k.gid)
			}
		}
		if len(gids) > 0 {
			rows, err := tx.Query(ctx, `SELECT r.entity, r.gid::text, r.owner::text, r.device::text, r.seq, r.deleted, r.handover_to, r.data, r.office_at
				FROM record r JOIN unnest($1::text[], $2::uuid[]) AS k(entity, gid) ON r.entity = k.entity AND r.gid = k.gid
				ORDER BY r.entity, r.gid FOR UPDATE OF r`, ents, gids)
			if err != nil {
				return err
			}
			for rows.Next() {
				var k recKey
				s := &recState{exists: true, existed: true}
				if err := rows.Scan(&k.entity, &k.gid, &s.owner, &s.device, &s.seq, &s.deleted, &s.handoverTo, &s.data, &s.officeAt); err != nil {
					rows.Close()
					return err
				}
				states[k] = s
			}
			rows.Close()
			if rows.Err() != nil {
				return rows.Err()
			}
		}
		// Offices by agency, for handovers.
		officeOf := map[string]string{}
		agencyOf := map[string]string{dev.OfficeID: dev.Agency}
		needOffices := false
		for _, s := range states {
			if s.exists && s.owner != dev.OfficeID {
				needOffices = true
			}
		}
		if needOffices {
			rows, err := tx.Query(ctx, "SELECT id::text, agency FROM office")
			if err != nil {
				return err
			}
			for rows.Next() {
				var id, ag string
				rows.Scan(&id, &ag)
				officeOf[ag] = id
				agencyOf[id] = ag
			}
			rows.Close()
		}

		// Apply in seq order (per record, the order is what matters).
		sort.Slice(fresh, func(i, j int) bool { return fresh[i].c.Seq < fresh[j].c.Seq })
		for _, r := range fresh {
			c := r.c
			s := states[recKey{c.Entity, c.GID}]
			if !s.exists {
				if c.Op == hubapi.OpHandover {
					reject(r, "hub_record_unknown", c.Seq)
					continue
				}
				s.exists, s.owner = true, dev.OfficeID
			} else if s.owner != dev.OfficeID {
				if s.handoverTo == nil || *s.handoverTo != dev.Agency || c.Op == hubapi.OpHandover {
					reject(r, "hub_not_owner", c.Seq, agencyOf[s.owner])
					continue
				}
				// The record was handed over to this office: it takes it now.
				s.owner, s.handoverTo = dev.OfficeID, nil
			} else if s.device == dev.ID && c.Seq < s.seq {
				r.result = "stale" // an older change of this device arriving late
				resp.Applied++
				continue
			}
			switch c.Op {
			case hubapi.OpUpsert:
				s.data, s.deleted = c.Data, false
				if s.data == nil {
					s.data = map[string]any{}
				}
			case hubapi.OpDelete:
				s.deleted = true
			case hubapi.OpHandover:
				to, _ := c.Data[hubapi.DataToAgency].(string)
				to = strings.ToUpper(strings.TrimSpace(to))
				if !agencyCodeRE.MatchString(to) {
					reject(r, "hub_handover_agency", c.Seq, to)
					continue
				}
				if to == dev.Agency {
					s.handoverTo = nil
				} else {
					s.handoverTo = &to
				}
			}
			s.device, s.seq, s.officeAt, s.changed = dev.ID, c.Seq, c.At, true
			r.result = "applied"
			resp.Applied++
		}

		if err := h.writeRecords(ctx, tx, dev.OfficeID, states, now); err != nil {
			return err
		}
		if TestPushPause > 0 {
			time.Sleep(TestPushPause)
		}

		// Every change of the batch (but bad seqs) is now held.
		var aSeq []int64
		var aEnt, aGID, aOp, aRes, aCode []string
		for _, r := range results {
			if r.result == "" {
				continue
			}
			aSeq = append(aSeq, r.c.Seq)
			aEnt = append(aEnt, clip(r.c.Entity, 40)) // a refused change may carry anything
			aGID = append(aGID, clip(r.c.GID, 40))
			aOp = append(aOp, clip(r.c.Op, 20))
			aRes = append(aRes, r.result)
			aCode = append(aCode, r.code)
		}
		if len(aSeq) > 0 {
			if _, err := tx.Exec(ctx, `INSERT INTO applied_change (device, seq, entity, gid, op, result, code, at)
				SELECT $1, s, e, g, o, r, c, $8 FROM unnest($2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[]) AS u(s, e, g, o, r, c)`,
				dev.ID, aSeq, aEnt, aGID, aOp, aRes, aCode, now); err != nil {
				return err
			}
		}
		// Through: the highest seq with no gap below it.
		rows, err = tx.Query(ctx, "SELECT seq FROM applied_change WHERE device = $1 AND seq > $2 ORDER BY seq", dev.ID, through)
		if err != nil {
			return err
		}
		for rows.Next() {
			var s int64
			rows.Scan(&s)
			if s != through+1 {
				break
			}
			through = s
		}
		rows.Close()
		if rows.Err() != nil {
			return rows.Err()
		}
		resp.Through = through
		if _, err := tx.Exec(ctx, "UPDATE device SET through = $2, last_sync = $3 WHERE id = $1", dev.ID, through, now); err != nil {
			return err
		}
		detail := map[string]any{"changes": len(req.Changes), "applied": resp.Applied, "duplicates": resp.Duplicates,
			"rejected": len(resp.Rejected), "through": through}
		if len(resp.Rejected) > 0 {
			var rj []string
			for i, x := range resp.Rejected {
				if i == 100 {
					break
				}
				rj = append(rj, strconv.FormatInt(x.Seq, 10)+":"+x.Code)
			}
			detail["refused"] = rj
		}
		return h.Audit(ctx, tx, "device:"+dev.ID, "push", dev.OfficeID, detail)
	})
	if err != nil {
		return hubapi.PushResponse{}, err
	}
	h.log().Info("hub push", "device", dev.ID, "changes", len(req.Changes), "applied", resp.Applied,
		"duplicates", resp.Duplicates, "rejected", len(resp.Rejected), "through", resp.Through)
	return resp, nil
}

// clip keeps at most n bytes of valid UTF-8 without NUL (PostgreSQL text
// takes neither).
func clip(s string, n int) string {
	if len(s) > n {
		s = s[:n]
	}
	return strings.ReplaceAll(strings.ToValidUTF8(s, ""), "\x00", "")
}

// badData: a record PostgreSQL's jsonb cannot hold (a NUL character).
func badData(d map[string]any) bool {
	if d == nil {
		return false
	}
	b, err := json.Marshal(d)
	return err != nil || bytes.Contains(b, []byte(`\u0000`))
}

func str(m map[string]any, k string) string {
	switch v := m[k].(type) {
	case string:
		return strings.TrimSpace(v)
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return ""
}

func intOf(m map[string]any, k string) int {
	switch v := m[k].(type) {
	case float64:
		return int(v)
	case int:
		return v
	case int64:
		return int(v)
	case string:
		n, _ := strconv.Atoi(strings.TrimSpace(v))
		return n
	}
	return 0
}

type delta struct{ trainees, trained int }

// recCols are records as columns, for one set-based statement.
type recCols struct {
	entity, gid, owner, device, handover, data, officeAt []string
	seq                                                  []int64
	deleted                                              []bool
}

// writeRecords writes the changed records and keeps trainee, enrolment,
// person and office_tally in step (each a difference of the stored row
// before and after).
func (h *Hub) writeRecords(ctx context.Context, tx pgx.Tx, pusher string, states map[recKey]*recState, now time.Time) error {
	tGIDs, eGIDs := []string{}, []string{} // never NULL in SQL
	// Records, set-based: one INSERT for the new, one UPDATE for the known.
	var cols [2]recCols
	keys := make([]recKey, 0, len(states))
	for k, s := range states {
		if s.changed {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		return keys[i].entity < keys[j].entity || keys[i].entity == keys[j].entity && keys[i].gid < keys[j].gid
	})
	for _, k := range keys {
		s := states[k]
		c := &cols[0]
		if s.existed {
			c = &cols[1]
		}
		data, err := json.Marshal(s.data)
		if err != nil {
			return err
		}
		ho := ""
		if s.handoverTo != nil {
			ho = *s.handoverTo
		}
		c.entity = append(c.entity, k.entity)
		c.gid = append(c.gid, k.gid)
		c.owner = append(c.owner, s.owner)
		c.device = append(c.device, s.device)
		c.seq = append(c.seq, s.seq)
		c.deleted = append(c.deleted, s.deleted)
		c.handover = append(c.handover, ho)
		c.data = append(c.data, string(data))
		c.officeAt = append(c.officeAt, s.officeAt)
		switch k.entity {
		case EntityTrainee:
			tGIDs = append(tGIDs, k.gid)
		case EntityEnrolment:
			eGIDs = append(eGIDs, k.gid)
		}
	}
	const recUnnest = `unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::bigint[], $6::bool[], $7::text[], $8::text[], $9::text[])
		AS u(entity, gid, owner, device, seq, deleted, handover, data, office_at)`
	if c := cols[0]; len(c.gid) > 0 {
		// New here: a concurrent batch may have made one of these records since
		// it was read; then this batch runs again and meets it.
		tag, err := tx.Exec(ctx, `INSERT INTO record (entity, gid, owner, device, seq, deleted, handover_to, data, office_at, updated_at)
			SELECT entity, gid, owner, device, seq, deleted, NULLIF(handover, ''), data::jsonb, office_at, $10 FROM `+recUnnest+`
			ON CONFLICT (entity, gid) DO NOTHING`, c.entity, c.gid, c.owner, c.device, c.seq, c.deleted, c.handover, c.data, c.officeAt, now)
		if err != nil {
			return err
		}
		if int(tag.RowsAffected()) != len(c.gid) {
			return errRaced
		}
	}
	if c := cols[1]; len(c.gid) > 0 {
		if _, err := tx.Exec(ctx, `UPDATE record r SET owner = u.owner, device = u.device, seq = u.seq, deleted = u.deleted,
			handover_to = NULLIF(u.handover, ''), data = u.data::jsonb, office_at = u.office_at, updated_at = $10
			FROM `+recUnnest+` WHERE r.entity = u.entity AND r.gid = u.gid`,
			c.entity, c.gid, c.owner, c.device, c.seq, c.deleted, c.handover, c.data, c.officeAt, now); err != nil {
			return err
		}
	}
	if len(tGIDs) == 0 && len(eGIDs) == 0 {
		return nil
	}
	sort.Strings(tGIDs)
	sort.Strings(eGIDs)
	persons := map[string]*delta{}
	pd := func(nik string) *delta {
		d := persons[nik]
		if d == nil {
			d = &delta{}
			persons[nik] = d
		}
		return d
	}
	tally := map[string]*[2]int{} // office → people, enrolments
	td := func(o string) *[2]int {
		d := tally[o]
		if d == nil {
			d = &[2]int{}
			tally[o] = d
		}
		return d
	}

	// Old derived rows.
	oldT := map[string]traineeRow{}
	if len(tGIDs) > 0 {
		rows, err := tx.Query(ctx, "SELECT gid::text, owner::text, nik, live FROM trainee WHERE gid = ANY($1::uuid[]) ORDER BY gid FOR UPDATE", tGIDs)
		if err != nil {
			return err
		}
		for rows.Next() {
			var g string
			t := traineeRow{exists: true}
			rows.Scan(&g, &t.owner, &t.nik, &t.live)
			oldT[g] = t
		}
		rows.Close()
		if rows.Err() != nil {
			return rows.Err()
		}
	}
	oldE := map[string]enrolmentRow{}
	if len(eGIDs) > 0 {
		rows, err := tx.Query(ctx, `SELECT gid::text, owner::text, COALESCE(trainee_gid::text, ''), nik, year, status, live FROM enrolment
			WHERE gid = ANY($1::uuid[]) ORDER BY gid FOR UPDATE`, eGIDs)
		if err != nil {
			return err
		}
		for rows.Next() {
			var g string
			e := enrolmentRow{exists: true}
			rows.Scan(&g, &e.owner, &e.traineeGID, &e.nik, &e.year, &e.status, &e.live)
			oldE[g] = e
		}
		rows.Close()
		if rows.Err() != nil {
			return rows.Err()
		}
	}

	// Trainees.
	var tOwner, tNIK []string
	var tLive []bool
	var pGID, pNIK []string // trainees whose NIK is new or changed
	newNIK := map[string]string{}
	for _, g := range tGIDs {
		s := states[recKey{EntityTrainee, g}]
		n := traineeRow{exists: true, owner: s.owner, nik: str(s.data, hubapi.DataNIK), live: !s.deleted}
		o := oldT[g]
		if o.exists && o.live {
			td(o.owner)[0]--
			if o.nik != "" {
				pd(o.nik).trainees--
			}
		}
		if n.live {
			td(n.owner)[0]++
			if n.nik != "" {
				pd(n.nik).trainees++
			}
		}
		newNIK[g] = n.nik
		tOwner, tNIK, tLive = append(tOwner, n.owner), append(tNIK, n.nik), append(tLive, n.live)
		if !o.exists || o.nik != n.nik {
			pGID, pNIK = append(pGID, g), append(pNIK, n.nik)
		}
	}
	if len(tGIDs) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO trainee (gid, owner, nik, live) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::bool[])
			ON CONFLICT (gid) DO UPDATE SET owner = EXCLUDED.owner, nik = EXCLUDED.nik, live = EXCLUDED.live`, tGIDs, tOwner, tNIK, tLive); err != nil {
			return err
		}
	}
	// Enrolments stored before whose trainee's NIK is new or changed take it
	// (those in this batch are written below with it).
	if len(pGID) > 0 {
		rows, err := tx.Query(ctx, `WITH p AS (SELECT * FROM unnest($1::uuid[], $2::text[]) AS p(gid, nik)),
			old AS (SELECT e.gid, e.nik AS old_nik, p.nik AS new_nik, e.live AND e.status = 'trained' AS t
				FROM enrolment e JOIN p ON e.trainee_gid = p.gid
				WHERE e.nik <> p.nik AND NOT (e.gid = ANY($3::uuid[])) ORDER BY e.gid FOR UPDATE OF e),
			up AS (UPDATE enrolment e SET nik = old.new_nik FROM old WHERE e.gid = old.gid RETURNING old.old_nik, old.new_nik, old.t)
			SELECT old_nik, new_nik FROM up WHERE t`, pGID, pNIK, eGIDs)
		if err != nil {
			return err
		}
		for rows.Next() {
			var on, nn string
			if err := rows.Scan(&on, &nn); err != nil {
				rows.Close()
				return err
			}
			if on != "" {
				pd(on).trained--
			}
			if nn != "" {
				pd(nn).trained++
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
	}

	// Enrolments: the NIK is their trainee's on the hub, else their own.
	missing := []string{}
	for _, g := range eGIDs {
		s := states[recKey{EntityEnrolment, g}]
		tg := strings.ToLower(str(s.data, hubapi.DataTraineeGID))
		if _, ok := newNIK[tg]; !ok && uuidRE.MatchString(tg) {
			missing = append(missing, tg)
		}
	}
	if len(missing) > 0 {
		rows, err := tx.Query(ctx, "SELECT gid::text, nik FROM trainee WHERE gid = ANY($1::uuid[])", missing)
		if err != nil {
			return err
		}
		for rows.Next() {
			var g, n string
			rows.Scan(&g, &n)
			newNIK[g] = n
		}
		rows.Close()
		if rows.Err() != nil {
			return rows.Err()
		}
	}
	var eOwner, eTG, eNIK, eStatus []string
	var eYear []int32
	var eLive []bool
	for _, g := range eGIDs {
		s := states[recKey{EntityEnrolment, g}]
		tg := strings.ToLower(str(s.data, hubapi.DataTraineeGID))
		n := enrolmentRow{exists: true, owner: s.owner, traineeGID: tg, nik: str(s.data, hubapi.DataNIK),
			year: intOf(s.data, hubapi.DataYear), status: str(s.data, hubapi.DataStatus), live: !s.deleted}
		if v, ok := newNIK[tg]; ok {
			n.nik = v
		}
		o := oldE[g]
		if o.exists && o.live {
			td(o.owner)[1]--
			if o.status == "trained" && o.nik != "" {
				pd(o.nik).trained--
			}
		}
		if n.live {
			td(n.owner)[1]++
			if n.status == "trained" && n.nik != "" {
				pd(n.nik).trained++
			}
		}
		if !uuidRE.MatchString(tg) {
			tg = ""
		}
		eOwner, eTG, eNIK, eStatus = append(eOwner, n.owner), append(eTG, tg), append(eNIK, n.nik), append(eStatus, n.status)
		eYear, eLive = append(eYear, int32(n.year)), append(eLive, n.live)
	}
	if len(eGIDs) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO enrolment (gid, owner, trainee_gid, nik, year, status, live)
			SELECT gid, owner, NULLIF(tg, '')::uuid, nik, year, status, live
			FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::int[], $6::text[], $7::bool[]) AS u(gid, owner, tg, nik, year, status, live)
			ON CONFLICT (gid) DO UPDATE SET owner = EXCLUDED.owner, trainee_gid = EXCLUDED.trainee_gid, nik = EXCLUDED.nik,
			year = EXCLUDED.year, status = EXCLUDED.status, live = EXCLUDED.live`, eGIDs, eOwner, eTG, eNIK, eYear, eStatus, eLive); err != nil {
			return err
		}
	}

	// People and office counters, in key order (concurrent pushes lock alike).
	var niks []string
	var dT, dD []int32
	for nik, d := range persons {
		if d.trainees != 0 || d.trained != 0 {
			niks = append(niks, nik)
		}
	}
	sort.Strings(niks)
	for _, nik := range niks {
		dT = append(dT, int32(persons[nik].trainees))
		dD = append(dD, int32(persons[nik].trained))
	}
	if len(niks) > 0 {
		// The new counts come back; the old ones are new minus the delta: a
		// person whose trainees cross zero enters or leaves the regency.
		var dp, dt int
		if err := tx.QueryRow(ctx, `WITH d AS (SELECT * FROM unnest($1::text[], $2::int[], $3::int[]) AS d(nik, dt, dd)),
			up AS (INSERT INTO person (nik, trainees, trained) SELECT nik, dt, dd FROM d
				ON CONFLICT (nik) DO UPDATE SET trainees = person.trainees + EXCLUDED.trainees, trained = person.trained + EXCLUDED.trained
				RETURNING nik, trainees, trained)
			SELECT COALESCE(sum(CASE WHEN up.trainees > 0 AND up.trainees - d.dt <= 0 THEN 1 WHEN up.trainees <= 0 AND up.trainees - d.dt > 0 THEN -1 ELSE 0 END), 0),
			       COALESCE(sum(CASE WHEN up.trained > 0 AND up.trained - d.dd <= 0 THEN 1 WHEN up.trained <= 0 AND up.trained - d.dd > 0 THEN -1 ELSE 0 END), 0)
			FROM up JOIN d ON d.nik = up.nik`, niks, dT, dD).Scan(&dp, &dt); err != nil {
			return err
		}
		if dp != 0 || dt != 0 {
			if _, err := tx.Exec(ctx, `INSERT INTO office_tally (office, regency_people, regency_trained) VALUES ($1, $2, $3)
				ON CONFLICT (office) DO UPDATE SET regency_people = office_tally.regency_people + EXCLUDED.regency_people,
				regency_trained = office_tally.regency_trained + EXCLUDED.regency_trained`, pusher, dp, dt); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, "DELETE FROM person WHERE nik = ANY($1) AND trainees <= 0 AND trained <= 0", niks); err != nil {
			return err
		}
	}
	var offs []string
	for o, d := range tally {
		if d[0] != 0 || d[1] != 0 {
			offs = append(offs, o)
		}
	}
	sort.Strings(offs)
	for _, o := range offs {
		d := tally[o]
		if _, err := tx.Exec(ctx, `INSERT INTO office_tally (office, people, enrolments) VALUES ($1, $2, $3)
			ON CONFLICT (office) DO UPDATE SET people = office_tally.people + EXCLUDED.people,
			enrolments = office_tally.enrolments + EXCLUDED.enrolments`, o, d[0], d[1]); err != nil {
			return fmt.Errorf("office tally: %w", err)
		}
	}
	return nil
}

func init() {
	Route("POST", hubapi.PathPush, AuthDevice, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.PushRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.Push(ctx, c.Device, req)
	})
}
