#!/usr/bin/env bash
# The long form of the crash-and-retry proof (issue 6): the same CrashIT that CI runs in its short
# form, with 100,000 operations and 20 SIGKILLs per database. See bench/README-crash.md.
# Override with CRASH_OPS, CRASH_KILLS, CRASH_DB (sqlite, postgres or sqlite,postgres), CRASH_SEED.
set -euo pipefail
cd "$(dirname "$0")/.."

ops=${CRASH_OPS:-100000}
kills=${CRASH_KILLS:-20}
db=${CRASH_DB:-sqlite}
seed=()
if [ -n "${CRASH_SEED:-}" ]; then seed=("-Dcrash.seed=$CRASH_SEED"); fi

# package builds api/target/neobank.jar; the IT then runs that jar as a child process and kills it.
mvn -B -q -pl ui,api verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=CrashIT \
  -Dcrash.ops="$ops" -Dcrash.kills="$kills" -Dcrash.db="$db" "${seed[@]}"
