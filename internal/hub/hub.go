package hub

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"wubdesk/internal/wub"
)

// Hub is one hub process's handle on the hub database.
type Hub struct {
	Pool *pgxpool.Pool
	// Now is the hub's clock (UTC); tests move it.
	Now func() time.Time
	// Log receives one line per request and decision: ids, counts, codes;
	// never personal data. Discarded when nil.
	Log *slog.Logger

	cert        *tls.Certificate
	fingerprint string
}

// Error is a refusal with an HTTP status and a wub code (its message in
// Indonesian and English lives in internal/wub/messages_hub.go).
type Error struct {
	Status int
	Code   string
	Args   []any
}

func (e *Error) Error() string { return wub.Message(e.Code, "", e.Args...) }

func errorf(status int, code string, args ...any) *Error {
	return &Error{Status: status, Code: code, Args: args}
}

// Errorf makes a refusal for handlers in other files and packages.
func Errorf(status int, code string, args ...any) *Error { return errorf(status, code, args...) }

// Connect opens a pool on the hub database without checking its schema
// (Init and Migrate use it).
func Connect(ctx context.Context, url string) (*Hub, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, errorf(400, "hub_pg_url", err.Error())
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	cfg.ConnConfig.RuntimeParams["timezone"] = "UTC"
	cfg.ConnConfig.RuntimeParams["application_name"] = "wubdesk-hub"
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, errorf(503, "hub_db_unavailable", err.Error())
	}
	pctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if err := pool.Ping(pctx); err != nil {
		pool.Close()
		return nil, errorf(503, "hub_db_unavailable", pgReason(err))
	}
	return &Hub{Pool: pool, Now: func() time.Time { return time.Now().UTC() }}, nil
}

// Open opens an initialised hub database: its schema must be this binary's.
func Open(ctx context.Context, url string) (*Hub, error) {
	h, err := Connect(ctx, url)
	if err != nil {
		return nil, err
	}
	missing, unknown, err := schemaState(ctx, h.Pool)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" {
		h.Close()
		return nil, errorf(400, "hub_not_initialised")
	}
	if err != nil {
		h.Close()
		return nil, err
	}
	if unknown != 0 {
		h.Close()
		return nil, errorf(400, "hub_schema_newer", unknown, SchemaVersion())
	}
	if missing != 0 {
		h.Close()
		return nil, errorf(400, "hub_schema_old", missing-1, SchemaVersion())
	}
	return h, nil
}

// Close closes the pool.
func (h *Hub) Close() {
	if h.Pool != nil {
		h.Pool.Close()
	}
}

func (h *Hub) log() *slog.Logger {
	if h.Log == nil {
		return slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return h.Log
}

func (h *Hub) now() time.Time { return h.Now().UTC() }

// querier is a pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// Querier is what hooks in other files get: the transaction or the pool.
type Querier = querier

// Audit records one decision of the hub. detail holds ids, counts and
// codes; never personal data. office may be "".
func (h *Hub) Audit(ctx context.Context, q Querier, actor, action, office string, detail map[string]any) error {
	if detail == nil {
		detail = map[string]any{}
	}
	var off any
	if office != "" {
		off = office
	}
	_, err := q.Exec(ctx, "INSERT INTO hub_audit (at, actor, action, office, detail) VALUES ($1, $2, $3, $4, $5)",
		h.now(), actor, action, off, detail)
	return err
}

// newUUID is a random (version 4) UUID in lower-case text.
func newUUID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

var uuidRE = regexp.MustCompile(`^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$`)

// newToken is a random credential and the hash the hub keeps of it.
func newToken() (string, []byte) {
	var b [32]byte
	rand.Read(b[:])
	t := base64.RawURLEncoding.EncodeToString(b[:])
	return t, tokenHash(t)
}

func tokenHash(t string) []byte {
	s := sha256.Sum256([]byte(t))
	return s[:]
}

// pgReason is a database error in words without the values it may quote
// (a PostgreSQL error detail can hold a record's fields).
func pgReason(err error) string {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "28P01", "28000":
			return "PostgreSQL menolak pengguna atau kata sandinya / PostgreSQL refused the user or its password (" + pe.Code + ")"
		case "3D000":
			return "basis data itu tidak ada di PostgreSQL / that database does not exist (" + pe.Code + ")"
		}
		return fmt.Sprintf("PostgreSQL %s (%s)", pe.Code, pe.Severity)
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return "tidak dapat terhubung ke PostgreSQL / cannot connect to PostgreSQL"
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "waktu habis / timed out"
	}
	return "koneksi ke PostgreSQL gagal / connection to PostgreSQL failed"
}

var agencyCodeRE = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,15}$`)
