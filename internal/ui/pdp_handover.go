package ui

import (
	"context"
	"path/filepath"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/seal"
)

// Encrypted handover packages (issue 24): the export is locked to the
// receiving office's public key or a passphrase (askLock), the import of
// an encrypted package asks the passphrase (its own, or this office's
// admin passphrase when it was locked to this office's key).

type handoverPDP struct {
	lock     *seal.Lock        // the lock of the next export (nil: plain, an admin's choice)
	pass     string            // the passphrase of the next load
	exported *handover.Package // the package last exported, as written
	path     string            // its path
}

// sealExport encrypts the package just written and logs the copy.
func (s *handoverScreen) sealExport(ctx context.Context, ex *handover.Exported) error {
	lock := s.pdp.lock
	s.pdp.lock = nil
	p, err := s.u.app.SealHandoverPackage(ctx, ex, lock)
	if err == nil {
		s.pdp.exported, s.pdp.path = p, ex.Path
	}
	return err
}

// exportedPackage is the package at path for its berita acara: the one
// just exported (it may be encrypted now), else read from the file.
func (s *handoverScreen) exportedPackage(path string) (*handover.Package, error) {
	if s.pdp.exported != nil && s.pdp.path == path {
		return s.pdp.exported, nil
	}
	return handover.ReadFile(path)
}

// loadAsking loads a package, asking its passphrase first when it is
// encrypted.
func (s *handoverScreen) loadAsking(path string) {
	if sealed, err := app.IsSealed(path); err == nil && sealed {
		s.u.askPassphrase(filepath.Base(path), func(pass string) {
			s.pdp.pass = pass
			s.load(path)
		})
		return
	}
	s.pdp.pass = ""
	s.load(path)
}

// readPackage reads (decrypting) the package being loaded.
func (s *handoverScreen) readPackage(path string) (*handover.Package, error) {
	pass := s.pdp.pass
	return s.u.app.ReadPackage(s.u.appCtx(), path, pass)
}
