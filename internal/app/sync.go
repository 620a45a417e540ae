package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"wubdesk/internal/hubsync"
	"wubdesk/internal/wub"
)

// The regency register on the office's side (issue 21): enrolment, one
// round of sync, the state for Pengaturan → Register kabupaten, and the
// facts other agencies registered for a NIK. The window and the commands
// (`wubdesk enrol`, `wubdesk sync`) call these; nothing else touches
// internal/hubsync.

// HubFingerprint connects to the hub once and returns its certificate's
// SHA-256 fingerprint (shown before enrolling, to compare with the hub's).
func (a *App) HubFingerprint(ctx context.Context, url string) (string, error) {
	return hubsync.Probe(ctx, url)
}

// Enrol trades the enrolment code for a device credential and stores it in
// the register (the outbox is rebuilt from every record, sequence from 1).
// pin "" trusts the certificate the hub shows now; the link returned holds
// its fingerprint. An office configured for one agency cannot enrol with a
// code made for another.
func (a *App) Enrol(ctx context.Context, url, code, pin string) (wub.HubLink, error) {
	name, _ := os.Hostname()
	link, err := hubsync.Enrol(ctx, url, code, pin, name)
	if err != nil {
		return link, err
	}
	o, err := a.db.Office(ctx)
	if err != nil {
		return link, err
	}
	if o.AgencyCode != "" && link.Agency != "" && !strings.EqualFold(o.AgencyCode, link.Agency) {
		return link, wub.Errorf("sync_agency_mismatch", link.Agency, o.AgencyCode)
	}
	if err := a.db.SetHubLink(ctx, link); err != nil {
		return link, err
	}
	if o.AgencyCode == "" && link.Agency != "" {
		o.AgencyCode = link.Agency
		if err := a.db.SetOffice(ctx, o); err != nil {
			return link, err
		}
	}
	return link, nil
}

// SyncOptions of one round (zero values: batches of hubsync.DefaultBatch, facts of the
// NIKs pushed; AllFacts refreshes every live NIK's facts).
type SyncOptions struct {
	Batch    int
	AllFacts bool
	Progress func(pushed, pending int)
}

// factsEvery is how often a round refreshes the facts of every NIK.
const factsEvery = 6 * time.Hour

// Sync runs one round: pushes the outbox, applies the quotas and target the
// economic section set, refreshes the facts. The outcome is recorded either
// way (SyncState shows it); the register keeps working when this fails.
func (a *App) Sync(ctx context.Context, o SyncOptions) (wub.SyncResult, error) {
	if !o.AllFacts {
		at, _ := a.db.Setting(ctx, "hub.facts_at")
		if t, err := time.Parse(time.RFC3339, at); err != nil || a.Now().Sub(t) > factsEvery || t.After(a.Now()) {
			o.AllFacts = true
		}
	}
	res, err := hubsync.Round(ctx, a.db, hubsync.Options{Batch: o.Batch, Now: a.Now, AllFacts: o.AllFacts, Progress: o.Progress})
	if err == nil {
		err = a.pushMonthsInRound(ctx) // the months queued for review (issue 22, review.go)
	}
	if err == nil && o.AllFacts {
		err = a.db.SetHubSetting(ctx, "hub.facts_at", a.Now().UTC().Format(time.RFC3339))
	}
	return res, err
}

// SyncState is the link and the last rounds' outcome.
func (a *App) SyncState(ctx context.Context) (wub.SyncState, error) {
	return a.db.SyncState(ctx)
}

// SyncEnrolled reports whether the office has a device credential.
func (a *App) SyncEnrolled(ctx context.Context) bool {
	l, err := a.db.HubLink(ctx)
	return err == nil && l.Enrolled()
}

