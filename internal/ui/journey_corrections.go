package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// correctionStore is what correcting a journey needs from the store.
type correctionStore interface {
	Licence(ctx context.Context, id int64) (wub.Licence, error)
	Channel(ctx context.Context, id int64) (wub.Channel, error)
	Capital(ctx context.Context, id int64) (wub.Capital, error)
	Listing(ctx context.Context, id int64) (wub.Listing, error)
	UpdateLicence(ctx context.Context, l *wub.Licence) (wub.Issues, error)
	UpdateChannel(ctx context.Context, c *wub.Channel) (wub.Issues, error)
	UpdateCapital(ctx context.Context, c *wub.Capital) (wub.Issues, error)
	UpdateListing(ctx context.Context, l *wub.Listing) (wub.Issues, error)
	DeleteJourneyRecord(ctx context.Context, entity string, id int64) error
	RestoreJourneyRecord(ctx context.Context, entity string, id int64) error
	DeletedJourney(ctx context.Context, traineeID int64) ([]wub.StageEvent, error)
}

// corrections is the part of the Usaha tab that corrects records: Ubah and
// Hapus on each business record of the timeline, the trainee's products
// with the same, and the deleted records with Pulihkan.
type corrections struct {
	deleted      []wub.StageEvent
	products     *fyne.Container
	deletedBox   *fyne.Container
	deletedHead  *widget.Label
	productsHead *widget.Label
	box          *fyne.Container
	buttons      map[string]*widget.Button // "edit:licence:3", "delete:…", "restore:…" (tests)
}

// correctable are the timeline's records a clerk may change here.
var correctable = map[string]bool{"business": true, "licence": true, "marketing_channel": true, "capital": true, "listing": true}

