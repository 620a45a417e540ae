package handover

import (
	"archive/zip"
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"wubdesk/internal/wub"
)

// Package is a handover package read and verified: every member matches
// the manifest and the seal matches the file's bytes.
type Package struct {
	Manifest Manifest
	SHA256   string
	FileName string
	manifest []byte
	Agencies []wub.HandoverAgency
	Rows     map[string][]wub.HandoverRow
}

// maxPackage bounds what is read into memory (a regency's program is a
// few megabytes).
const maxPackage = 1 << 30

// ReadFile reads and verifies the package at path.
func ReadFile(path string) (*Package, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, wub.Errorf("handover_not_package", filepath.Base(path), err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxPackage+1))
	if err != nil {
		return nil, wub.Errorf("handover_not_package", filepath.Base(path), err)
	}
	return Read(data, filepath.Base(path))
}

// Read verifies a package's bytes and decodes its records. A package that
// is damaged or edited anywhere is refused with a message naming what does
// not match: the part whose SHA-256 or count differs from the manifest, or
// the seal when the change is outside the parts. Whether the receiving
// register understands it is Fits (Import asks it).
func Read(data []byte, name string) (*Package, error) {
	if len(data) > maxPackage {
		return nil, wub.Errorf("handover_not_package", name, "lebih dari 1 GB")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, wub.Errorf("handover_not_package", name, err)
	}
	claimed, actual, sealed := sealOf(data)
	if !sealed {
		return nil, wub.Errorf("handover_no_seal", name)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	p := &Package{SHA256: claimed, FileName: name, Rows: map[string][]wub.HandoverRow{}}
	mf, ok := files[manifestName]
	if !ok {
		return nil, wub.Errorf("handover_member_missing", manifestName)
	}
	if p.manifest, err = readMember(mf); err != nil {
		return nil, wub.Errorf("handover_not_package", name, err)
	}
	if err := json.Unmarshal(p.manifest, &p.Manifest); err != nil {
		return nil, wub.Errorf("handover_bad_manifest", err)
	}
	m := &p.Manifest
	if m.Format != Format {
		return nil, wub.Errorf("handover_bad_manifest", fmt.Sprintf("format %q", m.Format))
	}
	if m.FormatVersion > FormatVersion {
		return nil, wub.Errorf("handover_version", m.FormatVersion, FormatVersion)
	}
	if m.Date().IsZero() || m.From.Code == "" || m.To.Code == "" {
		return nil, wub.Errorf("handover_bad_manifest", "from/to/handover_date")
	}
	named := map[string]bool{manifestName: true}
	for _, mb := range m.Members {
		named[mb.Name] = true
		f, ok := files[mb.Name]
		if !ok || mb.Kind == "" || mb.Name != memberName(mb.Kind) {
			return nil, wub.Errorf("handover_member_missing", mb.Name)
		}
		b, err := readMember(f)
		if err != nil {
			return nil, wub.Errorf("handover_not_package", name, err)
		}
		if sha(b) != mb.SHA256 {
			return nil, wub.Errorf("handover_member_changed", mb.Name)
		}
		n, err := p.decode(mb.Kind, b)
		if err != nil {
			return nil, err
		}
		if n != mb.Count {
			return nil, wub.Errorf("handover_count_mismatch", mb.Count, wub.HandoverKindLabel(mb.Kind), n)
		}
	}
	for _, f := range zr.File {
		if !named[f.Name] {
			return nil, wub.Errorf("handover_member_extra", f.Name)
		}
	}
	if claimed != actual {
		return nil, wub.Errorf("handover_seal_mismatch", name)
	}
	return p, nil
}

// Fits reports whether a register of schema s can take the package: one
// from a newer WUBDesk, or with a kind of record s does not know, is
// refused before anything is imported.
func (p *Package) Fits(s Schema) error {
	m := &p.Manifest
	if m.SchemaVersion > s.Version {
		return wub.Errorf("handover_schema_newer", m.SchemaVersion, s.Version)
	}
	for _, mb := range m.Members {
		if mb.Kind != agencyKind && !slices.Contains(s.Kinds, mb.Kind) {
			return wub.Errorf("handover_member_missing", mb.Name)
		}
	}
	return nil
}

// readMember reads a member whole; the zip reader checks its CRC-32 at the end.
func readMember(f *zip.File) ([]byte, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(io.LimitReader(rc, maxPackage))
}

// decode reads one JSON object per line; numbers become int64 (every
// number column is an INTEGER).
func (p *Package) decode(kind string, b []byte) (int, error) {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if kind == agencyKind {
			var a wub.HandoverAgency
			if err := json.Unmarshal(line, &a); err != nil {
				return n, wub.Errorf("handover_bad_row", n, memberName(kind), err)
			}
			p.Agencies = append(p.Agencies, a)
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.UseNumber()
		var raw map[string]any
		if err := dec.Decode(&raw); err != nil {
			return n, wub.Errorf("handover_bad_row", n, memberName(kind), err)
		}
		row := make(wub.HandoverRow, len(raw))
		for k, v := range raw {
			switch x := v.(type) {
			case json.Number:
				i, err := x.Int64()
				if err != nil {
					return n, wub.Errorf("handover_bad_row", n, memberName(kind), err)
				}
				row[k] = i
			case string, nil:
				row[k] = x
			default:
				return n, wub.Errorf("handover_bad_row", n, memberName(kind), fmt.Sprintf("kolom %s", k))
			}
		}
		p.Rows[kind] = append(p.Rows[kind], row)
	}
	if err := sc.Err(); err != nil {
		return n, wub.Errorf("handover_bad_row", n+1, memberName(kind), err)
	}
	return n, nil
}

// Import previews (dryRun) or imports a verified package into the
// receiving register (wub.Handovers.ImportHandover), once it Fits.
func Import(ctx context.Context, db Register, p *Package, dryRun bool, progress func(done, total int)) (*wub.HandoverResult, error) {
	if err := p.Fits(db.HandoverSchema()); err != nil {
		return nil, err
	}
	in := &wub.HandoverInput{SHA256: p.SHA256, FileName: p.FileName, From: p.Manifest.From.Code,
		To: p.Manifest.To.Code, Date: p.Manifest.Date(), CreatedAt: p.Manifest.CreatedAt, Manifest: string(p.manifest),
		Agencies: p.Agencies, Rows: p.Rows}
	return db.ImportHandover(ctx, in, dryRun, progress)
}
