#!/usr/bin/env bash
# Quick benchmark regression check (CI): runs the hot-path benchmarks of
# internal/perfcheck at 10,000 people and fails only when one is more than
# 3x slower than docs/bench-baseline.txt (a gross slowdown: CI machines
# differ, so small changes are not judged here; docs/PERFORMANCE.md has the
# real measurements).
#   bash scripts/bench-check.sh            compare with the baseline
#   bash scripts/bench-check.sh --update   write the baseline from this run
set -euo pipefail
cd "$(dirname "$0")/.."
baseline=docs/bench-baseline.txt
factor="${BENCH_FACTOR:-3}"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
go test -tags migrated_fynedo -run '^$' -bench . -benchtime "${BENCHTIME:-1s}" -count 3 ./internal/perfcheck | tee "$out"
# median ns/op per benchmark (name without the -N CPU suffix)
medians=$(awk '/^Benchmark/ { n=$1; sub(/-[0-9]+$/, "", n); v[n]=v[n] " " $3 }
  END { for (n in v) { c=split(v[n], a, " "); asort(a); print n, a[int((c+1)/2)] } }' "$out" | sort)
if [ "${1:-}" = "--update" ]; then
  { echo "# ns/op medians of scripts/bench-check.sh (3 runs) on $(uname -m), $(nproc) cores, $(date -u +%F)"
    echo "$medians"; } > "$baseline"
  echo "wrote $baseline"; exit 0
fi
fail=0
while read -r name ns; do
  base=$(awk -v n="$name" '$1 == n { print $2 }' "$baseline")
  if [ -z "$base" ]; then echo "?? $name: no baseline"; continue; fi
  ratio=$(awk -v a="$ns" -v b="$base" 'BEGIN { printf "%.2f", a / b }')
  if awk -v r="$ratio" -v f="$factor" 'BEGIN { exit !(r > f) }'; then
    echo "FAIL $name: ${ns} ns/op is ${ratio}x the baseline ${base}"; fail=1
  else
    echo "ok   $name: ${ratio}x the baseline"
  fi
done <<< "$medians"
exit $fail
