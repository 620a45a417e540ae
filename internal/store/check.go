package store

import (
	"context"
	"database/sql"
	"errors"
	"io/fs"
	"os"
	"strings"
	"time"

	"wubdesk/internal/wub"
)

// CheckReport is what `wubdesk check` and the settings screen show about a
// database file.
type CheckReport = wub.CheckReport

// CheckUndatedLimit is how many undated enrolments a check lists.
const CheckUndatedLimit = 100

// BackupWarnAge: a check warns when the newest backup is older than this.
const BackupWarnAge = 7 * 24 * time.Hour

// CheckFile inspects the database at path without creating, migrating or
// changing it: header, full integrity_check, schema version, row counts and
// backups. A missing file is a problem (not a new database).
func CheckFile(ctx context.Context, path string) (CheckReport, error) {
	r := CheckReport{Path: path, AppSchemaVersion: SchemaVersion(), Counts: map[string]int{}, Tables: map[string]int{},
		Problems: []string{}, Warnings: []string{}}
	problem := func(err error) (CheckReport, error) {
		r.Problems = append(r.Problems, err.Error())
		return r, nil
	}
	st, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return problem(wub.Errorf("db_missing", path))
	} else if err != nil {
		return r, err
	}
	// An emptied file is no sound, empty database (issue 25).
	if err := refuseEmptied(path); err != nil {
		return problem(err)
	}
	if st.Size() == 0 {
		return problem(wub.Errorf("db_damaged", wub.Message("db_empty_file", "")))
	}
	if err := checkHeader(path); err != nil {
		if wub.ErrorCode(err) != "db_newer" {
			return problem(err)
		}
		r.Problems = append(r.Problems, err.Error()) // still worth reading
	}
	c, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return r, err
	}
	defer c.Close()
	if err := c.QueryRowContext(ctx, "PRAGMA user_version").Scan(&r.SchemaVersion); err != nil {
		return problem(damaged(err, path))
	}
	if err := fullCheck(ctx, c, true, path); err != nil {
		r.Integrity = err.Error()
		return problem(err)
	}
	r.Integrity = "ok"
	if r.SchemaVersion < r.AppSchemaVersion {
		r.Warnings = append(r.Warnings, wub.Message("check_schema_older", "", r.SchemaVersion, r.AppSchemaVersion))
	}
	if err := countTables(ctx, c, &r); err != nil {
		return problem(damaged(err, path))
	}
	if list, n, err := undatedEnrolments(ctx, c, CheckUndatedLimit); err == nil {
		r.Undated, r.UndatedList = n, list
		if n > 0 {
			r.Warnings = append(r.Warnings, wub.Message("check_undated", "", n))
		}
	}
	list, _ := ListBackups(path)
	r.Backups = len(list)
	if len(list) == 0 {
		r.Warnings = append(r.Warnings, wub.Message("check_no_backup", ""))
	} else {
		r.NewestBackup, r.NewestBackupAt = list[0].Path, list[0].At.Format(time.RFC3339)
		if age := time.Since(list[0].At); age > BackupWarnAge {
			r.Warnings = append(r.Warnings, wub.Message("check_backup_old", "", int(age.Hours()/24)))
		}
	}
	r.OK = len(r.Problems) == 0
	return r, nil
}

// countTables fills the per-table counts and, for the tables it knows, the
// live-row counts a clerk would recognise.
func countTables(ctx context.Context, c *sql.DB, r *CheckReport) error {
	rows, err := c.QueryContext(ctx, `SELECT name FROM sqlite_schema WHERE type = 'table'
		AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' ORDER BY name`)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		var k int
		if err := c.QueryRowContext(ctx, `SELECT count(*) FROM "`+strings.ReplaceAll(n, `"`, `""`)+`"`).Scan(&k); err != nil {
			return err
		}
		r.Tables[n] = k
	}
	known := map[string]string{
		"trainees":         "SELECT count(*) FROM trainee WHERE deleted_at IS NULL",
		"trainees_deleted": "SELECT count(*) FROM trainee WHERE deleted_at IS NOT NULL",
		"enrolments":       "SELECT count(*) FROM enrolment WHERE deleted_at IS NULL",
		"batches":          "SELECT count(*) FROM batch WHERE deleted_at IS NULL",
		"audit":            "SELECT count(*) FROM audit",
		"users":            "SELECT count(*) FROM app_user",
	}
	for key, q := range known {
		var k int
		if err := c.QueryRowContext(ctx, q).Scan(&k); err == nil {
			r.Counts[key] = k
		}
	}
	return nil
}
