// Package hubtest runs a real hub for tests: a real PostgreSQL (pgtest), a
// migrated hub database with its self-signed certificate, and the HTTPS
// server on 127.0.0.1 — in the test process (Start) or as a separate
// process that a test can kill like a crashed hub (StartProcess).
//
//	func TestMain(m *testing.M) { hubtest.Main(m) } // needed by StartProcess and the shared PostgreSQL
//
//	h := hubtest.Start(t)              // h.URL, h.Fingerprint, h.Hub, h.PG
//	code := h.AddOffice(t, "DISKOP")   // a one-time enrolment code
//	client := hubtest.PinnedClient(h.Fingerprint)
//	r := h.Report(t)                   // hubapi.Report (fails unless the counters equal a recount)
//	h.Shift(8 * 24 * time.Hour)        // the hub's clock moved (safe while serving)
//	h.Logs()                           // what the hub logged
//	h.StopServer(); h.StartServer(t)   // the HTTP server cut and back on the same address
//	p := hubtest.StartProcess(t, h.PGURL, "", 0) // a hub process on the same database; p.Kill(); p = p.Restart(t)
//	h.PG.Restart()                     // PostgreSQL restarted
package hubtest

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"wubdesk/internal/hub"
	"wubdesk/internal/hubapi"
	"wubdesk/internal/pgtest"
)

// Hub is a running hub for a test.
type Hub struct {
	PG          *pgtest.Server
	PGURL       string
	Hub         *hub.Hub
	URL         string // https://127.0.0.1:PORT
	Addr        string // 127.0.0.1:PORT
	Fingerprint string

	cancel context.CancelFunc
	done   chan error
	shift  atomic.Int64 // the hub's clock minus the real one, ns
	logMu  sync.Mutex
	logs   bytes.Buffer
}

// Logs is everything the hub logged so far (for checks that no personal
// data reaches the log).
func (h *Hub) Logs() string {
	h.logMu.Lock()
	defer h.logMu.Unlock()
	return h.logs.String()
}

type logWriter struct{ h *Hub }

func (w logWriter) Write(p []byte) (int, error) {
	w.h.logMu.Lock()
	defer w.h.logMu.Unlock()
	return w.h.logs.Write(p)
}

// Shift moves the hub's clock by d (cumulative; safe while the server runs).
func (h *Hub) Shift(d time.Duration) { h.shift.Add(int64(d)) }

// Start starts a PostgreSQL of the test's own (so the test may stop and
// restart it), initialises a hub database on it and serves it over HTTPS on
// a free loopback port. Everything stops when the test ends.
func Start(t testing.TB) *Hub {
	t.Helper()
	pg := pgtest.Start(t)
	return startOn(t, pg, pg.NewDatabase(t))
}

// StartShared is Start on the package's shared PostgreSQL (faster; needs
// Main or pgtest.Main in TestMain; do not stop that server).
func StartShared(t testing.TB) *Hub {
	t.Helper()
	pg := pgtest.Shared(t)
	return startOn(t, pg, pg.NewDatabase(t))
}

func startOn(t testing.TB, pg *pgtest.Server, url string) *Hub {
	t.Helper()
	ctx := context.Background()
	hh, res, err := hub.Init(ctx, url, nil)
	if err != nil {
		t.Fatalf("hub init: %v", err)
	}
	t.Cleanup(hh.Close)
	h := &Hub{PG: pg, PGURL: url, Hub: hh, Fingerprint: res.Fingerprint}
	hh.Now = func() time.Time { return time.Now().UTC().Add(time.Duration(h.shift.Load())) }
	hh.Log = slog.New(slog.NewTextHandler(logWriter{h}, nil))
	h.StartServer(t)
	t.Cleanup(h.StopServer)
	return h
}

