#!/usr/bin/env bash
# Smoke test of the Windows build under Wine in Xvfb, on Linux (make windows-smoke):
#  1. a throw-away Wine prefix under /tmp (plus the ProcessPrng stub Debian's Wine 8 needs);
#  2. silent per-user install of the installer: exe, Start-menu and desktop shortcuts, HKCU uninstall key;
#  3. headless commands of the installed exe: help, demo and export (DISPERINDAG, June 2024), on a path with
#     spaces and non-ASCII letters and on a drive letter E: mapped to a temp folder (a flash drive);
#     the exported workbook is read back with openpyxl (NIK cells must be text);
#  4. the window: start with --quit-after, check %AppData%\WUBDesk\wubdesk.db appears, screenshot;
#     the portable zip on E: must keep its database in E:\...\Data;
#  5. silent uninstall: program, shortcuts and key gone, %AppData%\WUBDesk (data, backups) kept.
# Usage: bash scripts/windows-smoke.sh [INSTALLER.exe] [PORTABLE.zip]
# Env: WUBDESK_SMOKE_GUI=optional  report window failures without failing (CI: see docs/PERFORMANCE.md)
#      SHOT=path.png               where the screenshot goes (default docs/screenshots/windows-wine.png)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
installer="${1:-$(ls -t dist/WUBDesk-Setup-*.exe 2>/dev/null | head -1)}"
zipfile="${2:-$(ls -t dist/WUBDesk-*-portable.zip 2>/dev/null | head -1)}"
if [ -z "$installer" ] || [ ! -f "$installer" ]; then
  echo "Pemasang tidak ditemukan: jalankan make installer dulu." >&2
  exit 2
fi
installer=$(realpath "$installer")
[ -n "$zipfile" ] && zipfile=$(realpath "$zipfile")
shot="${SHOT:-$repo/docs/screenshots/windows-wine.png}"
gui_mode="${WUBDESK_SMOKE_GUI:-required}"

tmp=$(mktemp -d /tmp/wubdesk-smoke.XXXXXX)
source scripts/lib-wine.sh
trap wine_cleanup EXIT
mkdir -p "$tmp/flash"

ok=0 bad=0 gui_bad=0 start=$SECONDS
pass() { echo "LULUS  $*"; ok=$((ok + 1)); }
fail() { echo "GAGAL  $*"; bad=$((bad + 1)); }
gui_fail() { echo "GAGAL  (jendela) $*"; gui_bad=$((gui_bad + 1)); }
skip() { echo "LEWAT  $*"; }
step() { echo "== $* (t=$((SECONDS - start)) s)"; }

step "Xvfb dan prefix Wine ($WINEPREFIX)"
wine_setup
appdata="$profile/AppData/Roaming/WUBDesk"
# A flash drive: drive E: is a temp folder.
ln -sfn "$tmp/flash" "$WINEPREFIX/dosdevices/e:"

step "Pemasangan senyap: $(basename "$installer")"
t0=$SECONDS
if w "$installer" /S >"$tmp/install.log" 2>&1; then pass "pemasang /S selesai ($((SECONDS - t0)) s)"; else fail "pemasang /S keluar dengan kode $?"; fi
instdir="$profile/AppData/Local/Programs/WUBDesk"
exe="$instdir/wubdesk.exe"
exe_win='C:\users\'"$wuser"'\AppData\Local\Programs\WUBDesk\wubdesk.exe'
for f in wubdesk.exe uninstall.exe PEMBERITAHUAN.txt Referensi/pamekasan_wilayah.csv Referensi/SOURCES.md; do
  if [ -f "$instdir/$f" ]; then pass "terpasang: $f"; else fail "tidak terpasang: $f"; fi
done
for lnk in "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/WUBDesk.lnk" "Desktop/WUBDesk.lnk"; do
  if [ -f "$profile/$lnk" ]; then pass "pintasan: $lnk"; else fail "pintasan tidak ada: $lnk"; fi
done
key='HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\WUBDesk'
reg=$(wine reg query "$key" 2>/dev/null | tr -d '\r' || true)
for v in DisplayName DisplayVersion Publisher DisplayIcon UninstallString; do
  if grep -q "$v" <<<"$reg"; then pass "registri: $v"; else fail "registri tanpa $v"; fi
done
grep -E 'DisplayName|DisplayVersion|Publisher' <<<"$reg" | sed 's/^/    /' || true

step "Perintah tanpa jendela (headless)"
if [ ! -f "$exe" ]; then
  fail "wubdesk.exe tidak terpasang; lewati semua uji berikut"
  echo "Uji asap Windows: $ok lulus, $bad gagal"
  exit 1
fi
if w "$exe_win" help >"$tmp/help.txt" 2>&1 && grep -q "Perintah" "$tmp/help.txt"; then
  pass "wubdesk.exe help (keluaran sampai ke konsol)"
