package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// consolidateScreen is Konsolidasi, for Bagian Perekonomian: it reads the
// agencies' submission workbooks, keeps them, and shows the regency totals
// (each person once), the people in more than one agency or year, who has
// sent which month, and what changed in months sent again.
type consolidateScreen struct {
	u         *App
	year      *widget.Select
	addFiles  *widget.Button
	addFolder *widget.Button
	saveBtn   *widget.Button
	progress  *widget.ProgressBarInfinite
	cancelBtn *widget.Button
	cancel    context.CancelFunc // while files are being read
	summary   *widget.Label
	tabs      *container.AppTabs
	views     *consolidateViews
	root      fyne.CanvasObject

	hold    func(i int) // tests: runs before file i is read
	result  *xlsx.Consolidation
	refused []*xlsx.Received // files refused in this session (not stored)
}

func newConsolidateScreen(u *App) screen {
	s := &consolidateScreen{u: u}
	var years []string
	for y := u.today().Year(); y >= 2020; y-- {
		years = append(years, strconv.Itoa(y))
	}
	s.year = newSelect(years, func(string) { s.reload() })
	s.addFiles = widget.NewButtonWithIcon(T("konsolidasi.add_file"), theme.FileIcon(), s.chooseFile)
	s.addFiles.Importance = widget.HighImportance
	s.addFolder = widget.NewButtonWithIcon(T("konsolidasi.add_folder"), theme.FolderOpenIcon(), s.chooseFolder)
	s.saveBtn = widget.NewButtonWithIcon(T("konsolidasi.save"), theme.DocumentSaveIcon(), s.chooseSave)
	s.progress = widget.NewProgressBarInfinite()
	s.progress.Hide()
	s.cancelBtn = widget.NewButton(T("button.cancel"), func() {
		if s.cancel != nil {
			s.cancel()
			s.cancelBtn.Disable()
		}
	})
	s.cancelBtn.Hide()
	s.summary = widget.NewLabel("")
	s.summary.Wrapping = fyne.TextWrapWord
	s.views = newConsolidateViews(s)
	s.tabs = s.views.tabs()
	title := widget.NewLabelWithStyle(T("nav.konsolidasi"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	top := container.NewVBox(
		// Title and year, then the actions: fits 1024×768 (issue 19).
		container.NewBorder(nil, nil, title, container.NewHBox(widget.NewLabel(T("konsolidasi.year")), s.year)),
		container.NewHBox(s.addFiles, s.addFolder, s.saveBtn),
		container.NewBorder(nil, nil, nil, s.cancelBtn, s.progress), s.summary,
	)
	s.root = container.NewBorder(top, nil, nil, nil, s.tabs)
	return s
}

func (s *consolidateScreen) object() fyne.CanvasObject { return s.root }

// shown reloads; the first time it opens the latest year that has
// submissions (the current year when there are none).
func (s *consolidateScreen) shown() {
	if s.year.Selected != "" {
		s.reload()
		return
	}
	latest := 0
	s.u.jobs.run(func() error {
		var err error
		latest, err = s.u.app.LatestReceivedYear(s.u.screenCtx())
		return err
	}, func(err error) {
		if err != nil {
			s.u.showError(err)
		}
		if y := strconv.Itoa(latest); latest > 0 && hasString(s.year.Options, y) {
			s.year.SetSelected(y) // reloads
			return
		}
		s.year.SetSelectedIndex(0)
	})
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func (s *consolidateScreen) selectedYear() int {
	y, _ := strconv.Atoi(s.year.Selected)
	return y
}

// reload consolidates what is stored for the chosen year, plus the files
// refused in this session.
func (s *consolidateScreen) reload() {
	if s.views == nil || s.year.Selected == "" {
		return
	}
	year := s.selectedYear()
	var c *xlsx.Consolidation
	refused := s.refused // read here, on the UI goroutine that changes it
	s.busy(true)
	s.u.jobs.run(func() error {
		var err error
		c, err = s.u.app.Consolidate(s.u.screenCtx(), year, refused)
		return err
	}, func(err error) {
		s.busy(false)
		if err != nil {
			s.u.showError(err)
			return
		}
		s.show(c)
	})
}

func (s *consolidateScreen) busy(on bool) {
	for _, b := range []*widget.Button{s.addFiles, s.addFolder, s.saveBtn} {
		if on {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if on {
		s.progress.Show()
		s.progress.Start()
	} else {
		s.progress.Stop()
		s.progress.Hide()
	}
}

func (s *consolidateScreen) show(c *xlsx.Consolidation) {
	s.result = c
	refused := 0
	for _, f := range c.Files {
		if f.Status == xlsx.FileRefused {
			refused++
		}
	}
	text := T("konsolidasi.summary", wub.FormatInt(c.RegencyPeople), wub.FormatInt(c.RegencyTotal()),
		wub.FormatInt(c.Target), wub.FormatPercent(float64(c.RegencyTotal())/float64(c.Target)),
		wub.FormatInt(c.Enrolments), len(c.Duplicates))
	if c.OpeningBalance > 0 {
		text += " " + T("konsolidasi.opening", wub.FormatInt(c.OpeningBalance))
	}
	if refused > 0 {
		text += " " + T("konsolidasi.refused", refused)
	}
	text += consolidationOutcomeText(c)
	if n := len(c.LikelyDuplicates); n > 0 {
		text += " " + T("konsolidasi.likely", n)
	}
	if len(c.Files) == 0 {
		text = T("konsolidasi.empty", c.Year)
	}
	s.summary.SetText(text)
	s.views.update(c)
}

func (s *consolidateScreen) chooseFile() {
	d := s.u.newFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		s.addPaths([]string{path})
	})
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

func (s *consolidateScreen) chooseFolder() {
	s.u.newFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		entries, err := os.ReadDir(l.Path())
		if err != nil {
			s.u.showError(err)
			return
		}
		var paths []string
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") && !strings.HasPrefix(e.Name(), "~$") {
				paths = append(paths, filepath.Join(l.Path(), e.Name()))
			}
		}
		sort.Strings(paths)
		s.addPaths(paths)
	}).Show()
}

