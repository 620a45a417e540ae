package officedoc

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"wubdesk/internal/wub"
)

func pdfTextOf(t *testing.T, b []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("SKIP: pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "doc.pdf")
	os.WriteFile(path, b, 0o644)
	if dir := os.Getenv("WUBDESK_PDF_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, t.Name()+".pdf"), b, 0o644)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// The berita acara of an erasure names the ground, the masked NIK, what was
// emptied and the pseudonym kept; the breach letter lists the people the
// lost copy held, NIKs masked.
func TestErasureAndBreachDocuments(t *testing.T) {
	ctx := context.Background()
	db := officeDB(t)
	s := &wub.Trainee{NIK: "3528045203950001", Name: "Siti Aminah", Sex: "P", DesaCode: "35.28.04.1001",
		Address: "Jl. Melati 7", Enrolments: []wub.Enrolment{{AgencyCode: wub.DISKOPUKM, Year: 2022, Status: wub.StatusTrained}}}
	a := &wub.Trainee{NIK: "3528041203900002", Name: "Ahmad Fauzi", Sex: "L", DesaCode: "35.28.04.1001",
		Enrolments: []wub.Enrolment{{AgencyCode: wub.DISKOPUKM, Year: 2022, Status: wub.StatusTrained}}}
	for _, p := range []*wub.Trainee{s, a} {
		if _, err := db.CreateTrainee(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	cid, err := db.RecordCopy(ctx, wub.CopyRecord{Kind: wub.CopyBackup, Path: "E:/cadangan.db.age", Encrypted: true,
		Lock: wub.LockOffice, Everyone: true}, nil)
	if err != nil {
		t.Fatal(err)
	}
	bid, err := db.AddBreach(ctx, wub.Breach{FoundOn: d(2024, 6, 1), What: "Flashdisk berisi cadangan hilang", CopyID: cid,
		Measures: "Kunci kantor diganti."})
	if err != nil {
		t.Fatal(err)
	}
	bs, _ := db.Breaches(ctx)
	var buf bytes.Buffer
	if _, err := BreachNotice(ctx, db, bs[0], true, &buf); err != nil {
		t.Fatal(err)
	}
	text := pdfTextOf(t, buf.Bytes())
	for _, want := range []string{"Pasal 46", "Flashdisk berisi cadangan hilang", "terenkripsi", "Siti Aminah", "Ahmad Fauzi", "3528********0001"} {
		if !strings.Contains(text, want) {
			t.Errorf("breach letter lacks %q", want)
		}
	}
	if strings.Contains(text, "3528045203950001") {
		t.Error("breach letter shows a full NIK")
	}
	_ = bid

	es, err := db.ErasePerson(ctx, s.NIK, wub.EraseOnRequest, "Surat permohonan tanggal 1 Juni 2024")
	if err != nil {
		t.Fatal(err)
	}
	buf.Reset()
	res, err := Erasure(ctx, db, es, &buf)
	if err != nil {
		t.Fatal(err)
	}
	text = pdfTextOf(t, buf.Bytes())
	for _, want := range []string{"PENGHAPUSAN DATA PRIBADI", "Pasal 43", "3528********0001", "Siti Aminah", "Surat permohonan",
		wub.ErasedPseudonym(s.ID), res.Number()} {
		if !strings.Contains(text, want) {
			t.Errorf("berita acara lacks %q:\n%s", want, text)
		}
	}
	if got, _ := db.Erasures(ctx); len(got) != 1 || got[0].Letter != res.Number() {
		t.Errorf("erasure letter: %+v", got)
	}
}
