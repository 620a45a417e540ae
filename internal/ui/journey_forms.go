package ui

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// businessForm records or changes a trainee's business.
type businessForm struct {
	d                                      *recordDialog
	name, products, address, started, work *widget.Entry
	kbli, kecamatan, desa, turnover        *codeSelect
	edit                                   *wub.Business // the business corrected, nil for a new one
}

func (v *journeyView) recordBusiness() { v.openBusinessForm() }

func (v *journeyView) openBusinessForm() *businessForm { return v.openBusinessFormFor(nil) }

// openBusinessFormFor opens the form on a recorded business (nil: a new one).
func (v *journeyView) openBusinessFormFor(edit *wub.Business) *businessForm {
	t := v.trainee
	f := &businessForm{d: newRecordDialog(v.u, T("usaha.business_title")), edit: edit}
	f.name, f.products, f.address, f.work = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.name.SetText(t.BusinessName)
	f.address.SetText(t.Address)
	f.products.SetPlaceHolder(T("usaha.products_hint"))
	f.work.SetPlaceHolder("0")
	f.started = dateInput(zeroTime)
	var kc, kl []string
	for _, k := range wub.Ref().KBLI {
		kc, kl = append(kc, k.Code), append(kl, k.Code+" — "+k.Title)
	}
	f.kbli = newCodeSelect(kc, kl, nil)
	f.kbli.PlaceHolder = T("form.choose")
	f.kbli.setCode(t.KBLI)
	f.turnover = newCodeSelect(wub.TurnoverBands, labels(wub.TurnoverBands, wub.TurnoverLabel), nil)
	f.turnover.PlaceHolder = T("form.choose")
	kec, desa := t.KecCode, t.DesaCode
	if edit != nil {
		f.name.SetText(edit.Name)
		f.address.SetText(edit.Address)
		f.products.SetText(edit.Products)
		f.started.SetText(wub.FormatDate(edit.StartedOn))
		f.kbli.setCode(edit.KBLI)
		f.turnover.setCode(edit.Turnover)
		if edit.Workers > 0 {
			f.work.SetText(strconv.Itoa(edit.Workers))
		}
		kec, desa = edit.KecCode, edit.DesaCode
	}
	f.kecamatan, f.desa = placeSelects(kec, desa)
	d := f.d
	d.add("name", T("field.business_name"), f.name)
	d.add("started_on", T("usaha.started_on"), f.started)
	d.add("kbli", T("field.kbli"), f.kbli.Select)
	d.add("products", T("usaha.products"), f.products)
	d.add("turnover", T("usaha.turnover"), f.turnover.Select)
	d.add("workers", T("usaha.workers"), f.work)
	d.add("kecamatan", T("field.kecamatan"), f.kecamatan.Select)
	d.add("desa", T("field.desa"), f.desa.Select)
	d.add("address", T("field.address"), f.address)
	v.dialog = d
	d.show(func() { v.saveBusiness(f) })
	return f
}

func (v *journeyView) saveBusiness(f *businessForm) {
	var parse wub.Issues
	b := &wub.Business{TraineeID: v.trainee.ID, Name: f.name.Text, KBLI: f.kbli.code(), Products: f.products.Text,
		Address: f.address.Text, KecCode: f.kecamatan.code(), DesaCode: f.desa.code(), Turnover: f.turnover.code(),
		StartedOn: parseDateInput(f.started, "started_on", &parse)}
	if f.edit != nil {
		b.ID = f.edit.ID
	}
	if s := trimmed(f.work); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			parse = append(parse, wub.Issue{Field: "workers", Code: "workers_invalid", Severity: wub.Error, Args: []any{-1, wub.MaxWorkers}})
		}
		b.Workers = n
	}
	f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return v.store.SaveBusiness(ctx, b) },
		func(w wub.Issues) { v.saved(b.Name, w) })
}

// licenceForm records a licence of one of the trainee's businesses.
type licenceForm struct {
	d              *recordDialog
	business, kind *codeSelect
	number, issued *widget.Entry
}

func (v *journeyView) recordLicence() { v.openLicenceForm() }

func (v *journeyView) openLicenceForm() *licenceForm { return v.openLicenceFormFor(nil) }

