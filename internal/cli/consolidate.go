package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"wubdesk/internal/app"
	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

func init() {
	register("consolidate", "gabungkan laporan bulanan semua dinas (mode Bagian Perekonomian)", runConsolidate)
}

// The JSON of `wubdesk consolidate --json`; scripts depend on these names.
type consolidateJSON struct {
	Files      []fileJSON      `json:"files"`
	Agencies   []agencyJSON    `json:"agencies"`
	Enrolments int             `json:"enrolments"`
	People     int             `json:"people"`
	Duplicates []duplicateJSON `json:"duplicates"`
	Outcomes   *outcomesJSON   `json:"outcomes,omitempty"`
	// LikelyDuplicates: two NIKs that are likely one person (issue 18).
	LikelyDuplicates []likelyJSON `json:"likely_duplicates"`
}

type likelySideJSON struct {
	NIK    string `json:"nik"`
	Name   string `json:"name"`
	Agency string `json:"agency"`
}

type likelyJSON struct {
	A      likelySideJSON `json:"a"`
	B      likelySideJSON `json:"b"`
	Reason string         `json:"reason"`
	Score  int            `json:"score"`
}

type fileJSON struct {
	File   string `json:"file"`
	Agency string `json:"agency"`
	Month  string `json:"month"`
	OK     bool   `json:"ok"`
	Reason string `json:"reason"`
}

type agencyJSON struct {
	Agency     string `json:"agency"`
	Enrolments int    `json:"enrolments"`
	People     int    `json:"people"`
}

type duplicateJSON struct {
	NIK      string   `json:"nik"`
	Agencies []string `json:"agencies"`
}

func runConsolidate(ctx context.Context, env *Env, args []string) error {
	fs := newFlags(env, "consolidate", "--out BERKAS.xlsx [--json] [--late-day N] LAPORAN.xlsx… (atau folder)")
	out := fs.String("out", "", "buku kerja gabungan yang ditulis")
	asJSON := fs.Bool("json", false, "tulis hasil sebagai satu objek JSON di stdout")
	lateDay := fs.Int("late-day", wub.DefaultLateDay, "laporan terlambat bila diterima sesudah tanggal ini bulan berikutnya (1–28)")
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *lateDay < 1 || *lateDay > 28 {
		return &UsageError{fmt.Sprintf("--late-day %d tidak sah: tulis tanggal 1 sampai 28", *lateDay)}
	}
	if strings.TrimSpace(*out) == "" {
		return &UsageError{"--out BERKAS.xlsx wajib diisi"}
	}
	files, err := expandSubmissions(paths)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return wub.Errorf("consolidate_no_files")
	}
	c, err := app.ConsolidateFiles(ctx, files, xlsx.ConsolidateOptions{LateDay: *lateDay})
	if err != nil {
		return err
	}
	if err := xlsx.WriteFile(*out, func(w io.Writer) error { return xlsx.WriteConsolidation(w, c, wub.Office{}) }); err != nil {
		return err
	}
	for _, f := range c.Files {
		if f.Status == xlsx.FileRefused {
			fmt.Fprintf(env.Stderr, "wubdesk consolidate: tidak dihitung: %s\n", f.Note)
		}
	}
	if !*asJSON {
		fmt.Fprintf(env.Stdout, "%d berkas, %d lulus, %d orang (NIK unik), %d NIK di lebih dari satu dinas/tahun -> %s\n",
			len(c.Files), c.Enrolments, c.People, len(c.Duplicates), *out)
		return nil
	}
	enc := json.NewEncoder(env.Stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(toJSON(c))
}

func toJSON(c *xlsx.Consolidation) consolidateJSON {
	j := consolidateJSON{Files: []fileJSON{}, Agencies: []agencyJSON{}, Duplicates: []duplicateJSON{},
		LikelyDuplicates: []likelyJSON{}, Enrolments: c.Enrolments, People: c.People}
	for _, d := range c.LikelyDuplicates {
		j.LikelyDuplicates = append(j.LikelyDuplicates, likelyJSON{A: likelySideJSON{d.A.NIK, d.A.Name, d.A.Agency},
			B: likelySideJSON{d.B.NIK, d.B.Name, d.B.Agency}, Reason: d.Reason, Score: d.Score})
	}
	for _, f := range c.Files {
		j.Files = append(j.Files, fileJSON{File: f.Path, Agency: f.Meta.AgencyCode, Month: f.Meta.Period, OK: f.OK(), Reason: f.Note})
	}
	for _, a := range c.PerAgency {
		j.Agencies = append(j.Agencies, agencyJSON{Agency: a.Code, Enrolments: a.Enrolments, People: a.People})
	}
	for _, d := range c.Duplicates {
		dj := duplicateJSON{NIK: d.NIK}
		for _, w := range d.Where {
			dj.Agencies = append(dj.Agencies, w.Agency)
		}
		j.Duplicates = append(j.Duplicates, dj)
	}
	j.Outcomes = outcomesToJSON(c)
	return j
}

// expandSubmissions turns the arguments into files: a folder stands for
// the .xlsx files directly in it. A path that does not exist is an error.
func expandSubmissions(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			return nil, wub.Errorf("submission_not_found", p)
		}
		if !fi.IsDir() {
			out = append(out, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			return nil, wub.Errorf("submission_not_found", p)
		}
		var in []string
		for _, e := range entries {
			if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".xlsx") && !strings.HasPrefix(e.Name(), "~$") {
				in = append(in, filepath.Join(p, e.Name()))
			}
		}
		sort.Strings(in)
		out = append(out, in...)
	}
	return out, nil
}
