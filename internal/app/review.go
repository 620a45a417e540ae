package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/hubsync"
	"wubdesk/internal/officedoc"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// Sending a month to the regency hub, the hub's decisions on it, and
// asking to reopen an accepted month (issue 22). The lock of an accepted
// month is the store's (migration 0016); these are the use cases the
// window (Kirim Laporan) and `wubdesk send` share.

// Settings where the enrolment (issue 21, store.KeyHub*) keeps how to
// reach the hub; tests and older callers may write them directly.
const (
	SettingHubURL   = "hub.url"
	SettingHubToken = "hub.token"
	SettingHubPin   = "hub.fingerprint"
)

// HubLinkFunc, when set, gives the hub link instead of the enrolment's
// (tests point it at their hub).
var HubLinkFunc func(ctx context.Context, a *App) (hubsync.MonthLink, bool, error)

// MonthLink is how this office reaches the hub (its enrolment); ok is
// false when the office is not enrolled.
func (a *App) MonthLink(ctx context.Context) (hubsync.MonthLink, bool, error) {
	if HubLinkFunc != nil {
		return HubLinkFunc(ctx, a)
	}
	l, err := a.db.HubLink(ctx)
	if err != nil {
		return hubsync.MonthLink{}, false, err
	}
	return hubsync.MonthLink{URL: l.URL, Token: l.Token, Pin: l.Fingerprint}, l.URL != "" && l.Token != "", nil
}

// Enrolled reports whether the office sends its months to a hub.
func (a *App) Enrolled(ctx context.Context) bool {
	_, ok, err := a.MonthLink(ctx)
	return ok && err == nil
}

// OfficeAgency is the agency code of the office's own register.
func (a *App) OfficeAgency(ctx context.Context) (string, error) {
	o, err := a.db.Office(ctx)
	if err != nil {
		return "", err
	}
	if o.AgencyCode == "" {
		return "", wub.Errorf("send_no_office")
	}
	return o.AgencyCode, nil
}

// MonthReviews lists the office's months as the hub decided them, newest first.
func (a *App) MonthReviews(ctx context.Context, agency string) ([]wub.MonthReview, error) {
	return a.db.MonthReviews(ctx, agency)
}

// SubmissionCode is the Meta of a workbook of the month made now (written
// to nowhere): its verification code is that of a workbook generated at
// this moment (the code covers the generation time, so each workbook has
// its own; `wubdesk send --out` keeps the workbook that goes with it).
func (a *App) SubmissionCode(ctx context.Context, agency string, month time.Time) (wub.SubmissionMeta, error) {
	return a.WriteMonthWorkbook(ctx, agency, month, io.Discard)
}

// WriteMonthWorkbook writes the month's submission workbook to w, as
// `wubdesk export` and Kirim Laporan write it.
func (a *App) WriteMonthWorkbook(ctx context.Context, agency string, month time.Time, w io.Writer) (wub.SubmissionMeta, error) {
	as, err := a.db.Agencies(ctx)
	if err != nil {
		return wub.SubmissionMeta{}, err
	}
	ag, ok := as.ByCode(agency)
	if !ok {
		return wub.SubmissionMeta{}, wub.Errorf("agency_unknown", agency)
	}
	sub, err := a.submission(ctx, ag, month)
	if err != nil {
		return wub.SubmissionMeta{}, err
	}
	end := wub.EndOfMonth(month)
	return xlsx.WriteSubmission(w, sub,
		func(emit func(*wub.Trainee, *wub.Enrolment) error) error {
			return a.db.SubmissionRows(ctx, agency, month.Year(), end, emit)
		})
}

