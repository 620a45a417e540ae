package handover

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// yearFigures are what the reports of a program year say per agency: the
// realisation and quota of the dashboard and the rows of the monthly
// submission (by NIK).
type yearFigures map[string]agencyYear

type agencyYear struct {
	Name            string
	Recorded, Quota int
	SubmissionRows  int
	SubmissionNIKs  string
	Opening         int
	OpeningBalance  int
}

func figures(t testing.TB, db *store.DB, year int) yearFigures {
	t.Helper()
	d := must(db.Dashboard(ctx, wub.DashboardQuery{Year: year, AsOf: day(year, 12, 31)}))
	obs := must(db.OpeningBalances(ctx, year))
	out := yearFigures{}
	for _, a := range d.Agencies {
		ay := agencyYear{Name: a.Name, Recorded: a.Recorded, Quota: a.Goal, Opening: a.Opening}
		var niks []string
		check(t, db.SubmissionRows(ctx, a.Code, year, day(year, 12, 31), func(tr *wub.Trainee, e *wub.Enrolment) error {
			niks = append(niks, tr.NIK+"/"+e.Status)
			return nil
		}))
		slices.Sort(niks)
		ay.SubmissionRows = len(niks)
		ay.SubmissionNIKs = fmtList(niks)
		for _, ob := range obs {
			if ob.AgencyCode == a.Code {
				ay.OpeningBalance = ob.Count
			}
		}
		out[a.Code] = ay
	}
	return out
}

func fmtList(s []string) string {
	out := ""
	for _, x := range s {
		out += x + ";"
	}
	return out
}

func kindCount(r *wub.HandoverResult, kind string) wub.HandoverCount {
	for _, c := range r.Counts {
		if c.Kind == kind {
			return c
		}
	}
	return wub.HandoverCount{Kind: kind}
}

func errCode(err error) string {
	var e *wub.Err
	if errors.As(err, &e) {
		return e.Code
	}
	return wub.ErrorCode(err)
}

