package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"wubdesk/internal/seal"
	"wubdesk/internal/wub"
)

func init() { seal.WorkFactor = 10 }

func accessRows(t *testing.T, u *App, id int64) int {
	t.Helper()
	es, err := u.testDB().AuditFor(bg, "access", id)
	if err != nil {
		t.Fatal(err)
	}
	return len(es)
}

// Data pribadi on the person's record: opening the record is an access
// row; the workbook report is written and logged; a correction needs its
// reason; erasure (admin) removes the person from the list, keeps counts
// and writes the berita acara.
func TestPersonDataActions(t *testing.T) {
	u, db := newTestUI(t, true)
	id := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	seed(t, db, "3528041203900002", "Ahmad Fauzi", wub.DISPERINDAG, 2022)
	s := peserta(t, u)
	if got := s.cellText(1, 1) + s.cellText(0, 1); strings.Contains(got, "3528045203950001") {
		t.Fatalf("the list shows a full NIK: %q", got)
	}
	s.openTrainee(id)
	u.jobs.wait()
	if s.form == nil || s.form.pdpBtn.Hidden {
		t.Fatal("no Data pribadi button on the record")
	}
	if n := accessRows(t, u, id); n != 1 {
		t.Fatalf("opening the record: %d access rows", n)
	}
	test.Tap(s.form.pdpBtn)
	p := u.pdp.person
	if p == nil || p.erase.Disabled() || p.workbook.Disabled() {
		t.Fatal("Data pribadi dialog missing or its actions disabled")
	}
	out := filepath.Join(t.TempDir(), "siti.xlsx")
	p.writeReport(out, "xlsx")
	u.jobs.wait()
	if p.savedPath != out {
		t.Fatal("report not written")
	}
	if st, err := os.Stat(out); err != nil || st.Size() == 0 {
		t.Fatal(err)
	}
	if n := accessRows(t, u, id); n != 2 {
		t.Fatalf("after the report: %d access rows", n)
	}
	cs, _ := u.app.Copies(bg, 0)
	if len(cs) != 1 || cs[0].Kind != wub.CopyReport {
		t.Fatalf("copy log: %+v", cs)
	}

	// A correction with its reason.
	s.form.phone.SetText("081299990000")
	p.saveCorrection("permintaan yang bersangkutan")
	u.jobs.wait()
	if got, _ := db.Trainee(bg, id); got.Phone != "081299990000" {
		t.Fatalf("correction not saved: %q", got.Phone)
	}
	if es, _ := db.AuditFor(bg, "correction", id); len(es) != 1 || !strings.Contains(es[0].New, "permintaan") {
		t.Fatalf("correction audit: %+v", es)
	}

	// Erasure.
	before, _ := db.Dashboard(bg, wub.DashboardQuery{Year: 2022})
	var after []wub.Erasure
	e := u.askErase("3528045203950001", "Siti Aminah", wub.EraseOnRequest, func(es []wub.Erasure) { after = es })
	if u.pdp.erase != e || e.groundCode() != wub.EraseOnRequest {
		t.Fatal("erase dialog")
	}
	e.reason.SetText("Surat permohonan 1 Juni 2024")
	ba := filepath.Join(t.TempDir(), "ba.pdf")
	e.eraseTo(ba)
	u.jobs.wait()
	if len(after) != 1 || len(e.done) != 1 {
		t.Fatalf("erased %+v", e.done)
	}
	if b, err := os.ReadFile(ba); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("berita acara: %v", err)
	}
	s.reload()
	u.jobs.wait()
	for i := 0; i < s.list.total; i++ {
		if strings.Contains(s.cellText(i, 0)+s.cellText(i, 1), "Siti") {
			t.Errorf("erased person still listed: row %d", i)
		}
	}
	if err := db.VerifyTallies(bg); err != nil {
		t.Fatal(err)
	}
	now, _ := db.Dashboard(bg, wub.DashboardQuery{Year: 2022})
	if fmt.Sprintf("%+v%+v", before.Total, before.BySex) != fmt.Sprintf("%+v%+v", now.Total, now.BySex) {
		t.Fatalf("counts changed: %+v → %+v", before.Total, now.Total)
	}
}

// Pengaturan → Data pribadi: the record of processing and retention, the
// office key, the retention review and the breach log.
func TestPDPSettingsPanel(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2020)
	st := u.nav.screen("pengaturan").(*settingsScreen)
	u.jobs.wait()
	p := st.pdp
	if p.retention.Text != "5" || !strings.Contains(p.record.Text, "5 tahun") || !strings.Contains(p.record.Text, "NIK") {
		t.Fatalf("record of processing: %q / %q", p.retention.Text, p.record.Text)
	}
	p.retention.SetText("abc")
	p.saveRecord() // an error dialog, nothing saved
	u.jobs.wait()
	p.retention.SetText("3")
	p.saveRecord()
	u.jobs.wait()
	if v, _ := db.Setting(bg, "pdp.retention_years"); v != "3" {
		t.Fatalf("retention saved as %q", v)
	}
	p.makeOfficeKey("", "sandi-admin-01")
	u.jobs.wait()
	if !strings.HasPrefix(p.publicKey.Text, "age1") || p.key == nil {
		t.Fatalf("office key: %q", p.publicKey.Text)
	}
	p.showReview()
	u.jobs.wait()
	if v := p.reviewView; len(v.cases) != 1 || !strings.Contains(v.rows[0], "Siti") || strings.Contains(v.rows[0], "3528045203950001") {
		t.Fatalf("review: %+v", v.rows)
	}
	p.showBreaches()
	u.jobs.wait()
	b := p.breachView
	b.what.SetText("Flashdisk berisi cadangan hilang")
	p.addBreach(b)
	u.jobs.wait()
	if len(b.breaches) != 1 || !strings.Contains(b.rows[0], "Flashdisk") {
		t.Fatalf("breach log: %+v", b.rows)
	}
}