// Snapshot is the month's people and figures as the workbook reports them
// (the same rows: every live enrolment of the agency in the program year
// counted up to the month's end, undated ones included), with code.
func (a *App) Snapshot(ctx context.Context, agency string, month time.Time, code string) (hubapi.SendRequest, error) {
	req := hubapi.SendRequest{Month: wub.Period(month), Code: code, People: []hubapi.MonthPerson{}}
	egid, tgid, err := a.db.SnapshotIDs(ctx, agency, month.Year())
	if err != nil {
		return req, err
	}
	people, trained := map[string]bool{}, map[string]bool{}
	err = a.db.SubmissionRows(ctx, agency, month.Year(), wub.EndOfMonth(month), func(t *wub.Trainee, e *wub.Enrolment) error {
		cm := countMonth(e)
		req.People = append(req.People, hubapi.MonthPerson{GID: egid[e.ID], TraineeGID: tgid[t.ID], NIK: t.NIK,
			Status: e.Status, CountMonth: cm})
		people[t.NIK] = true
		if e.Status == wub.StatusTrained {
			trained[t.NIK] = true
		}
		if cm == req.Month {
			req.Figures.InMonth++
		}
		return nil
	})
	req.Figures.People, req.Figures.Enrolments, req.Figures.Trained = len(people), len(req.People), len(trained)
	return req, err
}

// countMonth is the enrolment's count month as YYYY-MM within its program
// year (the store's count_month: dates before the year count in January,
// after it in December), "" when undated.
func countMonth(e *wub.Enrolment) string {
	d := e.CountDate()
	if d.IsZero() {
		return ""
	}
	m := int(d.Month())
	switch {
	case d.Year() < e.Year:
		m = 1
	case d.Year() > e.Year:
		m = 12
	}
	return fmt.Sprintf("%04d-%02d", e.Year, m)
}

// SendMonth queues the office's month for the hub: the snapshot of its
// people and figures with the workbook's verification code (code "" works
// it out). An accepted month is not sent again. It does not reach the
// network: PushMonths does, now or in a later sync round.
func (a *App) SendMonth(ctx context.Context, agency string, month time.Time, code string) (wub.MonthReview, error) {
	if _, ok, err := a.MonthLink(ctx); err != nil {
		return wub.MonthReview{}, err
	} else if !ok {
		return wub.MonthReview{}, wub.Errorf("send_not_enrolled")
	}
	p := wub.Period(month)
	cur, err := a.db.MonthReview(ctx, agency, p)
	if err != nil {
		return cur, err
	}
	if cur.Locked() {
		return cur, wub.Errorf("send_accepted_already", wub.PeriodLabel(month))
	}
	if code == "" {
		meta, err := a.SubmissionCode(ctx, agency, month)
		if err != nil {
			return cur, err
		}
		code = wub.VerificationCode(meta.DataSHA256)
	}
	req, err := a.Snapshot(ctx, agency, month, code)
	if err != nil {
		return cur, err
	}
	body, err := json.Marshal(req)
	if err != nil {
		return cur, err
	}
	if _, err := a.db.QueueMonth(ctx, store.OutboxSend, agency, p, code, body); err != nil {
		return cur, err
	}
	return a.db.MonthReview(ctx, agency, p)
}

// AskReopen queues the office's request to reopen an accepted month.
func (a *App) AskReopen(ctx context.Context, agency string, month time.Time, reason string) error {
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return wub.Errorf("reopen_reason_required")
	}
	if _, ok, err := a.MonthLink(ctx); err != nil {
		return err
	} else if !ok {
		return wub.Errorf("send_not_enrolled")
	}
	p := wub.Period(month)
	cur, err := a.db.MonthReview(ctx, agency, p)
	if err != nil {
		return err
	}
	if !cur.Locked() {
		return wub.Errorf("reopen_ask_not_locked", wub.PeriodLabel(month))
	}
	body, err := json.Marshal(hubapi.ReopenAskRequest{Month: p, Reason: reason})
	if err != nil {
		return err
	}
	_, err = a.db.QueueMonth(ctx, store.OutboxReopen, agency, p, cur.Code, body)
	return err
}

// PushResult is one push of the month queue.
type PushResult struct {
	Sent    int    // requests the hub took
	Pending int    // still queued
	Hub     string // the hub's address
	Err     error  // why the rest waits (the hub unreachable), nil when all went
	// Refused are the months the hub refused for good, with its reason.
	Refused map[string]string
}

