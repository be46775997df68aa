#!/usr/bin/env bash
# Two veiviser binaries on their sites, interleaved: how a change moves a clean build's
# time and memory (docs/benchmarks.md). The machines are shared and noisy, so the two run
# one after the other, N times each, and the medians are compared.
#
#   scripts/bench-ab.sh N OLD_BIN OLD_ROOT NEW_BIN NEW_ROOT
#
# Each run is `VEIVISER_TODAY=2026-01-01 BIN build --root ROOT --out OUT --no-pdf --clean`
# into an empty folder under /dev/shm (or $TMPDIR), timed with /usr/bin/time. Give each
# binary its own root when the templates changed too (a site's themes/ folder overrides
# the templates built into the binary). Prints the median wall time, CPU (user + system)
# and peak memory of each, and new ÷ old CPU.
set -euo pipefail
if [ $# -ne 5 ]; then
  sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
N=$1 OLD_BIN=$2 OLD_ROOT=$3 NEW_BIN=$4 NEW_ROOT=$5
if [ -w /dev/shm ]; then WORK=$(mktemp -d /dev/shm/bench-ab.XXXXXX); else WORK=$(mktemp -d); fi
trap 'rm -rf "$WORK"' EXIT
for _ in $(seq 1 "$N"); do
  for side in old new; do
    if [ "$side" = old ]; then bin=$OLD_BIN root=$OLD_ROOT; else bin=$NEW_BIN root=$NEW_ROOT; fi
    rm -rf "$WORK/out"
    VEIVISER_TODAY=2026-01-01 /usr/bin/time -o "$WORK/time" -f "$side %e %U %S %M" \
      "$bin" build --root "$root" --out "$WORK/out" --no-pdf --clean >/dev/null 2>&1
    cat "$WORK/time" >>"$WORK/runs"
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
    print(f"{side}: wall {median(side, 0):.3f} s, CPU {median(side, 1):.3f} s, "
          f"peak {int(median(side, 2)) // 1024} MB ({len(runs[side])} runs)")
print(f"new ÷ old CPU: {median('new', 1) / median('old', 1):.3f}")
EOF
