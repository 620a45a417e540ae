package platform

import (
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/wub"
)

func TestSyncedFolder(t *testing.T) {
	env := map[string]string{
		"OneDrive":           `C:\Users\staf\OneDrive`,
		"OneDriveCommercial": `D:\Kantor Sinkron\Pemkab`,
	}
	getenv := func(k string) string { return env[k] }
	tests := []struct {
		path, want string
	}{
		{`C:\Users\staf\AppData\Roaming\WUBDesk\wubdesk.db`, ""},
		{`C:\Data Kantor\Pelatihan Ünal\wub.db`, ""},
		{`E:\WUBDesk\Data\wubdesk.db`, ""},
		{`C:\Users\staf\OneDrive\Desktop\WUBDesk\Data\wubdesk.db`, "OneDrive"},
		{`c:\users\STAF\onedrive\Documents\wub.db`, "OneDrive"},
		{`C:\Users\staf\OneDrive`, "OneDrive"},
		{`C:\Users\staf\OneDriveLama\wub.db`, ""}, // only a prefix of the env folder
		{`D:\Kantor Sinkron\Pemkab\WUB\wub.db`, "OneDrive"},
		{`D:\Kantor Sinkron\Pemkab2\wub.db`, ""},
		{`C:\Users\staf\OneDrive - Pemkab Pamekasan\Dokumen\wub.db`, "OneDrive"},
		{`C:\Users\lain\OneDrive\wub.db`, "OneDrive"}, // folder name, not the env variable
		{`C:\Users\staf\Dropbox\wub.db`, "Dropbox"},
		{`C:\Users\staf\Dropbox (Kantor)\wub.db`, "Dropbox"},
		{`C:\Users\staf\DropboxLama\wub.db`, ""},
		{`G:\My Drive\WUB\wub.db`, "Google Drive"},
		{`G:\Drive Saya\WUB\wub.db`, "Google Drive"},
		{`C:\Users\staf\Google Drive\wub.db`, "Google Drive"},
		{`C:\Users\staf\iCloudDrive\wub.db`, "iCloud Drive"},
		{`\\?\C:\Users\staf\OneDrive\wub.db`, "OneDrive"},
		{`/home/staf/Dropbox/wub.db`, "Dropbox"},
		{`/home/staf/.config/WUBDesk/wubdesk.db`, ""},
		{``, ""},
	}
	for _, tt := range tests {
		if got := syncedFolder(tt.path, getenv); got != tt.want {
			t.Errorf("syncedFolder(%q) = %q, want %q", tt.path, got, tt.want)
		}
	}
}

func TestSyncedFolderWarning(t *testing.T) {
	dir := filepath.Join(string(filepath.Separator)+"pengguna", "staf") // never touched on disk
	t.Setenv("OneDrive", filepath.Join(dir, "Awan"))
	t.Setenv("OneDriveConsumer", "")
	t.Setenv("OneDriveCommercial", "")
	inside := filepath.Join(dir, "Awan", "WUBDesk", "wubdesk.db")
	outside := filepath.Join(dir, "Lokal", "wubdesk.db")

	t.Cleanup(func() { wub.SetLanguage("id") })
	for _, tt := range []struct {
		lang, path string
		want       []string // substrings; nil means no warning
	}{
		{"id", outside, nil},
		{"id", inside, []string{"OneDrive", inside, "Pindahkan basis data"}},
		{"en", inside, []string{"OneDrive", inside, "Move the database"}},
	} {
		wub.SetLanguage(tt.lang)
		got := SyncedFolderWarning(tt.path)
		if tt.want == nil {
			if got != "" {
				t.Errorf("%s %s: unexpected warning %q", tt.lang, tt.path, got)
			}
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: warning %q lacks %q", tt.lang, got, w)
			}
		}
		if strings.Contains(got, "%!") {
			t.Errorf("%s: badly formatted warning %q", tt.lang, got)
		}
	}
}

func FuzzSyncedFolder(f *testing.F) {
	for _, s := range []string{`C:\Users\a\OneDrive\x.db`, `G:\My Drive`, `\\?\`, `//`, "", `E:\`} {
		f.Add(s)
	}
	getenv := func(k string) string {
		if k == "OneDrive" {
			return `C:\Users\a\OneDrive`
		}
		return ""
	}
	f.Fuzz(func(t *testing.T, p string) {
		svc := syncedFolder(p, getenv)
		// The same path in another case or with the other separator is the
		// same Windows folder and must get the same answer.
		if alt := syncedFolder(strings.ReplaceAll(strings.ToUpper(p), `\`, "/"), getenv); alt != svc &&
			strings.ToLower(strings.ToUpper(p)) == strings.ToLower(p) {
			t.Fatalf("%q -> %q but its upper-case form -> %q", p, svc, alt)
		}
	})
}
