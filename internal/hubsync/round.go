package hubsync

import (
	"context"
	"errors"
	"strconv"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// Local is the register's side of a round (internal/store implements it).
type Local interface {
	HubLink(ctx context.Context) (wub.HubLink, error)
	OutboxBatch(ctx context.Context, n int) ([]hubapi.Change, error)
	TrimOutbox(ctx context.Context, through int64) error
	OutboxPending(ctx context.Context) (int, error)
	RecordSync(ctx context.Context, at time.Time, code, words string, skew time.Duration) error
	ApplyOfficeState(ctx context.Context, st hubapi.OfficeState) error
	LiveNIKs(ctx context.Context) ([]string, error)
	SaveHubFacts(ctx context.Context, niks []string, facts []hubapi.Fact) error
}

// Options of a round.
type Options struct {
	Batch     int              // changes per push (default DefaultBatch)
	Now       func() time.Time // the office's clock (default time.Now)
	AllFacts  bool             // refresh the facts of every live NIK, not only of the NIKs pushed
	FactsChun int              // NIKs per facts call (default 1000)
	Progress  func(pushed, pending int)
}

// DefaultBatch is the changes per push: large enough that the hub's
// per-transaction cost does not dominate a first sync, small enough that a
// batch cut by a bad line costs little to send again.
const DefaultBatch = 1000

// ClockSkewWarn is how far the office's clock may be from the hub's before
// the state says so (the hub never trusts the office's times for order).
const ClockSkewWarn = 5 * time.Minute

// Round runs one round of sync: push the whole outbox in batches, then read
// the office state and the facts. The outcome (last sync or the error in
// words) is recorded in the register either way. A cut anywhere leaves the
// outbox from the hub's Through on, to be sent again next round.
func Round(ctx context.Context, l Local, o Options) (wub.SyncResult, error) {
	if o.Batch <= 0 {
		o.Batch = DefaultBatch
	}
	if o.FactsChun <= 0 {
		o.FactsChun = 1000
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	var res wub.SyncResult
	link, err := l.HubLink(ctx)
	if err != nil {
		return res, err
	}
	if !link.Enrolled() {
		return res, wub.Errorf("sync_not_enrolled")
	}
	res.Hub = link.URL
	c, err := NewClient(link.URL, link.Token, link.Fingerprint)
	if err != nil {
		return res, err
	}
	defer c.Close()
	skew, err := round(ctx, c, l, o, &res)
	if n, perr := l.OutboxPending(ctx); perr == nil {
		res.Pending = n
	}
	if err != nil && ctx.Err() == nil {
		_ = l.RecordSync(context.WithoutCancel(ctx), o.Now(), ErrorCode(err), err.Error(), skew)
		return res, err
	}
	if err != nil {
		return res, err
	}
	return res, l.RecordSync(ctx, o.Now(), "", "", skew)
}

func round(ctx context.Context, c *Client, l Local, o Options, res *wub.SyncResult) (time.Duration, error) {
	niks := map[string]bool{}
	stalls := 0
	waiting := 0
	if o.Progress != nil {
		waiting, _ = l.OutboxPending(ctx) // once: a count per batch would scan the outbox each time
	}
	for {
		batch, err := l.OutboxBatch(ctx, o.Batch)
		if err != nil {
			return 0, err
		}
		if len(batch) == 0 {
			break
		}
		r, err := c.Push(ctx, batch)
		if err != nil {
			return 0, err
		}
		took := 0
		for _, ch := range batch {
			if ch.Seq <= r.Through {
				took++
				if n, _ := ch.Data["nik"].(string); n != "" {
					niks[n] = true
				}
			}
		}
		res.Rejected += len(r.Rejected)
		if took == 0 {
			// The hub holds nothing of this batch below a gap: it lost
			// what it had acknowledged (a restored hub). Send once more,
			// then give up for this round rather than loop.
			stalls++
			if stalls > 1 {
				return 0, wub.Errorf("sync_hub_error", 409, "the hub does not advance (through "+strconv.FormatInt(r.Through, 10)+")")
			}
			continue
		}
		if err := l.TrimOutbox(ctx, r.Through); err != nil {
			return 0, err
		}
		res.Pushed += took
		if o.Progress != nil {
			o.Progress(res.Pushed, max(waiting-res.Pushed, 0))
		}
	}
	st, err := c.Office(ctx)
	if err != nil {
		return 0, err
	}
	var skew time.Duration
	if t, perr := time.Parse(time.RFC3339, st.ServerNow); perr == nil {
		skew = o.Now().Sub(t).Round(time.Second)
	}
	if err := l.ApplyOfficeState(ctx, st); err != nil {
		return skew, err
	}
	var ask []string
	if o.AllFacts {
		ask, err = l.LiveNIKs(ctx)
		if err != nil {
			return skew, err
		}
	} else {
		for n := range niks {
			ask = append(ask, n)
		}
	}
	for len(ask) > 0 {
		chunk := ask[:min(len(ask), o.FactsChun)]
		ask = ask[len(chunk):]
		facts, err := c.Facts(ctx, chunk)
		if err != nil {
			return skew, err
		}
		if err := l.SaveHubFacts(ctx, chunk, facts); err != nil {
			return skew, err
		}
		res.Facts += len(facts)
	}
	return skew, nil
}

// LookupFacts asks the hub about a few NIKs now (the form, the import
// preview) and caches the answer; the caller falls back to the cache when
// the hub cannot be reached.
func LookupFacts(ctx context.Context, l Local, niks []string) error {
	link, err := l.HubLink(ctx)
	if err != nil {
		return err
	}
	if !link.Enrolled() {
		return wub.Errorf("sync_not_enrolled")
	}
	c, err := NewClient(link.URL, link.Token, link.Fingerprint)
	if err != nil {
		return err
	}
	defer c.Close()
	for len(niks) > 0 {
		chunk := niks[:min(len(niks), 1000)]
		niks = niks[len(chunk):]
		facts, err := c.Facts(ctx, chunk)
		if err != nil {
			return err
		}
		if err := l.SaveHubFacts(ctx, chunk, facts); err != nil {
			return err
		}
	}
	return nil
}

// IsRevoked reports whether err says the device credential is gone.
func IsRevoked(err error) bool { return ErrorCode(err) == "sync_revoked" }

// IsUnreachable reports whether err says the hub could not be reached.
func IsUnreachable(err error) bool {
	return ErrorCode(err) == "sync_unreachable" || errors.Is(err, context.DeadlineExceeded)
}
