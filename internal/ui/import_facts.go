package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"wubdesk/internal/wub"
	"wubdesk/internal/xlsx"
)

// importFacts is the import preview's note of rows whose NIK another agency
// registered (the regency register, issue 21): a summary and the first
// rows, "Baris 12 (NIK 3528…0001): sudah dilatih Disperindag 2022". The
// hub is asked once for the file's NIKs; offline the last known facts
// answer. Only for an enrolled office; the rows can still be imported.
type importFacts struct {
	s     *importScreen
	box   *fyne.Container
	query latest
	rows  int // rows with facts in the last answer (tests read it)
}

const importFactsShown = 5

func newImportFacts(s *importScreen) *importFacts {
	f := &importFacts{s: s, box: container.NewVBox()}
	f.box.Hide()
	return f
}

func (f *importFacts) check(rep *xlsx.Report) {
	u := f.s.u
	ctx, current := f.query.start()
	f.rows = 0
	f.box.Hide()
	if rep == nil || u.app == nil {
		return
	}
	type hit struct {
		num  int
		nik  string
		note string
	}
	var niks []string
	nums := map[string]int{}
	for i, r := range rep.Rows {
		if r.Skip() != "" {
			continue
		}
		if n := rep.NIK(i); n != "" {
			if _, seen := nums[n]; !seen {
				nums[n] = r.Num
				niks = append(niks, n)
			}
		}
	}
	var hits []hit
	a := u.app
	u.jobs.run(func() error {
		all, err := a.HubFacts(ctx, niks, true)
		if err != nil {
			return err
		}
		for _, n := range niks {
			if fs := all[n]; len(fs) > 0 {
				hits = append(hits, hit{nums[n], n, a.FactNote(ctx, fs)})
			}
		}
		return nil
	}, func(err error) {
		if !current() || err != nil || f.s.rep != rep {
			return
		}
		f.rows = len(hits)
		f.box.Objects = nil
		if len(hits) == 0 {
			f.box.Refresh()
			return
		}
		head := widget.NewLabel(T("sync.import_summary", len(hits)))
		head.Importance = widget.WarningImportance
		head.Wrapping = fyne.TextWrapWord
		f.box.Add(head)
		for _, h := range hits[:min(len(hits), importFactsShown)] {
			l := widget.NewLabel(T("sync.import_row", h.num, wub.MaskNIK(h.nik), h.note))
			l.Wrapping = fyne.TextWrapWord
			f.box.Add(l)
		}
		f.box.Show()
		f.box.Refresh()
	})
}
