#!/usr/bin/env bash
# The training runs of profile-guided optimisation (scripts/build-pgo.sh): what veiviser
# does for its users, on a copy of the demo project in content/. It checks the project,
# builds it with PDFs, rebuilds it with nothing changed and after one edited page, and
# builds the HTML alone into another folder; with a floor binary, the floor reads the same
# content. Fails if any run fails, so a change to the commands cannot quietly leave a
# release trained on nothing; scripts/test runs it with the test build.
#
#   scripts/pgo-train.sh VEIVISER_BIN [FLOOR_BIN]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
bin=$1 floor=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
site="$work/site"
mkdir -p "$site"
cp -R veiviser.yaml content themes "$site/"
run() {
  if ! VEIVISER_TODAY=2026-01-01 "$bin" "$@" >"$work/log" 2>&1; then
    echo "scripts/pgo-train.sh: veiviser $* failed:" >&2
    tail -n 20 "$work/log" >&2
    exit 1
  fi
}
run check --root "$site"
run build --root "$site" --out "$work/out" --cache-dir "$work/cache"
run build --root "$site" --out "$work/out" --cache-dir "$work/cache"
page=$(find "$site/content" -mindepth 2 -maxdepth 2 -name index.md | sort | head -n 1)
[ -n "$page" ] || { echo "scripts/pgo-train.sh: no kommune front page in content/" >&2; exit 1; }
printf '\nEn linje til.\n' >>"$page"
run build --root "$site" --out "$work/out" --cache-dir "$work/cache"
run build --no-pdf --root "$site" --out "$work/out-html" --cache-dir "$work/cache-html"
if [ -n "$floor" ]; then
  "$floor" "$site/content" "$work/out-floor" >/dev/null 2>&1 \
    || { echo "scripts/pgo-train.sh: the floor failed" >&2; exit 1; }
fi
echo "pgo-train: trained on $(find "$work/out" -name '*.html' | wc -l | tr -d ' ') pages" >&2
