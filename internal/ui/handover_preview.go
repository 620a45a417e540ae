package ui

import (
	"context"
	"path/filepath"

	"wubdesk/internal/wub"
)

// The handover preview (a dry-run import of the whole package) ran 20 s
// with only "Membaca dan memeriksa …": it now shows the import's progress
// bar with the rows checked so far, and Batal (issue 19).

// startPreview shows the bar and Cancel; progress is called off the UI
// goroutine.
func (s *handoverScreen) startPreview(path string) (context.Context, func(done, total int)) {
	ctx := s.run.startImport(s.u.screenCtx())
	s.importBar.SetValue(0)
	s.importBar.Show()
	name := filepath.Base(path)
	return ctx, func(done, total int) {
		s.u.jobs.deliver(func() {
			if total > 0 {
				s.importBar.SetValue(float64(done) / float64(total))
			}
			s.pkgLabel.SetText(T("ux.handover_checking", name, wub.FormatInt(done), wub.FormatInt(total)))
		})
	}
}

// endPreview hides the bar; a cancelled preview leaves no package chosen and
// says so. It reports whether the preview was cancelled.
func (s *handoverScreen) endPreview(path string, err error) bool {
	s.importBar.Hide()
	if s.run.endImport(err) {
		s.pkgLabel.SetText(T("ux.handover_preview_cancelled", filepath.Base(path)))
		s.refresh()
		return true
	}
	return false
}
