package handover

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// exported makes a small package from the seeded DPMPTSP database.
func exported(t *testing.T) (string, *Exported) {
	dir := t.TempDir()
	giving := seedGiving(t, dir)
	path := filepath.Join(dir, "paket"+Ext)
	ex := must(ExportFile(ctx, reg(giving), ExportOptions{To: wub.DISKOPUKM, Date: day(2023, 1, 3)}, path))
	return path, ex
}

// rezip rebuilds a package with edit applied to each member's bytes; with
// reseal the forger also recomputes the seal, else the old one is kept.
func rezip(t *testing.T, data []byte, edit func(name string, b []byte) []byte, reseal bool) []byte {
	zr := must(zip.NewReader(bytes.NewReader(data), int64(len(data))))
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc := must(f.Open())
		b := must(io.ReadAll(rc))
		rc.Close()
		w := must(zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified}))
		must(w.Write(edit(f.Name, b)))
	}
	check(t, zw.SetComment(sealPrefix+string(data[len(data)-64:])))
	check(t, zw.Close())
	out := buf.Bytes()
	if reseal {
		seal(out)
	}
	return out
}

func TestTamperedPackageIsRefused(t *testing.T) {
	path, _ := exported(t)
	data := must(os.ReadFile(path))
	if _, err := Read(data, "paket"); err != nil {
		t.Fatalf("the untouched package is refused: %v", err)
	}
	editTrainee := func(name string, b []byte) []byte {
		if name == "trainee.jsonl" {
			b = bytes.Replace(b, []byte("Peserta 004"), []byte("Peserta 005"), 1)
		}
		return b
	}
	editManifest := func(from, to string) func(string, []byte) []byte {
		return func(name string, b []byte) []byte {
			if name == manifestName {
				if !bytes.Contains(b, []byte(from)) {
					t.Fatalf("manifest lacks %q", from)
				}
				b = bytes.Replace(b, []byte(from), []byte(to), 1)
			}
			return b
		}
	}
	tests := []struct {
		name string
		data func() []byte
		code string
	}{
		{"one byte of the file flipped", func() []byte {
			d := bytes.Clone(data)
			d[len(d)/3] ^= 0x01
			return d
		}, ""}, // the zip reader, a member's SHA-256 or the seal: any refusal
		{"one byte of a member edited, seal kept", func() []byte { return rezip(t, data, editTrainee, false) }, ""},
		{"one byte of a member edited and resealed", func() []byte { return rezip(t, data, editTrainee, true) }, "handover_member_changed"},
		{"manifest edited, seal kept", func() []byte {
			return rezip(t, data, editManifest(`"to": {`+"\n"+`    "code": "DISKOPUKM"`, `"to": {`+"\n"+`    "code": "DISPERINDAG"`), false)
		}, "handover_seal_mismatch"},
		{"manifest count edited and resealed", func() []byte {
			return rezip(t, data, editManifest(`"count": 12`, `"count": 11`), true)
		}, "handover_count_mismatch"},
		{"seal removed", func() []byte {
			return rezip(t, data, func(_ string, b []byte) []byte { return b }, false)[:len(data)-10]
		}, ""},
		{"a part added", func() []byte {
			d := rezip(t, data, func(_ string, b []byte) []byte { return b }, true)
			zr := must(zip.NewReader(bytes.NewReader(d), int64(len(d))))
			var buf bytes.Buffer
			zw := zip.NewWriter(&buf)
			for _, f := range zr.File {
				check(t, zw.Copy(f))
			}
			w := must(zw.Create("extra.jsonl"))
			must(w.Write([]byte("{}\n")))
			check(t, zw.SetComment(sealPrefix+strings.Repeat("0", 64)))
			check(t, zw.Close())
			out := buf.Bytes()
			seal(out)
			return out
		}, "handover_member_extra"},
		{"not a package", func() []byte { return []byte("PK\x03\x04 bukan paket") }, "handover_not_package"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(tc.data(), "paket"+Ext)
			if err == nil {
				t.Fatal("accepted")
			}
			if tc.code != "" && errCode(err) != tc.code {
				t.Errorf("refused with %q (%v), want %s", errCode(err), err, tc.code)
			}
			if msg := wub.Message(errCode(err), "id"); errCode(err) != "" && strings.Contains(msg, "%!") {
				t.Errorf("message %q", msg)
			}
		})
	}
}

func TestBeritaAcaraReadsBack(t *testing.T) {
	path, ex := exported(t)
	f := must(excelize.OpenFile(ex.BeritaAcara))
	defer f.Close()
	rows := must(f.GetRows(BeritaAcaraSheet))
	var text strings.Builder
	for _, r := range rows {
		text.WriteString(strings.Join(r, "|") + "\n")
	}
	s := text.String()
	for _, want := range []string{
		"BERITA ACARA SERAH TERIMA", "Selasa, tanggal 3 Januari 2023",
		"Kepala Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
		"Kepala Dinas Koperasi, Usaha Mikro dan Tenaga Kerja", // Diskop's name on the handover date
		"Yang menyerahkan,", "Yang menerima,", "Ir. Achmad Faisol, M.M.", "NIP 197003121996031004",
		ex.SHA256, filepath.Base(path), "Peserta||||12", "Kontrak (SPK)||||3",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("berita acara lacks %q:\n%s", want, s)
		}
	}
	layout := must(f.GetPageLayout(BeritaAcaraSheet))
	if layout.Size == nil || *layout.Size != 9 {
		t.Errorf("paper size %v, want A4 (9)", layout.Size)
	}
}

// TestViewOnlyRoleMakesAndTakesNoPackage: a head of office signed in with
// the kepala role can neither export (nothing is left on disk) nor import.
func TestViewOnlyRoleMakesAndTakesNoPackage(t *testing.T) {
	path, _ := exported(t)
	dir := t.TempDir()
	giving, receiving := seedGiving(t, dir), seedReceiving(t, dir)
	for _, db := range []*store.DB{giving, receiving} {
		must(db.CreateUser(ctx, wub.User{Name: "kepala", Role: wub.RoleKepala, Active: true}, "sandi-kepala-1"))
		must(db.SignIn(ctx, "kepala", "sandi-kepala-1"))
	}
	out := filepath.Join(dir, "kepala"+Ext)
	if _, err := ExportFile(ctx, reg(giving), ExportOptions{To: wub.DISKOPUKM, Date: day(2023, 1, 3)}, out); errCode(err) != "role_denied" {
		t.Errorf("export as kepala: %v", err)
	}
	for _, p := range []string{out, BeritaAcaraPath(out)} {
		if _, err := os.Stat(p); !os.IsNotExist(err) {
			t.Errorf("%s left behind (%v)", p, err)
		}
	}
	p := must(ReadFile(path))
	for _, dry := range []bool{true, false} {
		if _, err := Import(ctx, reg(receiving), p, dry, nil); errCode(err) != "role_denied" {
			t.Errorf("import (dry run %v) as kepala: %v", dry, err)
		}
	}
}
