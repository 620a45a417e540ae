package hubapi

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// MaxAnswer is the largest answer body a client reads.
const MaxAnswer = 64 << 20

// Roundtrip sends one call of the contract: in (nil for none) as JSON to
// base+path with the protocol header and, when token is set, the bearer
// token; it returns the answer's status and body (at most MaxAnswer).
// err is a transport error only; each client maps a non-2xx status to its
// own error (the office's sync words, the hub window's refusal).
func Roundtrip(ctx context.Context, hc *http.Client, base, token, method, path string, in any) (int, []byte, error) {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return 0, nil, err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(base, "/")+path, body)
	if err != nil {
		return 0, nil, err
	}
	req.Header.Set("Hub-Protocol", Version)
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := hc.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, MaxAnswer))
	return resp.StatusCode, b, err
}
