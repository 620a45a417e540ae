package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// outletForm records a new Wamira Mart outlet.
type outletForm struct {
	d                            *recordDialog
	name, address, opened, notes *widget.Entry
	kecamatan, desa              *codeSelect
}

func (s *wamiraScreen) openOutletForm() *outletForm {
	f := &outletForm{d: newRecordDialog(s.u, T("wamira.new_outlet"))}
	f.name, f.address, f.notes, f.opened = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), dateInput(zeroTime)
	f.name.SetPlaceHolder("Wamira Mart …")
	f.kecamatan, f.desa = placeSelects("", "")
	f.d.add("name", T("wamira.outlet_name"), f.name)
	f.d.add("opened_on", T("wamira.opened_on"), f.opened)
	f.d.add("kecamatan", T("field.kecamatan"), f.kecamatan.Select)
	f.d.add("desa", T("field.desa"), f.desa.Select)
	f.d.add("address", T("field.address"), f.address)
	f.d.add("notes", T("field.notes"), f.notes)
	s.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		o := &wub.Outlet{Name: f.name.Text, Address: f.address.Text, KecCode: f.kecamatan.code(), DesaCode: f.desa.code(),
			OpenedOn: parseDateInput(f.opened, "opened_on", &parse), Notes: f.notes.Text}
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return s.store.SaveOutlet(ctx, o) }, func(wub.Issues) {
			s.u.notify(T("usaha.saved", o.Name))
			s.reload()
		})
	})
	return f
}

// closeForm closes the selected outlet; what is on its shelf is withdrawn.
type closeForm struct {
	d            *recordDialog
	date, reason *widget.Entry
}

func (s *wamiraScreen) openCloseForm() *closeForm {
	o := s.selectedOutlet()
	if o == nil {
		return nil
	}
	id, name := o.ID, o.Name
	f := &closeForm{d: newRecordDialog(s.u, T("wamira.close_title", name))}
	f.date, f.reason = dateInput(s.u.today()), widget.NewEntry()
	f.reason.SetPlaceHolder(T("wamira.close_reason_hint"))
	f.d.add("closed_on", T("wamira.closed_on"), f.date)
	f.d.add("reason", T("wamira.close_reason"), f.reason)
	note := widget.NewLabel(T("wamira.close_note", o.OnShelf))
	note.Wrapping = fyne.TextWrapWord
	f.d.boxes = append(f.d.boxes, note)
	s.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		on := parseDateInput(f.date, "closed_on", &parse)
		var n int
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) {
			var err error
			n, err = s.store.CloseOutlet(ctx, id, on, f.reason.Text)
			return nil, err
		}, func(wub.Issues) {
			s.u.notify(T("wamira.closed", name, n))
			s.reload()
		})
	})
	return f
}

// listingForm puts a product on the selected outlet's shelf: the clerk
// types part of the product's or producer's name and picks it.
type listingForm struct {
	d       *recordDialog
	search  *widget.Entry
	product *codeSelect
	date    *widget.Entry
	query   latest
}

func (s *wamiraScreen) openListingForm() *listingForm {
	o := s.selectedOutlet()
	if o == nil {
		return nil
	}
	outletID, outletName := o.ID, o.Name
	f := &listingForm{d: newRecordDialog(s.u, T("wamira.add_listing_title", outletName))}
	f.search = widget.NewEntry()
	f.search.SetPlaceHolder(T("wamira.product_search_hint"))
	f.product = newCodeSelect(nil, nil, nil)
	f.product.PlaceHolder = T("wamira.type_to_find")
	f.date = dateInput(s.u.today())
	f.search.OnChanged = func(text string) { s.findProducts(f, text) }
	f.d.add("search", T("wamira.find_product"), f.search)
	f.d.add("product", T("usaha.product"), f.product.Select)
	f.d.add("listed_on", T("wamira.listed_on"), f.date)
	s.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		on := parseDateInput(f.date, "listed_on", &parse)
		if f.product.code() == "" {
			parse = append(parse, wub.Issue{Field: "product", Code: "listing_product_missing", Severity: wub.Error})
		}
		productID, _ := strconv.ParseInt(f.product.code(), 10, 64)
		l := &wub.Listing{ProductID: productID, OutletID: outletID, ListedOn: on}
		what := f.product.Selected
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return s.store.AddListing(ctx, l) }, func(w wub.Issues) {
			s.u.notify(T("wamira.listed", what, outletName))
			s.reload()
		})
	})
	return f
}

// findProducts fills the product choice with the products whose name, or
// whose producer's name, matches what is typed.
func (s *wamiraScreen) findProducts(f *listingForm, text string) {
	ctx, current := f.query.start(s.u.screenCtx())
	var rows []wub.ProductRow
	s.u.jobs.run(func() error {
		var err error
		rows, err = s.store.SearchProducts(ctx, wub.ProductFilter{Text: text})
		return err
	}, func(err error) {
		if !current() || err != nil {
			return
		}
		var codes, names []string
		for i, r := range rows {
			if i == 50 {
				break
			}
			codes = append(codes, strconv.FormatInt(r.ID, 10))
			names = append(names, r.Name+" — "+r.Producer+" ("+wub.FormatRupiah(r.Price)+")")
		}
		f.product.setOptions(codes, names)
		if f.product.code() == "" && len(codes) > 0 {
			f.product.SetSelectedIndex(0)
		}
	})
}

// withdrawForm takes the selected listing off the shelf.
type withdrawForm struct {
	d            *recordDialog
	date, reason *widget.Entry
}

func (s *wamiraScreen) openWithdrawForm() *withdrawForm {
	l := s.selectedListing()
	if l == nil {
		return nil
	}
	id, what := l.Listing.ID, l.Name
	f := &withdrawForm{d: newRecordDialog(s.u, T("wamira.withdraw_title", what))}
	f.date, f.reason = dateInput(s.u.today()), widget.NewEntry()
	f.d.add("withdrawn_on", T("wamira.withdrawn_on"), f.date)
	f.d.add("reason", T("wamira.withdraw_reason"), f.reason)
	s.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		on := parseDateInput(f.date, "withdrawn_on", &parse)
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) {
			return s.store.WithdrawListing(ctx, id, on, f.reason.Text)
		}, func(wub.Issues) {
			s.u.notify(T("wamira.withdrawn", what))
			s.reload()
		})
	})
	return f
}