else
  fail "wubdesk.exe help"; sed 's/^/    /' "$tmp/help.txt"
fi
has_cmd() { grep -Eq "^  $1 " "$tmp/help.txt"; }

# check_xlsx FILE: the workbook opens in openpyxl and every NIK cell is 16-digit text.
check_xlsx() {
  /usr/bin/python3 - "$1" <<'PY'
import re, sys
from openpyxl import load_workbook
wb = load_workbook(sys.argv[1], read_only=True)
niks = bad = 0
for ws in wb.worksheets:
    col = None
    for row in ws.iter_rows(values_only=True):
        if col is None:
            for i, v in enumerate(row):
                if isinstance(v, str) and v.strip().upper() == "NIK":
                    col = i
            continue
        if col >= len(row) or row[col] in (None, ""):
            continue
        niks += 1
        v = row[col]
        if not (isinstance(v, str) and re.fullmatch(r"\d{16}", v)):
            bad += 1
            if bad <= 3:
                print(f"  {ws.title}: NIK bukan teks 16 angka ({type(v).__name__})")
print(f"  {len(wb.worksheets)} lembar, {niks} sel NIK, {bad} salah")
sys.exit(0 if niks > 0 and bad == 0 else 1)
PY
}

# One database with spaces and non-ASCII letters, one on the "flash drive".
declare -A unix_of=(
  ['C:\Data Kantor\Pelatihan Ünal\wub.db']="$WINEPREFIX/drive_c/Data Kantor/Pelatihan Ünal/wub.db"
  ['E:\WUB Flashdisk\wubdesk.db']="$tmp/flash/WUB Flashdisk/wubdesk.db"
)
if has_cmd demo; then
  for db in "${!unix_of[@]}"; do
    if w "$exe_win" demo --db "$db" --trainees 300 --seed 1 >"$tmp/demo.txt" 2>&1 && [ -s "${unix_of[$db]}" ]; then
      pass "demo --db '$db'"
    else
      fail "demo --db '$db'"; sed 's/^/    /' "$tmp/demo.txt" | tail -5
      continue
    fi
    if has_cmd export; then
      out="${db%\\*}"'\rekap WUB.xlsx'
      args=(export --db "$db" --agency DISPERINDAG --month 2024-06 --out "$out")
      xlsx="$(dirname "${unix_of[$db]}")/rekap WUB.xlsx"
      if w "$exe_win" "${args[@]}" >"$tmp/export.txt" 2>&1 && [ -s "$xlsx" ]; then
        pass "export ke '$out'"
        if check_xlsx "$xlsx"; then pass "buku kerja terbaca openpyxl, NIK berupa teks"; else fail "isi buku kerja"; fi
      else
        fail "export ke '$out'"; sed 's/^/    /' "$tmp/export.txt" | tail -5
      fi
    else
      skip "export belum ada di wubdesk.exe"
    fi
  done
else
  skip "demo belum ada di wubdesk.exe: jalur berspasi/non-ASCII dan drive E: belum diuji lewat exe"
fi

step "Uji Go sebagai kode Windows di bawah Wine (store: jalur, platform, wub)"
# The store opens databases under "Data Kantor\Pelatihan Ünal" in %TEMP% and on E:.
# Only that store test: the others use t.TempDir, whose cleanup (os.RemoveAll)
# fails under Wine 8 with "Invalid function" (no POSIX-semantics delete), not on Windows.
t0=$SECONDS
if WUBDESK_TEST_DRIVE='E:\' GOOS=windows GOARCH=amd64 CGO_ENABLED=0 timeout 900 \
  go test -count=1 -exec wine ./internal/platform/ ./internal/wub/ >"$tmp/gotest.txt" 2>&1 &&
  WUBDESK_TEST_DRIVE='E:\' GOOS=windows GOARCH=amd64 CGO_ENABLED=0 timeout 900 \
  go test -count=1 -exec wine -v -run 'TestOpenPathsWithSpacesAndNonASCII' ./internal/store/ >>"$tmp/gotest.txt" 2>&1; then
  pass "go test (windows/amd64) di Wine, $((SECONDS - t0)) s"
  grep -E '^(ok|---|    ---)' "$tmp/gotest.txt" | sed 's/^/    /'
else
  fail "go test (windows/amd64) di Wine"; tail -30 "$tmp/gotest.txt" | sed 's/^/    /'
fi
wineserver -w

