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

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// consolidationStore is what Konsolidasi needs from the store: the memory
// of the submissions received, for the calendar and for re-sent months.
type consolidationStore interface {
	RecordSubmission(ctx context.Context, rs wub.ReceivedSubmission, rows []wub.SubmissionRow) (wub.ReceivedSubmission, bool, error)
	BackupBefore(ctx context.Context, reason string) (store.BackupInfo, error)
	ReceivedSubmissions(ctx context.Context, year int) ([]wub.ReceivedSubmission, error)
	ReceivedRows(ctx context.Context, id int64) ([]wub.SubmissionRow, error)
	LateDay(ctx context.Context) (int, error)
}

// consolidateScreen is Konsolidasi, for Bagian Perekonomian: it reads the
// agencies' submission workbooks, keeps them, and shows the regency totals
// (each person once), the people in more than one agency or year, who has
// sent which month, and what changed in months sent again.
type consolidateScreen struct {
	u         *App
	store     consolidationStore
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
	s := &consolidateScreen{u: u, store: u.db}
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
		all, err := s.store.ReceivedSubmissions(context.Background(), 0)
		for _, rs := range all {
			latest = max(latest, rs.Meta.Year)
		}
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
	s.busy(true)
	s.u.jobs.run(func() error {
		var err error
		c, err = s.consolidate(context.Background(), year)
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

// consolidate runs on a worker: the stored submissions of the year become
// the consolidation's input, received at the time they were first stored.
func (s *consolidateScreen) consolidate(ctx context.Context, year int) (*xlsx.Consolidation, error) {
	stored, err := s.store.ReceivedSubmissions(ctx, year)
	if err != nil {
		return nil, err
	}
	var files []*xlsx.Received
	for _, rs := range stored {
		rows, err := s.store.ReceivedRows(ctx, rs.ID)
		if err != nil {
			return nil, err
		}
		files = append(files, &xlsx.Received{ReceivedSubmission: rs, Path: rs.FileName, Rows: rows})
	}
	files = append(files, s.refused...)
	lateDay, err := s.store.LateDay(ctx)
	if err != nil {
		return nil, err
	}
	opts := xlsx.ConsolidateOptions{Agencies: s.u.agencies, Year: year, LateDay: lateDay, Now: s.u.db.Now()}
	if err := s.fillTargets(ctx, &opts); err != nil {
		return nil, err
	}
	return xlsx.Consolidate(files, opts), nil
}

// fillTargets takes the program target, this year's quotas and the opening
// balance of 2020–2022 from the Kuota screen's records, so that the
// consolidated workbook and the dashboard tell the same story.
func (s *consolidateScreen) fillTargets(ctx context.Context, o *xlsx.ConsolidateOptions) error {
	db := s.u.db
	t, err := db.Target(ctx)
	if err != nil {
		return err
	}
	o.Target = t.Count
	qs, err := db.Quotas(ctx, o.Year)
	if err != nil {
		return err
	}
	if len(qs) > 0 {
		o.Quotas = map[string]int{}
		for _, q := range qs {
			o.Quotas[q.AgencyCode] = q.Count
		}
	}
	obs, err := db.OpeningBalances(ctx, 0)
	if err != nil {
		return err
	}
	for _, b := range obs {
		if b.Year <= 2022 { // the years before WUBDesk (ConsolidateOptions.OpeningBalance)
			o.OpeningBalance += b.Count
		}
	}
	return nil
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
	ctx, cancel := context.WithCancel(context.Background())
	s.cancel = cancel
	s.cancelBtn.Enable()
	s.cancelBtn.Show()
	var accepted, again, read int
	var refused []*xlsx.Received
	year := 0
	hold := s.hold
	s.u.jobs.run(func() error {
		if _, err := s.store.BackupBefore(ctx, store.ReasonConsolidation); err != nil {
			return err
		}
		for i, p := range paths {
			if hold != nil {
				hold(i)
			}
			if ctx.Err() != nil {
				break // each file is its own transaction: those read stay
			}
			s.u.jobs.deliver(func() { s.summary.SetText(T("konsolidasi.reading", i+1, len(paths), filepath.Base(p))) })
			read++
			r := xlsx.ReadSubmissionFile(p)
			if !r.OK() {
				refused = append(refused, r)
				continue
			}
			_, added, err := s.store.RecordSubmission(ctx, r.ReceivedSubmission, r.Rows)
			if err != nil {
				return err
			}
			if added {
				accepted++
			} else {
				again++
			}
			year = max(year, r.Meta.Year)
		}
		return nil
	}, func(err error) {
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
