#!/usr/bin/env bash
# Screenshots of the Indonesian installer and uninstaller pages for docs/PANDUAN.md,
# taken under Wine in Xvfb (the same NSIS pages a clerk sees on Windows, in Wine's look).
# Usage: bash scripts/windows-installer-shots.sh [INSTALLER.exe]   (make installer-shots)
# Writes docs/screenshots/pemasang-*.png and copot-*.png.
set -euo pipefail
cd "$(dirname "$0")/.."
installer="${1:-$(ls -t dist/WUBDesk-Setup-*.exe 2>/dev/null | head -1)}"
if [ -z "$installer" ] || [ ! -f "$installer" ]; then
  echo "Pemasang tidak ditemukan: jalankan make installer dulu." >&2
  exit 2
fi
installer=$(realpath "$installer")
out="$PWD/docs/screenshots"
mkdir -p "$out"

tmp=$(mktemp -d /tmp/wubdesk-shots.XXXXXX)
source scripts/lib-wine.sh
trap wine_cleanup EXIT
wine_setup

# shot NAME WINDOW_TITLE_PART [root]: waits for the window, saves it (or, with
# "root", the whole screen cropped to it, so that a message box on top shows),
# and leaves it focused.
shot() {
  local id geo
  id=$(wait_window "$2" 30)
  if [ -z "$id" ]; then
    echo "jendela '$2' tidak muncul" >&2
    exit 1
  fi
  sleep 3
  if [ "${3:-}" = root ]; then
    geo=$(xwininfo -id "$id" | awk '/Absolute upper-left X/ {x=$NF} /Absolute upper-left Y/ {y=$NF}
      /Width/ {w=$NF} /Height/ {h=$NF} END {printf "%dx%d+%d+%d", w, h, x, y}')
    import -window root -crop "$geo" +repage "$tmp/raw.png"
  else
    import -window "$id" "$tmp/raw.png"
  fi
  convert "$tmp/raw.png" -strip "$out/$1.png"
  echo "docs/screenshots/$1.png"
  xdotool windowfocus --sync "$id" 2>/dev/null || true
}
wait_file() { for _ in $(seq 120); do [ -e "$1" ] && break; sleep 1; done; sleep 3; }
wait_gone() { for _ in $(seq 120); do [ -e "$1" ] || break; sleep 1; done; sleep 3; }
press() {
  xdotool key "$@"
  sleep 2
}

wine "$installer" >"$tmp/setup.log" 2>&1 &
setup_pid=$!
shot pemasang-1-selamat-datang WUBDesk
press Return # Lanjut
shot pemasang-2-folder WUBDesk
press Return # Instal
# The finish page comes after the last file: wait for the desktop shortcut.
wait_file "$profile/Desktop/WUBDesk.lnk"
shot pemasang-3-selesai WUBDesk
press Return # Selesai: starts WUBDesk ("Jalankan WUBDesk sekarang" is ticked)
for _ in $(seq 60); do kill -0 $setup_pid 2>/dev/null || break; sleep 1; done
sleep 5
wine taskkill /F /IM wubdesk.exe >/dev/null 2>&1 || true
timeout 60 wineserver -w || true

wine "$profile/AppData/Local/Programs/WUBDesk/uninstall.exe" >"$tmp/uninst.log" 2>&1 &
shot copot-1-konfirmasi WUBDesk
press Return # Hapus
wait_gone "$profile/AppData/Local/Programs/WUBDesk/wubdesk.exe"
shot copot-2-selesai WUBDesk
press Return # Tutup: then the message that the data stays
shot copot-3-data-tetap WUBDesk root
press Return
timeout 60 wineserver -w || true