// StartServer (re)starts the HTTPS server, on the same address as before
// when there was one.
func (h *Hub) StartServer(t testing.TB) {
	t.Helper()
	addr := h.Addr
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var ln net.Listener
	var err error
	for i := 0; i < 50; i++ { // the old port may take a moment to free
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	h.Addr = ln.Addr().String()
	h.URL = "https://" + h.Addr
	ctx, cancel := context.WithCancel(context.Background())
	h.cancel = cancel
	h.done = make(chan error, 1)
	go func() { h.done <- h.Hub.Serve(ctx, ln) }()
}

// StopServer stops the HTTPS server (requests in flight get a few seconds).
func (h *Hub) StopServer() {
	if h.cancel == nil {
		return
	}
	h.cancel()
	<-h.done
	h.cancel = nil
}

// AddOffice adds an agency's office and returns a one-time enrolment code.
func (h *Hub) AddOffice(t testing.TB, agency string) string {
	t.Helper()
	code, _, err := h.Hub.AddOffice(context.Background(), agency, "", 0, "test")
	if err != nil {
		t.Fatal(err)
	}
	return code
}

// AddUser adds a hub user (role hub.RoleReviewer or hub.RoleAdmin).
func (h *Hub) AddUser(t testing.TB, username, password, role string) {
	t.Helper()
	if err := h.Hub.AddUser(context.Background(), username, password, role, "test"); err != nil {
		t.Fatal(err)
	}
}

// Report is the hub's live figures, read from the database. It fails the
// test when they differ from a recount of the hub's records (the counters
// kept by each push must always equal the records).
func (h *Hub) Report(t testing.TB) hubapi.Report {
	t.Helper()
	r, err := h.Hub.Report(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	rc, err := h.Hub.Recount(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	got := r
	got.Months = rc.Months
	if !reflect.DeepEqual(got, rc) {
		t.Fatalf("the hub's counters %+v differ from a recount of its records %+v", got, rc)
	}
	return r
}

// Enrol enrols a device for agency through the HTTPS API and returns its
// credential (for hub-side tests; the office's own client is internal/hubsync).
func (h *Hub) Enrol(t testing.TB, agency string) hubapi.EnrolResponse {
	t.Helper()
	var resp hubapi.EnrolResponse
	if status, err := Call(h.URL, h.Fingerprint, "", "POST", hubapi.PathEnrol, hubapi.EnrolRequest{Code: h.AddOffice(t, agency), DeviceName: "test"}, &resp); err != nil {
		t.Fatalf("enrol: %d %v", status, err)
	}
	return resp
}

// PinnedClient is an HTTPS client that trusts exactly the certificate with
// this SHA-256 fingerprint (hex), as an enrolled office does.
func PinnedClient(fingerprint string) *http.Client {
	fingerprint = strings.ToLower(strings.ReplaceAll(fingerprint, ":", ""))
	return &http.Client{
		Timeout: 60 * time.Second,
		Transport: &http.Transport{TLSClientConfig: &tls.Config{
			InsecureSkipVerify: true, // replaced by the pin below
			VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
				if len(raw) == 0 {
					return errors.New("no certificate")
				}
				s := sha256.Sum256(raw[0])
				if hex.EncodeToString(s[:]) != fingerprint {
					return fmt.Errorf("certificate fingerprint %x is not the pinned %s", s, fingerprint)
				}
				return nil
			},
		}},
	}
}

// CallError is a non-2xx answer.
type CallError struct {
	Status int
	Body   hubapi.Error
}

func (e *CallError) Error() string {
	return fmt.Sprintf("%d %s: %s", e.Status, e.Body.Code, e.Body.Message)
}

// Call sends one JSON request (body nil for GET) with an optional bearer
// token and decodes the answer into out. A non-2xx answer is a *CallError.
func Call(baseURL, fingerprint, token, method, path string, body, out any) (int, error) {
	var buf bytes.Buffer
	if body != nil {
		json.NewEncoder(&buf).Encode(body)
	}
	req, err := http.NewRequest(method, baseURL+path, &buf)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Hub-Protocol", hubapi.Version)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := PinnedClient(fingerprint).Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		ce := &CallError{Status: resp.StatusCode}
		json.NewDecoder(resp.Body).Decode(&ce.Body)
		return resp.StatusCode, ce
	}
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			return resp.StatusCode, err
		}
	}
	return resp.StatusCode, nil
}

// Process is a hub running as a separate process (the test binary re-run in
// hub mode), to be killed like a crashed hub.
type Process struct {
	URL, Addr, PGURL string
	pause            time.Duration
	cmd              *exec.Cmd
}

const childEnv = "WUBDESK_HUBTEST_CHILD"

// StartProcess starts a hub process serving pgURL (an initialised hub
// database) on addr ("" for a free loopback port). pause, when > 0, holds
// every push transaction open that long after its records are written (so
// a test can kill the process mid-batch). The package's TestMain must call
// hubtest.Main. The process is killed when the test ends.
func StartProcess(t testing.TB, pgURL, addr string, pause time.Duration) *Process {
	t.Helper()
	if addr == "" {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr = l.Addr().String()
		l.Close()
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"=1", "WUBDESK_HUBTEST_PG="+pgURL, "WUBDESK_HUBTEST_ADDR="+addr,
		"WUBDESK_HUBTEST_PAUSE="+pause.String())
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	p := &Process{URL: "https://" + addr, Addr: addr, PGURL: pgURL, pause: pause, cmd: cmd}
	t.Cleanup(p.Kill)
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.HasPrefix(sc.Text(), "HUBTEST READY") {
				ready <- sc.Text()
			}
		}
		close(ready)
	}()
	select {
	case line, ok := <-ready:
		if !ok {
			t.Fatalf("hub process ended before serving (is hubtest.Main in TestMain?)")
		}
		_ = line
	case <-time.After(60 * time.Second):
		t.Fatal("hub process did not start in 60 s")
	}
	return p
}

// Kill kills the process (SIGKILL: no shutdown, transactions cut).
func (p *Process) Kill() {
	if p.cmd != nil && p.cmd.Process != nil && p.cmd.ProcessState == nil {
		p.cmd.Process.Kill()
		p.cmd.Wait()
	}
}

// Restart kills the process and starts a new one on the same address
// (without the pause).
func (p *Process) Restart(t testing.TB) *Process {
	t.Helper()
	p.Kill()
	return StartProcess(t, p.PGURL, p.Addr, 0)
}

// Main runs the tests (call it from TestMain), or, in a process started by
// StartProcess, serves the hub until killed.
func Main(m *testing.M) {
	if os.Getenv(childEnv) == "1" {
		os.Exit(child())
	}
	pgtest.Main(m)
}

func child() int {
	ctx := context.Background()
	h, err := hub.Open(ctx, os.Getenv("WUBDESK_HUBTEST_PG"))
	if err != nil {
		fmt.Fprintln(os.Stderr, "hubtest child:", err)
		return 2
	}
	if err := h.UseStoredCert(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "hubtest child:", err)
		return 2
	}
	if d, err := time.ParseDuration(os.Getenv("WUBDESK_HUBTEST_PAUSE")); err == nil {
		hub.TestPushPause = d
	}
	var ln net.Listener
	for i := 0; i < 50; i++ {
		if ln, err = net.Listen("tcp", os.Getenv("WUBDESK_HUBTEST_ADDR")); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "hubtest child:", err)
		return 2
	}
	fmt.Println("HUBTEST READY", ln.Addr().String(), h.CertFingerprint())
	if err := h.Serve(ctx, ln); err != nil {
		fmt.Fprintln(os.Stderr, "hubtest child:", err)
		return 2
	}
	return 0
}
