# Sourced by scripts/windows-smoke.sh and scripts/windows-installer-shots.sh:
# a throw-away Wine prefix under $tmp, shown on its own Xvfb display.
# Needs: $tmp (a fresh folder the caller removes), the repo as working dir.
# Sets: DISPLAY, WINEPREFIX, HOME, wuser, profile, xvfb_pid.

bash scripts/deps.sh wine wine64 gcc-mingw-w64-x86-64 xdotool x11-utils unzip

xvfb_pid=""
wine_cleanup() {
  [ -n "${WINEPREFIX:-}" ] && wineserver -k >/dev/null 2>&1 || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$tmp"
}

# Wine gets its own HOME too, so that it links no folder of the real user;
# Go keeps its caches where they were.
GOCACHE="$(go env GOCACHE)" GOMODCACHE="$(go env GOMODCACHE)" GOPATH="$(go env GOPATH)"
export GOCACHE GOMODCACHE GOPATH
export HOME="$tmp/home" WINEPREFIX="$tmp/prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
export LC_ALL=C.UTF-8 LIBGL_ALWAYS_SOFTWARE=1
mkdir -p "$HOME"

# w runs a Windows program and waits for everything it started.
w() {
  local rc=0
  timeout 180 wine "$@" || rc=$?
  wineserver -w
  return $rc
}

wine_setup() {
  exec 3>"$tmp/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp >"$tmp/xvfb.log" 2>&1 &
  xvfb_pid=$!
  exec 3>&-
  for _ in $(seq 50); do [ -s "$tmp/display" ] && break; sleep 0.1; done
  DISPLAY=":$(head -1 "$tmp/display")"
  export DISPLAY
  local t0=$SECONDS
  wine wineboot -i >"$tmp/wineboot.log" 2>&1 || true
  wineserver -w
  echo "wineboot: $((SECONDS - t0)) s, DISPLAY=$DISPLAY"
  local sys32="$WINEPREFIX/drive_c/windows/system32"
  if [ ! -f "$sys32/bcryptprimitives.dll" ]; then
    # Go 1.24+ needs ProcessPrng; Debian 12's Wine 8 lacks the DLL. Test prefix only, never shipped.
    x86_64-w64-mingw32-gcc -shared -O2 -s -o "$sys32/bcryptprimitives.dll" \
      packaging/windows/wine-stub/stub.c packaging/windows/wine-stub/stub.def -lbcrypt
    echo "stub bcryptprimitives.dll dipasang ke prefix uji"
  fi
  wuser=$(ls "$WINEPREFIX/drive_c/users" | grep -vx Public | head -1)
  profile="$WINEPREFIX/drive_c/users/$wuser"
}

# wait_window NAME [SECONDS]: prints the X id of the first window whose title
# contains NAME, waiting for it to appear.
wait_window() {
  local id=""
  for _ in $(seq "${2:-30}"); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | head -1 || true)
    [ -n "$id" ] && break
    sleep 1
  done
  echo "$id"
}
