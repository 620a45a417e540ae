package cli

import (
	"bytes"
	"context"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"wubdesk/internal/hub/hubtest"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/pgtest"
)

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}
func (s *syncBuffer) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// `wubdesk hub serve` serves HTTPS with the certificate `hub init` made and
// prints the fingerprint `init` printed; an office enrols with the code
// `office add` printed; the process stops cleanly when asked.
func TestHubServe(t *testing.T) {
	pg := pgtest.Start(t)
	url := pg.NewDatabase(t)
	code, out, stderr := runCLI(t, "hub", "init", "--pg", url)
	if code != 0 {
		t.Fatal(stderr)
	}
	fp := regexp.MustCompile(`(?m)^[0-9a-f]{64}$`).FindString(out)
	_, out, _ = runCLI(t, "hub", "office", "add", "--pg", url, "--agency", "DISKOP")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	enrolCode := lines[len(lines)-1]

	ctx, cancel := context.WithCancel(context.Background())
	var so, se syncBuffer
	done := make(chan int, 1)
	go func() { done <- Run(ctx, []string{"hub", "serve", "--pg", url, "--listen", "127.0.0.1:0"}, &so, &se) }()
	var addr string
	for deadline := time.Now().Add(30 * time.Second); addr == ""; {
		if m := regexp.MustCompile(`https://(\S+)`).FindStringSubmatch(so.String()); m != nil {
			addr = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %s %s", so.String(), se.String())
		} else {
			time.Sleep(50 * time.Millisecond)
		}
	}
	var resp hubapi.EnrolResponse
	if _, err := hubtest.Call("https://"+addr, fp, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: enrolCode, DeviceName: "PC"}, &resp); err != nil {
		t.Fatal(err)
	}
	if resp.Fingerprint != fp || resp.Agency != "DISKOP" {
		t.Fatalf("enrol: %+v", resp)
	}
	cancel()
	if c := <-done; c != 0 {
		t.Fatalf("serve exited %d: %s", c, se.String())
	}
	if !strings.Contains(so.String(), fp) || !strings.Contains(se.String(), "hub request") || strings.Contains(se.String(), enrolCode) {
		t.Fatalf("serve output:\n%s\n%s", so.String(), se.String())
	}
	// A hub without its certificate's key pair refuses clearly.
	if c, _, e := runCLI(t, "hub", "serve", "--pg", url, "--cert", "/nonexistent.crt", "--key", "/nonexistent.key"); c != 2 || !strings.Contains(e, "tidak dapat dibaca") {
		t.Fatalf("missing cert: %d %s", c, e)
	}
}
