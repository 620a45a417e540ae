package hubsync

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// Client calls one hub with one device credential over HTTPS pinned to one
// certificate fingerprint.
type Client struct {
	URL   string // https://host:port, no trailing slash
	Token string // device token ("" for enrolment)
	Pin   string // SHA-256 fingerprint, hex lower case; "" trusts any certificate (only to read it)
	http  *http.Client
	// seen is the fingerprint of the certificate of the last connection
	// (written by the transport's handshakes).
	seen atomic.Value
	// Enrolling changes the words for a pin mismatch (the typed pin vs a
	// changed certificate).
	Enrolling bool
}

// Timeout bounds each call (a cut connection must not hang a round).
var Timeout = 30 * time.Second

// NewClient returns a client of the hub at u with the device token and pin.
func NewClient(u, token, pin string) (*Client, error) {
	u, err := NormalizeURL(u)
	if err != nil {
		return nil, err
	}
	c := &Client{URL: u, Token: token, Pin: NormalizePin(pin)}
	tr := &http.Transport{
		Proxy:               nil,
		TLSHandshakeTimeout: 10 * time.Second,
		MaxIdleConnsPerHost: 2,
		IdleConnTimeout:     30 * time.Second,
		TLSClientConfig: &tls.Config{
			MinVersion: tls.VersionTLS12,
			// The chain is not checked against the system's roots: the hub's
			// own certificate is self-signed. The pin below is the check.
			InsecureSkipVerify: true,
			VerifyConnection: func(cs tls.ConnectionState) error {
				if len(cs.PeerCertificates) == 0 {
					return errNoCert
				}
				fp := Fingerprint(cs.PeerCertificates[0].Raw)
				c.seen.Store(fp)
				if c.Pin != "" && fp != c.Pin {
					return &pinError{got: fp}
				}
				return nil
			},
		},
	}
	c.http = &http.Client{Transport: tr, Timeout: Timeout}
	return c, nil
}

// Close drops idle connections.
func (c *Client) Close() { c.http.CloseIdleConnections() }

var errNoCert = errors.New("no certificate")

type pinError struct{ got string }

func (e *pinError) Error() string { return "certificate fingerprint " + e.got }

// Fingerprint is the SHA-256 of a DER certificate, hex lower case.
func Fingerprint(der []byte) string {
	s := sha256.Sum256(der)
	return hex.EncodeToString(s[:])
}

// NormalizePin accepts a fingerprint with colons, spaces or capitals.
func NormalizePin(p string) string {
	p = strings.ToLower(strings.TrimSpace(p))
	return strings.NewReplacer(":", "", " ", "", "-", "").Replace(p)
}

// ValidPin reports whether p (normalised) is a SHA-256 in hex.
func ValidPin(p string) bool {
	if len(p) != 64 {
		return false
	}
	_, err := hex.DecodeString(p)
	return err == nil
}

// FormatPin groups a fingerprint by two with colons, as hubs print it.
func FormatPin(p string) string {
	var b strings.Builder
	for i := 0; i+1 < len(p); i += 2 {
		if i > 0 {
			b.WriteByte(':')
		}
		b.WriteString(strings.ToUpper(p[i : i+2]))
	}
	return b.String()
}

// NormalizeURL checks a hub address: https with a host; a bare host gets
// https://. The result has no trailing slash.
func NormalizeURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s != "" && !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return "", wub.Errorf("sync_url_invalid", s)
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.Path, "/"), nil
}

// Do sends one hubapi call: in (nil for none) as JSON, the answer decoded
// into out (nil to discard). Errors are wub errors in words.
func (c *Client) Do(ctx context.Context, method, path string, in, out any) error {
	status, b, err := hubapi.Roundtrip(ctx, c.http, c.URL, c.Token, method, path, in)
	if err != nil {
		return c.transportError(ctx, err)
	}
	if status/100 != 2 {
		return c.statusError(path, status, b)
	}
	if out == nil {
		return nil
	}
	if err := json.Unmarshal(b, out); err != nil {
		return wub.Errorf("sync_bad_answer", err.Error())
	}
	return nil
}

// Seen is the fingerprint of the hub's certificate at the last connection.
func (c *Client) Seen() string { s, _ := c.seen.Load().(string); return s }

func (c *Client) transportError(ctx context.Context, err error) error {
	var pe *pinError
	if errors.As(err, &pe) {
		if c.Enrolling {
			return wub.Errorf("sync_pin_mismatch", c.URL, FormatPin(pe.got), FormatPin(c.Pin))
		}
		return wub.Errorf("sync_cert_changed", c.URL, FormatPin(pe.got), FormatPin(c.Pin))
	}
	if ctx.Err() != nil {
		return ctx.Err()
	}
	return wub.Errorf("sync_unreachable", c.URL, reason(err))
}

// reason names a transport failure in a few words (no addresses of people).
func reason(err error) string {
	var ne net.Error
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return wub.Message("sync_unreachable_hint", "")
	case errors.As(err, &ne) && ne.Timeout():
		return "timeout"
	}
	s := err.Error()
	if i := strings.LastIndex(s, ": "); i >= 0 {
		s = s[i+2:]
	}
	return s
}

