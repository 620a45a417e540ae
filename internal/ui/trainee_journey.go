package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// journeyStore is what the Usaha tab and its forms need from the store.
type journeyStore interface {
	Timeline(ctx context.Context, traineeID int64) ([]wub.StageEvent, error)
	Businesses(ctx context.Context, traineeID int64) ([]wub.Business, error)
	ProductsOfTrainee(ctx context.Context, traineeID int64) ([]wub.Product, error)
	Outlets(ctx context.Context) ([]wub.OutletCount, error)
	SaveBusiness(ctx context.Context, b *wub.Business) (wub.Issues, error)
	AddLicence(ctx context.Context, l *wub.Licence) (wub.Issues, error)
	AddChannel(ctx context.Context, c *wub.Channel) (wub.Issues, error)
	AddCapital(ctx context.Context, c *wub.Capital) (wub.Issues, error)
	SaveProduct(ctx context.Context, p *wub.Product) (wub.Issues, error)
	AddListing(ctx context.Context, l *wub.Listing) (wub.Issues, error)
	correctionStore // journey_corrections.go
}

// journeyView is the Usaha tab of a trainee's page: which stages the
// trainee reached and when, the timeline of every record behind them with
// who recorded it, and buttons to record a business, a licence, marketing,
// capital and products.
type journeyView struct {
	u       *App
	store   journeyStore
	trainee *wub.Trainee

	stages   *fyne.Container
	timeline *fyne.Container
	empty    *widget.Label
	root     fyne.CanvasObject

	businessBtn, licenceBtn, marketingBtn, capitalBtn, productBtn *widget.Button

	events     []wub.StageEvent
	businesses []wub.Business
	products   []wub.Product
	outlets    []wub.OutletCount
	dialog     *recordDialog // the form open last (tests reach it)
	corr       corrections   // journey_corrections.go
}

// withJourney puts the trainee's data and the Usaha tab side by side in
// tabs; a new trainee has no journey yet and gets the data alone.
func (f *traineeForm) withJourney(data fyne.CanvasObject) fyne.CanvasObject {
	if f.orig.ID == 0 {
		return data
	}
	f.journey = newJourneyView(f.s.u, f.orig)
	usaha := container.NewTabItemWithIcon(T("usaha.tab"), theme.StorageIcon(), f.journey.object())
	f.tabs = container.NewAppTabs(container.NewTabItemWithIcon(T("usaha.tab_data"), theme.AccountIcon(), data), usaha)
	f.tabs.OnSelected = func(ti *container.TabItem) {
		if ti == usaha {
			f.journey.load()
		}
	}
	return f.tabs
}

// showJourney opens a trainee's Usaha tab for "usaha:ID" (the --show
// option, for screenshots); other ids are not its business.
func (n *navigation) showJourney(id string) bool {
	num, ok := strings.CutPrefix(id, "usaha:")
	if !ok {
		return false
	}
	traineeID, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return false
	}
	n.show("peserta")
	s, ok := n.built["peserta"].(*traineesScreen)
	if !ok {
		return true
	}
	load(n.u, nil, func(ctx context.Context) (*wub.Trainee, error) {
		return s.store.Trainee(ctx, traineeID)
	}, func(t *wub.Trainee) {
		s.showForm(t)
		if s.form.tabs != nil {
			s.form.tabs.SelectIndex(1)
		}
	})
	return true
}

