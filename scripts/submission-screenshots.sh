#!/usr/bin/env bash
# Renders the submission screenshots in docs/submission/: the Rekap sheet of
# a sample monthly submission and the consolidated workbook (through
# LibreOffice to PDF, then PNG), and the Konsolidasi screen of the real
# window under Xvfb. Needs libreoffice-calc-nogui, poppler-utils, xvfb,
# imagemagick. Usage: bash scripts/submission-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/submission
mkdir -p "$out" build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WUBDESK_SAMPLES_DIR="$tmp" WUBDESK_SAMPLES_DB="$tmp/bagian.db" \
  go test -count=1 -run '^TestSamples$' ./internal/xlsx/ >/dev/null
soffice --headless "-env:UserInstallation=file://$tmp/lo" --convert-to pdf --outdir "$tmp" \
  "$tmp/DISPERINDAG_2024-06_0715.xlsx" "$tmp/Rekap_Kabupaten_2024-06.xlsx" >/dev/null 2>&1
png() { # PDF pages FROM..TO, one under the other -> small PNG
  rm -f "$tmp"/page*.png
  pdftoppm -png -r 80 -f "$2" -l "$3" "$1" "$tmp/page"
  convert "$tmp"/page*.png -trim +repage -append -bordercolor white -border 12 +dither -colors 96 "$4"
  echo "$4"
}
png "$tmp/DISPERINDAG_2024-06_0715.pdf" 1 2 "$out/rekap.png"
png "$tmp/Rekap_Kabupaten_2024-06.pdf" 1 2 "$out/rekap-kabupaten.png"
png "$tmp/Rekap_Kabupaten_2024-06.pdf" 4 4 "$out/kalender.png"
go build -tags migrated_fynedo -o build/wubdesk ./cmd/wubdesk
bash scripts/shot.sh "$tmp/bagian.db" "$tmp/full.png" --show konsolidasi
convert "$tmp/full.png" -trim +repage +dither -colors 128 "$out/konsolidasi.png"
echo "$out/konsolidasi.png"
