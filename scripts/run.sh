#!/usr/bin/env bash
# Installs what is missing, builds WUBDesk and opens it on a demo database
# (created once with `wubdesk demo`). Usage: bash scripts/run.sh [--trainees N]
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
n=10000
[ "${1:-}" = "--trainees" ] && n="$2"
mkdir -p build
go build -tags migrated_fynedo -o build/wubdesk ./cmd/wubdesk
db="build/demo.db"
if [ ! -f "$db" ]; then
  echo "Membuat basis data demo ($n peserta)…"
  build/wubdesk demo --db "$db" --trainees "$n" --seed 1
fi
exec build/wubdesk --db "$db"
