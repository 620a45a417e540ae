#!/usr/bin/env bash
# Builds the Windows artefacts of WUBDesk from Linux into dist/:
#   exe        dist/wubdesk.exe  (windows/amd64, cgo with mingw-w64, GUI subsystem,
#              icon + version info + DPI-aware manifest embedded with go-winres)
#   installer  dist/WUBDesk-Setup-<version>.exe  (NSIS, per-user, no administrator)
#   zip        dist/WUBDesk-<version>-portable.zip  (database next to the exe)
#   all        the three, in that order
# Usage: bash scripts/windows-build.sh [exe|installer|zip|all]   (make windows / installer / zip)
# Installs what is missing (gcc-mingw-w64-x86-64, nsis, zip) first.
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
case "$what" in exe|installer|zip|all) ;; *) echo "pemakaian: windows-build.sh [exe|installer|zip|all]" >&2; exit 2 ;; esac

bash scripts/deps.sh gcc-mingw-w64-x86-64 nsis zip
version=$(bash scripts/version.sh)
numversion=$(bash scripts/version.sh --numeric)
mkdir -p dist
tmp=$(mktemp -d)
syso=cmd/wubdesk/rsrc_windows_amd64.syso
# The .syso is generated for this build only: a stale one would give a later
# build the wrong version, and it must never be committed.
trap 'rm -rf "$tmp"; rm -f "$syso"' EXIT

build_exe() {
  local t0=$SECONDS
  sed -e "s/@VERSION@/$version/g" -e "s/@NUMVERSION@/$numversion/g" \
    packaging/windows/winres.json >"$tmp/winres.json"
  cp assets/icon.png "$tmp/icon.png"
  # go-winres instead of `fyne package`: it takes about a second and leaves
  # FyneApp.toml alone; `fyne package` rebuilds all the C code with its own
  # flags (6-7 minutes each time) and bumps Build in FyneApp.toml.
  go run github.com/tc-hib/go-winres@v0.3.3 make --in "$tmp/winres.json" --arch amd64 --out cmd/wubdesk/rsrc
  CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
    go build -trimpath -tags migrated_fynedo \
    -ldflags "-H=windowsgui -s -w -X main.version=$version" \
    -o dist/wubdesk.exe ./cmd/wubdesk
  rm -f "$syso"
  echo "dist/wubdesk.exe $version ($((SECONDS - t0)) s)"
}

# stage puts what the installer and the zip share into $1.
stage() {
  local dir="$1"
  mkdir -p "$dir/Referensi"
  cp dist/wubdesk.exe "$dir/"
  crlf packaging/windows/PEMBERITAHUAN.txt >"$dir/PEMBERITAHUAN.txt"
  # ODbL: the derived wilayah data travels in plain form with the program.
  cp assets/data/*.csv "$dir/Referensi/"
  crlf assets/data/SOURCES.md >"$dir/Referensi/SOURCES.md"
}

# Notepad on older Windows 10 shows LF-only text as one long line.
crlf() { sed -e 's/\r$//' -e 's/$/\r/' "$1"; }

need_exe() {
  if [ ! -f dist/wubdesk.exe ]; then
    echo "dist/wubdesk.exe belum ada: jalankan dulu make windows" >&2
    exit 2
  fi
}

build_installer() {
  need_exe
  local s="$tmp/installer"
  stage "$s"
  convert assets/icon.png -define icon:auto-resize=256,64,48,32,16 "$s/wubdesk.ico"
  local out="dist/WUBDesk-Setup-$version.exe"
  makensis -V2 -INPUTCHARSET UTF8 \
    -DVERSION="$version" -DNUMVERSION="$numversion" \
    -DSTAGE="$(cd "$s" && pwd)" -DOUTFILE="$PWD/$out" \
    packaging/windows/wubdesk.nsi
  echo "$out"
}

build_zip() {
  need_exe
  local s="$tmp/zip/WUBDesk"
  stage "$s"
  crlf packaging/windows/README-PORTABLE.txt >"$s/README-PORTABLE.txt"
  crlf packaging/windows/portable.txt >"$s/portable.txt"
  local out="dist/WUBDesk-$version-portable.zip"
  rm -f "$out"
  (cd "$tmp/zip" && zip -q -9 -r -X "$OLDPWD/$out" WUBDesk)
  echo "$out"
}

case "$what" in
  exe) build_exe ;;
  installer) build_installer ;;
  zip) build_zip ;;
  all) build_exe; build_installer; build_zip ;;
esac
