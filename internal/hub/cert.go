package hub

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
)

// Fingerprint is the SHA-256 of a certificate (DER), lower-case hex: what an
// office pins at enrolment.
func Fingerprint(der []byte) string {
	s := sha256.Sum256(der)
	return hex.EncodeToString(s[:])
}

// ensureSelfSigned makes the hub's own certificate when it has none and
// stores it (PEM) in hub_setting. It returns the fingerprint and whether
// it made a new one.
func (h *Hub) ensureSelfSigned(ctx context.Context, hosts []string) (string, bool, error) {
	made := false
	err := pgx.BeginFunc(ctx, h.Pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1)", migrationLock+1); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(ctx, "SELECT count(*) FROM hub_setting WHERE key = 'tls_cert'").Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		certPEM, keyPEM, err := selfSigned(hosts, h.now())
		if err != nil {
			return err
		}
		for k, v := range map[string]string{"tls_cert": string(certPEM), "tls_key": string(keyPEM)} {
			if _, err := tx.Exec(ctx, "INSERT INTO hub_setting (key, value) VALUES ($1, $2)", k, v); err != nil {
				return err
			}
		}
		made = true
		return h.Audit(ctx, tx, "cli", "certificate_made", "", nil)
	})
	if err != nil {
		return "", false, err
	}
	if err := h.UseStoredCert(ctx); err != nil {
		return "", false, err
	}
	if made {
		h.Audit(ctx, h.Pool, "cli", "certificate_fingerprint", "", map[string]any{"sha256": h.fingerprint})
	}
	return h.fingerprint, made, nil
}

func selfSigned(hosts []string, now time.Time) ([]byte, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, nil, err
	}
	serial, _ := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 127))
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               pkix.Name{CommonName: "WUBDesk hub", Organization: []string{"WUBDesk"}},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.AddDate(20, 0, 0),
		KeyUsage:              x509.KeyUsageDigitalSignature,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
	}
	all := append([]string{"localhost", "127.0.0.1", "::1"}, hosts...)
	if hn, err := os.Hostname(); err == nil && hn != "" {
		all = append(all, hn)
	}
	for _, hst := range all {
		if ip := net.ParseIP(hst); ip != nil {
			tmpl.IPAddresses = append(tmpl.IPAddresses, ip)
		} else {
			tmpl.DNSNames = append(tmpl.DNSNames, hst)
		}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, nil, err
	}
	kb, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, nil, err
	}
	return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), nil
}

// UseStoredCert loads the self-signed certificate made by Init.
func (h *Hub) UseStoredCert(ctx context.Context) error {
	var c, k string
	err := h.Pool.QueryRow(ctx, `SELECT (SELECT value FROM hub_setting WHERE key = 'tls_cert'),
		(SELECT value FROM hub_setting WHERE key = 'tls_key')`).Scan(&c, &k)
	if err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return errorf(400, "hub_no_certificate")
		}
		return errorf(400, "hub_no_certificate")
	}
	return h.useCert([]byte(c), []byte(k))
}

// UseCertFiles loads the regency's certificate and key (PEM files).
func (h *Hub) UseCertFiles(certFile, keyFile string) error {
	c, err := os.ReadFile(certFile)
	if err != nil {
		return errorf(400, "hub_cert_read", certFile, err.Error())
	}
	k, err := os.ReadFile(keyFile)
	if err != nil {
		return errorf(400, "hub_cert_read", keyFile, err.Error())
	}
	return h.useCert(c, k)
}

func (h *Hub) useCert(c, k []byte) error {
	pair, err := tls.X509KeyPair(c, k)
	if err != nil {
		return errorf(400, "hub_cert_invalid", err.Error())
	}
	h.cert = &pair
	h.fingerprint = Fingerprint(pair.Certificate[0])
	return nil
}

// CertFingerprint is the SHA-256 fingerprint of the certificate the hub
// serves ("" before one is loaded).
func (h *Hub) CertFingerprint() string { return h.fingerprint }

// Certificate is the certificate the hub serves (nil before one is loaded).
func (h *Hub) Certificate() *tls.Certificate { return h.cert }
