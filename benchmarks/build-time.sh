#!/usr/bin/env bash
# Times full clean builds and says where the time goes.
#   benchmarks/build-time.sh [runs] [extra Maven arguments, e.g. -T 2]
# Prints, per run, the wall time, the CPU time of every process the build ran (user + system, from
# the kernel's count for this script's finished children) and the load average; after the last run,
# Maven's per-module times and the slowest test classes (from the Surefire and Failsafe reports).
# On two cores a build whose CPU time is near twice its wall time is bound by CPU, not by waiting:
# only less work makes it faster. Logs go to ${TMPDIR:-/tmp} (clean would delete them anywhere
# under the checkout).
#
# After each run, once the 1-minute load average is below 0.5 again (at most 3 minutes), it times
# how fast the machine is at that moment: the ceiling's start-up (CeilingStartup: launch to first
# answer, median of 3), the unit the 100-s target scales by. The target was set when the ceiling
# started in 4.87 s, so a build meets it at 100 / 4.87 = 20.5 ceiling start-ups or fewer.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
shift || true
log=""
ticks=$(getconf CLK_TCK)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# The sandbox's documented JVM options, which the ceiling launches with too (the parent POM's).
jvm_options=$(sed -n 's:.*<contactcard.sandbox.jvm-options>\(.*\)</contactcard.sandbox.jvm-options>.*:\1:p' pom.xml)
# User + system CPU ticks of this shell's waited-for children (and theirs), fields 16 and 17.
children_cpu() { awk '{ print $16 + $17 }' "/proc/$$/stat"; }
wait_until_idle() {
  for _ in $(seq 1 36); do
    awk '{ exit !($1 < 0.5) }' /proc/loadavg && return 0
    sleep 5
  done
}
ceiling_startup() {
  "$java" -Dbench.jvm.options="$jvm_options" -cp benchmarks/target/classes dev.contactcard.bench.CeilingStartup \
    benchmarks/target/ceiling.classpath benchmarks/target/classes 3 2> /dev/null
}
for i in $(seq 1 "$runs"); do
  log="${TMPDIR:-/tmp}/contact-card-build-time-$i.log"
  before=$(cut -d' ' -f1-3 /proc/loadavg)
  cpu_start=$(children_cpu)
  start=$(date +%s%N)
  if ! ./mvnw -B clean verify "$@" > "$log" 2>&1; then
    echo "run $i failed, see $log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  awk -v ns="$((end - start))" -v i="$i" -v before="$before" -v after="$(cut -d' ' -f1-3 /proc/loadavg)" \
    -v cpu="$(( $(children_cpu) - cpu_start ))" -v ticks="$ticks" -v cores="$(nproc)" \
    -v args="$*" 'BEGIN { wall = ns / 1e9; printf "run %d (%s): %.1f s, CPU %.1f s (%.2f of %d cores busy), load average before %s, after %s\n",
      i, (args == "" ? "as configured" : args), wall, cpu / ticks, cpu / ticks / wall, cores, before, after }'
  if [ ! -f benchmarks/target/ceiling.classpath ]; then
    echo "  (the ceiling's start-up was not timed: these arguments did not build the benchmarks module)"
    continue
  fi
  wait_until_idle
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  ceiling=$(ceiling_startup)
  awk -v ns="$((end - start))" -v ceiling="$ceiling" -v load="$load" 'BEGIN { wall = ns / 1e9;
    printf "  the ceiling then started in %.2f s (median of 3, load average before %s): the build took %.1f ceiling start-ups (target 20.5: 100 s when the ceiling started in 4.87 s, %.0f s at this speed)\n",
      ceiling, load, wall / ceiling, 100 * ceiling / 4.87 }'
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
