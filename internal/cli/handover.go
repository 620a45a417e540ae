package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"wubdesk/internal/app"
	"wubdesk/internal/handover"
	"wubdesk/internal/wub"
)

func init() {
	register("handover", "serah terima program antarkantor: export (buat paket) atau import (terima paket)", runHandover)
}

// handoverJSON is the --json output of `handover import`; scripts depend
// on it exactly.
type handoverJSON struct {
	SHA256    string                 `json:"sha256"`
	From      string                 `json:"from"`
	To        string                 `json:"to"`
	Date      string                 `json:"date"`
	DryRun    bool                   `json:"dry_run"`
	Committed bool                   `json:"committed"`
	Backup    string                 `json:"backup"`
	Counts    []handoverCountJSON    `json:"counts"`
	Conflicts []handoverConflictJSON `json:"conflicts"`
	Agencies  []handoverAgencyJSON   `json:"agencies"`
}

type handoverCountJSON struct {
	Kind      string `json:"kind"`
	InPackage int    `json:"in_package"`
	New       int    `json:"new"`
	Matching  int    `json:"matching"`
	Conflicts int    `json:"conflicts"`
	Moved     int    `json:"moved"`
}

type handoverConflictJSON struct {
	Kind   string             `json:"kind"`
	Key    string             `json:"key"`
	Fields []handoverDiffJSON `json:"fields"`
	Note   string             `json:"note"`
}

type handoverDiffJSON struct {
	Field    string `json:"field"`
	Receiver string `json:"receiver"`
	Package  string `json:"package"`
}

type handoverAgencyJSON struct {
	Code    string `json:"code"`
	Text    string `json:"text"`
	Applied bool   `json:"applied"`
}

func runHandover(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "import") {
		fmt.Fprintln(env.Stderr, "Pemakaian: wubdesk handover export --db BERKAS --to DINAS --date TTTT-BB-HH --out BERKAS")
		fmt.Fprintln(env.Stderr, "           wubdesk handover import --db BERKAS [--dry-run] [--json] PAKET")
		return &UsageError{"sebutkan export atau import"}
	}
	if args[0] == "export" {
		return runHandoverExport(ctx, env, args[1:])
	}
	return runHandoverImport(ctx, env, args[1:])
}

func runHandoverExport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "handover export", "--db BERKAS --to DINAS --date TTTT-BB-HH --out BERKAS")
	dbPath := fs.String("db", "", "basis data kantor yang menyerahkan")
	to := fs.String("to", "", "kode dinas penerima, misalnya DISKOPUKM")
	date := fs.String("date", "", "tanggal serah terima, TTTT-BB-HH")
	out := fs.String("out", "", "berkas paket yang ditulis ("+handover.Ext+"); berita acara .xlsx ditulis di sampingnya")
	encrypt := fs.Bool("encrypt", false, "enkripsi paket dengan kata sandi (dari "+app.PassphraseEnv+" atau ditanyakan)")
	toKey := fs.String("to-key", "", "enkripsi paket untuk kunci publik kantor penerima (age1..., dari Pengaturan kantor itu)")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %s", strings.Join(pos, " "))}
	}
	if strings.TrimSpace(*to) == "" || strings.TrimSpace(*out) == "" || strings.TrimSpace(*date) == "" {
		return &UsageError{"--to DINAS, --date TTTT-BB-HH dan --out BERKAS wajib diisi"}
	}
	d, err := time.Parse(wub.ISODate, strings.TrimSpace(*date))
	if err != nil {
		return wub.Errorf("handover_date_invalid", *date)
	}
	a, closer, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer closer.Close()
	lock, err := handoverLock(env, *encrypt, *toKey) // backup_seal.go
	if err != nil {
		return err
	}
	ex, err := a.HandoverExport(ctx, app.HandoverExportOptions{To: *to, Date: d, Path: *out})
	if err != nil {
		return err
	}
	if err := a.SealHandover(ctx, ex, lock); err != nil {
		return err
	}
	m := ex.Manifest
	fmt.Fprintf(env.Stdout, "Paket serah terima %s → %s tanggal %s ditulis: %s\n", m.From.ShortName, m.To.ShortName,
		wub.FormatLongDate(d), ex.Path)
	fmt.Fprintf(env.Stdout, "Berita acara: %s\nSHA-256: %s\n", ex.BeritaAcara, ex.SHA256)
	for _, mb := range m.Members {
		if mb.Count > 0 {
			fmt.Fprintf(env.Stdout, "  %-34s %8d\n", wub.HandoverKindLabel(mb.Kind), mb.Count)
		}
	}
	return nil
}