// openLicenceFormFor opens the form on a recorded licence (nil: a new one).
func (v *journeyView) openLicenceFormFor(edit *wub.Licence) *licenceForm {
	f := &licenceForm{d: newRecordDialog(v.u, T("usaha.licence_title")), business: v.businessSelect()}
	f.kind = newCodeSelect(wub.LicenceKinds, labels(wub.LicenceKinds, wub.LicenceLabel), nil)
	f.kind.SetSelectedIndex(0)
	f.number, f.issued = widget.NewEntry(), dateInput(zeroTime)
	if edit != nil {
		f.business.setCode(strconv.FormatInt(edit.BusinessID, 10))
		f.kind.setCode(edit.Kind)
		f.number.SetText(edit.Number)
		f.issued.SetText(wub.FormatDate(edit.IssuedOn))
	}
	f.d.add("business", T("usaha.business"), f.business.Select)
	f.d.add("kind", T("usaha.licence_kind"), f.kind.Select)
	f.d.add("number", T("usaha.licence_number"), f.number)
	f.d.add("issued_on", T("usaha.issued_on"), f.issued)
	v.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		l := &wub.Licence{BusinessID: selectedID(f.business), Kind: f.kind.code(), Number: f.number.Text,
			IssuedOn: parseDateInput(f.issued, "issued_on", &parse)}
		save := v.store.AddLicence
		if edit != nil {
			l.ID, save = edit.ID, v.store.UpdateLicence
		}
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return save(ctx, l) },
			func(w wub.Issues) { v.saved(wub.LicenceLabel(l.Kind)+" "+l.Number, w) })
	})
	return f
}

// channelWamira is the marketing choice that puts a product on a Wamira
// Mart outlet's shelf instead of recording another channel.
const channelWamira = "wamira"

// marketingForm records marketing: a Wamira Mart listing of one of the
// trainee's products, or another channel of a business.
type marketingForm struct {
	d                               *recordDialog
	business, kind, outlet, product *codeSelect
	detail, date                    *widget.Entry
	edit                            *wub.Channel // the channel corrected, nil for new marketing
}

func (v *journeyView) recordMarketing() { v.openMarketingForm() }

func (v *journeyView) openMarketingForm() *marketingForm { return v.openMarketingFormFor(nil) }

// openMarketingFormFor opens the form on a recorded channel (nil: new
// marketing). A channel stays a channel: Wamira Mart is not offered.
func (v *journeyView) openMarketingFormFor(edit *wub.Channel) *marketingForm {
	f := &marketingForm{d: newRecordDialog(v.u, T("usaha.marketing_title")), business: v.businessSelect(), edit: edit}
	kinds := append([]string{channelWamira}, wub.ChannelKinds...)
	f.kind = newCodeSelect(kinds, append([]string{"Wamira Mart"}, labels(wub.ChannelKinds, wub.ChannelLabel)...), nil)
	if edit != nil {
		f.kind = newCodeSelect(wub.ChannelKinds, labels(wub.ChannelKinds, wub.ChannelLabel), nil)
	}
	var oc, ol []string
	for _, o := range v.outlets {
		if o.Status() == wub.OutletActive {
			oc, ol = append(oc, strconv.FormatInt(o.ID, 10)), append(ol, o.Name+" — "+o.KecName)
		}
	}
	f.outlet = newCodeSelect(oc, ol, nil)
	f.outlet.PlaceHolder = T("form.choose")
	var pc, pl []string
	for _, p := range v.products {
		pc, pl = append(pc, strconv.FormatInt(p.ID, 10)), append(pl, p.Name+" — "+wub.FormatRupiah(p.Price))
	}
	f.product = newCodeSelect(pc, pl, nil)
	f.product.PlaceHolder = T("usaha.no_product")
	if len(pc) > 0 {
		f.product.SetSelectedIndex(0)
	}
	f.detail, f.date = widget.NewEntry(), dateInput(zeroTime)
	f.detail.SetPlaceHolder(T("usaha.channel_hint"))
	d := f.d
	d.add("business", T("usaha.business"), f.business.Select)
	d.add("kind", T("usaha.channel"), f.kind.Select)
	d.add("outlet", T("usaha.outlet"), f.outlet.Select)
	d.add("product", T("usaha.product"), f.product.Select)
	d.add("detail", T("usaha.channel_detail"), f.detail)
	d.add("date", T("usaha.marketed_on"), f.date)
	f.kind.OnChanged = func(string) { f.showKind() }
	f.kind.SetSelectedIndex(0)
	if edit != nil {
		f.business.setCode(strconv.FormatInt(edit.BusinessID, 10))
		f.kind.setCode(edit.Kind)
		f.detail.SetText(edit.Detail)
		f.date.SetText(wub.FormatDate(edit.StartedOn))
	}
	v.dialog = d
	d.show(func() { v.saveMarketing(f) })
	return f
}

