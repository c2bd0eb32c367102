#!/usr/bin/env bash
# What some test classes add to a module's build: runs `./mvnw -B verify` of the module (and what
# it needs) with and without them, alternating, and prints each run's wall time and the median of
# the differences. The builds are not clean (code generation and compilation are the same in both).
#   benchmarks/test-cost.sh <module> <runs> <TestClass>[,<TestClass>...] [extra Maven arguments]
# Classes named *IT are Failsafe's, the others Surefire's. Examples: the crash, scale-out and
# slow-client tests of server-stub, and the contract verifier's runs in contract-tests (with
# -Pcontract-only, so that the modules it builds on skip their unit tests on both sides):
#   benchmarks/test-cost.sh server-stub 3 AcknowledgedWritesSurviveSigkillTest,TwoSandboxesOnOnePostgresTest,SlowClientsTest,ListingAllCardsTakesBoundedMemoryTest,DevelopmentKeysStayOnLoopbackTest,BodyTimeoutTest,LoopbackByDefaultTest
#   benchmarks/test-cost.sh contract-tests 3 VerifierJarAgainstTheSandboxIT,VerifierFindsWhatPactCannotIT -Pcontract-only
set -euo pipefail
cd "$(dirname "$0")/.."
module=$1
runs=$2
classes=$3
shift 3
# Surefire runs the *Test classes, Failsafe the *IT ones: each is told which of them to leave out.
surefire=() failsafe=()
for class in ${classes//,/ }; do
  case $class in
    *IT) failsafe+=("!$class") ;;
    *) surefire+=("!$class") ;;
  esac
done
without=()
[ ${#surefire[@]} -gt 0 ] && without+=("-Dtest=$(IFS=,; echo "${surefire[*]}")")
# (Failsafe's *IT first: with exclusions alone it would also run the nested classes it never runs.)
[ ${#failsafe[@]} -gt 0 ] && without+=("-Dit.test=*IT,$(IFS=,; echo "${failsafe[*]}")" -Dfailsafe.failIfNoSpecifiedTests=false)
log="${TMPDIR:-/tmp}/contact-card-test-cost.log"
# One build first, so that both sides of every pair find the same generated and compiled code.
./mvnw -B -q -pl "$module" -am verify -DskipTests "$@" > "$log" 2>&1 || { echo "build failed, see $log" >&2; exit 1; }
differences=()
for i in $(seq 1 "$runs"); do
  times=()
  for side in with without; do
    arguments=(-B -pl "$module" -am verify -Dsurefire.failIfNoSpecifiedTests=false "$@")
    [ "$side" = without ] && arguments+=("${without[@]}")
    start=$(date +%s%N)
    ./mvnw "${arguments[@]}" > "$log" 2>&1 || { echo "run $i ($side) failed, see $log" >&2; exit 1; }
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  difference=$(( times[0] - times[1] ))
  differences+=("$difference")
  awk -v i="$i" -v w="${times[0]}" -v wo="${times[1]}" -v load="$(cut -d' ' -f1-3 /proc/loadavg)" \
    'BEGIN { printf "run %d: with %.1f s, without %.1f s, added %.1f s (load average %s)\n", i, w / 1e3, wo / 1e3, (w - wo) / 1e3, load }'
done
printf '%s\n' "${differences[@]}" | sort -n |
  awk '{ d[NR] = $1 } END { m = (NR % 2) ? d[(NR + 1) / 2] : (d[NR / 2] + d[NR / 2 + 1]) / 2; printf "median added: %.1f s over %d runs\n", m / 1e3, NR }'
