package ui

import (
	"context"
	"io"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// wamiraStore is what the Wamira Mart screen needs from the store.
type wamiraStore interface {
	Outlets(ctx context.Context) ([]wub.OutletCount, error)
	Outlet(ctx context.Context, id int64) (wub.Outlet, error)
	OutletListings(ctx context.Context, outletID int64, withdrawn bool) ([]wub.ListingRow, error)
	SearchProducts(ctx context.Context, f wub.ProductFilter) ([]wub.ProductRow, error)
	SaveOutlet(ctx context.Context, o *wub.Outlet) (wub.Issues, error)
	CloseOutlet(ctx context.Context, id int64, on time.Time, reason string) (int, error)
	AddListing(ctx context.Context, l *wub.Listing) (wub.Issues, error)
	WithdrawListing(ctx context.Context, id int64, on time.Time, reason string) (wub.Issues, error)
	WamiraReach(ctx context.Context) (wub.WamiraReach, error)
	correctionStore // journey_corrections.go
}

var outletColumns = []tableColumn{
	{"col.outlet", "", 240}, {"col.kecamatan", "", 105}, {"col.status", "", 60}, {"col.opened", "", 92},
	{"col.closed", "", 92}, {"col.on_shelf", "", 62}, {"col.producers", "", 74}, {"col.from_agencies", "", 280},
}

var listingColumns = []tableColumn{
	{"col.product", "", 190}, {"col.producer", "", 150}, {"col.phone", "", 118}, {"col.price", "", 92},
	{"col.since", "", 92}, {"col.withdrawn", "", 92},
}

var productColumns = []tableColumn{
	{"col.product", "", 200}, {"col.category", "", 120}, {"col.price", "", 92}, {"col.producer", "", 160},
	{"col.kecamatan", "", 105}, {"col.pirt", "", 64}, {"col.halal", "", 64}, {"col.outlets", "", 260},
}

// wamiraScreen is Wamira Mart: the outlets with their status and product
// counts, the products on the selected outlet's shelf (with the export for
// the shop), and a product search by name, outlet and kecamatan.
type wamiraScreen struct {
	u     *App
	store wamiraStore
	root  fyne.CanvasObject
	tabs  *container.AppTabs

	outlets       []wub.OutletCount
	outletTable   *rowTable
	summary       *widget.Label
	reach         wub.WamiraReach // products, producers and their agencies (wamira_reach.go)
	reachLabel    *widget.Label
	listings      []wub.ListingRow
	listingTable  *rowTable
	listingTitle  *widget.Label
	showWithdrawn *widget.Check
	newOutletBtn  *widget.Button
	closeBtn      *widget.Button
	exportBtn     *widget.Button
	addBtn        *widget.Button
	withdrawBtn   *widget.Button

	search       *entry
	outletFilter *codeSelect
	kecFilter    *codeSelect
	products     []wub.ProductRow
	productTable *rowTable
	productCount *widget.Label
	query        latest
	outletsQ     latest // the outlets and their counts (reload)

	dialog *recordDialog     // the form open last (tests reach it)
	corr   wamiraCorrections // wamira_corrections.go
}

func newWamiraScreen(u *App) screen {
	s := &wamiraScreen{u: u, store: u.app}
	none := func(int) {}
	s.outletTable = newRowTable(outletColumns, func() int { return len(s.outlets) }, s.outletText,
		func(c int) string { return T(outletColumns[c].key) }, none)
	s.outletTable.onSelect = func(int) { s.loadListings() }
	s.listingTable = newRowTable(listingColumns, func() int { return len(s.listings) }, s.listingText,
		func(c int) string { return T(listingColumns[c].key) }, none)
	s.listingTable.onSelect = func(int) { s.updateButtons() }
	s.productTable = newRowTable(productColumns, func() int { return len(s.products) }, s.productText,
		func(c int) string { return T(productColumns[c].key) }, none)

	s.summary = widget.NewLabel("")
	s.summary.TextStyle.Bold = true
	s.listingTitle = widget.NewLabelWithStyle(T("wamira.choose_outlet"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.showWithdrawn = widget.NewCheck(T("wamira.show_withdrawn"), func(bool) { s.loadListings() })
	s.newOutletBtn = widget.NewButtonWithIcon(T("wamira.new_outlet"), theme.ContentAddIcon(), func() { s.openOutletForm() })
	s.closeBtn = widget.NewButtonWithIcon(T("wamira.close_outlet"), theme.CancelIcon(), func() { s.openCloseForm() })
	s.exportBtn = widget.NewButtonWithIcon(T("wamira.export"), theme.DownloadIcon(), s.chooseExport)
	s.addBtn = widget.NewButtonWithIcon(T("wamira.add_listing"), theme.ContentAddIcon(), func() { s.openListingForm() })
	s.addBtn.Importance = widget.HighImportance
	s.withdrawBtn = widget.NewButtonWithIcon(T("wamira.withdraw"), theme.ContentRemoveIcon(), func() { s.openWithdrawForm() })

	s.reachLabel = widget.NewLabel("")
	s.reachLabel.Wrapping = fyne.TextWrapWord
	outletsTop := container.NewVBox(container.NewBorder(nil, nil, nil, container.NewHBox(s.closeBtn, s.newOutletBtn), s.summary),
		s.reachLabel)
	listTop := container.NewVBox(
		container.NewBorder(nil, nil, nil, container.NewHBox(s.listingCorrections(), s.withdrawBtn, s.exportBtn, s.addBtn), s.listingTitle),
		s.showWithdrawn)
	split := container.NewVSplit(
		container.NewBorder(outletsTop, nil, nil, nil, s.outletTable),
		container.NewBorder(listTop, nil, nil, nil, s.listingTable))
	split.Offset = 0.45

	s.search = newEntry(func() { s.search.SetText("") })
	s.search.SetPlaceHolder(T("wamira.search_hint"))
	s.search.OnChanged = func(string) { s.searchProducts() }
	s.kecFilter = newCodeSelect(nil, nil, func(string) { s.searchProducts() })
	kc, kn := []string{""}, []string{T("filter.all_kecamatan")}
	for _, k := range wub.Ref().Kecamatan {
		kc, kn = append(kc, k.Code), append(kn, k.Name)
	}
	s.kecFilter.setOptions(kc, kn)
	s.kecFilter.SetSelectedIndex(0)
	s.outletFilter = newCodeSelect([]string{""}, []string{T("wamira.all_outlets")}, func(string) { s.searchProducts() })
	s.outletFilter.SetSelectedIndex(0)
	s.productCount = widget.NewLabel("")
	s.productCount.TextStyle.Bold = true
	productsTop := container.NewVBox(container.NewBorder(nil, nil, nil, s.productCount, s.search),
		container.NewGridWithColumns(2, s.outletFilter.Select, s.kecFilter.Select))

	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(T("wamira.tab_outlets"), theme.HomeIcon(), split),
		container.NewTabItemWithIcon(T("wamira.tab_products"), theme.SearchIcon(), container.NewBorder(productsTop, nil, nil, nil, s.productTable)))
	title := widget.NewLabelWithStyle(T("nav.wamira"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.root = container.NewBorder(title, nil, nil, nil, s.tabs)
	s.updateButtons()
	return s
}

func (s *wamiraScreen) object() fyne.CanvasObject { return s.root }

func (s *wamiraScreen) shown() { s.reload() }

// reload reads the outlets and their counts, keeping the selected outlet.
func (s *wamiraScreen) reload() {
	keep := s.selectedOutlet()
	type found struct {
		outs  []wub.OutletCount
		reach wub.WamiraReach
	}
	load(s.u, &s.outletsQ, func(ctx context.Context) (found, error) {
		var r found
		var err error
		if r.outs, err = s.store.Outlets(ctx); err != nil {
			return r, err
		}
		r.reach, err = s.store.WamiraReach(ctx)
		return r, err
	}, func(r found) {
		outs, reach := r.outs, r.reach
		s.outlets = outs
		open, shelf := 0, 0
		codes, names := []string{""}, []string{T("wamira.all_outlets")}
		for _, o := range outs {
			if o.Status() == wub.OutletActive {
				open++
				shelf += o.OnShelf
			}
			codes, names = append(codes, strconv.FormatInt(o.ID, 10)), append(names, o.Name)
		}
		s.summary.SetText(T("wamira.summary", wub.FormatInt(shelf), open, len(outs)-open))
		s.reach = reach
		s.reachLabel.SetText(s.reachText())
		s.outletFilter.setOptions(codes, names)
		if s.outletFilter.SelectedIndex() < 0 {
			s.outletFilter.SetSelectedIndex(0)
		}
		s.outletTable.clearSelection()
		for i, o := range outs {
			if keep != nil && o.ID == keep.ID {
				s.outletTable.selectRow(i)
			}
		}
		if s.outletTable.selected < 0 && len(outs) > 0 {
			s.outletTable.selectRow(0)
		}
		s.outletTable.Refresh()
		s.searchProducts()
	})
}

func (s *wamiraScreen) selectedOutlet() *wub.OutletCount {
	i := s.outletTable.selected
	if i < 0 || i >= len(s.outlets) {
		return nil
	}
	return &s.outlets[i]
}

func (s *wamiraScreen) selectedListing() *wub.ListingRow {
	i := s.listingTable.selected
	if i < 0 || i >= len(s.listings) {
		return nil
	}
	return &s.listings[i]
}

func (s *wamiraScreen) loadListings() {
	o := s.selectedOutlet()
	s.updateButtons()
	if o == nil {
		s.listings = nil
		s.listingTable.clearSelection()
		s.listingTable.Refresh()
		return
	}
	id, name, all := o.ID, o.Name, s.showWithdrawn.Checked
	load(s.u, nil, func(ctx context.Context) ([]wub.ListingRow, error) {
		return s.store.OutletListings(ctx, id, all)
	}, func(rows []wub.ListingRow) {
		if cur := s.selectedOutlet(); cur == nil || cur.ID != id {
			return // another outlet was chosen meanwhile
		}
		s.listings = rows
		onShelf := 0
		for _, r := range rows {
			if r.Active() {
				onShelf++
			}
		}
		s.listingTitle.SetText(T("wamira.listings_of", name, onShelf))
		s.listingTable.clearSelection()
		s.listingTable.Refresh()
		s.updateButtons()
	})
}

func (s *wamiraScreen) updateButtons() {
	if s.withdrawBtn == nil {
		return
	}
	o := s.selectedOutlet()
	enable := func(b *widget.Button, on bool) {
		if on {
			b.Enable()
		} else {
			b.Disable()
		}
	}
	enable(s.closeBtn, o != nil && o.Status() == wub.OutletActive)
	enable(s.addBtn, o != nil && o.Status() == wub.OutletActive)
	enable(s.exportBtn, o != nil)
	l := s.selectedListing()
	enable(s.withdrawBtn, l != nil && l.Active())
	s.updateCorrectionButtons(l, enable)
}

func (s *wamiraScreen) searchProducts() {
	if s.productTable == nil || s.outletFilter == nil || s.kecFilter == nil {
		return
	}
	outletID, _ := strconv.ParseInt(s.outletFilter.code(), 10, 64)
	f := wub.ProductFilter{Text: s.search.Text, OutletID: outletID, KecCode: s.kecFilter.code()}
	ctx, current := s.query.start(s.u.screenCtx())
	var rows []wub.ProductRow
	s.u.jobs.run(func() error {
		var err error
		rows, err = s.store.SearchProducts(ctx, f)
		return err
	}, func(err error) {
		if !current() {
			return
		}
		if err != nil {
			if ctx.Err() == nil {
				s.u.showError(err)
			}
			return
		}
		s.products = rows
		s.productCount.SetText(T("wamira.product_count", wub.FormatInt(len(rows))))
		s.productTable.clearSelection()
		s.productTable.Refresh()
	})
}

func (s *wamiraScreen) outletText(i, col int) string {
	if i >= len(s.outlets) {
		return ""
	}
	o := s.outlets[i]
	switch col {
	case 0:
		return o.Name
	case 1:
		return o.KecName
	case 2:
		return wub.OutletStatusLabel(o.Status())
	case 3:
		return wub.FormatDate(o.OpenedOn)
	case 4:
		return wub.FormatDate(o.ClosedOn)
	case 5:
		return strconv.Itoa(o.OnShelf)
	case 6:
		return strconv.Itoa(o.Producers)
	case 7:
		return s.sharesText(s.reach.ByOutlet[o.ID].Agencies)
	}
	return ""
}

func (s *wamiraScreen) listingText(i, col int) string {
	if i >= len(s.listings) {
		return ""
	}
	r := s.listings[i]
	switch col {
	case 0:
		return r.Name
	case 1:
		return r.Producer
	case 2:
		return r.Phone
	case 3:
		return wub.FormatRupiah(r.Price)
	case 4:
		return wub.FormatDate(r.ListedOn)
	case 5:
		return wub.FormatDate(r.WithdrawnOn)
	}
	return ""
}

func (s *wamiraScreen) productText(i, col int) string {
	if i >= len(s.products) {
		return ""
	}
	p := s.products[i]
	switch col {
	case 0:
		return p.Name
	case 1:
		return p.Category
	case 2:
		return wub.FormatRupiah(p.Price)
	case 3:
		return p.Producer
	case 4:
		return p.KecName
	case 5:
		return wub.CertLabel(p.PIRT)
	case 6:
		return wub.CertLabel(p.Halal)
	case 7:
		return strings.Join(p.Outlets, ", ")
	}
	return ""
}

// chooseExport asks where to save the selected outlet's product list.
func (s *wamiraScreen) chooseExport() {
	o := s.selectedOutlet()
	if o == nil {
		return
	}
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		if w != nil {
			s.exportTo(w, w.URI().Name())
		}
	})
	d.SetFileName(wub.OutletFile(o.Name, s.u.today()))
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// exportTo writes the selected outlet's product list (what is on the shelf
// now) to w off the UI goroutine and closes it.
func (s *wamiraScreen) exportTo(w io.WriteCloser, name string) {
	o := s.selectedOutlet()
	if o == nil {
		w.Close()
		return
	}
	outlet, today := o.Outlet, s.u.today()
	var n int
	s.u.jobs.run(func() error {
		rows, err := s.store.OutletListings(s.u.screenCtx(), outlet.ID, false)
		if err != nil {
			w.Close()
			return err
		}
		n = len(rows)
		if err := xlsx.WriteOutletProducts(w, outlet, rows, today); err != nil {
			w.Close()
			return err
		}
		return w.Close()
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("wamira.exported", n, name))
	})
}