// HubClient returns a client of the enrolled hub with the device credential
// (other use cases of the hub, e.g. the month send of issue 22, call
// Client.Do with their own hubapi bodies). The caller closes it.
func (a *App) HubClient(ctx context.Context) (*hubsync.Client, error) {
	l, err := a.db.HubLink(ctx)
	if err != nil {
		return nil, err
	}
	if !l.Enrolled() {
		return nil, wub.Errorf("sync_not_enrolled")
	}
	return hubsync.NewClient(l.URL, l.Token, l.Fingerprint)
}

// FactsTimeout bounds the live lookup at entry time: the form never waits
// longer for the hub than this before it shows the last known facts.
var FactsTimeout = 3 * time.Second

// HubFacts returns what other agencies registered for these NIKs. When
// live, the hub is asked first (within FactsTimeout) and the answer cached;
// otherwise, or when the hub cannot be reached, the last known facts are
// returned. Not enrolled: none. Facts of the office's own agency are left
// out.
func (a *App) HubFacts(ctx context.Context, niks []string, live bool) (map[string][]wub.HubFact, error) {
	l, err := a.db.HubLink(ctx)
	if err != nil || !l.Enrolled() || len(niks) == 0 {
		return nil, err
	}
	if live {
		lctx, cancel := context.WithTimeout(ctx, FactsTimeout)
		_ = hubsync.LookupFacts(lctx, a.db, niks) // offline: the cache answers
		cancel()
	}
	all, err := a.db.HubFacts(ctx, niks)
	if err != nil {
		return nil, err
	}
	for nik, fs := range all {
		var keep []wub.HubFact
		for _, f := range fs {
			if !strings.EqualFold(f.Agency, l.Agency) {
				keep = append(keep, f)
			}
		}
		if len(keep) == 0 {
			delete(all, nik)
		} else {
			all[nik] = keep
		}
	}
	return all, nil
}

// FactNote words a NIK's facts for the form and the import preview:
// "sudah dilatih Disperindag 2022; sudah terdaftar di DKPP 2024".
func (a *App) FactNote(ctx context.Context, facts []wub.HubFact) string {
	if len(facts) == 0 {
		return ""
	}
	as, _ := a.db.Agencies(ctx)
	var parts []string
	for _, f := range facts {
		name := f.Agency
		if ag, ok := as.ByCode(f.Agency); ok {
			name = ag.NameInYear(f.Year).Short
		}
		code := "sync_fact"
		switch f.Status {
		case wub.StatusRegistered:
			code = "sync_fact_registered"
		case wub.StatusDropped:
			code = "sync_fact_dropped"
		}
		parts = append(parts, wub.Message(code, "", name, f.Year))
	}
	return strings.Join(parts, "; ")
}

// SyncStateWords is the state line of Pengaturan → Register kabupaten:
// "tersinkron 5 menit lalu · 32 perubahan menunggu".
func SyncStateWords(st wub.SyncState, now time.Time) string {
	var s string
	switch {
	case st.LastSync.IsZero():
		s = wub.Message("sync_state_never", "")
	case now.Sub(st.LastSync) < time.Minute:
		s = wub.Message("sync_state_now", "")
	default:
		s = wub.Message("sync_state_ago", "", Ago(now.Sub(st.LastSync)))
	}
	return s + " · " + wub.Message("sync_state_pending", "", st.Pending)
}

// Ago words a duration for "… lalu": baru saja, 5 menit, 3 jam, 2 hari.
func Ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return wub.Message("sync_just_now", "")
	case d < time.Hour:
		return wub.Message("sync_minutes", "", int(d/time.Minute))
	case d < 48*time.Hour:
		return wub.Message("sync_hours", "", int(d/time.Hour))
	}
	return wub.Message("sync_days", "", int(d/(24*time.Hour)))
}

// SkewWords warns about an office clock far from the hub's ("" when close).
func SkewWords(st wub.SyncState) string {
	d := st.Skew
	if d < 0 {
		d = -d
	}
	if d < hubsync.ClockSkewWarn {
		return ""
	}
	return wub.Message("sync_clock_off", "", fmt.Sprint(d.Round(time.Minute)))
}
