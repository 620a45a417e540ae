#!/usr/bin/env bash
# Measures launch to a usable window on a database under Xvfb: the app's
# --timing milestones (window shown, database open, Peserta list filled,
# background check and day backup done), median of RUNS launches.
# Usage: bash scripts/launch-time.sh DB [RUNS]
# The day backup is made once per day: the first run makes it, later runs
# find it (delete DB's backups folder to measure the backup again).
set -euo pipefail
db="$1"; runs="${2:-5}"
bin="${WUBDESK_BIN:-build/wubdesk}"
disp=":$((80 + RANDOM % 9))"
Xvfb "$disp" -screen 0 1280x800x24 >/dev/null 2>&1 &
xpid=$!
trap 'kill $xpid 2>/dev/null || true' EXIT
sleep 1
log=$(mktemp)
for i in $(seq "$runs"); do
  home=$(mktemp -d)
  DISPLAY="$disp" LIBGL_ALWAYS_SOFTWARE=1 HOME="$home" XDG_CONFIG_HOME="$home/.config" \
    "$bin" --db "$db" --timing --lang id --quit-after "${LAUNCH_WAIT:-60}s" 2>&1 |
    grep --line-buffered '^wubdesk timing:' | tee -a "$log" |
    { while read -r line; do case "$line" in *check_and_backup_done*) pkill -f -- "--db $db --timing" || true;; esac; done; } || true
  rm -rf "$home"
done
echo "median of $runs launches (ms):"
awk '{ print $3, $4 }' "$log" | sort -k1,1 -k2,2n |
  awk '{ if ($1 != m && m != "") { print "  " m, v[int((c+1)/2)]; c=0 } m=$1; v[++c]=$2 }
       END { if (m != "") print "  " m, v[int((c+1)/2)] }'
rm -f "$log"