// TestHandoverDPMPTSPToDiskop is the evidence of issue 11: DPMPTSP hands
// its 2020–2022 program to Diskop UKM, whose database already holds records
// and some of the same people, on 3 January 2023.
func TestHandoverDPMPTSPToDiskop(t *testing.T) {
	dir := t.TempDir()
	giving, receiving := seedGiving(t, dir), seedReceiving(t, dir)

	givingBefore := map[int]yearFigures{}
	receivingBefore := map[int]yearFigures{}
	for y := 2020; y <= 2023; y++ {
		givingBefore[y], receivingBefore[y] = figures(t, giving, y), figures(t, receiving, y)
	}
	if n := len(receivingBefore[2023]); n != 7 {
		t.Fatalf("before the handover the receiver's 2023 shows %d agencies; the seed should make it 7", n)
	}
	source := must(giving.HandoverCounts(ctx))

	pkg := filepath.Join(dir, "serah-terima"+Ext)
	ex := must(ExportFile(ctx, reg(giving), ExportOptions{To: wub.DISKOPUKM, Date: day(2023, 1, 3)}, pkg))
	if _, err := os.Stat(ex.BeritaAcara); err != nil {
		t.Fatalf("berita acara not written beside the package: %v", err)
	}
	for _, kind := range store.HandoverKinds() {
		if kind == "audit" {
			continue // the export itself adds an audit row after the dump
		}
		if got := ex.Manifest.Count(kind); got != source[kind] {
			t.Errorf("manifest %s = %d, the giving database holds %d", kind, got, source[kind])
		}
	}
	for y := 2020; y <= 2023; y++ {
		if got := figures(t, giving, y); !equalFigures(got, givingBefore[y]) {
			t.Errorf("exporting changed the giving office's %d figures", y)
		}
	}

	p := must(ReadFile(pkg))
	if p.SHA256 != ex.SHA256 || p.Manifest.From.Code != wub.DPMPTSP || p.Manifest.To.Code != wub.DISKOPUKM ||
		p.Manifest.HandoverDate != "2023-01-03" {
		t.Fatalf("package read back: sha %s from %s to %s on %s", p.SHA256, p.Manifest.From.Code, p.Manifest.To.Code, p.Manifest.HandoverDate)
	}
	receivingCounts := must(receiving.HandoverCounts(ctx))
	preview := must(Import(ctx, reg(receiving), p, true, nil))
	if preview.Committed {
		t.Error("a dry run says it committed")
	}
	if after := must(receiving.HandoverCounts(ctx)); !equalCounts(after, receivingCounts) {
		t.Fatalf("the preview changed the database: %v → %v", receivingCounts, after)
	}
	res := must(Import(ctx, reg(receiving), p, false, nil))
	if !res.Committed || res.Backup == "" {
		t.Errorf("committed %v, backup %q", res.Committed, res.Backup)
	}

	// Every count: the preview is what the import did; hand-worked figures
	// for the seeded records; the receiver grew by exactly what was new.
	want := map[string][3]int{ // new, matching, conflicts
		"trainee": {9, 1, 2}, "facilitator": {2, 0, 0}, "batch": {3, 0, 0}, "enrolment": {13, 0, 0},
		"contract": {3, 0, 0}, "batch_facilitator": {3, 0, 0}, "mentoring": {3, 0, 0},
		"quota": {3, 0, 0}, "opening_balance": {1, 0, 0},
	}
	after := must(receiving.HandoverCounts(ctx))
	for _, kind := range store.HandoverKinds() {
		c, pc := kindCount(res, kind), kindCount(preview, kind)
		if c != pc {
			t.Errorf("%s: preview %+v, import %+v", kind, pc, c)
		}
		if c.InPackage != p.Manifest.Count(kind) || c.New+c.Matching+c.Conflicts != c.InPackage {
			t.Errorf("%s: %+v does not add up to the %d in the package", kind, c, p.Manifest.Count(kind))
		}
		if w, ok := want[kind]; ok && [3]int{c.New, c.Matching, c.Conflicts} != w {
			t.Errorf("%s: new/matching/conflicts = %d/%d/%d, want %v", kind, c.New, c.Matching, c.Conflicts, w)
		}
		grew := c.New
		if kind == "audit" {
			grew = after[kind] - receivingCounts[kind] // plus the import's own audit rows
			if grew < c.New {
				t.Errorf("audit grew by %d, %d were new", grew, c.New)
			}
			continue
		}
		if after[kind]-receivingCounts[kind] != grew {
			t.Errorf("%s: the receiver grew by %d, the import says %d new", kind, after[kind]-receivingCounts[kind], grew)
		}
	}
	if len(res.Conflicts) != 2 {
		t.Errorf("conflicts listed: %+v", res.Conflicts)
	}
	if n := must(receiving.CountTrainees(ctx, wub.TraineeFilter{})); n != 17 {
		t.Errorf("receiver holds %d people, want 8 of its own + 9 new", n)
	}

	// Reports: 2020–2022 stay DPMPTSP's and Diskop's as they were.
	for y := 2020; y <= 2022; y++ {
		got := figures(t, receiving, y)
		if len(got) != 7 {
			t.Errorf("%d shows %d agencies, want 7", y, len(got))
		}
		if got[wub.DPMPTSP] != givingBefore[y][wub.DPMPTSP] {
			t.Errorf("%d DPMPTSP: receiver %+v, giving office %+v", y, got[wub.DPMPTSP], givingBefore[y][wub.DPMPTSP])
		}
		if got[wub.DISKOPUKM] != receivingBefore[y][wub.DISKOPUKM] {
			t.Errorf("%d Diskop: after %+v, before %+v", y, got[wub.DISKOPUKM], receivingBefore[y][wub.DISKOPUKM])
		}
		if got[wub.DPMPTSP].Recorded == 0 {
			t.Errorf("%d: DPMPTSP has no realisation in the receiver", y)
		}
	}
	y23 := figures(t, receiving, 2023)
	if _, still := y23[wub.DPMPTSP]; len(y23) != 6 || still {
		t.Errorf("2023 shows %d agencies (DPMPTSP there: %v), want 6 without DPMPTSP", len(y23), still)
	}
	if name := y23[wub.DISKOPUKM].Name; name != "Diskop UKM dan Naker" {
		t.Errorf("Diskop's 2023 name = %q", name)
	}

	// Facilitators: in Diskop's 2023 contract round with their history.
	round := must(receiving.ContractRound(ctx, wub.DISKOPUKM, 2023))
	names := map[string]wub.RoundRow{}
	for _, r := range round.Rows {
		names[r.Name] = r
	}
	for _, n := range []string{"Ahmad Fauzi", "Badrus Sholeh", "Chairul Anam"} {
		if _, ok := names[n]; !ok {
			t.Errorf("%s missing from Diskop's 2023 contract round (%d rows)", n, len(round.Rows))
		}
	}
	if r := names["Ahmad Fauzi"]; r.BatchesRun != 1 || r.LastContract.SPKNumber != "027/SPK/2022/01" {
		t.Errorf("Ahmad's round row: batches %d, last contract %q", r.BatchesRun, r.LastContract.SPKNumber)
	}
	cs := must(receiving.Contracts(ctx, store.ContractFilter{FacilitatorID: names["Ahmad Fauzi"].FacilitatorID}))
	if len(cs) != 2 || cs[0].Year != 2022 || cs[1].Year != 2021 || cs[0].RenewedFrom != cs[1].ID {
		t.Errorf("Ahmad's contract history in the receiver: %+v", cs)
	}

	// A second import is refused and changes nothing.
	before := must(receiving.HandoverCounts(ctx))
	again := must(ReadFile(pkg))
	if _, err := Import(ctx, reg(receiving), again, false, nil); errCode(err) != "handover_already" {
		t.Errorf("second import: %v", err)
	}
	if _, err := Import(ctx, reg(receiving), again, true, nil); errCode(err) != "handover_already" {
		t.Errorf("second preview: %v", err)
	}
	if now := must(receiving.HandoverCounts(ctx)); !equalCounts(now, before) {
		t.Errorf("second import changed counts: %v → %v", before, now)
	}
	imps := must(receiving.HandoverImports(ctx))
	if len(imps) != 1 || imps[0].SHA256 != ex.SHA256 || imps[0].From != wub.DPMPTSP {
		t.Errorf("handover imports: %+v", imps)
	}
}

func equalCounts(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func equalFigures(a, b yearFigures) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}
