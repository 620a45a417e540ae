package app

import (
	"context"
	"time"

	"wubdesk/internal/handover"
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
	return handover.ExportFile(ctx, a.db, handover.ExportOptions{To: o.To, Date: o.Date, Progress: o.Progress}, o.Path)
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
	return handover.Import(ctx, a.db, p, o.DryRun, o.Progress)
}
