package hub_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"os"
	"path/filepath"
	"testing"
	"time"

	"wubdesk/internal/hub"
	"wubdesk/internal/pgtest"
)

// The regency's own certificate (--cert/--key) replaces the hub's; its
// fingerprint is what the hub then reports; a key of another certificate is
// refused.
func TestRegencyCertificate(t *testing.T) {
	dir := t.TempDir()
	write := func(name string) (string, string, string) {
		key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "hub.pamekasankab.go.id"},
			DNSNames: []string{"hub.pamekasankab.go.id"}, NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(1, 0, 0)}
		der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
		if err != nil {
			t.Fatal(err)
		}
		kb, _ := x509.MarshalECPrivateKey(key)
		c, k := filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
		os.WriteFile(c, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
		os.WriteFile(k, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
		s := sha256.Sum256(der)
		return c, k, hex.EncodeToString(s[:])
	}
	c1, k1, fp1 := write("a")
	_, k2, _ := write("b")
	h, res, err := hub.Init(ctx, pgtest.Database(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer h.Close()
	if err := h.UseCertFiles(c1, k1); err != nil {
		t.Fatal(err)
	}
	if h.CertFingerprint() != fp1 || fp1 == res.Fingerprint {
		t.Fatalf("fingerprint %s, want %s", h.CertFingerprint(), fp1)
	}
	if err := h.UseCertFiles(c1, k2); code(err) != "hub_cert_invalid" {
		t.Fatalf("mismatched key: %v", err)
	}
	if err := h.UseCertFiles(filepath.Join(dir, "none.crt"), k1); code(err) != "hub_cert_read" {
		t.Fatalf("missing file: %v", err)
	}
}
