package hub

import (
	"context"
	"crypto/rand"
	"errors"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"wubdesk/internal/hubapi"
)

// Device is an enrolled PC of an office.
type Device struct {
	ID       string
	OfficeID string
	Agency   string
	Name     string
}

// codeAlphabet has no 0/O, 1/I/L: codes are read over the phone.
const codeAlphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"

// newEnrolCode is 16 letters in four groups (about 79 bits).
func newEnrolCode() string {
	var b [16]byte
	rand.Read(b[:])
	var sb strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			sb.WriteByte('-')
		}
		sb.WriteByte(codeAlphabet[int(c)%len(codeAlphabet)])
	}
	return sb.String()
}

// normCode drops spaces and dashes and upper-cases a typed code.
func normCode(c string) string {
	c = strings.ToUpper(c)
	return strings.Map(func(r rune) rune {
		if r == '-' || r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, c)
}

// DefaultCodeValidity is how long an enrolment code can be used.
const DefaultCodeValidity = 7 * 24 * time.Hour

// AddOffice adds the office of an agency (or finds it) and issues a new
// one-time enrolment code for it. The hub keeps only the code's hash.
func (h *Hub) AddOffice(ctx context.Context, agency, name string, valid time.Duration, actor string) (code, officeID string, err error) {
	agency = strings.ToUpper(strings.TrimSpace(agency))
	if !agencyCodeRE.MatchString(agency) {
		return "", "", errorf(400, "hub_agency_invalid", agency)
	}
	if valid <= 0 {
		valid = DefaultCodeValidity
	}
	code = newEnrolCode()
	now := h.now()
	err = pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, "SELECT id FROM office WHERE agency = $1", agency).Scan(&officeID)
		created := false
		if errors.Is(err, pgx.ErrNoRows) {
			officeID = newUUID()
			if _, err := tx.Exec(ctx, "INSERT INTO office (id, agency, name, created_at) VALUES ($1, $2, $3, $4)",
				officeID, agency, name, now); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "INSERT INTO office_tally (office) VALUES ($1)", officeID); err != nil {
				return err
			}
			created = true
		} else if err != nil {
			return err
		} else if name != "" {
			if _, err := tx.Exec(ctx, "UPDATE office SET name = $2 WHERE id = $1", officeID, name); err != nil {
				return err
			}
		}
		if _, err := tx.Exec(ctx, "INSERT INTO enrol_code (hash, office, created_at, expires) VALUES ($1, $2, $3, $4)",
			tokenHash(normCode(code)), officeID, now, now.Add(valid)); err != nil {
			return err
		}
		if created {
			if err := h.Audit(ctx, tx, actor, "office_added", officeID, map[string]any{"agency": agency}); err != nil {
				return err
			}
		}
		return h.Audit(ctx, tx, actor, "enrol_code_issued", officeID, map[string]any{"agency": agency, "expires": now.Add(valid).Format(time.RFC3339)})
	})
	if err != nil {
		return "", "", err
	}
	return code, officeID, nil
}

// RevokeOffice revokes every device of the agency's office and voids its
// unused enrolment codes. It returns how many devices it revoked.
func (h *Hub) RevokeOffice(ctx context.Context, agency, actor string) (int, error) {
	agency = strings.ToUpper(strings.TrimSpace(agency))
	n := 0
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		var id string
		if err := tx.QueryRow(ctx, "SELECT id FROM office WHERE agency = $1", agency).Scan(&id); errors.Is(err, pgx.ErrNoRows) {
			return errorf(404, "hub_office_unknown", agency)
		} else if err != nil {
			return err
		}
		now := h.now()
		tag, err := tx.Exec(ctx, "UPDATE device SET revoked_at = $2 WHERE office = $1 AND revoked_at IS NULL", id, now)
		if err != nil {
			return err
		}
		n = int(tag.RowsAffected())
		if _, err := tx.Exec(ctx, "UPDATE enrol_code SET expires = $2 WHERE office = $1 AND used_at IS NULL AND expires > $2", id, now); err != nil {
			return err
		}
		return h.Audit(ctx, tx, actor, "office_revoked", id, map[string]any{"agency": agency, "devices": n})
	})
	return n, err
}

// RevokeDevice revokes one device.
func (h *Hub) RevokeDevice(ctx context.Context, deviceID, actor string) error {
	if !uuidRE.MatchString(deviceID) {
		return errorf(404, "hub_device_unknown")
	}
	return pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		var office string
		err := tx.QueryRow(ctx, "UPDATE device SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1 RETURNING office", deviceID, h.now()).Scan(&office)
		if errors.Is(err, pgx.ErrNoRows) {
			return errorf(404, "hub_device_unknown")
		} else if err != nil {
			return err
		}
		return h.Audit(ctx, tx, actor, "device_revoked", office, map[string]any{"device": deviceID})
	})
}

