#!/usr/bin/env bash
# First load of the player web app on a throttled phone connection (1.6 Mbit/s down, 750 kbit/s up,
# 150 ms round trip, set through Chromium's DevTools protocol): cold visits with a fresh profile
# each, printing the compressed bytes transferred and the time until the log-in screen is usable.
#   usage: bench/first-load.sh [RUNS]     (default 5; needs chromium and chromium-driver)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
mvn -B -q -pl e2e -am test -Dtest=FirstLoadBench -Dsurefire.failIfNoSpecifiedTests=false -Druns="$RUNS" \
  -DtrimStackTrace=true 2>&1 | grep -E '^(run [0-9]+|FIRST LOAD)' || { echo "benchmark failed" >&2; exit 1; }
