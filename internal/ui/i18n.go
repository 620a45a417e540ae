package ui

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"sort"
	"sync"

	"fyne.io/fyne/v2/lang"

	"wubdesk/assets"
	"wubdesk/internal/wub"
)

// Languages offered in Pengaturan, Indonesian first.
var Languages = []string{"id", "en"}

var (
	trMu     sync.RWMutex
	trLang   = "id"
	trTables = map[string]map[string]string{}
)

func init() {
	for _, l := range Languages {
		trTables[l] = loadTable(l)
	}
}

// loadTable reads i18n/<l>.json and merges every topic file i18n/<l>/*.json
// into it; a key defined twice is a build mistake and panics (a test runs it).
func loadTable(l string) map[string]string {
	files := []string{"i18n/" + l + ".json"}
	more, _ := fs.Glob(assets.I18n, "i18n/"+l+"/*.json")
	sort.Strings(more)
	files = append(files, more...)
	table := map[string]string{}
	for _, name := range files {
		b, err := assets.I18n.ReadFile(name)
		if err != nil {
			panic(err)
		}
		m := map[string]string{}
		if err := json.Unmarshal(b, &m); err != nil {
			panic(fmt.Sprintf("%s: %v", name, err))
		}
		for k, v := range m {
			if _, dup := table[k]; dup {
				panic(fmt.Sprintf("%s: key %q is already defined in another %s file", name, k, l))
			}
			table[k] = v
		}
	}
	return table
}

// SetLanguage switches the UI, the domain messages and Fyne's own dialog
// strings to "id" or "en". Screens built afterwards use it.
func SetLanguage(l string) {
	if l != "en" {
		l = "id"
	}
	trMu.Lock()
	trLang = l
	trMu.Unlock()
	wub.SetLanguage(l)
	fyneStrings(l)
}

// Language returns the current UI language.
func Language() string {
	trMu.RLock()
	defer trMu.RUnlock()
	return trLang
}

// T returns the text for key in the current language, formatted with args
// like fmt.Sprintf. A missing key shows itself, and a test keeps that from
// ever reaching a user.
func T(key string, args ...any) string {
	trMu.RLock()
	s, ok := trTables[trLang][key]
	trMu.RUnlock()
	if !ok {
		s = key
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// fyneStrings gives Fyne's own widgets (file dialogs, entry menus) our
// language. Fyne picks its translation from the system locale, which we
// cannot rely on (on Windows it ignores the environment, and it has no
// Indonesian), so we load the chosen language's strings as its English
// table, the one it falls back to; fyne.en.json puts English back.
func fyneStrings(l string) {
	b, err := assets.I18n.ReadFile("i18n/fyne." + l + ".json")
	if err != nil {
		return
	}
	_ = lang.AddTranslationsForLocale(b, "en")
}
