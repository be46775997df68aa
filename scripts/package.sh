#!/usr/bin/env bash
# Builds a release archive of veiviser for one target: the binary (which holds the theme and
# fonts), README.md and a notice of licences, packed as
#   dist/veiviser-<version>-<target>.tar.gz   (.zip for Windows)
# with dist/<archive>.sha256 beside it. The release workflow (.github/workflows/release.yml)
# and the tests (tests/dist.sh) both call this script, so what is tested is what is shipped.
#
#   scripts/package.sh [--profile dist|release|dev] [--pgo] [--target <triple>] [--out <folder>]
#
# --profile defaults to dist (Cargo.toml: release optimised across crates, what the release
# workflow ships); tests pass dev (`debug` means the same), which reuses the test build
# instead of an optimised build that takes twenty minutes or more on two cores. --pgo builds
# with profile-guided optimisation (scripts/build-pgo.sh: trained on the demo content), only
# for this machine's target, as the instrumented binary has to run. --target defaults to
# this machine's; cargo is given --target only when it differs, so a native build reuses
# target/ as it is. The last line printed is the archive's path.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=dist
pgo=false
target=
out=dist
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --pgo) pgo=true; shift ;;
    --target) target=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d'; exit 0 ;;
    *) echo "scripts/package.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$profile" = debug ] && profile=dev

host=$(rustc -vV | tr -d '\r' | sed -n 's/^host: //p')
target=${target:-$host}
# tr: a Windows checkout may have CRLF line ends.
version=$(tr -d '\r' < Cargo.toml | sed -n 's/^version = "\(.*\)"$/\1/p' | head -n 1)
[ -n "$version" ] || { echo "scripts/package.sh: no version in Cargo.toml" >&2; exit 1; }

if [ "$pgo" = true ]; then
  if [ "$target" != "$host" ]; then
    echo "scripts/package.sh: --pgo builds only for this machine ($host), not $target" >&2
    exit 2
  fi
  bin=$(scripts/build-pgo.sh --profile "$profile" | tail -n 1)
else
  cargo_args=(--locked --profile "$profile")
  [ "$target" != "$host" ] && cargo_args+=(--target "$target")
  bin=$(scripts/cargo-bin "${cargo_args[@]}")
fi

name="veiviser-$version-$target"
mkdir -p "$out"
out=$(cd "$out" && pwd)
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir "$stage/$name"
exe=veiviser
case "$target" in *windows*) exe=veiviser.exe ;; esac
cp "$bin" "$stage/$name/$exe"
# Symbols and debug info are for developers; without them the debug binary shrinks from
# about 700 MB to a tenth. Only for a native build (the host's strip may not know another
# target's format), or between the two Mac architectures, which Apple's strip both knows.
native=false
[ "$target" = "$host" ] && native=true
case "$host/$target" in *apple-darwin/*apple-darwin) native=true ;; esac
if [ "$native" = true ] && [ "$exe" = veiviser ] && command -v strip >/dev/null; then
  strip "$stage/$name/$exe"
fi
cp README.md "$stage/$name/README.md"
cp themes/standard/fonts/OFL.txt "$stage/$name/OFL.txt"
cat > "$stage/$name/NOTICE.txt" <<NOTICE
veiviser $version ($target)

veiviser is released under the MIT licence (see Cargo.toml: license = "MIT").

The binary holds the standard theme, including the Noto Sans, Noto Sans Arabic and Noto
Sans Ethiopic fonts, which are licensed under the SIL Open Font License 1.1 (OFL.txt).
It is built from the Rust crates listed in the source's Cargo.lock, each under its own
licence (mostly MIT and/or Apache-2.0).
NOTICE

archive=
case "$target" in
  *windows*)
    archive="$out/$name.zip"
    rm -f "$archive"
    if command -v zip >/dev/null; then
      (cd "$stage" && zip -qr "$archive" "$name")
    elif command -v 7z >/dev/null; then
      (cd "$stage" && 7z a -tzip -bd "$archive" "$name" >/dev/null)
    else
      (cd "$stage" && python3 -m zipfile -c "$archive" "$name")
    fi
    ;;
  *)
    archive="$out/$name.tar.gz"
    tar -C "$stage" -czf "$archive" "$name"
    ;;
esac

# `sha256sum -c` (Linux, Git Bash) and `shasum -a 256 -c` (macOS) both read this format.
file=$(basename "$archive")
if command -v sha256sum >/dev/null; then
  (cd "$out" && sha256sum "$file" > "$file.sha256")
else
  (cd "$out" && shasum -a 256 "$file" > "$file.sha256")
fi
echo "$archive"
