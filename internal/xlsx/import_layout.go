package xlsx

import (
	"bytes"
	"io"
	"sort"
	"strconv"
	"strings"
)

// mergeRange is a merged range of cells, 0-based columns and Excel row numbers.
type mergeRange struct {
	r1, r2 int
	c1, c2 int
}

// layout is what a worksheet says about its cells besides their values:
// merged ranges (written after the rows) and hidden columns (before them).
type layout struct {
	merges     []mergeRange // sorted by first row
	hiddenCols map[int]bool
}

// readLayout reads a worksheet's merged ranges and hidden columns. The
// merged ranges come after the rows, so the part is read once more; it is
// searched as bytes, not tokenized, which costs a small part of reading it.
func (wb *workbook) readLayout(s sheetRef) (layout, error) {
	var lo layout
	if wb.csv != nil || wb.xls != nil {
		return lo, nil
	}
	rc, err := wb.open(s.part)
	if err != nil {
		return lo, err
	}
	defer rc.Close()
	buf := make([]byte, 256<<10)
	var carry []byte // an unfinished tag from the previous chunk
	for {
		n, rerr := io.ReadFull(rc, buf)
		data := buf[:n]
		if len(carry) > 0 {
			data = append(carry, data...)
			carry = nil
		}
		rest := lo.scan(data)
		if len(rest) > 0 && len(rest) < maxTagBytes {
			carry = append([]byte(nil), rest...)
		}
		if rerr == io.EOF || rerr == io.ErrUnexpectedEOF {
			break
		}
		if rerr != nil {
			return lo, wb.partErr(s.part, rerr)
		}
	}
	sort.Slice(lo.merges, func(i, j int) bool { return lo.merges[i].r1 < lo.merges[j].r1 })
	return lo, nil
}

// maxMerges bounds the merged ranges kept for one sheet.
const maxMerges = 250_000

var (
	tagMerge = []byte("mergeCell ")
	tagCol   = []byte("col ")
)

// scan finds <mergeCell ref="…"/> and <col … hidden="1"/> tags in data and
// returns the unfinished tail (a tag cut by the chunk's end).
func (lo *layout) scan(data []byte) []byte {
	for {
		i := bytes.IndexByte(data, '<')
		if i < 0 {
			return nil
		}
		data = data[i+1:]
		end := bytes.IndexByte(data, '>')
		if end < 0 {
			return append([]byte("<"), data...)
		}
		tag := data[:end]
		data = data[end+1:]
		if len(tag) < 4 || tag[0] == '/' {
			continue
		}
		if k := bytes.IndexByte(tag, ':'); k > 0 && k < bytes.IndexByte(append(tag, ' '), ' ') {
			tag = tag[k+1:] // x:mergeCell
		}
		switch {
		case bytes.HasPrefix(tag, tagMerge):
			if len(lo.merges) >= maxMerges {
				continue // a hostile file; the ranges past this are not applied
			}
			if m, ok := parseRange(tagAttr(tag, "ref")); ok && (m.r2 > m.r1 || m.c2 > m.c1) {
				lo.merges = append(lo.merges, m)
			}
		case bytes.HasPrefix(tag, tagCol):
			h := tagAttr(tag, "hidden")
			if h != "1" && h != "true" {
				continue
			}
			a, err1 := strconv.Atoi(tagAttr(tag, "min"))
			b, err2 := strconv.Atoi(tagAttr(tag, "max"))
			if err1 != nil || err2 != nil || a < 1 || b < a {
				continue
			}
			if lo.hiddenCols == nil {
				lo.hiddenCols = map[int]bool{}
			}
			// LibreOffice writes max="1024" for "the rest of the sheet";
			// only the columns an import can read matter.
			for c := a; c <= min(b, 256); c++ {
				lo.hiddenCols[c-1] = true
			}
		}
	}
}

// tagAttr returns the value of attribute name in a tag's text.
func tagAttr(tag []byte, name string) string {
	for _, q := range []string{`"`, `'`} {
		key := []byte(" " + name + "=" + q)
		if i := bytes.Index(tag, key); i >= 0 {
			v := tag[i+len(key):]
			if j := bytes.IndexByte(v, q[0]); j >= 0 {
				return string(v[:j])
			}
		}
	}
	return ""
}

// parseRange reads "B5:B9".
func parseRange(ref string) (mergeRange, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return mergeRange{}, false
	}
	c1, r1, ok1 := splitCellRef(a)
	c2, r2, ok2 := splitCellRef(b)
	if !ok1 || !ok2 || r2 < r1 || c2 < c1 {
		return mergeRange{}, false
	}
	return mergeRange{r1: r1, r2: r2, c1: c1, c2: c2}, true
}

func splitCellRef(s string) (col, row int, ok bool) {
	i := 0
	for i < len(s) && (s[i] >= 'A' && s[i] <= 'Z' || s[i] >= 'a' && s[i] <= 'z') {
		i++
	}
	col, ok = columnOf(s[:i])
	if !ok {
		return 0, 0, false
	}
	row, err := strconv.Atoi(s[i:])
	if err != nil || row < 1 {
		return 0, 0, false
	}
	return col, row, true
}

// mergeFill gives the rows a merged range covers the value of its first
// cell, as the clerk sees it: a kecamatan merged down over five rows
// belongs to each of them. Rows come in ascending order.
type mergeFill struct {
	merges []mergeRange
	next   int           // first merge not yet started
	active []activeMerge // merges that cover rows still to come
}

type activeMerge struct {
	m mergeRange
	v cell
}

// apply fills r's empty cells under a merged range that began above it
// and remembers the ranges that begin at r.
func (f *mergeFill) apply(r *sheetRow) {
	keep := f.active[:0]
	for _, a := range f.active {
		if a.m.r2 < r.num {
			continue
		}
		if a.m.r1 < r.num && r.get(a.m.c1).text == "" {
			r.set(a.m.c1, a.v)
		}
		keep = append(keep, a)
	}
	f.active = keep
	for f.next < len(f.merges) && f.merges[f.next].r1 <= r.num {
		m := f.merges[f.next]
		f.next++
		if m.r2 <= r.num || m.r1 != r.num {
			continue // a range on one row, or one whose first row had no element
		}
		if v := r.get(m.c1); strings.TrimSpace(v.text) != "" {
			f.active = append(f.active, activeMerge{m, v})
		}
	}
}

// set puts c in column col, growing the row as needed.
func (r *sheetRow) set(col int, c cell) {
	if col < 0 || col > 1<<14 {
		return
	}
	if col < len(r.cells) {
		r.cells[col] = c
		return
	}
	cells := make([]cell, col+1)
	copy(cells, r.cells)
	cells[col] = c
	r.cells = cells
}
