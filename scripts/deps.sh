#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages WUBDesk needs to build and test
# (cgo + X11/OpenGL headers for Fyne; Xvfb and ImageMagick for screenshots;
# python3-openpyxl, python3-pandas and LibreOffice Calc as independent readers
# of exported workbooks, and to print them to PDF; poppler-utils, qpdf and
# mupdf-tools as independent readers of the PDF documents).
# Usage: bash scripts/deps.sh [extra packages...]
set -euo pipefail
pkgs=(gcc libc6-dev pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev
      libxinerama-dev libxi-dev libxxf86vm-dev xvfb xauth imagemagick python3-openpyxl python3-pandas
      libreoffice-calc poppler-utils qpdf mupdf-tools postgresql "$@")
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Memasang paket: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go belum terpasang: pasang Go 1.26 dari https://go.dev/dl/ lalu ulangi." >&2
  exit 1
fi
