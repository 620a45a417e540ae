package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func init() {
	register("send", "kirim laporan satu bulan ke register kabupaten (antre bila hub tidak terjangkau)", runSend)
}

type sendJSON struct {
	Agency  string `json:"agency"`
	Month   string `json:"month"`
	Code    string `json:"code"`
	State   string `json:"state"`
	Queued  bool   `json:"queued"` // still waiting for the hub
	Sent    int    `json:"sent"`   // requests the hub took in this run
	Pending int    `json:"pending"`
	Hub     string `json:"hub"`
	Error   string `json:"error,omitempty"`
}

// runSend queues the month's snapshot for the hub and pushes the queue when
// the hub can be reached. It exits 0 when the month is sent or queued (an
// unreachable hub is said on stderr), 2 when it cannot be sent at all (not
// enrolled, already accepted, the hub refused it).
func runSend(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "send", "--db BERKAS --month TTTT-BB [--agency KODE] [--out BERKAS.xlsx] [--user NAMA] [--json]")
	dbPath := fs.String("db", "", "berkas basis data")
	month := fs.String("month", "", "bulan laporan TTTT-BB, mis. 2024-06")
	agency := fs.String("agency", "", "kode dinas (bawaan: dinas kantor ini)")
	out := fs.String("out", "", "tulis juga buku kerja bulan itu ke BERKAS.xlsx (kode verifikasinya yang dikirim)")
	user := userFlag(fs)
	asJSON := fs.Bool("json", false, `keluaran JSON: {"agency", "month", "code", "state", "queued", "sent", "pending", "hub"}`)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return &UsageError{fmt.Sprintf("argumen tidak dikenal: %s", strings.Join(rest, " "))}
	}
	if strings.TrimSpace(*month) == "" {
		return &UsageError{"--month TTTT-BB wajib diisi"}
	}
	m, err := wub.ParsePeriod(*month)
	if err != nil {
		return err
	}
	a, err := openAppForWrite(ctx, env, *dbPath, *user, wub.ActEdit)
	if err != nil {
		return err
	}
	defer a.Close()
	code := strings.ToUpper(strings.TrimSpace(*agency))
	if code == "" {
		if code, err = a.OfficeAgency(ctx); err != nil {
			return err
		}
	}
	verify := ""
	if *out != "" {
		var meta wub.SubmissionMeta
		if err := xlsx.WriteFile(*out, func(w io.Writer) error {
			var err error
			meta, err = a.WriteMonthWorkbook(ctx, code, m, w)
			return err
		}); err != nil {
			return err
		}
		verify = wub.VerificationCode(meta.DataSHA256)
	}
	r, err := a.SendMonth(ctx, code, m, verify)
	if err != nil {
		return err
	}
	push, err := a.PushMonths(ctx)
	if err != nil {
		return err
	}
	r, err = a.MonthReviewOf(ctx, code, m)
	if err != nil {
		return err
	}
	res := sendJSON{Agency: code, Month: r.Month, Code: r.Code, State: r.State, Queued: r.Waiting, Sent: push.Sent,
		Pending: push.Pending, Hub: push.Hub}
	if push.Err != nil {
		res.Error = push.Err.Error()
		fmt.Fprintln(env.Stderr, push.Err)
	}
	if why, ok := push.Refused[r.Month]; ok {
		return fmt.Errorf("%s %s: %s", code, r.Month, why) // the hub refused the month for good
	}
	if *asJSON {
		enc := json.NewEncoder(env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	if r.Waiting {
		fmt.Fprintln(env.Stdout, wub.Message("send_queued", "", wub.PeriodLabel(m), push.Hub))
		return nil
	}
	fmt.Fprintf(env.Stdout, "%s %s: %s (kode verifikasi %s) -> %s\n", code, r.Month, wub.MonthStateLabel(r.State), r.Code, push.Hub)
	return nil
}
