// Package perfcheck holds the quick benchmarks that CI runs on every change
// at 10,000 people (scripts/bench-check.sh) and compares with a committed
// baseline, failing only on a gross slowdown (3×). They cover the hot paths
// of the province-scale issue: a keystroke in the Peserta list, the Kuota
// dashboard, the submission export, an import and the demo generator. The
// full-size measurements are in docs/PERFORMANCE.md.
package perfcheck
