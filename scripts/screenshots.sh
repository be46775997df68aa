#!/usr/bin/env bash
# Regenerates docs/screenshots/: the demo's Fjordvik front page, a level page and a form at
# 375 px (a phone) and 1280 px (a laptop), with headless Chromium at 1x, cut at a fixed height.
#
#   scripts/screenshots.sh            # builds with target/debug/veiviser (cargo build first)
#   VEIVISER_BIN=… PORT=8611 scripts/screenshots.sh
#
# Needs chromium and python3 (for a static server on 127.0.0.1:$PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VEIVISER_BIN:-${CARGO_TARGET_DIR:-target}/debug/veiviser}
chromium=${CHROMIUM:-chromium}
port=${PORT:-8611}
out_dir=docs/screenshots
tmp=$(mktemp -d)
server=""
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

if ! "$bin" build --out "$tmp/public" --kommune fjordvik --no-pdf --base-url "http://127.0.0.1:$port/" >"$tmp/build.log" 2>&1; then
  cat "$tmp/build.log" >&2
  exit 1
fi
python3 -m http.server "$port" --bind 127.0.0.1 -d "$tmp/public" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  if python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null; then break; fi
  sleep 0.1
done

mkdir -p "$out_dir"
# name, path, height at 375 px, height at 1280 px
shots=(
  "forside||1600|1100"
  "niva-1|veileder/niva-1/|2000|1500"
  "skjema|skjema/bekymringsmelding/|1800|1300"
)
for shot in "${shots[@]}"; do
  IFS='|' read -r name path narrow wide <<<"$shot"
  for size in "375,$narrow" "1280,$wide"; do
    width=${size%%,*}
    "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --no-first-run \
      --hide-scrollbars --force-device-scale-factor=1 --window-size="$size" \
      --screenshot="$out_dir/$name-$width.png" "http://127.0.0.1:$port/$path" >/dev/null 2>&1
    echo "$out_dir/$name-$width.png"
  done
done

# The parents' pages in Arabic, Tigrinya and Polish, and the brochures (PDF pages).
VEIVISER_BIN="$bin" CHROMIUM="$chromium" scripts/screenshots-parents.sh "$((port + 10))"
