package ui

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne offers no native open/save dialog on Windows or Linux, and its own
// has no place to type a path, wraps names mid-word in its grid and asks
// "Overwrite?" in English. pathDialog is ours (issue 19): a Lokasi field for
// the full path (typed or pasted), the recent folders, "Telusuri…" for
// Fyne's browser (as a list, one name per line), Enter to confirm, Esc to
// close, and a translated question before a file is overwritten.
type pathDialog struct {
	u      *App
	mode   pathMode
	exts   []string
	path   *entry
	msg    *widget.Label
	recent *fyne.Container
	d      *dialog.ConfirmDialog
	done   func(string)
}

type pathMode int

const (
	pathOpen pathMode = iota
	pathSave
	pathFolder
)

const prefRecentFolders = "recent_folders"

// openFile asks for an existing file with one of exts (".xlsx"; none: any).
func (u *App) openFile(exts []string, done func(path string)) *pathDialog {
	return u.pathDialog(pathOpen, "", exts, done)
}

// saveFile asks where to write name; the extension of exts[0] is added
// when the clerk typed none.
func (u *App) saveFile(name string, exts []string, done func(path string)) *pathDialog {
	return u.pathDialog(pathSave, name, exts, done)
}

// openFolder asks for an existing folder.
func (u *App) openFolder(done func(dir string)) *pathDialog {
	return u.pathDialog(pathFolder, "", nil, done)
}

