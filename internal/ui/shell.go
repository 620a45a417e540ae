package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one page of the main window.
type screen interface {
	object() fyne.CanvasObject
	// shown is called each time the screen becomes visible.
	shown()
}

// screenDef registers a screen in the navigation; tabs.go lists them.
type screenDef struct {
	id       string
	titleKey string
	icon     fyne.Resource
	make     func(u *App) screen
}

// navigation is the main layout: the screen list on the left, the current
// screen on the right, a status line at the bottom.
type navigation struct {
	u       *App
	defs    []screenDef
	built   map[string]screen
	list    *widget.List
	content *fyne.Container
	status  *widget.Label
	root    fyne.CanvasObject
	statusT *time.Timer
}

func newNavigation(u *App) *navigation {
	n := &navigation{u: u, defs: screenDefs(), built: map[string]screen{}}
	n.list = widget.NewList(
		func() int { return len(n.defs) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Template screen name"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(n.defs[id].icon)
			box.Objects[1].(*widget.Label).SetText(T(n.defs[id].titleKey))
		})
	n.list.OnSelected = func(id widget.ListItemID) { n.open(n.defs[id].id) }
	n.content = container.NewStack()
	n.status = widget.NewLabel("")
	n.status.Truncation = fyne.TextTruncateEllipsis
	dbLabel := widget.NewLabel(T("status.database", shortPath(u.opts.DBPath)))
	dbLabel.Importance = widget.LowImportance
	bottom := container.NewBorder(nil, nil, nil, dbLabel, n.status)
	split := container.NewHSplit(n.list, n.content)
	split.Offset = 0.13
	n.root = container.NewBorder(nil, container.NewVBox(widget.NewSeparator(), bottom), nil, nil, split)
	return n
}

func (n *navigation) object() fyne.CanvasObject { return n.root }

// show selects a screen by id; "peserta-baru" opens the empty trainee form,
// "usaha:ID" a trainee's Usaha tab.
func (n *navigation) show(id string) {
	if n.showJourney(id) || n.showPDP(id) { // pdp_lock.go
		return
	}
	if n.showExtra(id) { // ux_show.go: "bantuan", "peserta-kosong"
		return
	}
	target, act := id, action(-1)
	if id == "peserta-baru" {
		target, act = "peserta", actionNew
	}
	for i, d := range n.defs {
		if d.id == target {
			n.list.Select(i) // calls open
			if act >= 0 {
				n.u.dispatch(act)
			}
			return
		}
	}
	if len(n.defs) > 0 {
		n.list.Select(0)
	}
}

func (n *navigation) open(id string) {
	n.u.life.enter() // the previous screen's work is cancelled, its results dropped
	s, ok := n.built[id]
	if !ok {
		for _, d := range n.defs {
			if d.id == id {
				s = d.make(n.u)
				n.built[id] = s
			}
		}
	}
	if s == nil {
		return
	}
	n.u.current = s
	n.content.Objects = []fyne.CanvasObject{s.object()}
	n.content.Refresh()
	s.shown()
}

// screen returns a built screen by id (tests use it).
func (n *navigation) screen(id string) screen {
	n.open(id)
	return n.built[id]
}

// setStatus shows a message in the status line for a few seconds.
func (n *navigation) setStatus(msg string) {
	n.status.SetText(msg)
	if n.statusT != nil {
		n.statusT.Stop()
	}
	n.statusT = n.u.jobs.after(6*time.Second, func() {
		if n.status.Text == msg {
			n.status.SetText("")
		}
	})
}

func shortPath(p string) string {
	if len(p) <= 60 {
		return p
	}
	return "…" + p[len(p)-57:]
}

// rebuild throws the screens away and builds them again, after the language
// changed. The current screen id is kept.
func (n *navigation) rebuild(current string) {
	if n.u.help != nil {
		n.u.help.win.Close() // it opens again in the new language
	}
	n.u.setMainMenu()
	n.u.showMainAt(current)
}

func (u *App) showMainAt(id string) {
	o := u.opts.Show
	u.opts.Show = id
	u.showMain()
	u.opts.Show = o
}
