package app

import (
	"context"
	"time"

	"wubdesk/internal/handover"
	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// HandoverExportOptions say to whom, on which date and into which file the
// office hands a program over.
type HandoverExportOptions struct {
	To       string    // the receiving agency's code
	Date     time.Time // the handover date
	Path     string    // the package file; the berita acara is written beside it
	Progress Progress  // records written of the total; nil: nobody watches
}

// HandoverExport writes the handover package of the office's agency and its
// berita acara, and logs the export in the audit log under the signed-in
// user. Cancelling ctx stops it and leaves no file.
func (a *App) HandoverExport(ctx context.Context, o HandoverExportOptions) (*handover.Exported, error) {
	return handover.ExportFile(ctx, a, handover.ExportOptions{To: o.To, Date: o.Date, Progress: o.Progress}, o.Path)
}

// HandoverImportOptions say how a package is received.
type HandoverImportOptions struct {
	DryRun   bool     // check everything and say what would happen; save nothing
	Progress Progress // records imported of the total; nil: nobody watches
}

// HandoverImport imports a read package (handover.ReadFile) in one
// transaction, under the signed-in user, after a backup; a dry run
// previews it. Cancelling ctx rolls everything back.
func (a *App) HandoverImport(ctx context.Context, p *handover.Package, o HandoverImportOptions) (*wub.HandoverResult, error) {
	return handover.Import(ctx, a, p, o.DryRun, o.Progress)
}

// HandoverSchema is what this register's handovers carry.
func (a *App) HandoverSchema() handover.Schema {
	return handover.Schema{Version: store.SchemaVersion(), Kinds: store.HandoverKinds()}
}

// ReadHandover reads and verifies the package at path and checks that this
// version of WUBDesk can take it (a package from a newer one is refused).
func ReadHandover(path string) (*handover.Package, error) {
	p, err := handover.ReadFile(path)
	if err != nil {
		return nil, err
	}
	s := handover.Schema{Version: store.SchemaVersion(), Kinds: store.HandoverKinds()}
	if err := p.Fits(s); err != nil {
		return nil, err
	}
	return p, nil
}
