package xlsx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"wubdesk/internal/wub"
)

// writeBigWorkbook writes an office-shaped workbook of n trainees (title
// rows, two-row header, column numbers, signature) with a StreamWriter.
func writeBigWorkbook(t testing.TB, w io.Writer, n int) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	const s = "DATA"
	must(t, f.SetSheetName("Sheet1", s))
	sw, err := f.NewStreamWriter(s)
	must(t, err)
	row := 0
	put := func(vals ...any) {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		must(t, sw.SetRow(cell, vals))
	}
	put("DAFTAR PESERTA WUB")
	put("DINAS PERINDUSTRIAN DAN PERDAGANGAN")
	put("TAHUN 2022")
	put("NO", "NAMA", "NIK", "JK", "TTL", "ALAMAT", nil, nil, "NO HP", "JENIS USAHA")
	put(nil, nil, nil, nil, nil, "DUSUN", "DESA", "KECAMATAN")
	put(1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	ref := wub.Ref()
	for i := 0; i < n; i++ {
		kec := ref.Kecamatan[i%len(ref.Kecamatan)]
		ds := ref.DesaIn(kec.Code)
		day, month, yy := 1+i%28, 1+(i/28)%12, 70+(i/9000)%30
		sex, dd := "L", day
		if i%2 == 1 {
			sex, dd = "P", day+40
		}
		nik := fmt.Sprintf("3528%s%02d%02d%02d%04d", kec.Code[6:], dd, month, yy, 1+i%9000)
		put(i+1, fmt.Sprintf("Peserta %d", i+1), nik, sex,
			fmt.Sprintf("Pamekasan, %02d-%02d-19%02d", day, month, yy),
			"Dsn. Krajan", ds[i%len(ds)].Name, "Kec. "+kec.Name, int64(81200000000+i), "Kuliner")
	}
	put("JUMLAH")
	put(nil, nil, nil, nil, nil, nil, nil, nil, "Pamekasan, 30 Desember 2022")
	must(t, sw.Flush())
	_, err = f.WriteTo(w)
	must(t, err)
}

