#!/usr/bin/env bash
# Prints WUBDesk's version. Usage:
#   bash scripts/version.sh            v0.1.0, v0.1.0-3-g1a2b3c4-dirty or 0.1.0+1a2b3c4 (shown to users)
#   bash scripts/version.sh --numeric  0.1.0.3 (Windows version resource: four numbers, each < 65536)
# A tag vX.Y.Z gives X.Y.Z and the commits since it; without a tag the
# version comes from FyneApp.toml and the commit count.
set -euo pipefail
cd "$(dirname "$0")/.."
base=$(sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([0-9.]*\)".*/\1/p' FyneApp.toml | head -1)
base=${base:-0.0.0}
desc=$(git describe --tags --always --dirty 2>/dev/null || echo "")
re='^v?([0-9]+)\.([0-9]+)\.([0-9]+)(-([0-9]+)-g[0-9a-f]+)?(-dirty)?$'
if [[ $desc =~ $re ]]; then
  show=$desc
  num="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}.${BASH_REMATCH[5]:-0}"
else
  # No release tag: the commit hash (or nothing outside git) after the base version.
  show="$base${desc:++$desc}"
  count=$(git rev-list --count HEAD 2>/dev/null || echo 0)
  num="$base.$((count % 65536))"
fi
case "${1:-}" in
  --numeric) echo "$num" ;;
  "") echo "$show" ;;
  *) echo "pemakaian: version.sh [--numeric]" >&2; exit 2 ;;
esac