func (v *journeyView) corrBox() fyne.CanvasObject {
	c := &v.corr
	c.products, c.deletedBox = container.NewVBox(), container.NewVBox()
	c.productsHead = widget.NewLabelWithStyle(T("regency.j_products_head"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.deletedHead = widget.NewLabelWithStyle(T("regency.j_deleted_head"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.box = container.NewVBox(c.productsHead, c.products, c.deletedHead, c.deletedBox)
	c.buttons = map[string]*widget.Button{}
	c.productsHead.Hide()
	c.deletedHead.Hide()
	return c.box
}

func corrKey(action, entity string, id int64) string {
	return action + ":" + entity + ":" + strconv.FormatInt(id, 10)
}

// button makes a small button and remembers it for tests.
func (v *journeyView) button(key, label string, icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon(label, icon, tapped)
	b.Importance = widget.LowImportance
	if !v.u.can(wub.ActEdit) {
		b.Disable()
	}
	v.corr.buttons[key] = b
	return b
}

// eventActions are Ubah and Hapus for a record the clerk may correct.
func (v *journeyView) eventActions(e wub.StageEvent) fyne.CanvasObject {
	if !correctable[e.Entity] {
		return nil
	}
	return container.NewHBox(
		v.button(corrKey("edit", e.Entity, e.EntityID), T("regency.j_edit"), theme.DocumentCreateIcon(), func() { v.edit(e.Entity, e.EntityID) }),
		v.button(corrKey("delete", e.Entity, e.EntityID), T("button.delete"), theme.DeleteIcon(), func() { v.askDelete(e.Entity, e.EntityID, e.Title) }))
}

// renderCorrections lists the products and the deleted records.
func (v *journeyView) renderCorrections() {
	c := &v.corr
	c.products.Objects = nil
	for _, p := range v.products {
		p := p
		name := widget.NewLabel(p.Name + " — " + wub.FormatRupiah(p.Price))
		name.Truncation = fyne.TextTruncateEllipsis
		c.products.Add(container.NewBorder(nil, nil, nil, container.NewHBox(
			v.button(corrKey("edit", "product", p.ID), T("regency.j_edit"), theme.DocumentCreateIcon(), func() { v.openProductFormFor(&p) }),
			v.button(corrKey("delete", "product", p.ID), T("button.delete"), theme.DeleteIcon(), func() { v.askDelete("product", p.ID, p.Name) })),
			name))
	}
	c.productsHead.Hidden = len(v.products) == 0
	c.deletedBox.Objects = nil
	for _, e := range c.deleted {
		e := e
		what := wub.EntityLabel(e.Entity) + ": " + e.Title
		if e.Entity != "product" {
			what += " (" + wub.FormatDate(e.Date) + ")"
		}
		title := widget.NewLabel(what)
		title.Truncation = fyne.TextTruncateEllipsis
		by := e.DeletedBy
		if by == "" {
			by = "—"
		}
		when := widget.NewLabel(T("regency.j_deleted_by", wub.FormatDate(e.DeletedAt.Local()), by))
		when.Importance = widget.LowImportance
		c.deletedBox.Add(container.NewBorder(nil, nil, nil, container.NewHBox(when,
			v.button(corrKey("restore", e.Entity, e.EntityID), T("button.restore"), theme.ViewRefreshIcon(), func() { v.restore(e.Entity, e.EntityID) })),
			title))
	}
	c.deletedHead.Hidden = len(c.deleted) == 0
	c.box.Refresh()
}

// edit opens the record's form filled in; the records not held by the view
// are read first.
func (v *journeyView) edit(entity string, id int64) {
	switch entity {
	case "business":
		for i := range v.businesses {
			if v.businesses[i].ID == id {
				b := v.businesses[i]
				v.openBusinessFormFor(&b)
			}
		}
		return
	}
	var open func()
	v.u.jobs.run(func() error {
		ctx := v.u.screenCtx()
		switch entity {
		case "licence":
			l, err := v.store.Licence(ctx, id)
			open = func() { v.openLicenceFormFor(&l) }
			return err
		case "marketing_channel":
			c, err := v.store.Channel(ctx, id)
			open = func() { v.openMarketingFormFor(&c) }
			return err
		case "capital":
			c, err := v.store.Capital(ctx, id)
			open = func() { v.openCapitalFormFor(&c) }
			return err
		case "listing":
			l, err := v.store.Listing(ctx, id)
			open = func() { v.openListingEditForm(&l) }
			return err
		}
		return wub.Errorf("not_found")
	}, func(err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		open()
	})
}

// listingEditForm corrects the dates of a Wamira Mart listing.
type listingEditForm struct {
	d                         *recordDialog
	listed, withdrawn, reason *widget.Entry
}

func (v *journeyView) openListingEditForm(l *wub.Listing) *listingEditForm {
	f := openListingEditForm(v.u, v.store, l, func(w wub.Issues) { v.saved("Wamira Mart", w) })
	v.dialog = f.d
	return f
}

// openListingEditForm is the form on a listing; done runs once it is saved
// (the Usaha tab and the Wamira Mart screen both offer it).
func openListingEditForm(u *App, st correctionStore, l *wub.Listing, done func(wub.Issues)) *listingEditForm {
	f := &listingEditForm{d: newRecordDialog(u, T("regency.j_listing_title")), listed: dateInput(l.ListedOn),
		withdrawn: dateInput(l.WithdrawnOn), reason: widget.NewEntry()}
	f.reason.SetText(l.WithdrawnReason)
	f.d.add("listed_on", T("wamira.listed_on"), f.listed)
	f.d.add("withdrawn_on", T("wamira.withdrawn_on"), f.withdrawn)
	f.d.add("withdrawn_reason", T("wamira.withdraw_reason"), f.reason)
	f.d.show(func() {
		var parse wub.Issues
		c := &wub.Listing{ID: l.ID, ListedOn: parseDateInput(f.listed, "listed_on", &parse),
			WithdrawnOn: parseDateInput(f.withdrawn, "withdrawn_on", &parse), WithdrawnReason: f.reason.Text}
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return st.UpdateListing(ctx, c) }, done)
	})
	return f
}

// askDelete asks before deleting a record (and what hangs under it).
func (v *journeyView) askDelete(entity string, id int64, title string) {
	msg := T("regency.j_delete_confirm", wub.EntityLabel(entity), title)
	switch entity {
	case "business":
		msg += "\n" + T("regency.j_delete_business_note")
	case "product":
		msg += "\n" + T("regency.j_delete_product_note")
	}
	v.u.confirm(T("regency.j_delete_title"), msg, T("button.delete"), func() { v.deleteNow(entity, id) })
}

func (v *journeyView) deleteNow(entity string, id int64) {
	v.u.jobs.run(func() error { return v.store.DeleteJourneyRecord(v.u.appCtx(), entity, id) }, func(err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		v.u.notify(T("regency.j_deleted", wub.EntityLabel(entity)))
		v.load()
	})
}

func (v *journeyView) restore(entity string, id int64) {
	v.u.jobs.run(func() error { return v.store.RestoreJourneyRecord(v.u.appCtx(), entity, id) }, func(err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		v.u.notify(T("regency.j_restored", wub.EntityLabel(entity)))
		v.load()
	})
}