func newJourneyView(u *App, t *wub.Trainee) *journeyView {
	v := &journeyView{u: u, store: u.app, trainee: t}
	v.stages = container.NewGridWithColumns(len(wub.Stages))
	v.timeline = container.NewVBox()
	v.empty = widget.NewLabel(T("usaha.empty"))
	v.empty.Wrapping = fyne.TextWrapWord
	v.businessBtn = widget.NewButtonWithIcon(T("usaha.record_business"), theme.ContentAddIcon(), v.recordBusiness)
	v.businessBtn.Importance = widget.HighImportance
	v.licenceBtn = widget.NewButtonWithIcon(T("usaha.record_licence"), theme.DocumentIcon(), v.recordLicence)
	v.marketingBtn = widget.NewButtonWithIcon(T("usaha.record_marketing"), theme.MailForwardIcon(), v.recordMarketing)
	v.capitalBtn = widget.NewButtonWithIcon(T("usaha.record_capital"), theme.UploadIcon(), v.recordCapital)
	v.productBtn = widget.NewButtonWithIcon(T("usaha.record_product"), theme.ContentAddIcon(), v.recordProduct)
	buttons := container.NewHBox(v.businessBtn, v.licenceBtn, v.marketingBtn, v.capitalBtn, v.productBtn)
	head := widget.NewLabelWithStyle(T("usaha.stages"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	tl := widget.NewLabelWithStyle(T("usaha.timeline"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(buttons, head, v.stages, widget.NewSeparator(), tl)
	v.root = container.NewBorder(top, nil, nil, nil, container.NewVScroll(container.NewVBox(v.empty, v.timeline,
		v.corrBox())))
	return v
}

func (v *journeyView) object() fyne.CanvasObject { return v.root }

// load reads the timeline and what the forms offer, off the UI goroutine.
func (v *journeyView) load() {
	id := v.trainee.ID
	var ev []wub.StageEvent
	var bs []wub.Business
	var ps []wub.Product
	var os []wub.OutletCount
	var gone []wub.StageEvent
	v.u.jobs.run(func() error {
		ctx := v.u.screenCtx()
		var err error
		if ev, err = v.store.Timeline(ctx, id); err != nil {
			return err
		}
		if bs, err = v.store.Businesses(ctx, id); err != nil {
			return err
		}
		if ps, err = v.store.ProductsOfTrainee(ctx, id); err != nil {
			return err
		}
		if os, err = v.store.Outlets(ctx); err != nil {
			return err
		}
		gone, err = v.store.DeletedJourney(ctx, id)
		return err
	}, func(err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		v.events, v.businesses, v.products, v.outlets, v.corr.deleted = ev, bs, ps, os, gone
		v.render()
		v.renderCorrections()
	})
}

func (v *journeyView) render() {
	reached := map[string]wub.StageEvent{}
	for _, e := range wub.Reached(v.events) {
		reached[e.Stage] = e
	}
	v.stages.Objects = nil
	for _, s := range wub.Stages {
		name := widget.NewLabelWithStyle(wub.StageLabel(s), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		when := widget.NewLabelWithStyle("—", fyne.TextAlignCenter, fyne.TextStyle{})
		icon := widget.NewIcon(theme.RadioButtonIcon())
		if e, ok := reached[s]; ok {
			when.SetText(wub.FormatDate(e.Date))
			icon.SetResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
			name.Importance = widget.SuccessImportance
		} else {
			when.Importance = widget.LowImportance
		}
		v.stages.Add(container.NewVBox(icon, name, when))
	}
	v.stages.Refresh()
	v.timeline.Objects = nil
	for i := len(v.events) - 1; i >= 0; i-- { // newest first
		v.timeline.Add(v.eventRow(v.events[i]))
	}
	v.timeline.Refresh()
	if len(v.businesses) == 0 {
		v.empty.Show()
	} else {
		v.empty.Hide()
	}
}

func (v *journeyView) eventRow(e wub.StageEvent) fyne.CanvasObject {
	date := widget.NewLabelWithStyle(wub.FormatDate(e.Date), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	stage := widget.NewLabel(wub.StageLabel(e.Stage))
	stage.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(e.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	by := e.RecordedBy
	if by == "" {
		by = "—"
	}
	rec := widget.NewLabel(T("usaha.recorded_by", by))
	rec.Importance = widget.LowImportance
	detail := widget.NewLabel(e.Detail)
	detail.Truncation = fyne.TextTruncateEllipsis
	lines := container.NewVBox(container.NewBorder(nil, nil, stage, v.eventActions(e), title),
		container.NewBorder(nil, nil, nil, rec, detail))
	if e.ChangedBy != "" {
		changed := widget.NewLabel(T("regency.j_changed", wub.FormatDate(e.ChangedAt.Local()), e.ChangedBy))
		changed.Importance = widget.WarningImportance
		lines.Add(changed)
	}
	return container.NewVBox(container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, 36), date), nil, lines),
		widget.NewSeparator())
}

// saved reports a saved record and reloads the timeline.
func (v *journeyView) saved(what string, warns wub.Issues) {
	msg := T("usaha.saved", what)
	if len(warns) > 0 {
		msg = T("form.saved_with_warnings", what, len(warns))
	}
	v.u.notify(msg)
	v.load()
}

// businessSelect offers the trainee's businesses, the first one chosen.
func (v *journeyView) businessSelect() *codeSelect {
	var codes, names []string
	for _, b := range v.businesses {
		codes = append(codes, strconv.FormatInt(b.ID, 10))
		names = append(names, b.Name+" ("+wub.FormatDate(b.StartedOn)+")")
	}
	cs := newCodeSelect(codes, names, nil)
	cs.PlaceHolder = T("usaha.no_business")
	if len(codes) > 0 {
		cs.SetSelectedIndex(0)
	}
	return cs
}

func selectedID(cs *codeSelect) int64 {
	id, _ := strconv.ParseInt(cs.code(), 10, 64)
	return id
}

// businessOf names the business of an ID for messages.
func (v *journeyView) businessOf(id int64) string {
	for _, b := range v.businesses {
		if b.ID == id {
			return b.Name
		}
	}
	return ""
}

func trimmed(e *widget.Entry) string { return strings.TrimSpace(e.Text) }
