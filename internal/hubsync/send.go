package hubsync

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"wubdesk/internal/hubapi"
)

// MonthLink is what the month sender needs to reach the hub: its address,
// the device credential and the pinned certificate fingerprint (issue 21's
// enrolment stores them).
type MonthLink struct {
	URL   string
	Token string
	Pin   string // SHA-256 of the hub's certificate, hex; "" trusts the system roots
	// Client, when set, is used as is (tests).
	Client *http.Client
}

// HubRefused is a non-2xx answer of the hub: the request reached it and was
// refused for a reason it gives (a wub code). It will not succeed by trying
// again unchanged.
type HubRefused struct {
	Status  int
	Code    string // a wub code
	Message string
}

func (e *HubRefused) Error() string {
	if e.Message != "" {
		return e.Message
	}
	return fmt.Sprintf("hub: %d %s", e.Status, e.Code)
}

// SendMonth posts a month's snapshot; the hub answers with its state.
func SendMonth(ctx context.Context, l MonthLink, req hubapi.SendRequest) (hubapi.MonthState, error) {
	var st hubapi.MonthState
	err := l.post(ctx, hubapi.PathSend, req, &st)
	return st, err
}

// AskReopen posts the office's request to reopen an accepted month.
func AskReopen(ctx context.Context, l MonthLink, req hubapi.ReopenAskRequest) (hubapi.MonthState, error) {
	var st hubapi.MonthState
	err := l.post(ctx, hubapi.PathReopenAsk, req, &st)
	return st, err
}

// OfficeMonths reads the office's state from the hub (its months' review
// states among it).
func OfficeMonths(ctx context.Context, l MonthLink) (hubapi.OfficeState, error) {
	var st hubapi.OfficeState
	err := l.do(ctx, http.MethodGet, hubapi.PathOffice, nil, &st)
	return st, err
}

func (l MonthLink) post(ctx context.Context, path string, in, out any) error {
	return l.do(ctx, http.MethodPost, path, in, out)
}

func (l MonthLink) do(ctx context.Context, method, path string, in, out any) error {
	c := l.Client
	if c == nil {
		c = PinnedClient(l.Pin)
	}
	status, b, err := hubapi.Roundtrip(ctx, c, l.URL, l.Token, method, path, in)
	if err != nil {
		return err
	}
	if status/100 != 2 {
		var he hubapi.Error
		_ = json.Unmarshal(b, &he)
		return &HubRefused{Status: status, Code: he.Code, Message: he.Message}
	}
	if out == nil {
		return nil
	}
	return json.Unmarshal(b, out)
}

// PinnedClient is an HTTPS client that trusts exactly the certificate whose
// SHA-256 is pin (hex, colons and case ignored); with no pin, the system's
// roots.
func PinnedClient(pin string) *http.Client {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	pin = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(pin), ":", ""))
	if pin != "" {
		tr.TLSClientConfig = &tls.Config{
			InsecureSkipVerify: true, // replaced by the pin check below
			VerifyPeerCertificate: func(raw [][]byte, _ [][]*x509.Certificate) error {
				if len(raw) == 0 {
					return errors.New("hub: no certificate")
				}
				sum := sha256.Sum256(raw[0])
				if hex.EncodeToString(sum[:]) != pin {
					return errors.New("hub: certificate fingerprint does not match the pinned one")
				}
				return nil
			},
		}
	}
	return &http.Client{Transport: tr, Timeout: 60 * time.Second}
}
