package ui

import (
	"context"
	"io"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
)

// letterheadPanel is the "Kop surat" card of Pengaturan: what the PDF
// documents print under the office's name (address, telephone, e-mail,
// website), the head's rank, the classification code that starts letter
// numbers, and the regional emblem, an image file the office chooses.
type letterheadPanel struct {
	u                                          *App
	address, phone, email, website, rank, klas *widget.Entry
	emblem                                     []byte
	emblemName                                 string
	emblemLabel                                *widget.Label
	preview                                    *canvas.Image
	chooseBtn, clearBtn, saveBtn               *widget.Button
	errs                                       *widget.Label
	flow                                       saveFlow // record_dialog.go
	box                                        *fyne.Container
}

func newLetterheadPanel(u *App) *letterheadPanel {
	p := &letterheadPanel{u: u}
	entry := func(hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		return e
	}
	p.address = entry("Jl. Jokotole No. 1, Pamekasan 69317")
	p.phone = entry("(0324) 322111")
	p.email = entry("dinas@pamekasankab.go.id")
	p.website = entry("pamekasankab.go.id")
	p.rank = entry(T("letterhead.rank_hint"))
	p.klas = entry("500.3")
	p.emblemLabel = widget.NewLabel(T("letterhead.no_emblem"))
	p.emblemLabel.Wrapping = fyne.TextWrapWord
	p.preview = canvas.NewImageFromResource(nil)
	p.preview.FillMode = canvas.ImageFillContain
	p.preview.SetMinSize(fyne.NewSize(56, 64))
	p.chooseBtn = widget.NewButton(T("letterhead.choose_emblem"), p.chooseEmblem)
	p.clearBtn = widget.NewButton(T("letterhead.clear_emblem"), func() { p.setEmblem(nil, "") })
	p.saveBtn = widget.NewButton(T("button.save"), p.save)
	p.saveBtn.Importance = widget.HighImportance
	p.errs = widget.NewLabel("")
	p.errs.Wrapping = fyne.TextWrapWord
	p.errs.Importance = widget.DangerImportance
	p.errs.Hide()
	hint := widget.NewLabel(T("letterhead.hint"))
	hint.Wrapping = fyne.TextWrapWord
	hint.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(T("letterhead.address"), p.address),
		widget.NewFormItem(T("letterhead.phone"), p.phone),
		widget.NewFormItem(T("letterhead.email"), p.email),
		widget.NewFormItem(T("letterhead.website"), p.website),
		widget.NewFormItem(T("letterhead.rank"), p.rank),
		widget.NewFormItem(T("letterhead.classification"), p.klas),
		widget.NewFormItem(T("letterhead.emblem"), container.NewBorder(nil, nil, p.preview,
			container.NewHBox(p.chooseBtn, p.clearBtn), p.emblemLabel)),
	)
	p.box = container.NewVBox(hint, form, p.errs, container.NewHBox(p.saveBtn))
	if !u.can(wub.ActSettings) {
		for _, b := range []*widget.Button{p.chooseBtn, p.clearBtn, p.saveBtn} {
			b.Disable()
		}
	}
	p.load()
	return p
}

func (p *letterheadPanel) load() {
	load(p.u, nil, func(ctx context.Context) (wub.Letterhead, error) {
		return p.u.app.Letterhead(ctx)
	}, func(l wub.Letterhead) {
		p.address.SetText(l.Address)
		p.phone.SetText(l.Phone)
		p.email.SetText(l.Email)
		p.website.SetText(l.Website)
		p.rank.SetText(l.HeadRank)
		p.klas.SetText(l.Classification)
		p.setEmblem(l.Emblem, l.EmblemName)
	})
}

func (p *letterheadPanel) setEmblem(b []byte, name string) {
	p.emblem, p.emblemName = b, name
	if len(b) == 0 {
		p.emblemLabel.SetText(T("letterhead.no_emblem"))
		p.preview.Resource = nil
	} else {
		p.emblemLabel.SetText(T("letterhead.emblem_file", name, wub.FormatInt((len(b)+1023)/1024)))
		p.preview.Resource = fyne.NewStaticResource(name, b)
	}
	p.preview.Refresh()
}

func (p *letterheadPanel) chooseEmblem() {
	d := p.u.newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		name := filepath.Base(r.URI().Path())
		var b []byte
		p.u.jobs.run(func() error {
			defer r.Close()
			var err error
			b, err = io.ReadAll(io.LimitReader(r, wub.MaxEmblemBytes+1))
			return err
		}, func(err error) {
			if err != nil {
				p.u.showError(err)
				return
			}
			l := wub.Letterhead{Emblem: b, EmblemName: name}
			if is := l.Check(); is.HasErrors() {
				p.u.showError(is)
				return
			}
			p.setEmblem(b, name)
		})
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg"}))
	d.Show()
}

// value is the letterhead as filled in.
func (p *letterheadPanel) value() wub.Letterhead {
	return wub.Letterhead{Address: p.address.Text, Phone: p.phone.Text, Email: p.email.Text, Website: p.website.Text,
		HeadRank: p.rank.Text, Classification: p.klas.Text, Emblem: p.emblem, EmblemName: p.emblemName}
}

func (p *letterheadPanel) save() {
	l := p.value()
	p.flow.u, p.flow.btn = p.u, p.saveBtn
	p.flow.show = func(is wub.Issues) {
		p.errs.SetText(is.Error())
		p.errs.Show()
	}
	p.flow.run(nil, func(ctx context.Context) (wub.Issues, error) {
		is, err := p.u.app.SetLetterhead(ctx, l)
		if err == nil && is.HasErrors() {
			return nil, is // not saved: shown under the form
		}
		return is, err
	}, func(wub.Issues) {
		p.errs.Hide()
		p.u.notify(T("letterhead.saved"))
	})
}
