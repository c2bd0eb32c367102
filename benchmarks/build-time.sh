#!/usr/bin/env bash
# Times full clean builds and says where the time goes.
#   benchmarks/build-time.sh [runs] [extra Maven arguments, e.g. -T 2]
# Prints, per run, the wall time and the load average; after the last run, Maven's per-module
# times and the slowest test classes (from the Surefire and Failsafe reports). Logs go to
# ${TMPDIR:-/tmp} (clean would delete them anywhere under the checkout).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
log=""
for i in $(seq 1 "$runs"); do
  log="${TMPDIR:-/tmp}/contact-card-build-time-$i.log"
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  if ! ./mvnw -B clean verify "$@" > "$log" 2>&1; then
    echo "run $i failed, see $log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  awk -v ns="$((end - start))" -v i="$i" -v before="$before" -v after="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v args="$*" 'BEGIN { printf "run %d (%s): %.1f s, load average before %s, after %s\n", i,
      (args == "" ? "as configured" : args), ns / 1e9, before, after }'
done
echo
echo "Per module (last run):"
sed -n '/Reactor Summary/,/BUILD/p' "$log" | grep -E 'SUCCESS|FAILURE' | sed 's/^\[INFO\] /  /'
echo
echo "Slowest test classes (seconds, last run):"
find . -path ./benchmarks/target/bench-work -prune -o \
    \( -path '*/target/surefire-reports*/TEST-*.xml' -o -path '*/target/failsafe-reports/TEST-*.xml' \) -print |
  while read -r report; do
    module=${report#./}
    module=${module%%/target/*}
    sed -n 's/.*<testsuite [^>]*name="\([^"]*\)"[^>]*time="\([0-9.,]*\)".*/\2 \1/p;s/.*<testsuite [^>]*time="\([0-9.,]*\)"[^>]*name="\([^"]*\)".*/\1 \2/p' "$report" |
      head -1 | tr -d , | awk -v m="$module" '{ printf "%8.1f  %s  %s\n", $1, m, $2 }'
  done | sort -rn | head -25