// showKind shows outlet and product for Wamira Mart, the detail otherwise.
func (f *marketingForm) showKind() {
	wamira := f.kind.code() == channelWamira
	for key, on := range map[string]bool{"outlet": wamira, "product": wamira, "business": !wamira, "detail": !wamira} {
		if on {
			f.d.fields[key].box.Show()
		} else {
			f.d.fields[key].box.Hide()
		}
	}
}

func (v *journeyView) saveMarketing(f *marketingForm) {
	var parse wub.Issues
	on := parseDateInput(f.date, "date", &parse)
	// The store names the date listed_on or started_on; here it is one field.
	toDate := func(is wub.Issues, err error) (wub.Issues, error) {
		if errs, ok := err.(wub.Issues); ok {
			for i := range errs {
				if errs[i].Field == "listed_on" || errs[i].Field == "started_on" {
					errs[i].Field = "date"
				}
			}
		}
		return is, err
	}
	if f.kind.code() == channelWamira {
		if f.product.code() == "" {
			parse = append(parse, wub.Issue{Field: "product", Code: "listing_product_missing", Severity: wub.Error})
		}
		if f.outlet.code() == "" {
			parse = append(parse, wub.Issue{Field: "outlet", Code: "listing_outlet_missing", Severity: wub.Error})
		}
		l := &wub.Listing{ProductID: selectedID(f.product), OutletID: selectedID(f.outlet), ListedOn: on}
		what := f.product.Selected + " → " + f.outlet.Selected
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return toDate(v.store.AddListing(ctx, l)) },
			func(w wub.Issues) { v.saved(what, w) })
		return
	}
	c := &wub.Channel{BusinessID: selectedID(f.business), Kind: f.kind.code(), Detail: f.detail.Text, StartedOn: on}
	save := v.store.AddChannel
	if f.edit != nil {
		c.ID, save = f.edit.ID, v.store.UpdateChannel
	}
	f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return toDate(save(ctx, c)) },
		func(w wub.Issues) { v.saved(wub.ChannelLabel(c.Kind), w) })
}

// capitalForm records capital a business received.
type capitalForm struct {
	d                             *recordDialog
	business, source              *codeSelect
	provider, amount, date, notes *widget.Entry
}

func (v *journeyView) recordCapital() { v.openCapitalForm() }

func (v *journeyView) openCapitalForm() *capitalForm { return v.openCapitalFormFor(nil) }

// openCapitalFormFor opens the form on a recorded capital entry (nil: a new one).
func (v *journeyView) openCapitalFormFor(edit *wub.Capital) *capitalForm {
	f := &capitalForm{d: newRecordDialog(v.u, T("usaha.capital_title")), business: v.businessSelect()}
	f.source = newCodeSelect(wub.CapitalSources, labels(wub.CapitalSources, wub.CapitalLabel), nil)
	f.source.SetSelectedIndex(0)
	f.provider, f.amount, f.notes, f.date = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), dateInput(zeroTime)
	f.provider.SetPlaceHolder(T("usaha.provider_hint"))
	f.amount.SetPlaceHolder("10.000.000")
	if edit != nil {
		f.business.setCode(strconv.FormatInt(edit.BusinessID, 10))
		f.source.setCode(edit.Source)
		f.provider.SetText(edit.Provider)
		f.amount.SetText(wub.FormatInt(int(edit.Amount)))
		f.date.SetText(wub.FormatDate(edit.ReceivedOn))
		f.notes.SetText(edit.Notes)
	}
	f.d.add("business", T("usaha.business"), f.business.Select)
	f.d.add("source", T("usaha.capital_source"), f.source.Select)
	f.d.add("provider", T("usaha.provider"), f.provider)
	f.d.add("amount", T("usaha.amount"), f.amount)
	f.d.add("received_on", T("usaha.received_on"), f.date)
	f.d.add("notes", T("field.notes"), f.notes)
	v.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		c := &wub.Capital{BusinessID: selectedID(f.business), Source: f.source.code(), Provider: f.provider.Text,
			Amount: parseAmountInput(f.amount, "amount", &parse), ReceivedOn: parseDateInput(f.date, "received_on", &parse),
			Notes: f.notes.Text}
		save := v.store.AddCapital
		if edit != nil {
			c.ID, save = edit.ID, v.store.UpdateCapital
		}
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return save(ctx, c) },
			func(w wub.Issues) { v.saved(wub.CapitalLabel(c.Source)+" "+wub.FormatRupiah(c.Amount), w) })
	})
	return f
}