// Enrol trades a one-time code for a device credential.
func (h *Hub) Enrol(ctx context.Context, req hubapi.EnrolRequest) (hubapi.EnrolResponse, error) {
	var resp hubapi.EnrolResponse
	hash := tokenHash(normCode(req.Code))
	now := h.now()
	var refusal error
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		var office, agency string
		var expires time.Time
		var used *time.Time
		err := tx.QueryRow(ctx, `SELECT c.office, o.agency, c.expires, c.used_at FROM enrol_code c JOIN office o ON o.id = c.office
			WHERE c.hash = $1 FOR UPDATE OF c`, hash).Scan(&office, &agency, &expires, &used)
		switch {
		case errors.Is(err, pgx.ErrNoRows):
			refusal = errorf(403, "hub_code_invalid")
		case err != nil:
			return err
		case used != nil:
			refusal = errorf(403, "hub_code_used")
		case !now.Before(expires):
			refusal = errorf(403, "hub_code_expired")
		}
		if refusal != nil {
			return h.Audit(ctx, tx, "anonymous", "enrol_refused", office, map[string]any{"code": refusal.(*Error).Code})
		}
		token, th := newToken()
		dev := newUUID()
		name := clip(req.DeviceName, 100)
		if _, err := tx.Exec(ctx, "INSERT INTO device (id, office, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)",
			dev, office, name, th, now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, "UPDATE enrol_code SET used_at = $2, device = $3 WHERE hash = $1", hash, now, dev); err != nil {
			return err
		}
		resp = hubapi.EnrolResponse{DeviceID: dev, OfficeID: office, Agency: agency, Token: token, Fingerprint: h.fingerprint}
		return h.Audit(ctx, tx, "device:"+dev, "device_enrolled", office, map[string]any{"agency": agency, "device": dev})
	})
	if err != nil {
		return resp, err
	}
	if refusal != nil {
		return resp, refusal
	}
	return resp, nil
}

// DeviceByToken authenticates a device credential.
func (h *Hub) DeviceByToken(ctx context.Context, token string) (*Device, error) {
	if token == "" {
		return nil, errorf(401, "hub_auth_missing")
	}
	d := &Device{}
	var revoked *time.Time
	err := h.Pool.QueryRow(ctx, `SELECT d.id, d.office, o.agency, d.name, d.revoked_at FROM device d JOIN office o ON o.id = d.office
		WHERE d.token_hash = $1`, tokenHash(token)).Scan(&d.ID, &d.OfficeID, &d.Agency, &d.Name, &revoked)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, errorf(401, "hub_token_invalid")
	}
	if err != nil {
		return nil, err
	}
	if revoked != nil {
		h.Audit(ctx, h.Pool, "device:"+d.ID, "refused_revoked", d.OfficeID, nil)
		return nil, errorf(401, "hub_device_revoked", d.Agency)
	}
	return d, nil
}

func init() {
	Route("POST", hubapi.PathEnrol, AuthNone, func(ctx context.Context, c *Call) (any, error) {
		var req hubapi.EnrolRequest
		if err := c.Decode(&req); err != nil {
			return nil, err
		}
		return c.Hub.Enrol(ctx, req)
	})
}

// DeviceInfo is one device in the hub's list of offices.
type DeviceInfo struct {
	ID       string `json:"id"`
	Agency   string `json:"agency"`
	Name     string `json:"name"`
	Enrolled string `json:"enrolled"`
	LastSync string `json:"last_sync"` // "" when never
	Through  int64  `json:"through"`
	Revoked  string `json:"revoked"` // "" while valid
}

// Devices lists every device of every office (offices without a device
// have one row with an empty ID).
func (h *Hub) Devices(ctx context.Context) ([]DeviceInfo, error) {
	rows, err := h.Pool.Query(ctx, `SELECT COALESCE(d.id::text, ''), o.agency, COALESCE(d.name, ''), d.created_at, d.last_sync, COALESCE(d.through, 0), d.revoked_at
		FROM office o LEFT JOIN device d ON d.office = o.id ORDER BY o.agency, d.created_at`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []DeviceInfo{}
	f := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.UTC().Format(time.RFC3339)
	}
	for rows.Next() {
		var d DeviceInfo
		var created, last, revoked *time.Time
		if err := rows.Scan(&d.ID, &d.Agency, &d.Name, &created, &last, &d.Through, &revoked); err != nil {
			return nil, err
		}
		d.Enrolled, d.LastSync, d.Revoked = f(created), f(last), f(revoked)
		out = append(out, d)
	}
	return out, rows.Err()
}