// PushMonths sends what waits in the month queue, oldest first, and
// records the hub's answers; it stops at the first request that cannot
// reach the hub (they stay queued for the next round). A request the hub
// refuses for good leaves the queue with its reason kept. The sync round
// of issue 21 calls it too.
func (a *App) PushMonths(ctx context.Context) (PushResult, error) {
	l, ok, err := a.MonthLink(ctx)
	if err != nil {
		return PushResult{}, err
	}
	res := PushResult{Hub: l.URL, Refused: map[string]string{}}
	if !ok {
		return res, wub.Errorf("send_not_enrolled")
	}
	waiting, err := a.db.WaitingMonths(ctx)
	if err != nil {
		return res, err
	}
	for i, o := range waiting {
		var st hubapi.MonthState
		var perr error
		switch o.Kind {
		case store.OutboxSend:
			var req hubapi.SendRequest
			if err := json.Unmarshal(o.Body, &req); err != nil {
				return res, err
			}
			st, perr = hubsync.SendMonth(ctx, l, req)
		case store.OutboxReopen:
			var req hubapi.ReopenAskRequest
			if err := json.Unmarshal(o.Body, &req); err != nil {
				return res, err
			}
			st, perr = hubsync.AskReopen(ctx, l, req)
		}
		var refused *hubsync.HubRefused
		switch {
		case perr == nil:
			if st.Agency == "" {
				st.Agency, st.Month = o.Agency, o.Month
			}
			if err := a.db.MonthDelivered(ctx, o.ID, ReviewOf(st)); err != nil {
				return res, err
			}
			res.Sent++
		case errors.As(perr, &refused) && refused.Status != 401 && refused.Status < 500:
			msg := refused.Error()
			if err := a.db.MonthFailed(ctx, o.ID, msg, true); err != nil {
				return res, err
			}
			res.Refused[o.Month] = msg
		default:
			msg := wub.Message("send_hub_failed", "", perr.Error())
			if err := a.db.MonthFailed(ctx, o.ID, msg, false); err != nil {
				return res, err
			}
			res.Pending = len(waiting) - i
			res.Err = wub.Errorf("send_hub_failed", perr.Error())
			return res, nil
		}
	}
	return res, nil
}

// ApplyMonthStates records the month states the hub reports (the sync
// round's OfficeState.Months).
func (a *App) ApplyMonthStates(ctx context.Context, ms []hubapi.MonthState) error {
	rs := make([]wub.MonthReview, 0, len(ms))
	for _, m := range ms {
		rs = append(rs, ReviewOf(m))
	}
	return a.db.SetMonthStates(ctx, rs)
}

// RefreshMonths asks the hub for the office's month states and records
// them; an unreachable hub is no error of the office (its states stay as
// last known).
func (a *App) RefreshMonths(ctx context.Context) error {
	l, ok, err := a.MonthLink(ctx)
	if err != nil || !ok {
		return err
	}
	st, err := hubsync.OfficeMonths(ctx, l)
	if err != nil {
		return wub.Errorf("send_hub_failed", err.Error())
	}
	return a.ApplyMonthStates(ctx, st.Months)
}

// ReviewOf is the office's record of a hub month state.
func ReviewOf(m hubapi.MonthState) wub.MonthReview {
	return wub.MonthReview{Agency: m.Agency, Month: m.Month, State: m.State, Code: m.Code, Note: m.Note,
		DecidedBy: m.By, DecidedAt: m.At, SentAt: m.SentAt, Deadline: m.Deadline, Late: m.Late}
}

// MonthReviewOf is one month's state as the office knows it.
func (a *App) MonthReviewOf(ctx context.Context, agency string, month time.Time) (wub.MonthReview, error) {
	return a.db.MonthReview(ctx, agency, wub.Period(month))
}

// pushMonthsInRound sends the queued months in the sync round; an
// unreachable hub leaves them queued (the round's own error says so).
func (a *App) pushMonthsInRound(ctx context.Context) error {
	n, err := a.db.WaitingMonthCount(ctx)
	if err != nil || n == 0 {
		return err
	}
	r, err := a.PushMonths(ctx)
	if err != nil {
		return err
	}
	if r.Sent > 0 {
		return a.RefreshMonths(ctx)
	}
	return nil
}

// MonthReceipt writes the office's copy of the berita acara penerimaan of
// an accepted month as PDF (internal/officedoc).
func (a *App) MonthReceipt(ctx context.Context, agency string, month time.Time, w io.Writer) error {
	_, err := officedoc.Receipt(ctx, a.db, agency, month, w)
	return err
}
