package cli

import (
	"bytes"
	"context"
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/app"
	"wubdesk/internal/seal"
)

func init() { seal.WorkFactor = 10 }

func workbookText(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for _, r := range rows {
			b.WriteString(strings.Join(r, "|") + "\n")
		}
	}
	return b.String()
}

func fileSum(t *testing.T, path string) [32]byte {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// person-report: the workbook and the PDF hold the person and nothing of
// another; the report is in the person's audit and copy log afterwards.
func TestPersonReportCommand(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dpmptsp.db")
	givingDB(t, db, "DPMPTSP")
	out := filepath.Join(dir, "a.xlsx")
	code, _, stderr := runCLI(t, "person-report", "--db", db, "--nik", "3528054107980010", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	text := workbookText(t, out)
	for _, want := range []string{"3528054107980010", "Peserta A", "Tgl daftar", "Sebelum (JSON)"} {
		if !strings.Contains(text, want) {
			t.Errorf("workbook lacks %q", want)
		}
	}
	for _, other := range []string{"Peserta B", "3528054107980020", "Peserta C"} {
		if strings.Contains(text, other) {
			t.Errorf("workbook holds another person: %q", other)
		}
	}
	// A second report lists the first as a copy and as an access row.
	out2 := filepath.Join(dir, "a2.xlsx")
	if code, _, stderr := runCLI(t, "person-report", "--db", db, "--nik", "3528054107980010", "--out", out2); code != 0 {
		t.Fatal(stderr)
	}
	text = workbookText(t, out2)
	if !strings.Contains(text, "a.xlsx") || !strings.Contains(text, "Akses data pribadi") {
		t.Errorf("the first report is not in the second's copies and history:\n%s", text)
	}
	pdfOut := filepath.Join(dir, "a.pdf")
	if code, _, stderr := runCLI(t, "person-report", "--db", db, "--nik", "3528054107980010", "--out", pdfOut); code != 0 {
		t.Fatal(stderr)
	}
	pt := pdfText(t, pdfOut)
	if !strings.Contains(pt, "Peserta A") || strings.Contains(pt, "Peserta B") {
		t.Errorf("pdf: %s", pt)
	}
	if code, _, stderr := runCLI(t, "person-report", "--db", db, "--nik", "3528054107980010", "--out", filepath.Join(dir, "a.txt")); code != 2 || !strings.Contains(stderr, ".xlsx") {
		t.Errorf("txt: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "person-report", "--db", db, "--nik", "3528059999999999", "--out", filepath.Join(dir, "x.xlsx")); code != 2 || !strings.Contains(stderr, "Tidak ada data") {
		t.Errorf("unknown: %d %s", code, stderr)
	}
}

// backup --encrypt; check and restore ask for the passphrase; a wrong one
// is a clear message and changes nothing.
func TestEncryptedBackupCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "dpmptsp.db")
	givingDB(t, db, "DPMPTSP")
	bak := filepath.Join(dir, "flashdisk", "cadangan.db.age")
	os.MkdirAll(filepath.Dir(bak), 0o755)
	t.Setenv(app.PassphraseEnv, "sandi-cadangan-1")
	if code, stdout, stderr := runCLI(t, "backup", "--db", db, "--out", bak, "--encrypt"); code != 0 || !strings.Contains(stdout, "terenkripsi") {
		t.Fatalf("backup: %d %s %s", code, stdout, stderr)
	}
	b, _ := os.ReadFile(bak)
	if !seal.IsSealed(b) || bytes.Contains(b, []byte("3528054107980010")) || bytes.Contains(b, []byte("Peserta A")) {
		t.Fatal("the backup is not encrypted")
	}
	if code, stdout, _ := runCLI(t, "check", "--db", bak); code != 0 || !strings.Contains(stdout, "Hasil: baik") || !strings.Contains(stdout, "Peserta: 3") {
		t.Fatalf("check: %d %s", code, stdout)
	}
	before := fileSum(t, db)
	entries, _ := os.ReadDir(dir)
	t.Setenv(app.PassphraseEnv, "sandi-yang-salah")
	if code, _, stderr := runCLI(t, "check", "--db", bak); code != 2 || !strings.Contains(stderr, "salah") {
		t.Fatalf("check, wrong passphrase: %d %s", code, stderr)
	}
	if code, _, stderr := runCLI(t, "restore", "--db", db, "--from", bak); code != 2 || !strings.Contains(stderr, "Kata sandi atau kunci salah") {
		t.Fatalf("restore, wrong passphrase: %d %s", code, stderr)
	}
	after, _ := os.ReadDir(dir)
	if fileSum(t, db) != before || len(after) != len(entries) {
		t.Fatalf("a wrong passphrase changed something: %d → %d entries", len(entries), len(after))
	}
	t.Setenv(app.PassphraseEnv, "sandi-cadangan-1")
	if code, stdout, stderr := runCLI(t, "restore", "--db", db, "--from", bak); code != 0 || !strings.Contains(stdout, "cadangan.db.age") {
		t.Fatalf("restore: %d %s %s", code, stdout, stderr)
	}
	if n := liveTrainees(t, db); n != 3 {
		t.Fatalf("restored %d trainees", n)
	}
	// With an office key the backup needs no passphrase; the admin's opens it.
	a, c, err := openApp(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.MakeOfficeKey(context.Background(), "", "sandi-admin-kantor"); err != nil {
		t.Fatal(err)
	}
	c.Close()
	os.Unsetenv(app.PassphraseEnv)
	bak2 := filepath.Join(dir, "flashdisk", "harian.db.age")
	if code, stdout, stderr := runCLI(t, "backup", "--db", db, "--out", bak2, "--encrypt"); code != 0 || !strings.Contains(stdout, "kunci kantor") {
		t.Fatalf("office-key backup: %d %s %s", code, stdout, stderr)
	}
	t.Setenv(app.PassphraseEnv, "sandi-admin-kantor")
	if code, stdout, stderr := runCLI(t, "check", "--db", bak2); code != 0 {
		t.Fatalf("check office-key backup: %d %s %s", code, stdout, stderr)
	}
}

// handover export --encrypt / --to-key: the package imports only with the
// key; a wrong one imports nothing.
func TestEncryptedHandoverCommands(t *testing.T) {
	dir := t.TempDir()
	giving, receiving := filepath.Join(dir, "dpmptsp.db"), filepath.Join(dir, "diskop.db")
	givingDB(t, giving, "DPMPTSP")
	givingDB(t, receiving, "DISKOPUKM")
	pkg := filepath.Join(dir, "paket.wubho")
	t.Setenv(app.PassphraseEnv, "sandi-paket-01")
	if code, _, stderr := runCLI(t, "handover", "export", "--db", giving, "--to", "DISKOPUKM", "--date", "2023-01-03", "--out", pkg, "--encrypt"); code != 0 {
		t.Fatalf("export: %s", stderr)
	}
	if ok, _ := seal.FileIsSealed(pkg); !ok {
		t.Fatal("package not encrypted")
	}
	t.Setenv(app.PassphraseEnv, "bukan-sandinya")
	if code, _, stderr := runCLI(t, "handover", "import", "--db", receiving, pkg); code != 2 || !strings.Contains(stderr, "salah") {
		t.Fatalf("import, wrong passphrase: %d %s", code, stderr)
	}
	if n := liveTrainees(t, receiving); n != 0 {
		t.Fatalf("a wrong passphrase imported %d", n)
	}
	t.Setenv(app.PassphraseEnv, "sandi-paket-01")
	if code, stdout, stderr := runCLI(t, "handover", "import", "--db", receiving, "--json", pkg); code != 0 || !strings.Contains(stdout, `"committed": true`) {
		t.Fatalf("import: %d %s %s", code, stdout, stderr)
	}

	// To the receiving office's public key: its admin's passphrase opens it.
	recv2 := filepath.Join(dir, "diskop2.db")
	givingDB(t, recv2, "DISKOPUKM")
	a, c, err := openApp(recv2)
	if err != nil {
		t.Fatal(err)
	}
	k, err := a.MakeOfficeKey(context.Background(), "", "sandi-admin-diskop")
	c.Close()
	if err != nil {
		t.Fatal(err)
	}
	pkg2 := filepath.Join(dir, "paket2.wubho")
	if code, _, stderr := runCLI(t, "handover", "export", "--db", giving, "--to", "DISKOPUKM", "--date", "2023-01-04", "--out", pkg2, "--to-key", k.Public); code != 0 {
		t.Fatalf("export to key: %s", stderr)
	}
	if code, _, stderr := runCLI(t, "handover", "import", "--db", receiving, pkg2); code != 2 || !strings.Contains(stderr, "salah") {
		t.Fatalf("another office opened it: %d %s", code, stderr)
	}
	t.Setenv(app.PassphraseEnv, "sandi-admin-diskop")
	if code, stdout, stderr := runCLI(t, "handover", "import", "--db", recv2, pkg2); code != 0 {
		t.Fatalf("import with the office key: %d %s %s", code, stdout, stderr)
	}
	if code, _, stderr := runCLI(t, "handover", "export", "--db", giving, "--to", "DISKOPUKM", "--date", "2023-01-05", "--out", pkg2, "--to-key", "age1salah"); code != 2 || !strings.Contains(stderr, "kunci publik") {
		t.Fatalf("bad key: %d %s", code, stderr)
	}
}
