//go:build race

package store

// raceEnabled: the race detector slows SQLite (translated C) about tenfold,
// so the long crash tests run fewer rounds under it; scripts/test.sh runs
// them in full without it.
const raceEnabled = true
