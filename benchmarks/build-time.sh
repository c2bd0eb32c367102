#!/usr/bin/env bash
# Times full clean builds: benchmarks/build-time.sh [runs] [extra Maven arguments, e.g. -T 2]
# Prints one line per run with the wall time and the load average; logs go to ${TMPDIR:-/tmp}
# (clean would delete them anywhere under the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
for i in $(seq 1 "$runs"); do
  log="${TMPDIR:-/tmp}/contact-card-build-time-$i.log"
  start=$(date +%s%N)
  if ! ./mvnw -B clean verify "$@" > "$log" 2>&1; then
    echo "run $i failed, see $log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  awk -v ns="$((end - start))" -v i="$i" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" -v args="$*" \
    'BEGIN { printf "run %d (%s): %.1f s, load average %s\n", i, (args == "" ? "serial" : args), ns / 1e9, load }'
done