// A backup to a folder is encrypted as chosen; restoring it asks the
// passphrase, and a wrong one changes nothing.
func TestEncryptedBackupInWindow(t *testing.T) {
	u, db := newTestUI(t, true)
	seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	st := u.nav.screen("pengaturan").(*settingsScreen)
	u.jobs.wait()
	d := newLockDialog(u, false, nil, func(*seal.Lock) {})
	if len(d.choice.Options) != 2 { // passphrase, plain (admin)
		t.Fatalf("options %v", d.choice.Options)
	}
	var got *seal.Lock
	d.done = func(l *seal.Lock) { got = l }
	d.choice.SetSelected(d.choice.Options[0])
	d.pass.SetText("sandi-cadangan")
	d.again.SetText("sandi-lain-xx")
	d.submit()
	if got != nil || !strings.Contains(d.msg.Text, "tidak sama") {
		t.Fatalf("mismatch accepted: %q", d.msg.Text)
	}
	d.again.SetText("sandi-cadangan")
	d.submit()
	if got == nil || got.Passphrase != "sandi-cadangan" {
		t.Fatal("no lock")
	}
	dir := t.TempDir()
	st.backup.backupSealed(dir, got)
	u.jobs.wait()
	files, _ := filepath.Glob(filepath.Join(dir, "*.age"))
	if len(files) != 1 {
		t.Fatalf("backup files %v", files)
	}
	if ok, _ := seal.FileIsSealed(files[0]); !ok {
		t.Fatal("not encrypted")
	}
	if !st.backup.askSealedRestore(files[0]) || u.pdp.pass == nil {
		t.Fatal("no passphrase asked")
	}
	dbDir := filepath.Dir(db.Path)
	before, _ := os.ReadDir(dbDir)
	u.pdp.pass.pass.SetText("salah-sandi")
	u.pdp.pass.dlg.(interface{ Confirm() }).Confirm()
	u.jobs.wait()
	after, _ := os.ReadDir(dbDir)
	if len(after) != len(before) {
		t.Fatalf("a wrong passphrase wrote a file: %d → %d", len(before), len(after))
	}
	cs, _ := u.app.Copies(bg, 0)
	if len(cs) != 1 || !cs[0].Encrypted || cs[0].Kind != wub.CopyBackup {
		t.Fatalf("copy log: %+v", cs)
	}
	_ = fyne.NewSize
}

// The Audit screen filters who looked: opening a record and printing its
// report are "Akses data pribadi" rows.
func TestAuditFiltersAccess(t *testing.T) {
	u, db := newTestUI(t, true)
	id := seed(t, db, "3528045203950001", "Siti Aminah", wub.DISPERINDAG, 2022)
	s := peserta(t, u)
	s.openTrainee(id)
	u.jobs.wait()
	a, ok := u.nav.screen("audit").(*auditScreen)
	if !ok {
		t.Fatal("no Audit screen")
	}
	a.shown()
	u.jobs.wait()
	a.entity.setCode("access")
	a.apply()
	u.jobs.wait()
	if a.list.total != 1 || !strings.Contains(a.cellText(0, 2)+a.cellText(0, 3), "Akses") {
		t.Fatalf("access rows: %d, %q %q", a.list.total, a.cellText(0, 2), a.cellText(0, 3))
	}
}

// A package encrypted to this office's public key: loading it asks the
// passphrase; a wrong one reads nothing, the admin's opens it.
func TestEncryptedPackageInWindow(t *testing.T) {
	u, _ := newTestUI(t, true)
	k, err := u.app.MakeOfficeKey(bg, "", "sandi-admin-disperindag")
	if err != nil {
		t.Fatal(err)
	}
	pkg := handoverPackage(t)
	if err := seal.EncryptFile(pkg, pkg+".enc", seal.Lock{Recipients: []string{k.Public}}); err != nil {
		t.Fatal(err)
	}
	os.Rename(pkg+".enc", pkg)
	s := handoverScreenOf(t, u)
	s.loadAsking(pkg)
	if u.pdp.pass == nil {
		t.Fatal("no passphrase asked")
	}
	u.pdp.pass.pass.SetText("bukan-sandinya")
	u.pdp.pass.dlg.(interface{ Confirm() }).Confirm()
	u.jobs.wait()
	if s.preview != nil || !strings.Contains(s.pkgLabel.Text, "salah") {
		t.Fatalf("wrong passphrase: %q", s.pkgLabel.Text)
	}
	s.loadAsking(pkg)
	u.pdp.pass.pass.SetText("sandi-admin-disperindag")
	u.pdp.pass.dlg.(interface{ Confirm() }).Confirm()
	u.jobs.wait()
	if s.preview == nil {
		t.Fatalf("no preview: %q", s.pkgLabel.Text)
	}
}
