package seal

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"wubdesk/internal/wub"
)

func init() { WorkFactor = 10 }

func roundTrip(t *testing.T, l Lock, u Unlock) ([]byte, error) {
	t.Helper()
	var buf bytes.Buffer
	w, err := Encrypt(&buf, l)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "NIK 3528045203950001")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if !IsSealed(buf.Bytes()) {
		t.Fatal("no age header")
	}
	if bytes.Contains(buf.Bytes(), []byte("3528045203950001")) {
		t.Fatal("plain text in the sealed copy")
	}
	r, err := Decrypt(&buf, u)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func TestPassphrase(t *testing.T) {
	got, err := roundTrip(t, Lock{Passphrase: "rahasia-kantor"}, Unlock{Passphrase: "rahasia-kantor"})
	if err != nil || string(got) != "NIK 3528045203950001" {
		t.Fatalf("%q %v", got, err)
	}
	_, err = roundTrip(t, Lock{Passphrase: "rahasia-kantor"}, Unlock{Passphrase: "salah-sandinya"})
	if wub.ErrorCode(err) != "seal_wrong_key" {
		t.Fatalf("wrong passphrase: %v", err)
	}
	if _, err := Encrypt(io.Discard, Lock{Passphrase: "short"}); wub.ErrorCode(err) != "seal_passphrase_short" {
		t.Fatalf("short: %v", err)
	}
}

// A file locked to the office opens with the admin's passphrase alone (the
// sealed key travels in the header), and with the office's key pair.
func TestOfficeKey(t *testing.T) {
	k, err := NewOfficeKey("sandi-admin-1")
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckPublicKey(k.Public); err != nil {
		t.Fatal(err)
	}
	got, err := roundTrip(t, Lock{Office: &k}, Unlock{Passphrase: "sandi-admin-1"})
	if err != nil || string(got) != "NIK 3528045203950001" {
		t.Fatalf("%q %v", got, err)
	}
	if _, err := roundTrip(t, Lock{Office: &k}, Unlock{Passphrase: "sandi-lain-99"}); wub.ErrorCode(err) != "seal_wrong_key" {
		t.Fatalf("wrong: %v", err)
	}
	k2, err := k.Reseal("sandi-admin-1", "sandi-baru-22")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := k2.Identity("sandi-admin-1"); wub.ErrorCode(err) != "seal_wrong_key" {
		t.Fatalf("old passphrase still opens: %v", err)
	}
	// A package for another office: its public key; it opens with its own
	// sealed key and passphrase, not with ours.
	other, _ := NewOfficeKey("sandi-kantor-b")
	got, err = roundTrip(t, Lock{Recipients: []string{other.Public}}, Unlock{Passphrase: "sandi-kantor-b", Office: &other})
	if err != nil || string(got) != "NIK 3528045203950001" {
		t.Fatalf("other office: %q %v", got, err)
	}
	if _, err := roundTrip(t, Lock{Recipients: []string{other.Public}}, Unlock{Passphrase: "sandi-admin-1", Office: &k}); wub.ErrorCode(err) != "seal_wrong_key" {
		t.Fatalf("our key opened theirs: %v", err)
	}
	if err := CheckPublicKey("age1bukan"); wub.ErrorCode(err) != "seal_bad_public_key" {
		t.Fatal(err)
	}
}

// A wrong passphrase writes nothing; a cut file is seal_damaged and leaves
// no half file.
func TestDecryptFile(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "a.db")
	os.WriteFile(plain, bytes.Repeat([]byte("x"), 200000), 0o600)
	sealed := filepath.Join(dir, "a.db.age")
	if err := EncryptFile(plain, sealed, Lock{Passphrase: "sandi-kantor"}); err != nil {
		t.Fatal(err)
	}
	if ok, _ := FileIsSealed(sealed); !ok {
		t.Fatal("not detected")
	}
	if ok, _ := FileIsSealed(plain); ok {
		t.Fatal("plain detected as sealed")
	}
	out := filepath.Join(dir, "out.db")
	if err := DecryptFile(sealed, out, Unlock{Passphrase: "salah-sekali"}); wub.ErrorCode(err) != "seal_wrong_key" {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a wrong passphrase wrote a file")
	}
	b, _ := os.ReadFile(sealed)
	cut := filepath.Join(dir, "cut.age")
	os.WriteFile(cut, b[:len(b)-100], 0o600)
	if err := DecryptFile(cut, out, Unlock{Passphrase: "sandi-kantor"}); wub.ErrorCode(err) != "seal_damaged" {
		t.Fatalf("cut: %v", err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Fatal("a cut file left a half file")
	}
	if err := DecryptFile(sealed, out, Unlock{Passphrase: "sandi-kantor"}); err != nil {
		t.Fatal(err)
	}
}
