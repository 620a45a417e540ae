package hub

import (
	"context"
	"time"

	"wubdesk/internal/hubapi"
)

// MaxFacts is the most NIKs one facts request may ask about.
const MaxFacts = 10000

// Facts lists other agencies' live enrolments of the given NIKs: agency,
// year and status only, never the other office's record.
func (h *Hub) Facts(ctx context.Context, dev *Device, niks []string) (hubapi.FactsResponse, error) {
	resp := hubapi.FactsResponse{Facts: []hubapi.Fact{}}
	if len(niks) > MaxFacts {
		return resp, errorf(413, "hub_facts_too_many", len(niks), MaxFacts)
	}
	if len(niks) == 0 {
		return resp, nil
	}
	rows, err := h.Pool.Query(ctx, `SELECT e.nik, o.agency, e.year, e.status FROM enrolment e JOIN office o ON o.id = e.owner
		WHERE e.live AND e.nik = ANY($1) AND e.owner <> $2 ORDER BY e.nik, e.year, o.agency, e.status`, niks, dev.OfficeID)
	if err != nil {
		return resp, err
	}
	defer rows.Close()
	for rows.Next() {
		var f hubapi.Fact
		if err := rows.Scan(&f.NIK, &f.Agency, &f.Year, &f.Status); err != nil {
			return resp, err
		}
		resp.Facts = append(resp.Facts, f)
	}
	if err := rows.Err(); err != nil {
		return resp, err
	}
	// Counts only: the NIKs asked are personal data.
	h.Audit(ctx, h.Pool, "device:"+dev.ID, "facts", dev.OfficeID, map[string]any{"asked": len(niks), "facts": len(resp.Facts)})
	return resp, nil
}

// MonthsHook lists the month states of an agency ("" for every agency) for
// OfficeState and Report. The review (issue 22) sets it; until then months
// are empty.
var MonthsHook func(ctx context.Context, q Querier, agency string) ([]hubapi.MonthState, error)

func (h *Hub) months(ctx context.Context, agency string) ([]hubapi.MonthState, error) {
	if MonthsHook == nil {
		return []hubapi.MonthState{}, nil
	}
	ms, err := MonthsHook(ctx, h.Pool, agency)
	if ms == nil {
		ms = []hubapi.MonthState{}
	}
	return ms, err
}

// OfficeState is what the hub tells an office besides facts: its quotas,
// the program target, its months and the hub's clock.
func (h *Hub) OfficeState(ctx context.Context, dev *Device) (hubapi.OfficeState, error) {
	st := hubapi.OfficeState{Agency: dev.Agency, Quotas: []hubapi.Quota{}, ServerNow: h.now().Format(time.RFC3339)}
	rows, err := h.Pool.Query(ctx, "SELECT agency, year, people FROM quota WHERE agency = $1 ORDER BY year", dev.Agency)
	if err != nil {
		return st, err
	}
	for rows.Next() {
		var q hubapi.Quota
		rows.Scan(&q.Agency, &q.Year, &q.People)
		st.Quotas = append(st.Quotas, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return st, err
	}
	h.Pool.QueryRow(ctx, "SELECT people, since, until FROM target WHERE id = 1").Scan(&st.Target.People, &st.Target.From, &st.Target.Until)
	st.Months, err = h.months(ctx, dev.Agency)
	return st, err
}

// SetQuota sets an agency's quota for a year (people ≥ 0).
func (h *Hub) SetQuota(ctx context.Context, agency string, year, people int, actor string) error {
	if !agencyCodeRE.MatchString(agency) {
		return errorf(400, "hub_agency_invalid", agency)
	}
	if year < 2000 || year > 2100 || people < 0 {
		return errorf(400, "hub_quota_invalid")
	}
	if _, err := h.Pool.Exec(ctx, `INSERT INTO quota (agency, year, people) VALUES ($1, $2, $3)
		ON CONFLICT (agency, year) DO UPDATE SET people = EXCLUDED.people`, agency, year, people); err != nil {
		return err
	}
	return h.Audit(ctx, h.Pool, actor, "quota_set", "", map[string]any{"agency": agency, "year": year, "people": people})
}

// SetTarget sets the program target and its period (YYYY-MM-DD).
func (h *Hub) SetTarget(ctx context.Context, people int, from, until string, actor string) error {
	_, e1 := time.Parse("2006-01-02", from)
	_, e2 := time.Parse("2006-01-02", until)
	if people < 0 || e1 != nil || e2 != nil || until < from {
		return errorf(400, "hub_target_invalid")
	}
	if _, err := h.Pool.Exec(ctx, `INSERT INTO target (id, people, since, until) VALUES (1, $1, $2, $3)
		ON CONFLICT (id) DO UPDATE SET people = EXCLUDED.people, since = EXCLUDED.since, until = EXCLUDED.until`, people, from, until); err != nil {
		return err
	}
	return h.Audit(ctx, h.Pool, actor, "target_set", "", map[string]any{"people": people, "from": from, "until": until})
}

func init() {
	Route("POST", hubapi.PathFacts, AuthDevice, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.FactsRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.Facts(ctx, c.Device, req.NIKs)
	})
	Route("GET", hubapi.PathOffice, AuthDevice, func(ctx context.Context, c *Call) (any, error) {
		return c.Hub.OfficeState(ctx, c.Device)
	})
}
