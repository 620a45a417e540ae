package handover

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// Register is the register a package is made from or imported into
// (app.App): its handover and settings services, its clock, the audit
// actor, and the schema its handover carries.
type Register interface {
	wub.Handovers
	wub.Settings
	Now() time.Time
	Actor() string
	HandoverSchema() Schema
}

// Schema is what a register's handovers carry: its schema version and the
// kinds of its records, in order ("audit" last).
type Schema struct {
	Version int
	Kinds   []string
}

// ExportOptions say to whom and on which date the office hands over.
type ExportOptions struct {
	To         string    // the receiving agency's code
	Date       time.Time // the handover date
	AppVersion string    // "" takes the build's
	// Progress, when set, is called from the exporting goroutine with the
	// records written so far and the total.
	Progress func(done, total int)
}

// Exported is a package written to disk with its berita acara.
type Exported struct {
	Manifest    Manifest
	SHA256      string
	Path        string
	BeritaAcara string // the .xlsx beside the package
}

// Export writes the handover package of the database's office (the giving
// agency) to w and returns its manifest and SHA-256. The office must be
// set, and the receiving agency must be another agency that runs the
// program in the handover's year. The export is logged in the audit log.
func Export(ctx context.Context, db Register, o ExportOptions, w io.Writer) (*Manifest, string, error) {
	m, err := newManifest(ctx, db, o)
	if err != nil {
		return nil, "", err
	}
	members := map[string]*bytes.Buffer{}
	counts := map[string]int{}
	add := func(kind string, v any) error {
		b := members[kind]
		if b == nil {
			b = &bytes.Buffer{}
			members[kind] = b
		}
		enc := json.NewEncoder(b)
		enc.SetEscapeHTML(false)
		counts[kind]++
		return enc.Encode(v)
	}
	agencies, err := db.HandoverAgencies(ctx, m.From.Code, o.Date)
	if err != nil {
		return nil, "", err
	}
	for _, a := range agencies {
		if err := add(agencyKind, a); err != nil {
			return nil, "", err
		}
	}
	total := 0
	if o.Progress != nil {
		cs, err := db.HandoverCounts(ctx)
		if err != nil {
			return nil, "", err
		}
		for _, n := range cs {
			total += n
		}
	}
	done := 0
	err = db.HandoverDump(ctx, func(kind string, row wub.HandoverRow) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		done++
		if o.Progress != nil && done%1000 == 0 {
			o.Progress(min(done, total), total)
		}
		return add(kind, row)
	})
	if err != nil {
		return nil, "", err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	kinds := append([]string{agencyKind}, db.HandoverSchema().Kinds...)
	for _, k := range kinds {
		b := members[k]
		if b == nil {
			b = &bytes.Buffer{}
		}
		m.Members = append(m.Members, Member{Name: memberName(k), Kind: k, Count: counts[k], SHA256: sha(b.Bytes())})
	}
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return nil, "", err
	}
	put := func(name string, b []byte) error {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Deflate, Modified: m.Created()})
		if err != nil {
			return err
		}
		_, err = f.Write(b)
		return err
	}
	if err := put(manifestName, append(mj, '\n')); err != nil {
		return nil, "", err
	}
	for _, k := range kinds {
		var b []byte
		if members[k] != nil {
			b = members[k].Bytes()
		}
		if err := put(memberName(k), b); err != nil {
			return nil, "", err
		}
	}
	if err := zw.SetComment(sealPrefix + strings.Repeat("0", 64)); err != nil {
		return nil, "", err
	}
	if err := zw.Close(); err != nil {
		return nil, "", err
	}
	data := buf.Bytes()
	sum := seal(data)
	if _, err := w.Write(data); err != nil {
		return nil, "", err
	}
	if o.Progress != nil {
		o.Progress(total, total)
	}
	return m, sum, nil
}

// newManifest checks the handover and describes its two parties.
func newManifest(ctx context.Context, db Register, o ExportOptions) (*Manifest, error) {
	office, err := db.Office(ctx)
	if err != nil {
		return nil, err
	}
	if !office.Configured() {
		return nil, wub.Errorf("handover_no_office")
	}
	if o.Date.IsZero() {
		return nil, wub.Errorf("handover_date_invalid", "")
	}
	as, err := db.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	from, ok := as.ByCode(office.AgencyCode)
	if !ok {
		return nil, wub.Errorf("agency_unknown", office.AgencyCode)
	}
	to, ok := as.ByCode(strings.ToUpper(strings.TrimSpace(o.To)))
	if !ok {
		return nil, wub.Errorf("agency_unknown", o.To)
	}
	if to.Code == from.Code {
		return nil, wub.Errorf("handover_same_agency", from.NameOn(o.Date).Short)
	}
	if !to.RunsIn(o.Date.Year()) {
		return nil, wub.Errorf("handover_to_stopped", to.NameOn(o.Date).Short, o.Date.Year())
	}
	version := o.AppVersion
	if version == "" {
		version = xlsx.AppVersion()
	}
	party := func(a wub.Agency) Party {
		n := a.NameOn(o.Date)
		return Party{Code: a.Code, ShortName: n.Short, FullName: n.Full}
	}
	m := &Manifest{Format: Format, FormatVersion: FormatVersion, From: party(from), To: party(to),
		HandoverDate: wub.ISO(o.Date), Place: office.Place, CreatedAt: db.Now().UTC().Format(time.RFC3339),
		CreatedBy: db.Actor(), AppVersion: version, SchemaVersion: db.HandoverSchema().Version}
	m.From.HeadName, m.From.HeadNIP = office.HeadName, office.HeadNIP
	return m, nil
}

// BeritaAcaraPath is where the berita acara of a package is written: beside
// it, "<name>-berita-acara.xlsx".
func BeritaAcaraPath(pkgPath string) string {
	return strings.TrimSuffix(pkgPath, filepath.Ext(pkgPath)) + "-berita-acara.xlsx"
}

// ExportFile writes the package to path (through a temporary file, so that
// a failed export leaves nothing under that name), then its berita acara
// beside it, and logs the export in the audit log.
func ExportFile(ctx context.Context, db Register, o ExportOptions, path string) (*Exported, error) {
	var m *Manifest
	var sum string
	err := xlsx.WriteFile(path, func(w io.Writer) error {
		var err error
		m, sum, err = Export(ctx, db, o, w)
		return err
	})
	if err != nil {
		return nil, err
	}
	ex := &Exported{Manifest: *m, SHA256: sum, Path: path, BeritaAcara: BeritaAcaraPath(path)}
	err = xlsx.WriteFile(ex.BeritaAcara, func(w io.Writer) error {
		return WriteBeritaAcara(w, BeritaAcara{Manifest: *m, SHA256: sum, FileName: filepath.Base(path)})
	})
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	counts := map[string]int{}
	for _, mb := range m.Members {
		counts[mb.Kind] = mb.Count
	}
	if err := db.LogHandoverExport(ctx, sum, m.To.Code, o.Date, filepath.Base(path), counts); err != nil {
		// No package leaves the office without its audit row (a view-only
		// role is refused here).
		os.Remove(path)
		os.Remove(ex.BeritaAcara)
		return nil, err
	}
	return ex, nil
}