// productForm records a product of one of the trainee's businesses, so
// that it can go on a Wamira Mart shelf.
type productForm struct {
	d                               *recordDialog
	business, category, pirt, halal *codeSelect
	name, price, unit, photo        *widget.Entry
}

func (v *journeyView) recordProduct() { v.openProductForm() }

func (v *journeyView) openProductForm() *productForm { return v.openProductFormFor(nil) }

// openProductFormFor opens the form on a recorded product (nil: a new one).
func (v *journeyView) openProductFormFor(edit *wub.Product) *productForm {
	f := &productForm{d: newRecordDialog(v.u, T("usaha.product_title")), business: v.businessSelect()}
	f.category = newCodeSelect(wub.ProductCategories, wub.ProductCategories, nil)
	f.category.PlaceHolder = T("form.choose")
	f.pirt = newCodeSelect(wub.CertStatuses, labels(wub.CertStatuses, wub.CertLabel), nil)
	f.halal = newCodeSelect(wub.CertStatuses, labels(wub.CertStatuses, wub.CertLabel), nil)
	f.pirt.SetSelectedIndex(0)
	f.halal.SetSelectedIndex(0)
	f.name, f.price, f.unit, f.photo = widget.NewEntry(), widget.NewEntry(), widget.NewEntry(), widget.NewEntry()
	f.price.SetPlaceHolder("15.000")
	f.unit.SetPlaceHolder(T("usaha.unit_hint"))
	f.photo.SetPlaceHolder(T("usaha.photo_hint"))
	if edit != nil {
		f.business.setCode(strconv.FormatInt(edit.BusinessID, 10))
		f.business.Disable() // a product stays with its business
		f.name.SetText(edit.Name)
		f.category.setCode(edit.Category)
		f.price.SetText(wub.FormatInt(int(edit.Price)))
		f.unit.SetText(edit.Unit)
		f.pirt.setCode(edit.PIRT)
		f.halal.setCode(edit.Halal)
		f.photo.SetText(edit.PhotoPath)
	}
	f.d.add("business", T("usaha.business"), f.business.Select)
	f.d.add("name", T("usaha.product_name"), f.name)
	f.d.add("category", T("usaha.category"), f.category.Select)
	f.d.add("price", T("usaha.price"), f.price)
	f.d.add("unit", T("usaha.unit"), f.unit)
	f.d.add("pirt", "P-IRT", f.pirt.Select)
	f.d.add("halal", T("usaha.halal"), f.halal.Select)
	f.d.add("photo", T("usaha.photo"), f.photo)
	v.dialog = f.d
	f.d.show(func() {
		var parse wub.Issues
		p := &wub.Product{BusinessID: selectedID(f.business), Name: f.name.Text, Category: f.category.code(),
			Price: parseAmountInput(f.price, "price", &parse), Unit: f.unit.Text, PIRT: f.pirt.code(), Halal: f.halal.code(),
			PhotoPath: f.photo.Text}
		if edit != nil {
			p.ID = edit.ID
		}
		f.d.run(parse, func(ctx context.Context) (wub.Issues, error) { return v.store.SaveProduct(ctx, p) },
			func(w wub.Issues) { v.saved(p.Name, w) })
	})
	return f
}
