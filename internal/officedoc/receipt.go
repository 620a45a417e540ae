package officedoc

import (
	"context"
	"encoding/json"
	"io"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/pdf"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// Receipt writes the office's copy of the berita acara penerimaan of an
// accepted month (issue 22): the hub's decision as the office last heard it
// and the figures of the snapshot the office sent, under the office's kop.
// It takes no letter number: the economic section issues the receipt; this
// is the office's record of it.
func Receipt(ctx context.Context, db *store.DB, agency string, month time.Time, w io.Writer) (Result, error) {
	o, err := load(ctx, db)
	if err != nil {
		return Result{}, err
	}
	r, err := db.MonthReview(ctx, agency, wub.Period(month))
	if err != nil {
		return Result{}, err
	}
	if !r.Locked() {
		return Result{}, wub.Errorf("reopen_ask_not_locked", wub.PeriodLabel(month))
	}
	var req hubapi.SendRequest
	if body, err := db.LastSentMonth(ctx, agency, r.Month); err != nil {
		return Result{}, err
	} else if body != nil {
		if err := json.Unmarshal(body, &req); err != nil {
			return Result{}, err
		}
	}
	a, _ := o.all.ByCode(agency)
	at, _ := time.Parse(time.RFC3339, r.DecidedAt)
	sent, _ := time.Parse(time.RFC3339, r.SentAt)
	err = pdf.WriteReceipt(w, pdf.Receipt{Kop: o.kop(), Date: at, Agency: a.NameOn(wub.EndOfMonth(month)).Full, Month: month,
		Code: r.Code, SentBy: o.agency.NameOn(o.today).Short, SentAt: sent, AcceptedBy: r.DecidedBy,
		People: req.Figures.People, Enrolments: req.Figures.Enrolments, Trained: req.Figures.Trained, InMonth: req.Figures.InMonth,
		Meta: o.meta})
	return Result{Kind: "receipt"}, err
}
