#!/usr/bin/env bash
# Renders each official PDF document (docs/DOCUMENTS.md) to PNG so that a
# person can look at it: docs/screenshots/dokumen-*.png. The documents are
# the ones TestDocCommand writes through `wubdesk doc` on a demo office with
# a letterhead (and a made-up emblem drawn by the test); pdftoppm (Debian
# poppler-utils) renders them. Usage: bash scripts/pdf-screenshots.sh [OUTDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
for b in pdftoppm pdftotext qpdf mutool; do
  if ! command -v "$b" >/dev/null; then
    echo "pdf-screenshots: $b tidak ada (apt-get install poppler-utils qpdf mupdf-tools)" >&2
    exit 2
  fi
done
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
WUBDESK_PDF_DIR="$tmp" go test -tags migrated_fynedo -count=1 ./internal/cli -run '^TestDocCommand$' >/dev/null
# file written by the test -> pages to render
for doc in berita-acara:1 surat-pengantar:1 keputusan-kontrak:1 sertifikat:1 data-pribadi:2; do
  name=${doc%%:*} pages=${doc##*:}
  for p in $(seq 1 "$pages"); do
    suffix=""
    [ "$pages" -gt 1 ] && suffix="-$p"
    pdftoppm -png -r 80 -singlefile -f "$p" -l "$p" "$tmp/$name.pdf" "$out/dokumen-$name$suffix"
  done
done
ls "$out"/dokumen-*.png
