#!/usr/bin/env bash
# Prints each sheet of a sample monthly submission the way a clerk's
# printer would (issue 17): LibreOffice → PDF → PNG, one picture per sheet
# in docs/screenshots/ (cetak-rekap.png, cetak-peserta.png — the first
# printed page of the Peserta rows and the page with the rest of their
# columns — and cetak-fasilitator.png), plus the PDF's page count and fonts
# on stdout. Meta is hidden and not printed. Needs libreoffice-calc-nogui,
# poppler-utils, imagemagick. Usage: bash scripts/print-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WUBDESK_SAMPLES_DIR="$tmp" go test -tags migrated_fynedo -count=1 -run '^TestSamples$' ./internal/xlsx/ >/dev/null
book="$tmp/DISPERINDAG_2024-06_0715.xlsx"
soffice --headless "-env:UserInstallation=file://$tmp/lo" --convert-to pdf --outdir "$tmp" "$book" >/dev/null 2>&1
pdf="$tmp/DISPERINDAG_2024-06_0715.pdf"
pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
echo "$pdf: $pages pages (A4: $(pdfinfo "$pdf" | awk '/^Page size:/ {print $3 "x" $5 " pt"}'))"
# The footer names the sheet: find each sheet's first page.
first() {
  for ((p = 1; p <= pages; p++)); do
    if pdftotext -f "$p" -l "$p" -layout "$pdf" - | grep -q "^ *$1 .*Halaman"; then echo "$p"; return; fi
  done
  echo 0
}
png() { # PDF pages FROM..TO side by side -> PNG
  rm -f "$tmp"/page*.png
  pdftoppm -png -r 100 -f "$2" -l "$3" "$pdf" "$tmp/page"
  convert "$tmp"/page*.png -bordercolor '#999999' -border 1 +append -bordercolor white -border 8 +dither -colors 128 "$4"
  echo "$4 (pages $2–$3)"
}
r=$(first Rekap); p=$(first Peserta); f=$(first Fasilitator)
png "$pdf" "$r" "$((r + 1))" "$out/cetak-rekap.png"
png "$pdf" "$p" "$((p + 1))" "$out/cetak-peserta.png"
[ "$f" -gt 0 ] && png "$pdf" "$f" "$f" "$out/cetak-fasilitator.png"
pdffonts "$pdf" | sed -n '1,12p'
