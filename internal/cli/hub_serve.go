package cli

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os/signal"
	"syscall"

	"wubdesk/internal/hub"
)

func init() {
	registerHub("serve", "jalankan hub (HTTPS) sampai dihentikan", runHubServe)
}

func runHubServe(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "hub serve", "--pg ALAMAT --listen ALAMAT:PORT [--cert BERKAS --key BERKAS]")
	pg := fs.String("pg", "", "alamat PostgreSQL hub")
	listen := fs.String("listen", ":8443", "alamat dan port yang didengarkan, misalnya :8443")
	certFile := fs.String("cert", "", "sertifikat kabupaten (PEM); tanpa ini dipakai sertifikat buatan `hub init`")
	keyFile := fs.String("key", "", "kunci privat sertifikat kabupaten (PEM)")
	if _, err := parseFlags(fs, args); err != nil {
		return err
	}
	if (*certFile == "") != (*keyFile == "") {
		return &UsageError{"--cert dan --key diberikan berdua, atau tidak sama sekali"}
	}
	h, err := openHub(ctx, *pg)
	if err != nil {
		return err
	}
	defer h.Close()
	if *certFile != "" {
		err = h.UseCertFiles(*certFile, *keyFile)
	} else {
		err = h.UseStoredCert(ctx)
	}
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *listen)
	if err != nil {
		return hub.Errorf(400, "hub_listen_invalid", *listen, err.Error())
	}
	h.Log = slog.New(slog.NewTextHandler(env.Stderr, nil))
	fmt.Fprintf(env.Stdout, "Hub berjalan di https://%s\n", ln.Addr())
	fmt.Fprintf(env.Stdout, "Sidik jari sertifikat (SHA-256): %s\n", h.CertFingerprint())
	ctx, stop := signal.NotifyContext(ctx, syscall.SIGTERM)
	defer stop()
	if err := h.Serve(ctx, ln); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "Hub berhenti.")
	return nil
}
