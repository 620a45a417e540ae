package seal

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"

	"wubdesk/internal/wub"
)

// OfficeKey is an office's age X25519 key pair: the public key, shown in
// Pengaturan for other offices to copy, and the private key sealed with
// the admin's passphrase (an age scrypt file).
type OfficeKey struct {
	Public string // age1...
	Sealed []byte
}

// NewOfficeKey makes a key pair and seals its private half with the
// passphrase.
func NewOfficeKey(passphrase string) (OfficeKey, error) {
	if err := CheckPassphrase(passphrase); err != nil {
		return OfficeKey{}, err
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		return OfficeKey{}, err
	}
	sealed, err := sealString(id.String(), passphrase)
	if err != nil {
		return OfficeKey{}, err
	}
	return OfficeKey{Public: id.Recipient().String(), Sealed: sealed}, nil
}

// Identity unseals the private key with the passphrase (seal_wrong_key).
func (k OfficeKey) Identity(passphrase string) (*age.X25519Identity, error) {
	return unsealIdentity(k.Sealed, passphrase)
}

// Reseal seals the private key with a new passphrase.
func (k OfficeKey) Reseal(old, new string) (OfficeKey, error) {
	if err := CheckPassphrase(new); err != nil {
		return OfficeKey{}, err
	}
	id, err := k.Identity(old)
	if err != nil {
		return OfficeKey{}, err
	}
	sealed, err := sealString(id.String(), new)
	if err != nil {
		return OfficeKey{}, err
	}
	return OfficeKey{Public: k.Public, Sealed: sealed}, nil
}

// CheckPublicKey reports whether s is an age X25519 public key.
func CheckPublicKey(s string) error {
	if _, err := age.ParseX25519Recipient(strings.TrimSpace(s)); err != nil {
		return wub.Errorf("seal_bad_public_key", s)
	}
	return nil
}

func sealString(s, passphrase string) ([]byte, error) {
	r, err := age.NewScryptRecipient(passphrase)
	if err != nil {
		return nil, err
	}
	r.SetWorkFactor(WorkFactor)
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, r)
	if err != nil {
		return nil, err
	}
	if _, err := io.WriteString(w, s); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func unsealIdentity(sealed []byte, passphrase string) (*age.X25519Identity, error) {
	if len(sealed) == 0 {
		return nil, wub.Errorf("seal_no_office_key")
	}
	s, err := age.NewScryptIdentity(passphrase)
	if err != nil {
		return nil, err
	}
	r, err := age.Decrypt(bytes.NewReader(sealed), s)
	if err != nil {
		return nil, wub.Errorf("seal_wrong_key")
	}
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, wub.Errorf("seal_damaged", err)
	}
	return age.ParseX25519Identity(strings.TrimSpace(string(b)))
}

// stanzaType carries the office's sealed private key in the header of a
// file locked to the office.
const stanzaType = "wubdesk-office-key"

type sealedKeyRecipient struct{ sealed []byte }

func (r sealedKeyRecipient) Wrap([]byte) ([]*age.Stanza, error) {
	if len(r.sealed) == 0 {
		return nil, wub.Errorf("seal_no_office_key")
	}
	return []*age.Stanza{{Type: stanzaType, Args: []string{"v1"}, Body: r.sealed}}, nil
}

// sealedKeyIdentity opens the sealed key found in a file's header with the
// passphrase and unwraps the file key with it.
type sealedKeyIdentity struct{ passphrase string }

func (i sealedKeyIdentity) Unwrap(stanzas []*age.Stanza) ([]byte, error) {
	for _, s := range stanzas {
		if s.Type != stanzaType {
			continue
		}
		id, err := unsealIdentity(s.Body, i.passphrase)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", age.ErrIncorrectIdentity, err)
		}
		var rest []*age.Stanza
		for _, t := range stanzas {
			if t.Type != stanzaType {
				rest = append(rest, t)
			}
		}
		return id.Unwrap(rest)
	}
	return nil, fmt.Errorf("%w: no office key in the header", age.ErrIncorrectIdentity)
}