step "Jendela (Wine + Mesa llvmpipe di Xvfb)"
# run_gui DIR_EXE_WIN DB_UNIX LABEL: starts the window, waits for the database
# to appear, takes the screenshot (first run only), and waits for --quit-after.
shot_taken=""
run_gui() {
  local exe_w="$1" db="$2" label="$3" pid rc waited=0 wid=""
  ( timeout 120 wine "$exe_w" --quit-after 25s >"$tmp/gui-$label.log" 2>&1; echo $? >"$tmp/gui-$label.rc" ) &
  pid=$!
  while [ $waited -lt 60 ] && [ ! -s "$db" ] && kill -0 $pid 2>/dev/null; do sleep 1; waited=$((waited + 1)); done
  if [ -s "$db" ]; then pass "($label) basis data dibuat: ${db#"$WINEPREFIX/"}"; else gui_fail "($label) basis data tidak dibuat: ${db#"$WINEPREFIX/"}"; fi
  kill -0 $pid 2>/dev/null && wid=$(wait_window WUBDesk 20)
  if [ -n "$wid" ]; then
    pass "($label) jendela WUBDesk tampil"
    if [ -z "$shot_taken" ]; then
      sleep 5 # let llvmpipe draw the first frames
      mkdir -p "$(dirname "$shot")"
      if import -window "$wid" "$tmp/shot.png" 2>/dev/null || import -window root "$tmp/shot.png"; then
        convert "$tmp/shot.png" -strip "$shot" && shot_taken=1 && pass "tangkapan layar: ${shot#"$repo/"}"
      fi
    fi
  else
    gui_fail "($label) tidak ada jendela berjudul WUBDesk"
  fi
  wait $pid || true
  rc=$(cat "$tmp/gui-$label.rc" 2>/dev/null || echo "?")
  if [ "$rc" = 0 ]; then pass "($label) keluar sendiri dengan kode 0 (--quit-after)"; else gui_fail "($label) kode keluar $rc"; sed 's/^/    /' "$tmp/gui-$label.log" | tail -8; fi
  wineserver -w
}
run_gui "$exe_win" "$appdata/wubdesk.db" terpasang

if [ -n "$zipfile" ] && [ -f "$zipfile" ]; then
  step "Versi portabel di flashdisk (E:)"
  unzip -q "$zipfile" -d "$tmp/flash/Portabel Ünal"
  pexe='E:\Portabel Ünal\WUBDesk\wubdesk.exe'
  before=$(stat -c %Y "$appdata/wubdesk.db" 2>/dev/null || echo none)
  if w "$pexe" help >"$tmp/phelp.txt" 2>&1 && grep -q Perintah "$tmp/phelp.txt"; then pass "portabel: help dari E:"; else fail "portabel: help dari E:"; fi
  run_gui "$pexe" "$tmp/flash/Portabel Ünal/WUBDesk/Data/wubdesk.db" portabel
  after=$(stat -c %Y "$appdata/wubdesk.db" 2>/dev/null || echo none)
  if [ "$before" = "$after" ]; then pass "portabel: %AppData%\\WUBDesk tidak disentuh"; else fail "portabel menulis ke %AppData%\\WUBDesk"; fi
fi

step "Copot pemasangan senyap"
mkdir -p "$appdata/cadangan"
echo "cadangan uji" >"$appdata/cadangan/uji.txt"
data_before=$(cd "$appdata" && find . -type f | sort)
w "$instdir/uninstall.exe" /S >"$tmp/uninstall.log" 2>&1 || true
sleep 2
wineserver -w
if [ ! -e "$exe" ] && [ ! -e "$instdir" ]; then pass "program dan foldernya terhapus"; else fail "sisa di $instdir: $(ls "$instdir" 2>/dev/null | tr '\n' ' ')"; fi
for lnk in "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/WUBDesk.lnk" "Desktop/WUBDesk.lnk"; do
  if [ ! -e "$profile/$lnk" ]; then pass "pintasan terhapus: $lnk"; else fail "pintasan tersisa: $lnk"; fi
done
if wine reg query "$key" >/dev/null 2>&1; then fail "kunci registri tersisa"; else pass "kunci registri terhapus"; fi
data_after=$(cd "$appdata" 2>/dev/null && find . -type f | sort)
if [ -n "$data_before" ] && [ "$data_before" = "$data_after" ]; then
  pass "data tetap ada di %AppData%\\WUBDesk: $(tr '\n' ' ' <<<"$data_after")"
else
  fail "data di %AppData%\\WUBDesk berubah setelah copot pasang"
fi

echo; echo "Waktu: $((SECONDS - start)) s"
if [ "$gui_bad" -gt 0 ] && [ "$gui_mode" = optional ]; then
  echo "Uji asap Windows: $ok lulus, $bad gagal, $gui_bad gagal di bagian jendela (opsional di sini)"
  gui_bad=0
else
  echo "Uji asap Windows: $ok lulus, $((bad + gui_bad)) gagal"
fi
[ $((bad + gui_bad)) -eq 0 ]
