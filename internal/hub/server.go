package hub

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"wubdesk/internal/hubapi"
	"wubdesk/internal/wub"
)

// Auth is who may call a route.
type Auth int

const (
	AuthNone   Auth = iota // anyone (enrol: the code is the credential; health)
	AuthDevice             // an enrolled, unrevoked device ("Bearer <device token>")
	AuthUser               // a signed-in hub user of any role ("Bearer <session token>")
	AuthAdmin              // a signed-in hub user with role admin
)

// Call is one request to a route.
type Call struct {
	Hub    *Hub
	Req    *http.Request
	Device *Device // set for AuthDevice
	User   *User   // set for AuthUser and AuthAdmin
}

// Actor names the caller in hub_audit: "device:<id>", "user:<name>" or "anonymous".
func (c *Call) Actor() string {
	switch {
	case c.Device != nil:
		return "device:" + c.Device.ID
	case c.User != nil:
		return "user:" + c.User.Username
	}
	return "anonymous"
}

// maxBody is the largest request body (a push batch of a few thousand
// changes is a few MB).
const maxBody = 64 << 20

// Decode reads the JSON body into v (400 hub_bad_request when it cannot).
func (c *Call) Decode(v any) error {
	dec := json.NewDecoder(io.LimitReader(c.Req.Body, maxBody))
	if err := dec.Decode(v); err != nil {
		return errorf(400, "hub_bad_request")
	}
	return nil
}

// HandlerFunc answers a call with a value sent as JSON (200) or an error.
type HandlerFunc func(ctx context.Context, c *Call) (any, error)

type route struct {
	method, path string
	auth         Auth
	h            HandlerFunc
}

var routes struct {
	sync.Mutex
	m map[string]route
}

// Route registers a handler for method and path; each endpoint's file calls
// it from init (the review endpoints of issue 22 live in their own files).
// Registering a method and path twice panics.
func Route(method, path string, auth Auth, h HandlerFunc) {
	routes.Lock()
	defer routes.Unlock()
	if routes.m == nil {
		routes.m = map[string]route{}
	}
	key := method + " " + path
	if _, dup := routes.m[key]; dup {
		panic("hub: route registered twice: " + key)
	}
	routes.m[key] = route{method, path, auth, h}
}

// Routes lists the registered "METHOD path" keys, sorted.
func Routes() []string {
	routes.Lock()
	defer routes.Unlock()
	var out []string
	for k := range routes.m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func init() {
	Route(http.MethodGet, hubapi.PathHealth, AuthNone, func(ctx context.Context, c *Call) (any, error) {
		if err := c.Hub.Pool.Ping(ctx); err != nil {
			return nil, errorf(503, "hub_db_unavailable", pgReason(err))
		}
		return map[string]bool{"ok": true}, nil
	})
}

// Handler serves every registered route.
func (h *Hub) Handler() http.Handler {
	mux := http.NewServeMux()
	routes.Lock()
	for _, r := range routes.m {
		mux.Handle(r.method+" "+r.path, h.wrap(r))
	}
	routes.Unlock()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, errorf(404, "hub_not_found"))
	})
	return mux
}

type statusWriter struct {
	http.ResponseWriter
	status int
}

func (s *statusWriter) WriteHeader(code int) { s.status = code; s.ResponseWriter.WriteHeader(code) }

func (h *Hub) wrap(r route) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w, status: 200}
		sw.Header().Set("Hub-Protocol", hubapi.Version)
		// The body is kept so that a request that met a dead pooled
		// connection (PostgreSQL restarted a moment ago) runs once more on a
		// fresh one: every handler is one transaction, rolled back when the
		// connection died, and pushes are idempotent by (device, seq).
		var body []byte
		if req.Body != nil {
			body, _ = io.ReadAll(io.LimitReader(req.Body, maxBody+1))
		}
		var c *Call
		attempt := func() (any, error) {
			req.Body = io.NopCloser(bytes.NewReader(body))
			c = &Call{Hub: h, Req: req}
			if err := h.authenticate(req.Context(), c, r.auth); err != nil {
				return nil, err
			}
			return r.h(req.Context(), c)
		}
		code := ""
		out, err := attempt()
		if err != nil && unavailable(err) && req.Context().Err() == nil {
			time.Sleep(200 * time.Millisecond)
			out, err = attempt()
		}
		if err != nil {
			code = writeError(sw, err)
			if code == "hub_internal" || code == "hub_db_unavailable" {
				h.log().Error("hub request failed", "path", r.path, "reason", reasonOf(err))
			}
		} else {
			sw.Header().Set("Content-Type", "application/json; charset=utf-8")
			json.NewEncoder(sw).Encode(out)
		}
		// One line per request: ids, status and codes, never a body.
		h.log().Info("hub request", "method", req.Method, "path", r.path, "status", sw.status,
			"code", code, "actor", c.Actor(), "ms", time.Since(start).Milliseconds())
	})
}

