package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// Ubah and Hapus for the listing selected on the Wamira Mart screen (a
// listing typed wrong, or recorded by mistake). A deleted listing is
// restored from the producer's Usaha tab (Data yang dihapus).

type wamiraCorrections struct {
	editBtn, deleteBtn *widget.Button
	dialog             *recordDialog // the form open last (tests)
}

func (s *wamiraScreen) listingCorrections() fyne.CanvasObject {
	s.corr.editBtn = widget.NewButtonWithIcon(T("regency.j_edit"), theme.DocumentCreateIcon(), s.editListing)
	s.corr.deleteBtn = widget.NewButtonWithIcon(T("button.delete"), theme.DeleteIcon(), s.askDeleteListing)
	return container.NewHBox(s.corr.editBtn, s.corr.deleteBtn)
}

func (s *wamiraScreen) updateCorrectionButtons(l *wub.ListingRow, enable func(*widget.Button, bool)) {
	if s.corr.editBtn == nil {
		return
	}
	can := l != nil && s.u.can(wub.ActEdit)
	enable(s.corr.editBtn, can)
	enable(s.corr.deleteBtn, can)
}

func (s *wamiraScreen) editListing() {
	l := s.selectedListing()
	if l == nil {
		return
	}
	listing := l.Listing
	f := openListingEditForm(s.u, s.store, &listing, func(wub.Issues) {
		s.u.notify(T("usaha.saved", l.ProductRow.Name))
		s.reload()
	})
	s.corr.dialog = f.d
}

func (s *wamiraScreen) askDeleteListing() {
	l := s.selectedListing()
	if l == nil {
		return
	}
	id, what := l.ID, l.ProductRow.Name+" — "+l.OutletName
	s.u.confirm(T("regency.j_delete_title"), T("regency.j_delete_confirm", wub.EntityLabel("listing"), what)+"\n"+
		T("regency.wamira_restore_note"), T("button.delete"), func() {
		s.u.jobs.run(func() error { return s.store.DeleteJourneyRecord(s.u.appCtx(), "listing", id) }, func(err error) {
			if err != nil {
				s.u.showError(err)
				return
			}
			s.u.notify(T("regency.j_deleted", wub.EntityLabel("listing")))
			s.reload()
		})
	})
}