func (u *App) pathDialog(mode pathMode, name string, exts []string, done func(string)) *pathDialog {
	p := &pathDialog{u: u, mode: mode, exts: exts, done: done}
	p.path = newEntry(func() { p.d.Hide() })
	p.path.OnSubmitted = func(string) { p.confirm() }
	start := u.recentFolders()
	dir := ""
	if len(start) > 0 {
		dir = start[0]
	} else if h, err := os.UserHomeDir(); err == nil {
		dir = h
	}
	if mode == pathFolder || name == "" {
		p.path.SetText(withSep(dir))
	} else {
		p.path.SetText(filepath.Join(dir, name))
	}
	p.msg = widget.NewLabel("")
	p.msg.Importance = widget.DangerImportance
	p.msg.Wrapping = fyne.TextWrapWord
	browse := widget.NewButtonWithIcon(T("ux.file_browse"), theme.FolderOpenIcon(), p.browse)
	p.recent = container.NewVBox()
	for _, f := range start {
		f := f
		b := widget.NewButtonWithIcon(shortPath(f), theme.FolderIcon(), func() { p.useFolder(f) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		p.recent.Add(b)
	}
	if len(start) == 0 {
		p.recent.Add(widget.NewLabel(T("ux.file_no_recent")))
	}
	hint := T("ux.file_hint_open")
	title, ok := T("ux.file_title_open"), T("button.open")
	switch mode {
	case pathSave:
		title, ok, hint = T("ux.file_title_save"), T("button.save"), T("ux.file_hint_save")
	case pathFolder:
		title, ok, hint = T("ux.file_title_folder"), T("ux.file_choose_folder"), T("ux.file_hint_folder")
	}
	if len(exts) > 0 {
		hint += " (" + strings.Join(exts, ", ") + ")"
	}
	hintL := widget.NewLabel(hint)
	hintL.Wrapping = fyne.TextWrapWord
	hintL.Importance = widget.LowImportance
	body := container.NewVBox(
		widget.NewLabelWithStyle(T("ux.file_location"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		container.NewBorder(nil, nil, nil, browse, p.path),
		hintL, p.msg,
		widget.NewLabelWithStyle(T("ux.file_recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.recent,
	)
	p.d = dialog.NewCustomConfirm(title, ok, T("button.cancel"),
		container.NewGridWrap(fyne.NewSize(620, body.MinSize().Height+10), body), func(yes bool) {
			if yes {
				p.confirm()
			}
		}, u.win)
	p.d.SetConfirmText(ok)
	p.d.Show()
	// The confirm button closes the dialog before confirm runs; a path that
	// does not do is asked for again with its reason (confirm reopens).
	u.focus(p.path)
	return p
}

func withSep(dir string) string {
	if dir == "" || strings.HasSuffix(dir, string(filepath.Separator)) {
		return dir
	}
	return dir + string(filepath.Separator)
}

// useFolder keeps the file name and puts it in folder f.
func (p *pathDialog) useFolder(f string) {
	if p.mode == pathFolder {
		p.path.SetText(withSep(f))
		return
	}
	base := filepath.Base(strings.TrimSpace(p.path.Text))
	if strings.HasSuffix(p.path.Text, string(filepath.Separator)) || base == "." {
		base = ""
	}
	if base == "" {
		p.path.SetText(withSep(f))
	} else {
		p.path.SetText(filepath.Join(f, base))
	}
	p.u.focus(p.path)
}

// browse opens Fyne's browser at the folder typed so far.
func (p *pathDialog) browse() {
	cur := strings.TrimSpace(p.path.Text)
	dir := cur
	if st, err := os.Stat(cur); err != nil || !st.IsDir() {
		dir = filepath.Dir(cur)
	}
	var loc fyne.ListableURI
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		loc = l
	}
	if p.mode == pathOpen {
		d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if err != nil || r == nil {
				return
			}
			r.Close()
			p.path.SetText(r.URI().Path())
		}, p.u.win)
		if len(p.exts) > 0 {
			d.SetFilter(storage.NewExtensionFileFilter(bothCases(p.exts)))
		}
		d.SetView(dialog.ListView)
		if loc != nil {
			d.SetLocation(loc)
		}
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
		return
	}
	// Saving picks a folder: Fyne's save dialog would ask in English whether to overwrite.
	d := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
		if err != nil || l == nil {
			return
		}
		p.useFolder(l.Path())
	}, p.u.win)
	d.SetView(dialog.ListView)
	if loc != nil {
		d.SetLocation(loc)
	}
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

func bothCases(exts []string) []string {
	var out []string
	for _, e := range exts {
		out = append(out, strings.ToLower(e), strings.ToUpper(e))
	}
	return out
}

// confirm checks the typed path and answers, or shows the dialog again
// with what is wrong.
func (p *pathDialog) confirm() {
	path, problem := p.check(strings.TrimSpace(p.path.Text))
	if problem != "" {
		p.msg.SetText(problem)
		p.d.Show()
		p.u.focus(p.path)
		return
	}
	p.d.Hide()
	finish := func() {
		dir := path
		if p.mode != pathFolder {
			dir = filepath.Dir(path)
		}
		p.u.addRecentFolder(dir)
		p.done(path)
	}
	if p.mode == pathSave {
		if _, err := os.Stat(path); err == nil {
			p.u.confirm(T("ux.file_overwrite_title"), T("ux.file_overwrite", filepath.Base(path)), T("ux.file_overwrite_yes"), finish)
			return
		}
	}
	finish()
}

// check returns the path to use, or the reason it cannot be used.
func (p *pathDialog) check(path string) (string, string) {
	if path == "" {
		return "", T("ux.file_empty")
	}
	if strings.HasPrefix(path, "~"+string(filepath.Separator)) {
		if h, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(h, path[2:])
		}
	}
	path = filepath.Clean(path)
	st, err := os.Stat(path)
	switch p.mode {
	case pathFolder:
		if err != nil || !st.IsDir() {
			return "", T("ux.file_no_folder", path)
		}
	case pathOpen:
		if err != nil {
			return "", T("ux.file_not_found", path)
		}
		if st.IsDir() {
			return "", T("ux.file_is_folder", path)
		}
		if len(p.exts) > 0 && !hasExt(path, p.exts) {
			return "", T("ux.file_wrong_type", strings.Join(p.exts, ", "))
		}
	case pathSave:
		if err == nil && st.IsDir() {
			return "", T("ux.file_is_folder", path)
		}
		if len(p.exts) > 0 && !hasExt(path, p.exts) {
			path += p.exts[0]
		}
		if d, err := os.Stat(filepath.Dir(path)); err != nil || !d.IsDir() {
			return "", T("ux.file_no_folder", filepath.Dir(path))
		}
	}
	return path, ""
}

func hasExt(path string, exts []string) bool {
	for _, e := range exts {
		if strings.EqualFold(filepath.Ext(path), e) {
			return true
		}
	}
	return false
}

// recentFolders are the folders last used in a file dialog, newest first.
func (u *App) recentFolders() []string {
	var out []string
	for _, f := range strings.Split(u.fyne.Preferences().String(prefRecentFolders), "\n") {
		if f = strings.TrimSpace(f); f != "" {
			if st, err := os.Stat(f); err == nil && st.IsDir() {
				out = append(out, f)
			}
		}
	}
	return out
}

func (u *App) addRecentFolder(dir string) {
	list := []string{dir}
	for _, f := range strings.Split(u.fyne.Preferences().String(prefRecentFolders), "\n") {
		if f != "" && f != dir && len(list) < 6 {
			list = append(list, f)
		}
	}
	u.fyne.Preferences().SetString(prefRecentFolders, strings.Join(list, "\n"))
}

// fyneCancel is Fyne's own "Cancel" in the current language (its file
// browser's dismiss button), for Esc in dialogKey.
func fyneCancel() string { return lang.L("Cancel") }

// The shims below let a screen swap dialog.NewFileSave / NewFileOpen /
// NewFolderOpen for ours with a one-word change: same callback, same
// SetFileName / SetFilter / Show.

// fileShim collects what a screen sets before Show.
type fileShim struct {
	u    *App
	name string
	exts []string
	show func(s *fileShim)
}

func (s *fileShim) SetFileName(n string) { s.name = n }

// SetFilter takes the extensions of an extension filter; others allow any file.
func (s *fileShim) SetFilter(f storage.FileFilter) {
	if e, ok := f.(*storage.ExtensionFileFilter); ok {
		seen := map[string]bool{}
		s.exts = nil
		for _, x := range e.Extensions {
			if l := strings.ToLower(x); !seen[l] {
				seen[l] = true
				s.exts = append(s.exts, l)
			}
		}
	}
}

func (s *fileShim) SetView(dialog.ViewLayout) {}
func (s *fileShim) Show()                     { s.show(s) }

// uriFile is an opened local file with its URI, as Fyne's dialogs give them.
type uriFile struct {
	*os.File
	uri fyne.URI
}

func (f uriFile) URI() fyne.URI { return f.uri }

func (u *App) newFileSave(cb func(fyne.URIWriteCloser, error)) *fileShim {
	return &fileShim{u: u, show: func(s *fileShim) {
		u.saveFile(s.name, s.exts, func(path string) {
			f, err := os.Create(path)
			if err != nil {
				cb(nil, err)
				return
			}
			cb(uriFile{f, storage.NewFileURI(path)}, nil)
		})
	}}
}

func (u *App) newFileOpen(cb func(fyne.URIReadCloser, error)) *fileShim {
	return &fileShim{u: u, show: func(s *fileShim) {
		u.openFile(s.exts, func(path string) {
			f, err := os.Open(path)
			if err != nil {
				cb(nil, err)
				return
			}
			cb(uriFile{f, storage.NewFileURI(path)}, nil)
		})
	}}
}

func (u *App) newFolderOpen(cb func(fyne.ListableURI, error)) *fileShim {
	return &fileShim{u: u, show: func(*fileShim) {
		u.openFolder(func(dir string) {
			l, err := storage.ListerForURI(storage.NewFileURI(dir))
			cb(l, err)
		})
	}}
}
