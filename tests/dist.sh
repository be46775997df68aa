#!/usr/bin/env bash
# A release archive stands alone: build it for this machine with scripts/package.sh (the
# script the release workflow calls; the dev profile here, as a release build takes half an
# hour on CI's two cores), check its checksum, unpack it into an empty folder and run
# `veiviser init` and `veiviser build` there, away from the repository, with no cargo on
# PATH and, where the machine allows it, no network. Any failure exits non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "tests/dist.sh: FAILED: $*" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
archive=$(scripts/package.sh --profile dev --out "$work/dist" | tail -n 1)
[ -f "$archive" ] || fail "scripts/package.sh made no archive"
(cd "$work/dist" && sha256sum -c --quiet "$(basename "$archive").sha256") || fail "checksum"

mkdir "$work/unpacked"
tar -xzf "$archive" -C "$work/unpacked"
dir=$(find "$work/unpacked" -mindepth 1 -maxdepth 1 -type d)
for f in veiviser README.md NOTICE.txt OFL.txt; do
  [ -f "$dir/$f" ] || fail "the archive has no $f"
done

# Only the unpacked binary and the system's tools: no repository, cargo or rustup.
mkdir "$work/editor"
isolate=()
# A new network namespace has no interfaces: proof that the build needs no network.
if unshare -rn true 2>/dev/null; then isolate=(unshare -rn); fi
run() { # run <folder under the editor's home> <command…>
  local at=$1
  shift
  (cd "$work/editor/$at" && env -i HOME="$work/editor" PATH="$dir:/usr/bin:/bin" LANG=C.UTF-8 \
    "${isolate[@]}" "$@")
}
run . sh -c '! command -v cargo' || fail "cargo is reachable from the editor's PATH"
run . veiviser --version
run . veiviser init nordvik || fail "veiviser init"
[ ! -e "$work/editor/nordvik/themes" ] || fail "init copied a theme folder"
mkdir -p "$work/editor/nordvik/content/nordvik/trykk"
cat > "$work/editor/nordvik/content/nordvik/trykk/plakat-a4.md" <<'POSTER'
---
title: "Er du bekymret for et barn?"
kind: poster
format: A4
---
Du trenger ikke være sikker. Det holder at du kjenner uro.
POSTER
run nordvik veiviser build --allow-placeholders || fail "veiviser build"

site="$work/editor/nordvik/public/nordvik"
[ -f "$site/index.html" ] || fail "no public/nordvik/index.html"
grep -q 'Nordvik kommune' "$site/index.html" || fail "the front page does not name the kommune"
ls "$site"/assets/main.*.css >/dev/null 2>&1 || fail "no stylesheet: the built-in theme is missing"
ls "$site"/assets/search.*.js >/dev/null 2>&1 || fail "no search script"
head -c 4 "$site/trykk/plakat-a4.pdf" | grep -q '%PDF' || fail "no poster PDF: print templates or fonts missing"
echo "tests/dist.sh: $(basename "$archive") unpacks, inits and builds on its own: 1 passed, 0 failed"
