package platform

import (
	"os"
	"strings"

	"wubdesk/internal/wub"
)

// syncEnv are the variables the OneDrive client sets to its folders
// (personal and work/school accounts).
var syncEnv = []string{"OneDrive", "OneDriveConsumer", "OneDriveCommercial"}

// SyncedFolder returns the name of the sync service ("OneDrive", "Dropbox",
// "Google Drive", "iCloud Drive") whose folder contains path, or "" when none
// is recognised. It knows the OneDrive environment variables and the usual
// folder names, so it also works for a path copied from another PC.
func SyncedFolder(path string) string {
	return syncedFolder(path, os.Getenv)
}

// SyncedFolderWarning returns a warning in the current language (Indonesian
// by default) when path lies in a cloud-synced folder, and "" otherwise.
// Sync clients copy and lock a SQLite file and its -wal/-shm companions while
// WUBDesk writes them, which corrupts the database.
func SyncedFolderWarning(path string) string {
	svc := SyncedFolder(path)
	if svc == "" {
		return ""
	}
	return wub.Issue{Field: "db_path", Code: "db_synced_folder", Severity: wub.Warning,
		Args: []any{svc, path, svc}}.Message()
}

func syncedFolder(path string, getenv func(string) string) string {
	p := normalize(path)
	if p == "" {
		return ""
	}
	for _, k := range syncEnv {
		root := normalize(getenv(k))
		if root != "" && (p == root || strings.HasPrefix(p, root+"/")) {
			return "OneDrive"
		}
	}
	for _, seg := range strings.Split(p, "/") {
		if svc := serviceOfFolder(seg); svc != "" {
			return svc
		}
	}
	return ""
}

// serviceOfFolder recognises the folder names the sync clients create:
// "OneDrive", "OneDrive - Pemkab Pamekasan" (work accounts), "Dropbox",
// "Dropbox (Kantor)", "Google Drive", "My Drive"/"Drive Saya" (Google Drive
// for desktop's virtual drive), "iCloudDrive".
func serviceOfFolder(seg string) string {
	switch {
	case seg == "onedrive" || strings.HasPrefix(seg, "onedrive -"):
		return "OneDrive"
	case seg == "dropbox" || strings.HasPrefix(seg, "dropbox ("):
		return "Dropbox"
	case seg == "google drive" || seg == "googledrive" || seg == "my drive" || seg == "drive saya" ||
		seg == "shared drives" || seg == "drive bersama":
		return "Google Drive"
	case seg == "iclouddrive" || seg == "icloud drive":
		return "iCloud Drive"
	}
	return ""
}

// normalize makes Windows and Unix spellings of a path comparable: one kind
// of separator, no trailing separator, lower case (Windows paths are case-
// insensitive), no \\?\ prefix.
func normalize(p string) string {
	p = strings.TrimSpace(p)
	p = strings.TrimPrefix(p, `\\?\`)
	p = strings.ToLower(strings.ReplaceAll(p, `\`, "/"))
	for strings.Contains(p, "//") {
		p = strings.ReplaceAll(p, "//", "/")
	}
	return strings.TrimSuffix(p, "/")
}
