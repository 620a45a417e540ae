package hubuser

import (
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/hubsync"
)

// Client is one hub user's session with the hub.
type Client struct {
	URL      string // https://host:port
	Pin      string // the hub certificate's SHA-256 (hex); "" trusts the system roots
	Token    string // the session, after SignIn
	Role     string
	Username string
	HTTP     *http.Client // nil: a client pinned to Pin
}

// Refused is the hub's refusal: a wub code and its message.
type Refused = hubsync.HubRefused

// Fingerprint is the SHA-256 (hex) of the certificate the hub at rawURL
// presents, for the user to compare and pin (trust on first use).
func Fingerprint(ctx context.Context, rawURL string) (string, error) {
	u, err := url.Parse(rawURL)
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("alamat hub tidak sah / not a hub address: %q", rawURL)
	}
	host := u.Host
	if u.Port() == "" {
		host = net.JoinHostPort(u.Hostname(), "443")
	}
	d := &tls.Dialer{Config: &tls.Config{InsecureSkipVerify: true}} // only to read the certificate
	ctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	c, err := d.DialContext(ctx, "tcp", host)
	if err != nil {
		return "", err
	}
	defer c.Close()
	certs := c.(*tls.Conn).ConnectionState().PeerCertificates
	if len(certs) == 0 {
		return "", fmt.Errorf("hub tanpa sertifikat / no certificate")
	}
	s := sha256.Sum256(certs[0].Raw)
	return hex.EncodeToString(s[:]), nil
}

// SignIn opens a session.
func (c *Client) SignIn(ctx context.Context, username, password string) error {
	var r hubapi.SignInResponse
	if err := c.do(ctx, http.MethodPost, hubapi.PathSession, hubapi.SignInRequest{Username: username, Password: password}, &r); err != nil {
		return err
	}
	c.Token, c.Role, c.Username = r.Token, r.Role, username
	return nil
}

// Admin reports whether the signed-in user may reopen months.
func (c *Client) Admin() bool { return c.Role == hubapi.RoleAdmin }

// Report is the live consolidation (each NIK once) and the months' states.
func (c *Client) Report(ctx context.Context) (hubapi.Report, error) {
	var r hubapi.Report
	return r, c.do(ctx, http.MethodGet, hubapi.PathReport, nil, &r)
}

// Calendar is agency × month for year.
func (c *Client) Calendar(ctx context.Context, year int) (hubapi.Calendar, error) {
	var r hubapi.Calendar
	return r, c.do(ctx, http.MethodGet, hubapi.PathCalendar+"?year="+strconv.Itoa(year), nil, &r)
}

// Month is one agency's month for review.
func (c *Client) Month(ctx context.Context, agency, month string) (hubapi.MonthDetail, error) {
	var r hubapi.MonthDetail
	q := url.Values{"agency": {agency}, "month": {month}}
	return r, c.do(ctx, http.MethodGet, hubapi.PathMonth+"?"+q.Encode(), nil, &r)
}

// Figures is the regency's reported figure for month beside the live one.
func (c *Client) Figures(ctx context.Context, month string) (hubapi.Figures, error) {
	var r hubapi.Figures
	return r, c.do(ctx, http.MethodGet, hubapi.PathFigures+"?month="+url.QueryEscape(month), nil, &r)
}

// Quotas of year.
func (c *Client) Quotas(ctx context.Context, year int) (hubapi.Quotas, error) {
	var r hubapi.Quotas
	return r, c.do(ctx, http.MethodGet, hubapi.PathQuotas+"?year="+strconv.Itoa(year), nil, &r)
}

// Duplicates is the queue of people counted by several agencies.
func (c *Client) Duplicates(ctx context.Context) (hubapi.Duplicates, error) {
	var r hubapi.Duplicates
	return r, c.do(ctx, http.MethodGet, hubapi.PathDuplicates, nil, &r)
}

// Review accepts or returns a month.
func (c *Client) Review(ctx context.Context, req hubapi.ReviewRequest) (hubapi.MonthState, error) {
	var r hubapi.MonthState
	return r, c.do(ctx, http.MethodPost, hubapi.PathReview, req, &r)
}

// Reopen reopens an accepted month (admin).
func (c *Client) Reopen(ctx context.Context, req hubapi.ReopenRequest) (hubapi.MonthState, error) {
	var r hubapi.MonthState
	return r, c.do(ctx, http.MethodPost, hubapi.PathReopen, req, &r)
}

func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	hc := c.HTTP
	if hc == nil {
		hc = hubsync.PinnedClient(c.Pin)
		c.HTTP = hc
	}
	status, b, err := hubapi.Roundtrip(ctx, hc, c.URL, c.Token, method, path, in)
	if err != nil {
		return err
	}
	if status/100 != 2 {
		var he hubapi.Error
		_ = json.Unmarshal(b, &he)
		return &Refused{Status: status, Code: he.Code, Message: he.Message}
	}
	return json.Unmarshal(b, out)
}