func runHandoverImport(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "handover import", "--db BERKAS [--dry-run] [--json] [--user NAMA] PAKET")
	dbPath := fs.String("db", "", "basis data kantor yang menerima (dibuat bila belum ada)")
	dry := fs.Bool("dry-run", false, "hanya pratinjau; tidak ada yang disimpan")
	asJSON := fs.Bool("json", false, "tulis pratinjau/hasil sebagai satu objek JSON di stdout")
	user := userFlag(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return &UsageError{"sebutkan tepat satu berkas paket serah terima (" + handover.Ext + ")"}
	}
	p, err := readPackage(ctx, env, pos[0], *dbPath) // backup_seal.go: an encrypted package asks its passphrase
	if err != nil {
		return err
	}
	a, err := openAppForWrite(ctx, env, *dbPath, *user, wub.ActEdit)
	if err != nil {
		return err
	}
	defer a.Close()
	res, err := a.HandoverImport(ctx, p, app.HandoverImportOptions{DryRun: *dry})
	if err != nil {
		return err
	}
	if err := a.Verify(); err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(handoverJSONOf(res, *dry))
	}
	verb := "Diimpor"
	if *dry {
		verb = "Pratinjau (tidak disimpan)"
	}
	fmt.Fprintf(env.Stdout, "%s: paket %s → %s tanggal %s, SHA-256 %s\n", verb, res.From, res.To,
		wub.FormatLongDate(res.Date), res.SHA256)
	fmt.Fprintf(env.Stdout, "  %-34s %8s %8s %8s\n", "Jenis data", "baru", "sama", "konflik")
	for _, c := range res.Counts {
		if c.InPackage > 0 {
			fmt.Fprintf(env.Stdout, "  %-34s %8d %8d %8d\n", wub.HandoverKindLabel(c.Kind), c.New, c.Matching, c.Conflicts)
		}
	}
	for _, c := range res.Conflicts {
		fmt.Fprintf(env.Stdout, "  konflik %s %s: %s\n", wub.HandoverKindLabel(c.Kind), c.Key, conflictText(c))
	}
	if res.Backup != "" {
		fmt.Fprintf(env.Stdout, "Cadangan sebelum impor: %s\n", res.Backup)
	}
	return nil
}

func conflictText(c wub.HandoverConflict) string {
	if c.Note != "" {
		return c.Note
	}
	parts := make([]string, 0, len(c.Fields))
	for _, d := range c.Fields {
		parts = append(parts, fmt.Sprintf("%s di sini %q, di paket %q", d.Field, d.Receiver, d.Package))
	}
	return strings.Join(parts, "; ")
}

func handoverJSONOf(r *wub.HandoverResult, dry bool) handoverJSON {
	out := handoverJSON{SHA256: r.SHA256, From: r.From, To: r.To, Date: wub.ISO(r.Date), DryRun: dry,
		Committed: r.Committed, Backup: r.Backup, Counts: []handoverCountJSON{}, Conflicts: []handoverConflictJSON{},
		Agencies: []handoverAgencyJSON{}}
	for _, c := range r.Counts {
		out.Counts = append(out.Counts, handoverCountJSON{Kind: c.Kind, InPackage: c.InPackage, New: c.New,
			Matching: c.Matching, Conflicts: c.Conflicts, Moved: c.Moved})
	}
	for _, c := range r.Conflicts {
		cj := handoverConflictJSON{Kind: c.Kind, Key: c.Key, Note: c.Note, Fields: []handoverDiffJSON{}}
		for _, d := range c.Fields {
			cj.Fields = append(cj.Fields, handoverDiffJSON{Field: d.Field, Receiver: d.Receiver, Package: d.Package})
		}
		out.Conflicts = append(out.Conflicts, cj)
	}
	for _, a := range r.Agencies {
		out.Agencies = append(out.Agencies, handoverAgencyJSON{Code: a.Code, Text: a.Text, Applied: a.Applied})
	}
	return out
}