// RevokedCodes are the hub's error codes that mean the device credential is
// no longer valid (any 401 on a device call counts too).
var RevokedCodes = map[string]bool{"device_revoked": true, "hub_device_revoked": true, "unauthorized": true,
	"hub_unauthorized": true, "hub_token_invalid": true}

func (c *Client) statusError(path string, status int, body []byte) error {
	var e hubapi.Error
	_ = json.Unmarshal(body, &e)
	msg := e.Message
	if msg == "" {
		msg = strings.TrimSpace(string(body))
		if len(msg) > 200 {
			msg = msg[:200]
		}
		if msg == "" {
			msg = http.StatusText(status)
		}
	}
	msg = strings.TrimRight(msg, ". ")
	if path == hubapi.PathEnrol && status/100 == 4 {
		return &HubError{Status: status, Code: e.Code, Err: wub.Errorf("sync_code_rejected", msg)}
	}
	if status == http.StatusUnauthorized || status == http.StatusForbidden && RevokedCodes[e.Code] || RevokedCodes[e.Code] {
		return &HubError{Status: status, Code: e.Code, Err: wub.Errorf("sync_revoked", msg)}
	}
	return &HubError{Status: status, Code: e.Code, Err: wub.Errorf("sync_hub_error", status, msg)}
}

// HubError is a non-2xx answer: the status, the hub's code and the words.
type HubError struct {
	Status int
	Code   string // the hub's code
	Err    *wub.Err
}

func (e *HubError) Error() string { return e.Err.Error() }
func (e *HubError) Unwrap() error { return e.Err }

// ErrorCode is the wub code of a sync error ("" for others).
func ErrorCode(err error) string {
	var he *HubError
	if errors.As(err, &he) {
		return he.Err.Code
	}
	var we *wub.Err
	if errors.As(err, &we) {
		return we.Code
	}
	return ""
}

// Probe connects to the hub once and returns its certificate's fingerprint
// (for trust on first use, and to show before enrolling).
func Probe(ctx context.Context, u string) (string, error) {
	c, err := NewClient(u, "", "")
	if err != nil {
		return "", err
	}
	defer c.Close()
	if err := c.Do(ctx, http.MethodGet, hubapi.PathHealth, nil, nil); err != nil && c.Seen() == "" {
		return "", err
	}
	return c.Seen(), nil
}

// Enrol trades a one-time code for a device credential. pin "" trusts the
// certificate the hub shows now (its fingerprint is returned in the link).
func Enrol(ctx context.Context, u, code, pin, deviceName string) (wub.HubLink, error) {
	code = strings.TrimSpace(code)
	if code == "" {
		return wub.HubLink{}, wub.Errorf("sync_code_missing")
	}
	pin = NormalizePin(pin)
	if pin != "" && !ValidPin(pin) {
		return wub.HubLink{}, wub.Errorf("sync_pin_invalid", pin)
	}
	if pin == "" {
		fp, err := Probe(ctx, u)
		if err != nil {
			return wub.HubLink{}, err
		}
		pin = fp
	}
	c, err := NewClient(u, "", pin)
	if err != nil {
		return wub.HubLink{}, err
	}
	defer c.Close()
	c.Enrolling = true
	var r hubapi.EnrolResponse
	if err := c.Do(ctx, http.MethodPost, hubapi.PathEnrol, hubapi.EnrolRequest{Code: code, DeviceName: deviceName}, &r); err != nil {
		return wub.HubLink{}, err
	}
	if r.DeviceID == "" || r.Token == "" {
		return wub.HubLink{}, wub.Errorf("sync_bad_answer", "no device credential")
	}
	return wub.HubLink{URL: c.URL, DeviceID: r.DeviceID, OfficeID: r.OfficeID, Agency: r.Agency, Token: r.Token,
		Fingerprint: pin}, nil
}

// Push sends one batch.
func (c *Client) Push(ctx context.Context, changes []hubapi.Change) (hubapi.PushResponse, error) {
	var r hubapi.PushResponse
	err := c.Do(ctx, http.MethodPost, hubapi.PathPush, hubapi.PushRequest{Changes: changes}, &r)
	return r, err
}

// Office reads what the economic section set for the office.
func (c *Client) Office(ctx context.Context) (hubapi.OfficeState, error) {
	var r hubapi.OfficeState
	err := c.Do(ctx, http.MethodGet, hubapi.PathOffice, nil, &r)
	return r, err
}

// Facts asks what other agencies registered for these NIKs.
func (c *Client) Facts(ctx context.Context, niks []string) ([]hubapi.Fact, error) {
	var r hubapi.FactsResponse
	err := c.Do(ctx, http.MethodPost, hubapi.PathFacts, hubapi.FactsRequest{NIKs: niks}, &r)
	return r.Facts, err
}

// String names the client for messages (never the token).
func (c *Client) String() string { return fmt.Sprintf("hub %s", c.URL) }
