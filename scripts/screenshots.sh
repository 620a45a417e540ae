#!/usr/bin/env bash
# Takes the README/PANDUAN screenshots from the real window under Xvfb, on a
# demo database. Usage: bash scripts/screenshots.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
mkdir -p "$out" build
go build -tags migrated_fynedo -o build/wubdesk ./cmd/wubdesk
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
db="$tmp/demo.db"
build/wubdesk demo --db "$db" --trainees 10000 --seed 1 >/dev/null
# screen id -> file name
shots=(
  "peserta:peserta.png"
  "peserta-baru:peserta-form.png"
  "pengaturan:pengaturan.png"
  "fasilitator:fasilitator.png"
  "angkatan:angkatan.png"
  "kontrak:kontrak.png"
  "kuota:kuota.png"
  "hasil:hasil.png"
  "wamira:wamira_mart.png"
  "impor:impor.png"
  "ganda:kemungkinan_ganda.png"
  "kirim:kirim.png"
  "konsolidasi:konsolidasi.png"
  "audit:audit.png"
  "serah_terima:serah_terima.png"
)
for s in ${EXTRA_SHOTS:-}; do shots+=("$s"); done
for pair in "${shots[@]}"; do
  id="${pair%%:*}"; file="${pair#*:}"
  bash scripts/shot.sh "$db" "$tmp/full.png" --show "$id"
  # Crop Xvfb's black border around the 1180x760 window.
  convert "$tmp/full.png" -trim +repage "$out/$file"
  echo "$out/$file"
done
# Every screen on a 1024x768 screen, the window filling it (issue 19), and
# the in-app guide (Bantuan → Panduan).
mkdir -p "$out/1024"
for pair in "${shots[@]}" "bantuan:bantuan.png"; do
  id="${pair%%:*}"; file="${pair#*:}"
  SHOT_SCREEN=1024x768 bash scripts/shot.sh "$db" "$out/1024/$file" --show "$id" --size 1024x768
  echo "$out/1024/$file"
done
