package xlsx

import (
	"runtime/debug"
	"sync"
)

// importGCPercent is the garbage collector's target while an import runs.
// A preview holds its rows in pointer-free memory (the arena, Row), which
// the collector need not scan, so collecting twice as often costs little
// CPU, and the heap then peaks at 1.5 times what is live instead of twice:
// about 12 MiB less at 100,000 rows (docs/PERFORMANCE.md, issue 16).
const importGCPercent = 50

var (
	gcMu    sync.Mutex
	gcUsers int
	gcSaved int
)

// tightGC lowers the collector's target for the duration of an import and
// returns the function that puts it back. Imports may overlap (the window
// and a command in one process are never both, but tests run in
// parallel); the target goes back when the last one ends. A target the
// user set lower (GOGC) is kept.
func tightGC() func() {
	gcMu.Lock()
	defer gcMu.Unlock()
	if gcUsers == 0 {
		gcSaved = debug.SetGCPercent(importGCPercent)
		if gcSaved >= 0 && gcSaved < importGCPercent {
			debug.SetGCPercent(gcSaved)
		}
	}
	gcUsers++
	var once sync.Once
	return func() {
		once.Do(func() {
			gcMu.Lock()
			defer gcMu.Unlock()
			if gcUsers--; gcUsers == 0 {
				debug.SetGCPercent(gcSaved)
			}
		})
	}
}
