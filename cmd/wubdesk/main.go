// Command wubdesk is the WUBDesk desktop app for the Program Wirausaha Baru
// of Kabupaten Pamekasan. Without a command it opens the window; with one
// (import, export, demo, ...) it runs headless. See `wubdesk help`.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"fyne.io/fyne/v2/app"

	"wubdesk/internal/cli"
	"wubdesk/internal/store"
	"wubdesk/internal/ui"
)

// AppID is also in FyneApp.toml; `fyne package` reads that one.
const AppID = "id.go.pamekasankab.wubdesk"

// version is set at build time: -ldflags "-X main.version=v1.2.3".
var version = "dev"

func main() {
	started := time.Now()
	attachConsole()
	if len(os.Args) > 1 && cli.IsCommand(os.Args[1]) {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		code := cli.Run(ctx, os.Args[1:], os.Stdout, os.Stderr)
		stop()
		os.Exit(code)
	}
	fs := flag.NewFlagSet("wubdesk", flag.ContinueOnError)
	dbPath := fs.String("db", "", "berkas basis data (bawaan: folder konfigurasi pengguna)")
	lang := fs.String("lang", "", "bahasa tampilan: id atau en (bawaan: dari Pengaturan)")
	quitAfter := fs.Duration("quit-after", 0, "tutup sendiri setelah jangka waktu ini (untuk uji asap)")
	show := fs.String("show", "", "layar pertama: peserta, peserta-baru, pengaturan, ... (untuk tangkapan layar)")
	size := fs.String("size", "", "ukuran jendela LEBARxTINGGI, misalnya 1024x768 (untuk tangkapan layar)")
	timing := fs.Bool("timing", false, "tulis lama mulai (jendela tampil, daftar peserta terisi) ke stderr")
	hubURL := fs.String("hub", "", "buka register kabupaten di alamat hub ini sebagai pengguna hub (Bagian Perekonomian)")
	hubPin := fs.String("hub-pin", "", "sidik SHA-256 sertifikat hub (tanpa ini: ditampilkan untuk dicocokkan)")
	if err := fs.Parse(os.Args[1:]); err != nil {
		os.Exit(2)
	}
	// A word that is no command (`wubdesk duplicates --db x.db`) must not
	// open the window on the default database with the rest ignored.
	if fs.NArg() > 0 {
		cli.Unknown(os.Stderr, fs.Arg(0))
		os.Exit(2)
	}
	if msg := noDisplay(); msg != "" {
		fmt.Fprintln(os.Stderr, "wubdesk:", msg)
		os.Exit(2)
	}
	if *hubURL != "" { // the economic section's window: no office database
		defer displayPanic()
		ui.RunHub(app.NewWithID(AppID), ui.HubOptions{URL: *hubURL, Pin: *hubPin, Lang: *lang, Version: version, QuitAfter: *quitAfter})
		return
	}
	if *dbPath == "" {
		if p, ok := portableDBPath(); ok {
			*dbPath = p
		}
	}
	if *dbPath == "" {
		p, err := store.DefaultPath()
		if err != nil {
			fmt.Fprintln(os.Stderr, "wubdesk: folder konfigurasi tidak ditemukan:", err)
			os.Exit(2)
		}
		*dbPath = p
	}
	defer displayPanic()
	a := app.NewWithID(AppID)
	ui.Run(a, ui.Options{DBPath: *dbPath, Lang: *lang, Version: version, QuitAfter: *quitAfter, Show: *show,
		Size: *size, Started: started, Timing: *timing})
}