// writeBigWorkbookShared writes the same workbook as writeBigWorkbook the
// way Excel and LibreOffice store one: text in the shared string table.
func writeBigWorkbookShared(t testing.TB, w io.Writer, n int) {
	t.Helper()
	var sst []string
	index := map[string]int{}
	str := func(s string) string {
		i, ok := index[s]
		if !ok {
			i = len(sst)
			index[s] = i
			sst = append(sst, s)
		}
		return fmt.Sprintf(`t="s"><v>%d</v>`, i)
	}
	var sheet bytes.Buffer
	row := func(r int, vals ...any) {
		fmt.Fprintf(&sheet, `<row r="%d">`, r)
		for c, v := range vals {
			ref := columnLetter(c) + fmt.Sprint(r)
			switch v := v.(type) {
			case string:
				fmt.Fprintf(&sheet, `<c r="%s" %s</c>`, ref, str(v))
			case int, int64:
				fmt.Fprintf(&sheet, `<c r="%s"><v>%d</v></c>`, ref, v)
			}
		}
		sheet.WriteString("</row>")
	}
	row(1, "DAFTAR PESERTA WUB")
	row(2, "DINAS PERINDUSTRIAN DAN PERDAGANGAN")
	row(3, "TAHUN 2022")
	row(4, "NO", "NAMA", "NIK", "JK", "TTL", "ALAMAT", nil, nil, "NO HP", "JENIS USAHA")
	row(5, nil, nil, nil, nil, nil, "DUSUN", "DESA", "KECAMATAN")
	row(6, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	ref := wub.Ref()
	for i := 0; i < n; i++ {
		kec := ref.Kecamatan[i%len(ref.Kecamatan)]
		ds := ref.DesaIn(kec.Code)
		day, month, yy := 1+i%28, 1+(i/28)%12, 70+(i/9000)%30
		sex, dd := "L", day
		if i%2 == 1 {
			sex, dd = "P", day+40
		}
		nik := fmt.Sprintf("3528%s%02d%02d%02d%04d", kec.Code[6:], dd, month, yy, 1+i%9000)
		row(7+i, i+1, fmt.Sprintf("Peserta %d", i+1), nik, sex, fmt.Sprintf("Pamekasan, %02d-%02d-19%02d", day, month, yy),
			"Dsn. Krajan", ds[i%len(ds)].Name, "Kec. "+kec.Name, int64(81200000000+i), "Kuliner")
	}
	row(7+n, "JUMLAH")
	var b strings.Builder
	for _, s := range sst {
		b.WriteString("<si><t>" + s + "</t></si>")
	}
	_, err := w.Write(craftWorkbook(t, func(w io.Writer) { w.Write(sheet.Bytes()) }, nil, b.String()))
	must(t, err)
}

func TestCancelMidwayChangesNothing(t *testing.T) {
	db := openDB(t)
	var buf bytes.Buffer
	writeBigWorkbook(t, &buf, 1200)
	rep, err := Preview(ctx, bytes.NewReader(buf.Bytes()), "besar.xlsx", Options{Register: db, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Accepted != 1200 || rep.Rejected != 0 {
		t.Fatalf("accepted %d rejected %d", rep.Accepted, rep.Rejected)
	}
	// JUMLAH alone in the No column still ends the table.
	last := rep.Rows[len(rep.Rows)-2:]
	if last[0].Skip() != SkipTotal || last[1].Skip() != SkipAfterTable {
		t.Errorf("end of table: %q, %q", last[0].Skip(), last[1].Skip())
	}
	c, cancel := context.WithCancel(ctx)
	seen := 0
	_, err = commit(c, db, rep, func(done, total int) {
		seen = done
		if done == 500 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || seen != 500 {
		t.Fatalf("err %v after %d rows, want context.Canceled after 500", err, seen)
	}
	nik := rep.NIK(rowIndex(rep, 7)) // the first data row
	if tr, err := db.TraineeByNIK(ctx, nik); tr != nil || err != nil {
		t.Errorf("row 7 is in the database after a cancel: %v %v", tr, err)
	}
	if _, err := commit(ctx, db, rep, nil); err != nil {
		t.Fatalf("commit after the cancel: %v", err)
	}
	if tr, _ := db.TraineeByNIK(ctx, nik); tr == nil {
		t.Error("row 7 missing after the commit")
	}
}

// BenchmarkImport100k previews and commits a 100,000-row office workbook
// (validation and commit included), its text in a shared string table as
// Excel writes it. Set WUBDESK_BENCH_ROWS to change the
// size. Peak heap is reported as peak-MiB (sampled every 10 ms).
func BenchmarkImport100k(b *testing.B) {
	n := 100_000
	if v := os.Getenv("WUBDESK_BENCH_ROWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	path := filepath.Join(b.TempDir(), "big.xlsx")
	out, err := os.Create(path)
	must(b, err)
	writeBigWorkbookShared(b, out, n)
	must(b, out.Close())
	st, _ := os.Stat(path)
	b.Logf("%d rows, %.1f MB file", n, float64(st.Size())/(1<<20))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		db := openDB(b)
		runtime.GC()
		debug.FreeOSMemory()
		resetPeakRSS()
		stop := sampleHeap()
		cpu0 := cpuSeconds()
		b.StartTimer()
		rep, err := PreviewFile(ctx, path, Options{Register: db})
		must(b, err)
		if rep.Accepted != n {
			b.Fatalf("accepted %d of %d", rep.Accepted, n)
		}
		_, err = commit(ctx, db, rep, nil)
		must(b, err)
		b.StopTimer()
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
		b.ReportMetric(stop(), "peak-heap-MiB")
		b.ReportMetric(peakRSS(), "peak-RSS-MiB")
		db.Close()
		b.StartTimer()
	}
}

// cpuSeconds is the user and system CPU time of the process so far: on a
// shared machine it says more than the wall clock.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}

// resetPeakRSS starts a new peak of the resident set (Linux: VmHWM), so
// that generating the workbook does not count.
func resetPeakRSS() { os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) }

// peakRSS is the peak resident set since resetPeakRSS, in MiB: Go's heap
// and SQLite's page cache (modernc allocates outside the Go heap) together.
func peakRSS() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			var kb float64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(l, "VmHWM:"), "kB")), &kb)
			return kb / 1024
		}
	}
	return 0
}

// sampleHeap samples the Go heap in use until stopped; it returns the peak.
func sampleHeap() func() float64 {
	done := make(chan struct{})
	peak := make(chan uint64)
	go func() {
		var m runtime.MemStats
		var max uint64
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > max {
				max = m.HeapInuse
			}
			select {
			case <-done:
				peak <- max
				return
			default:
				runtimeSleep()
			}
		}
	}()
	return func() float64 {
		close(done)
		return float64(<-peak) / (1 << 20)
	}
}

func runtimeSleep() { time.Sleep(10 * time.Millisecond) }
