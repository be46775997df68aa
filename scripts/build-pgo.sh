#!/usr/bin/env bash
# Builds veiviser with profile-guided optimisation (PGO) and prints the binary's path as the
# last line, as scripts/cargo-bin does:
#   1. an instrumented build (release profile, in <target dir>/pgo-instrumented, so the
#      normal build's artifacts are not replaced by instrumented ones);
#   2. the instrumented binary checks and builds a copy of the demo project in content/
#      (scripts/pgo-train.sh: a full build with PDFs, rebuilds, an HTML-only build; with
#      --floor, the floor example reads the same content too);
#   3. llvm-profdata merges what those runs counted;
#   4. the optimised build uses it (`-Cprofile-use`), in the normal target dir
#      (target/<this machine's triple>/<profile>/; with --floor, examples/floor beside it).
# The demo is the training set and the benchmarks measure other sites (scripts/gen-site.py),
# so what the benchmarks show is not learnt from the pages they time.
#
#   scripts/build-pgo.sh [--profile dist] [--floor] [--keep-data DIR]
#
# --profile defaults to dist (Cargo.toml). --floor builds examples/floor the same way (for
# scripts/bench-build.sh --pgo). --keep-data DIR keeps the merged profile there. Only for
# this machine's target: the instrumented binary has to run. Needs llvm-profdata from
# rustup's llvm-tools component, which is added when it is missing. Takes two builds and
# a minute of training: about an hour on two cores, and 9 GB for the last link.
set -euo pipefail
cd "$(dirname "$0")/.."

profile=dist
floor=false
keep=
while [ $# -gt 0 ]; do
  case "$1" in
    --profile) profile=$2; shift 2 ;;
    --floor) floor=true; shift ;;
    --keep-data) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "scripts/build-pgo.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ "$profile" = debug ] && profile=dev
profile_dir=$profile
[ "$profile" = dev ] && profile_dir=debug

host=$(rustc -vV | tr -d '\r' | sed -n 's/^host: //p')
sysroot=$(rustc --print sysroot | tr -d '\r')
if command -v cygpath >/dev/null; then sysroot=$(cygpath -u "$sysroot"); fi
profdata="$sysroot/lib/rustlib/$host/bin/llvm-profdata"
[ -x "$profdata" ] || [ -x "$profdata.exe" ] || rustup component add llvm-tools >&2
[ -x "$profdata.exe" ] && profdata="$profdata.exe"
[ -x "$profdata" ] || { echo "scripts/build-pgo.sh: no llvm-profdata at $profdata (rustup component add llvm-tools)" >&2; exit 1; }

target_dir=${CARGO_TARGET_DIR:-target}
mkdir -p "$target_dir"
target_dir=$(cd "$target_dir" && pwd)
# Fixed paths: RUSTFLAGS are part of cargo's fingerprint, so a path that changed each run
# would compile every crate again, and a cached target dir (CI) would help nothing.
pgo_dir="$target_dir/pgo-instrumented"
data="$pgo_dir/profiles"
rm -rf "$data"
mkdir -p "$data"

# The instrumented build uses the release profile whatever --profile says: it only counts,
# and the counts belong to functions as written (instrumented before inlining), so they
# fit the final build's link-time optimisation too; linking an instrumented binary with
# lto = "fat" took 12 GB here. --target even though it is this machine's: then RUSTFLAGS
# reach the binaries and not the build scripts and macros that run during the build.
echo "build-pgo: instrumented build (release)…" >&2
instrument() {
  CARGO_TARGET_DIR="$pgo_dir" RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$data" \
    cargo build --locked --profile release --target "$host" "$@" >&2
}
instrument --bin veiviser
[ "$floor" = true ] && instrument --example floor
instrumented="$pgo_dir/$host/release"

echo "build-pgo: training on the demo project…" >&2
floor_bin=
[ "$floor" = true ] && floor_bin="$instrumented/examples/floor"
scripts/pgo-train.sh "$instrumented/veiviser" $floor_bin
merged="$pgo_dir/merged.profdata"
"$profdata" merge -o "$merged" "$data"
# Named by its content: cargo sees a new profile as new flags, and the same one as the same.
sum=$( (sha256sum "$merged" 2>/dev/null || shasum -a 256 "$merged") | cut -c1-16)
profile_file="$pgo_dir/veiviser-$sum.profdata"
rm -f "$pgo_dir"/veiviser-*.profdata
mv "$merged" "$profile_file"
if [ -n "$keep" ]; then mkdir -p "$keep" && cp "$profile_file" "$keep/"; fi

echo "build-pgo: optimised build ($profile, -Cprofile-use)…" >&2
export RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$profile_file"
# One link at a time (each link-time-optimised link takes gigabytes), the floor last so
# it is not older than the binary (bench-build.sh checks).
bin=$(scripts/cargo-bin --locked --profile "$profile" --target "$host")
if [ "$floor" = true ]; then
  cargo build --locked --profile "$profile" --target "$host" --example floor >&2
fi
printf '%s\n' "$bin"
