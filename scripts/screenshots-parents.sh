#!/bin/sh
# Regenerates the parents' part of docs/screenshots/ (scripts/screenshots.sh runs it): the parents' page at 375 px in Arabic and Tigrinya
# (Fjordvik) and Polish (Sølvberg), the Norwegian front page with its way in for parents,
# and the first and back pages of the parent brochures (Arabic, Tigrinya, Polish, nynorsk
# from Bjørkedal) rendered from the PDFs. Small PNGs: a short viewport, 40 dpi for PDFs.
#
# Needs: a built veiviser (VEIVISER_BIN, default target/debug/veiviser), Chromium
# (CHROMIUM, default chromium), python3 (a local web server) and pdftoppm.
# Usage: scripts/screenshots-parents.sh [port]   (default 8621)
set -eu
cd "$(dirname "$0")/.."
port=${1:-8621}
bin=${VEIVISER_BIN:-${CARGO_TARGET_DIR:-target}/debug/veiviser}
chromium=${CHROMIUM:-chromium}
dest=docs/screenshots
tmp=$(mktemp -d)
server=
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT INT TERM

"$bin" build --out "$tmp/public" --base-url "http://localhost:$port/" >"$tmp/build.log" 2>&1 ||
  { cat "$tmp/build.log"; exit 1; }
python3 -m http.server "$port" --bind 127.0.0.1 -d "$tmp/public" >/dev/null 2>&1 &
server=$!
sleep 1
mkdir -p "$dest"

shot() { # name path height
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --no-first-run --hide-scrollbars --window-size="375,$3" \
    --screenshot="$dest/$1.png" "http://localhost:$port/$2" >/dev/null 2>&1
}
shot parents-ar fjordvik/ar/foreldre/ 1300
shot parents-ti fjordvik/ti/foreldre/ 1300
shot parents-pl solvberg/pl/foreldre/ 1300
shot front-nb fjordvik/ 1500

page() { # name pdf page
  pdftoppm -r 40 -png -singlefile -f "$3" -l "$3" "$tmp/public/$2" "$dest/$1"
}
last() { pdfinfo "$tmp/public/$1" | awk '/^Pages:/ { print $2 }'; }
for b in fjordvik/trykk/foreldrebrosjyre-ar.pdf:ar fjordvik/trykk/foreldrebrosjyre-ti.pdf:ti \
  solvberg/trykk/foreldrebrosjyre-pl.pdf:pl bjorkedal/trykk/foreldrebrosjyre.pdf:nn; do
  pdf=${b%%:*}
  lang=${b##*:}
  page "brochure-$lang-1" "$pdf" 1
  page "brochure-$lang-back" "$pdf" "$(last "$pdf")"
done
ls -l "$dest"
