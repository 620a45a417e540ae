package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"wubdesk/internal/wub"
)

func init() {
	register("agency", "riwayat dinas: list, add (dinas baru), rename (nama baru mulai tanggal), end (tahun terakhir)", runAgency)
}

// The JSON of `wubdesk agency list --json`; scripts depend on these names.
type agencyListJSON struct {
	Code      string           `json:"code"`
	Order     int              `json:"sort_order"`
	FirstYear int              `json:"first_year"`
	LastYear  int              `json:"last_year"` // 0 while it runs the program
	Names     []agencyNameJSON `json:"names"`
}

type agencyNameJSON struct {
	ValidFrom string `json:"valid_from"`
	Short     string `json:"short_name"`
	Full      string `json:"full_name"`
}

const agencyUsage = `list|add|rename|end --db BERKAS ...
  list   --db BERKAS [--json]
  add    --db BERKAS --code KODE --name "NAMA" [--full "NAMA LENGKAP"] --from TTTT-BB-HH
  rename --db BERKAS --code KODE --name "NAMA" [--full "NAMA LENGKAP"] --from TTTT-BB-HH
  end    --db BERKAS --code KODE --last-year TTTT   (0: dinas kembali berjalan)`

func runAgency(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(env.Stderr, "Pemakaian: wubdesk agency %s\n", agencyUsage)
		return &UsageError{"sebutkan list, add, rename atau end"}
	}
	sub := args[0]
	fs := newFlags(env, "agency "+sub, agencyUsage)
	dbPath := fs.String("db", "", "berkas basis data")
	asJSON := fs.Bool("json", false, "list: tulis riwayat dinas sebagai JSON di stdout")
	code := fs.String("code", "", "kode dinas (tetap, tidak pernah berubah)")
	name := fs.String("name", "", "nama singkat dinas, seperti di laporan (misalnya \"Diskop UKM dan Naker\")")
	full := fs.String("full", "", "nama lengkap dinas (bawaan: sama dengan --name)")
	from := fs.String("from", "", "tanggal mulai berlakunya nama, TTTT-BB-HH")
	lastYear := fs.String("last-year", "", "tahun program terakhir yang dijalankan dinas (0: masih berjalan)")
	if _, err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	var c wub.AgencyChange
	switch sub {
	case "list":
	case "add", "rename":
		c = wub.AgencyChange{Kind: wub.AgencyAdd, Code: *code, Short: *name, Full: *full}
		if sub == "rename" {
			c.Kind = wub.AgencyRename
		}
		if strings.TrimSpace(*code) == "" || strings.TrimSpace(*name) == "" || strings.TrimSpace(*from) == "" {
			return &UsageError{"--code, --name dan --from wajib diisi"}
		}
		d, err := wub.ParseDate(*from)
		if err != nil {
			return wub.Errorf("agency_from_invalid", *from)
		}
		c.From = d
	case "end":
		if strings.TrimSpace(*code) == "" || strings.TrimSpace(*lastYear) == "" {
			return &UsageError{"--code dan --last-year wajib diisi"}
		}
		y, err := strconv.Atoi(strings.TrimSpace(*lastYear))
		if err != nil || y != 0 && (y < wub.MinAgencyYear || y > 9999) {
			return wub.Errorf("agency_year_invalid", *lastYear)
		}
		c = wub.AgencyChange{Kind: wub.AgencyEnd, Code: *code, LastYear: y}
	default:
		fmt.Fprintf(env.Stderr, "Pemakaian: wubdesk agency %s\n", agencyUsage)
		return &UsageError{fmt.Sprintf("perintah agency %q tidak dikenal (list, add, rename, end)", sub)}
	}
	db, closer, err := openApp(*dbPath)
	if err != nil {
		return err
	}
	defer closer.Close()
	if sub == "list" {
		as, err := db.Agencies(ctx)
		if err != nil {
			return err
		}
		return printAgencies(env, as, *asJSON)
	}
	c.Normalize()
	if _, err := db.ChangeAgency(ctx, c); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, c.Describe())
	return nil
}

func printAgencies(env *Env, as wub.Agencies, asJSON bool) error {
	if asJSON {
		out := make([]agencyListJSON, 0, len(as))
		for _, a := range as {
			j := agencyListJSON{Code: a.Code, Order: a.Order, FirstYear: a.FirstYear, LastYear: a.LastYear, Names: []agencyNameJSON{}}
			for _, n := range a.Names {
				j.Names = append(j.Names, agencyNameJSON{ValidFrom: wub.ISO(n.ValidFrom), Short: n.Short, Full: n.Full})
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(env.Stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(out)
	}
	for _, a := range as {
		last := "…"
		if a.LastYear != 0 {
			last = strconv.Itoa(a.LastYear)
		}
		fmt.Fprintf(env.Stdout, "%-12s %d–%s\n", a.Code, a.FirstYear, last)
		for _, n := range a.Names {
			fmt.Fprintf(env.Stdout, "  sejak %s  %s — %s\n", wub.FormatDate(n.ValidFrom), n.Short, n.Full)
		}
	}
	return nil
}
