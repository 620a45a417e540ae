package ui

import (
	"fmt"
	"image"
	"image/png"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"wubdesk/internal/store"
	"wubdesk/internal/wub"
)

// seedRealistic writes a year like the program's 2023 as of 30 June: the
// 2020–2022 opening balances (8,200), 1,800 quotas and about 900 people
// trained from February on, some by two agencies.
func seedRealistic(t *testing.T, db *store.DB) {
	t.Helper()
	var obs []wub.OpeningBalance
	seven := []string{wub.DPMPTSP, wub.DISKOPUKM, wub.DISPERINDAG, wub.DISPORAPAR, wub.DKPP, wub.DKP, wub.DP3AP2KB}
	for year, counts := range map[int][]int{2020: {400, 450, 400, 350, 300, 300, 300}, 2021: {400, 500, 450, 400, 350, 350, 350},
		2022: {450, 500, 450, 400, 400, 350, 350}} {
		for i, n := range counts {
			obs = append(obs, wub.OpeningBalance{AgencyCode: seven[i], Year: year, Count: n, Note: fmt.Sprintf("Laporan tahunan %d", year)})
		}
	}
	if err := db.SetOpeningBalances(bg, obs); err != nil {
		t.Fatal(err)
	}
	quota := map[string]int{wub.DISKOPUKM: 400, wub.DISPERINDAG: 350, wub.DISPORAPAR: 250, wub.DKPP: 300, wub.DKP: 250, wub.DP3AP2KB: 250}
	done := map[string]int{wub.DISKOPUKM: 230, wub.DISPERINDAG: 160, wub.DISPORAPAR: 90, wub.DKPP: 170, wub.DKP: 120, wub.DP3AP2KB: 140}
	var qs []wub.Quota
	for _, code := range seven[1:] {
		qs = append(qs, wub.Quota{AgencyCode: code, Year: 2023, Count: quota[code]})
	}
	if err := db.SetQuotas(bg, 2023, qs); err != nil {
		t.Fatal(err)
	}
	r := rand.New(rand.NewPCG(2023, 6))
	ref := wub.Ref()
	kbli := []string{"C", "C", "C", "G", "G", "G", "G", "A", "A", "I", "S", ""}
	serial := 0
	err := db.Bulk(bg, func(b *store.Bulk) error {
		for _, code := range seven[1:] {
			for n := 0; n < done[code]; n++ {
				serial++
				sex := []string{"L", "P", "P"}[r.IntN(3)]
				k := ref.Kecamatan[min(r.IntN(16), 12)] // Pamekasan town trains more
				d := 1 + r.IntN(28)
				if sex == "P" {
					d += 40
				}
				completed := time.Date(2023, time.Month(2+r.IntN(5)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)
				p := &wub.Trainee{NIK: fmt.Sprintf("3528%s%02d%02d%02d%04d", k.Code[6:8], d, 1+serial%12, 70+serial%30, serial),
					Name: fmt.Sprintf("Peserta %04d", serial), Sex: sex, KecCode: k.Code, KBLI: kbli[r.IntN(len(kbli))],
					Enrolments: []wub.Enrolment{{AgencyCode: code, Year: 2023, Status: wub.StatusTrained, CompletedOn: completed}}}
				p.Normalize()
				if err := b.Insert(p); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestKuotaScreenshots takes the pictures in docs/screenshots with the
// app's light theme on a realistic database:
//
//	WUB_SHOT_DIR=docs/screenshots go test -tags migrated_fynedo -run KuotaScreenshots ./internal/ui/
func TestKuotaScreenshots(t *testing.T) {
	dir := os.Getenv("WUB_SHOT_DIR")
	if dir == "" {
		t.Skip("set WUB_SHOT_DIR to take the screenshots")
	}
	u, db := newTestUI(t, true)
	db.Now = func() time.Time { return time.Date(2023, 6, 30, 10, 0, 0, 0, time.UTC) }
	applyTheme(u.fyne, themeLight)
	seedRealistic(t, db)
	s := kuota(t, u, "2023")
	shot := func(name string, img image.Image) {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if err := png.Encode(f, img); err != nil {
			t.Fatal(err)
		}
	}
	shot("kuota.png", u.win.Canvas().Capture())
	s.scroll.ScrollToOffset(fyne.NewPos(0, 560))
	shot("kuota-grafik.png", u.win.Canvas().Capture())
	s.scroll.ScrollToTop()
	s.view.openRow(s.d.Agencies[2])
	u.jobs.wait()
	shot("kuota-orang.png", u.win.Canvas().Capture())
	s.people.dlg.Hide()
	s.distribute()
	u.jobs.wait()
	s.distributeDialog.total.SetText("1.800")
	s.distributeDialog.split()
	s.distributeDialog.quotas[0].SetText("400")
	shot("kuota-bagi.png", u.win.Canvas().Capture())
	s.distributeDialog.fd.dlg.Hide()
	shot("kuota-gambar.png", dashboardImage(s.d))
}