// addPaths reads and checks submission files, stores the valid ones (a file
// already stored keeps its first received time) and shows the year of the
// newest of them.
func (s *consolidateScreen) addPaths(paths []string) {
	if len(paths) == 0 {
		s.u.notify(T("konsolidasi.no_files"))
		return
	}
	s.busy(true)
	ctx, cancel := context.WithCancel(s.u.appCtx())
	s.cancel = cancel
	s.cancelBtn.Enable()
	s.cancelBtn.Show()
	var res app.Received
	hold := s.hold
	s.u.jobs.run(func() error {
		var err error
		res, err = s.u.app.ReceiveSubmissions(ctx, paths, func(i int, p string) {
			if hold != nil {
				hold(i)
			}
			if ctx.Err() == nil {
				s.u.jobs.deliver(func() { s.summary.SetText(T("konsolidasi.reading", i+1, len(paths), filepath.Base(p))) })
			}
		})
		return err
	}, func(err error) {
		accepted, again, read, refused, year := res.Accepted, res.Again, res.Read, res.Refused, res.Year
		stopped := ctx.Err() != nil && read < len(paths)
		cancel()
		s.cancel = nil
		s.cancelBtn.Hide()
		s.busy(false)
		if err != nil && !stopped {
			s.u.showError(err)
			return
		}
		s.keepRefused(refused)
		if stopped {
			s.u.notify(T("konsolidasi.stopped", read, len(paths), accepted, again, len(refused)))
		} else {
			s.u.notify(T("konsolidasi.read", len(paths), accepted, again, len(refused)))
		}
		if y := strconv.Itoa(year); year > 0 && y != s.year.Selected {
			s.year.SetSelected(y) // reloads
			return
		}
		s.reload()
	})
}

// keepRefused remembers refused files for the Berkas list, once per path.
func (s *consolidateScreen) keepRefused(rs []*xlsx.Received) {
	for _, r := range rs {
		dup := false
		for i, old := range s.refused {
			if old.Path == r.Path {
				s.refused[i], dup = r, true
			}
		}
		if !dup {
			s.refused = append(s.refused, r)
		}
	}
}

func (s *consolidateScreen) chooseSave() {
	d := s.u.newFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			path += ".xlsx"
		}
		s.saveTo(path)
	})
	d.SetFileName("Rekap_WUB_" + s.year.Selected + ".xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx"}))
	d.Show()
}

// saveTo writes the consolidated workbook of what is shown.
func (s *consolidateScreen) saveTo(path string) {
	c := s.result
	if c == nil {
		return
	}
	s.busy(true)
	s.u.jobs.run(func() error {
		return xlsx.WriteFile(path, func(w io.Writer) error { return xlsx.WriteConsolidation(w, c, wub.Office{}) })
	}, func(err error) {
		s.busy(false)
		if err != nil {
			s.u.showError(err)
			return
		}
		s.u.notify(T("konsolidasi.saved", filepath.Base(path)))
	})
}
