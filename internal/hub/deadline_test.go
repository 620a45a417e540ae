package hub_test

import (
	"context"
	"testing"

	"wubdesk/internal/hub"
	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
)

// The deadline the economic section sets is the one the office state and
// the report judge lateness by, as the calendar does.
func TestOfficeStateUsesTheHubDeadline(t *testing.T) {
	h := hubtest.StartShared(t)
	d := enrol(t, h, "DKPP")
	ctx := context.Background()
	dev := &hub.Device{ID: d.DeviceID, OfficeID: d.OfficeID, Agency: d.Agency}
	if _, err := h.Hub.Send(ctx, dev, hubapi.SendRequest{Month: "2024-05", Code: "ABCD-1234"}); err != nil {
		t.Fatal(err)
	}
	deadline := func() string {
		t.Helper()
		st, err := h.Hub.OfficeState(ctx, dev)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range st.Months {
			if m.Month == "2024-05" {
				return m.Deadline
			}
		}
		t.Fatalf("2024-05 not in the office state: %+v", st.Months)
		return ""
	}
	if got := deadline(); got != "2024-06-05" {
		t.Fatalf("default deadline %q, want 2024-06-05", got)
	}
	if err := h.Hub.SetDeadlineDay(ctx, 12, "admin"); err != nil {
		t.Fatal(err)
	}
	if got := deadline(); got != "2024-06-12" {
		t.Fatalf("deadline after setting the 12th: %q", got)
	}
}
