#!/usr/bin/env bash
# Takes a screenshot of the real WUBDesk window under Xvfb.
# Usage: bash scripts/shot.sh DB OUT.png [wubdesk flags...]
set -euo pipefail
db="$1"; out="$2"; shift 2
bin="${WUBDESK_BIN:-build/wubdesk}"
disp=":$((90 + RANDOM % 9))"
Xvfb "$disp" -screen 0 "${SHOT_SCREEN:-1280x800}x24" >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null || true' EXIT
sleep 1
home=$(mktemp -d)
DISPLAY="$disp" LIBGL_ALWAYS_SOFTWARE=1 HOME="$home" XDG_CONFIG_HOME="$home/.config" \
  "$bin" --db "$db" --quit-after "${SHOT_WAIT:-8}s" "$@" >/tmp/wubdesk-shot.log 2>&1 &
apid=$!
sleep "${SHOT_DELAY:-5}"
DISPLAY="$disp" import -window root "$out"
wait $apid || true