func reasonOf(err error) string {
	var he *Error
	if errors.As(err, &he) {
		return he.Code
	}
	return pgReason(err)
}

// writeError answers with an hubapi.Error body and returns its code.
func writeError(w http.ResponseWriter, err error) string {
	var he *Error
	if !errors.As(err, &he) {
		if isConnErr(err) {
			he = errorf(503, "hub_db_unavailable", pgReason(err))
		} else {
			he = errorf(500, "hub_internal")
		}
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	if he.Status == 429 {
		w.Header().Set("Retry-After", "5")
	}
	w.WriteHeader(he.Status)
	json.NewEncoder(w).Encode(hubapi.Error{Code: he.Code, Message: wub.Message(he.Code, "", he.Args...)})
	return he.Code
}

// unavailable is a request that failed on the database connection, not
// on its content.
func unavailable(err error) bool {
	var he *Error
	if errors.As(err, &he) {
		return he.Code == "hub_db_unavailable"
	}
	return isConnErr(err)
}

func isConnErr(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		// Connection exceptions and an administrator's shutdown or restart.
		return strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P")
	}
	var ne net.Error
	if errors.As(err, &ne) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "connect") || strings.Contains(s, "closed") || strings.Contains(s, "EOF") ||
		strings.Contains(s, "57P01") || strings.Contains(s, "broken pipe")
}

func bearer(r *http.Request) string {
	a := r.Header.Get("Authorization")
	if t, ok := strings.CutPrefix(a, "Bearer "); ok {
		return strings.TrimSpace(t)
	}
	return ""
}

func (h *Hub) authenticate(ctx context.Context, c *Call, a Auth) error {
	switch a {
	case AuthNone:
		return nil
	case AuthDevice:
		d, err := h.DeviceByToken(ctx, bearer(c.Req))
		if err != nil {
			return err
		}
		c.Device = d
		return nil
	default:
		u, err := h.UserBySession(ctx, bearer(c.Req))
		if err != nil {
			return err
		}
		if a == AuthAdmin && u.Role != RoleAdmin {
			h.Audit(ctx, h.Pool, "user:"+u.Username, "refused_not_admin", "", map[string]any{"path": c.Req.URL.Path})
			return errorf(403, "hub_admin_only")
		}
		c.User = u
		return nil
	}
}

// TLSConfig is the server's TLS configuration with the loaded certificate.
func (h *Hub) TLSConfig() (*tls.Config, error) {
	if h.cert == nil {
		return nil, errorf(400, "hub_no_certificate")
	}
	return &tls.Config{Certificates: []tls.Certificate{*h.cert}, MinVersion: tls.VersionTLS12}, nil
}

// Serve serves HTTPS on ln until ctx ends, then shuts down gracefully
// (requests in flight get 10 s).
func (h *Hub) Serve(ctx context.Context, ln net.Listener) error {
	cfg, err := h.TLSConfig()
	if err != nil {
		return err
	}
	srv := &http.Server{
		Handler:           h.Handler(),
		ReadHeaderTimeout: 20 * time.Second,
		ReadTimeout:       5 * time.Minute,
		WriteTimeout:      5 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		TLSConfig:         cfg,
		ErrorLog:          slog.NewLogLogger(h.log().Handler(), slog.LevelWarn),
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(tls.NewListener(ln, cfg)) }()
	select {
	case err := <-done:
		return err
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(sctx)
		<-done
		return nil
	}
}
