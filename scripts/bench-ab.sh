#!/usr/bin/env bash
# Two veiviser binaries on their sites, interleaved: how a change moves a clean build's
# time and memory (docs/benchmarks.md). The machines are shared and noisy, so the two run
# one after the other, N times each, and the medians are compared.
#
#   scripts/bench-ab.sh N OLD_BIN OLD_ROOT NEW_BIN NEW_ROOT
#
# Each run is `VEIVISER_TODAY=2026-01-01 BIN build --root ROOT --out OUT --no-pdf --clean`
# into an empty folder under /dev/shm (or $TMPDIR). With AB_WARM=1 the `--clean` is left
# out and each side keeps its own cache folder between runs (the minified stylesheet; a
# build run again by an editor), its first run not counted. Timed from the child's resource usage
# (microseconds; /usr/bin/time prints CPU in 10 ms steps, too coarse for a one-kommune
# build of about 60 ms). Give each binary its own root when the templates changed too (a
# site's themes/ folder overrides the templates built into the binary). Prints the median
# wall time, CPU (user + system) and peak memory of each, and new ÷ old CPU and wall.
#
# Build both binaries the same way, one after the other (check out the old source, build,
# copy the binary; then the new): two builds of the same code, hours apart, differed by
# about 4 % at one kommune, more than many changes move it (docs/benchmarks.md).
set -euo pipefail
if [ $# -ne 5 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
N=$1 OLD_BIN=$2 OLD_ROOT=$3 NEW_BIN=$4 NEW_ROOT=$5
if [ -w /dev/shm ]; then WORK=$(mktemp -d /dev/shm/bench-ab.XXXXXX); else WORK=$(mktemp -d); fi
trap 'rm -rf "$WORK"' EXIT
clean=(--clean)
[ -z "${AB_WARM:-}" ] || clean=()
for _ in $(seq 1 "$N"); do
  for side in old new; do
    if [ "$side" = old ]; then bin=$OLD_BIN root=$OLD_ROOT; else bin=$NEW_BIN root=$NEW_ROOT; fi
    out="$WORK/$side/out"
    rm -rf "$out"
    mkdir -p "$WORK/$side"
    runs="$WORK/runs"
    if [ -n "${AB_WARM:-}" ] && [ ! -e "$WORK/$side/warmed" ]; then
      runs="$WORK/warm-up" && touch "$WORK/$side/warmed"
    fi
    VEIVISER_TODAY=2026-01-01 python3 - "$side" "$runs" \
      "$bin" build --root "$root" --out "$out" --no-pdf "${clean[@]}" <<'EOF'
import os, subprocess, sys, time
side, runs, command = sys.argv[1], sys.argv[2], sys.argv[3:]
start = time.perf_counter()
child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
wall = time.perf_counter() - start
with open(runs, "a") as f:
    f.write(f"{side} {wall:.6f} {usage.ru_utime:.6f} {usage.ru_stime:.6f} {usage.ru_maxrss}\n")
sys.exit(os.waitstatus_to_exitcode(status))
EOF
  done
done
python3 - "$WORK/runs" <<'EOF'
import statistics as st, sys
runs = {}
for line in open(sys.argv[1]):
    side, wall, user, system, peak_kb = line.split()
    runs.setdefault(side, []).append((float(wall), float(user) + float(system), int(peak_kb)))
median = lambda side, i: st.median(r[i] for r in runs[side])
for side in ("old", "new"):
    print(f"{side}: wall {median(side, 0):.4f} s, CPU {median(side, 1):.4f} s, "
          f"peak {int(median(side, 2)) // 1024} MB ({len(runs[side])} runs)")
print(f"new ÷ old CPU: {median('new', 1) / median('old', 1):.3f}, "
      f"wall: {median('new', 0) / median('old', 0):.3f}")
EOF
