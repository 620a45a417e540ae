package seal

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"filippo.io/age"

	"wubdesk/internal/wub"
)

// Magic is how every age file begins.
const Magic = "age-encryption.org/v1\n"

// Ext is appended by front ends that name an encrypted copy themselves.
const Ext = ".age"

// WorkFactor is scrypt's log2 cost for new passphrase locks (age's own
// default); tests lower it.
var WorkFactor = 18

// MinPassphrase is the shortest passphrase accepted for a new lock.
const MinPassphrase = 8

// IsSealed reports whether a file's first bytes are an age header.
func IsSealed(head []byte) bool { return bytes.HasPrefix(head, []byte(Magic)) }

// FileIsSealed reads the start of a file and reports IsSealed.
func FileIsSealed(path string) (bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, len(Magic))
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return false, err
	}
	return IsSealed(head[:n]), nil
}

// Lock says whom a new copy is for. Exactly one of Passphrase, Office or
// Recipients is used, in that order.
type Lock struct {
	Passphrase string     // a passphrase (scrypt), told to the receiver apart from the file
	Office     *OfficeKey // this office's own key pair (backups)
	Recipients []string   // age1... public keys (another office's)
}

// Unlock is what opening a copy may try: a passphrase (for a passphrase
// lock, for a file carrying the office's sealed key, and to unseal Office)
// and this office's sealed key pair (a package sent to this office).
type Unlock struct {
	Passphrase string
	Office     *OfficeKey
}

// CheckPassphrase refuses a passphrase too short for a new lock.
func CheckPassphrase(p string) error {
	if len([]rune(p)) < MinPassphrase {
		return wub.Errorf("seal_passphrase_short", MinPassphrase)
	}
	return nil
}

func (l Lock) recipients() ([]age.Recipient, error) {
	switch {
	case l.Passphrase != "":
		if err := CheckPassphrase(l.Passphrase); err != nil {
			return nil, err
		}
		r, err := age.NewScryptRecipient(l.Passphrase)
		if err != nil {
			return nil, err
		}
		r.SetWorkFactor(WorkFactor)
		return []age.Recipient{r}, nil
	case l.Office != nil:
		x, err := age.ParseX25519Recipient(l.Office.Public)
		if err != nil {
			return nil, wub.Errorf("seal_bad_public_key", l.Office.Public)
		}
		return []age.Recipient{x, sealedKeyRecipient{l.Office.Sealed}}, nil
	case len(l.Recipients) > 0:
		var out []age.Recipient
		for _, s := range l.Recipients {
			x, err := age.ParseX25519Recipient(strings.TrimSpace(s))
			if err != nil {
				return nil, wub.Errorf("seal_bad_public_key", s)
			}
			out = append(out, x)
		}
		return out, nil
	}
	return nil, wub.Errorf("seal_no_lock")
}

// Encrypt returns a writer whose bytes reach w encrypted; Close flushes the
// last chunk (and does not close w).
func Encrypt(w io.Writer, l Lock) (io.WriteCloser, error) {
	rs, err := l.recipients()
	if err != nil {
		return nil, err
	}
	return age.Encrypt(w, rs...)
}

// Decrypt reads the header of r and returns the plain stream. A key that
// does not open the file is seal_wrong_key; no plain byte has been read
// by then. The stream's own authentication fails later with
// seal_damaged when the file was cut or changed.
func Decrypt(r io.Reader, u Unlock) (io.Reader, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(Magic))
	if !IsSealed(head) {
		return nil, wub.Errorf("seal_not_sealed")
	}
	var ids []age.Identity
	if u.Passphrase != "" {
		s, err := age.NewScryptIdentity(u.Passphrase)
		if err != nil {
			return nil, err
		}
		ids = append(ids, s, sealedKeyIdentity{u.Passphrase})
		if u.Office != nil {
			if x, err := u.Office.Identity(u.Passphrase); err == nil {
				ids = append(ids, x)
			}
		}
	}
	if len(ids) == 0 {
		return nil, wub.Errorf("seal_need_key")
	}
	out, err := age.Decrypt(br, ids...)
	if err != nil {
		var nm *age.NoIdentityMatchError
		if errors.As(err, &nm) || strings.Contains(err.Error(), "incorrect") {
			return nil, wub.Errorf("seal_wrong_key")
		}
		return nil, wub.Errorf("seal_damaged", err)
	}
	return damageReader{out}, nil
}

// damageReader turns the stream's authentication failure into a wub code.
type damageReader struct{ r io.Reader }

func (d damageReader) Read(p []byte) (int, error) {
	n, err := d.r.Read(p)
	if err != nil && err != io.EOF {
		err = wub.Errorf("seal_damaged", err)
	}
	return n, err
}

// DecryptFile writes the plain content of the sealed file src to dst (a
// new file, removed again on any failure: a wrong key writes nothing).
func DecryptFile(src, dst string, u Unlock) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	plain, err := Decrypt(in, u)
	if err != nil {
		return err
	}
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, plain); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		os.Remove(dst)
		return err
	}
	if err := out.Close(); err != nil {
		os.Remove(dst)
		return err
	}
	return nil
}

// EncryptFile writes src encrypted to dst through a temporary file beside
// it, renamed into place only when whole.
func EncryptFile(src, dst string, l Lock) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".tmp"
	out, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	fail := func(err error) error {
		out.Close()
		os.Remove(tmp)
		return err
	}
	w, err := Encrypt(out, l)
	if err != nil {
		return fail(err)
	}
	if _, err := io.Copy(w, in); err != nil {
		return fail(err)
	}
	if err := w.Close(); err != nil {
		return fail(err)
	}
	if err := out.Sync(); err != nil {
		return fail(err)
	}
	if err := out.Close(); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := os.Rename(tmp, dst); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("%s: %w", dst, err)
	}
	return nil
}
