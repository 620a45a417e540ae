package cli

import (
	"context"
	"fmt"

	"wubdesk/internal/hubsync"
)

func init() {
	register("enrol", "daftarkan kantor ini di register kabupaten (hub) dengan kode pendaftaran", runEnrol)
}

// runEnrol trades a one-time enrolment code for the office's device
// credential. Without --pin it shows the hub certificate's fingerprint and
// trusts it (trust on first use); with --pin it refuses any other.
func runEnrol(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "enrol", "--db BERKAS --hub URL --code KODE [--pin SHA256]")
	dbPath := fs.String("db", "", "berkas basis data")
	hub := fs.String("hub", "", "alamat hub, misalnya https://hub.pamekasan.go.id:8443")
	code := fs.String("code", "", "kode pendaftaran dari Bagian Perekonomian")
	pin := fs.String("pin", "", "sidik jari SHA-256 sertifikat hub (heksadesimal); kosong: dipercaya saat ini")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if *hub == "" || *code == "" {
		return &UsageError{Msg: "wubdesk enrol: --hub dan --code wajib diisi"}
	}
	a, closer, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer closer.Close()
	link, err := a.Enrol(ctx, *hub, *code, *pin)
	if err != nil {
		return err
	}
	if *pin == "" {
		fmt.Fprintf(env.Stdout, "Sidik jari sertifikat hub (SHA-256), dipercaya: %s\n", hubsync.FormatPin(link.Fingerprint))
		fmt.Fprintln(env.Stdout, "Cocokkan dengan yang ditampilkan hub (wubdesk hub serve); bila berbeda, daftar ulang dengan --pin.")
	}
	fmt.Fprintf(env.Stdout, "Terdaftar di %s sebagai perangkat %s (dinas %s).\n", link.URL, link.DeviceID, link.Agency)
	return nil
}
