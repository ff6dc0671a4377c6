#!/usr/bin/env bash
# The cluster and kill tests, RUNS times in a row, while stress-ng keeps every core busy (issue #11: the double
# payment showed only on a loaded machine). Starts and stops the load itself; prints one RESULT line per run and a
# summary; exits non-zero if any run failed.
#
#   scripts/loaded-tests.sh [RUNS] [TESTS]      defaults: 5, the cluster/kill tests below
set -uo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
TESTS=${2:-GoogleClusterTest,MultiWorkerTest,VeoLimitClusterTest,ServeCrashTest,KillDuringEachBlockTest}
command -v stress-ng >/dev/null || { echo "stress-ng is not installed (apt-get install stress-ng)" >&2; exit 2; }
./mvnw -q -B -o -DskipTests test-compile || exit 2

# At nice 19, like the cluster harness's workers (and their FFmpeg): at nice 0 each hog would get ~68 times a
# worker's CPU share and the runs would measure the scheduler's weights instead of Reelsmith under load.
nice -n 19 stress-ng --cpu "$(nproc)" --cpu-method matrixprod --quiet &
STRESS=$!
trap 'kill "$STRESS" 2>/dev/null; wait "$STRESS" 2>/dev/null' EXIT

passed=0
for i in $(seq 1 "$RUNS"); do
  start=$(date +%s)
  if ./mvnw -q -B -o surefire:test -Dtest="$TESTS" -Dsurefire.failIfNoSpecifiedTests=false > "target/loaded-run-$i.log" 2>&1; then
    status=passed; passed=$((passed + 1))
  else
    status=failed
  fi
  figures=$(grep -ho 'RESULT generated=[0-9]* uncertain=[0-9]*' target/surefire-reports/*GoogleClusterTest-output.txt 2>/dev/null | tail -1)
  echo "RESULT run=$i status=$status seconds=$(( $(date +%s) - start )) load=stress-ng-cpu-$(nproc) ${figures#RESULT }"
done
echo "RESULT runs=$RUNS passed=$passed tests=$TESTS"
[ "$passed" = "$RUNS" ]
