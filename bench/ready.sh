#!/usr/bin/env bash
# Time to ready alone, repeated: starts the service RUNS times, each on a fresh data dir, measures
# process start -> first 200 from GET /health (polled every 20 ms), stops it, and prints each
# figure plus the minimum and the median (the minimum is the least disturbed by other processes).
# Also the CPU the JVM had used by then (all its threads: a figure other processes move less than
# the wall time on a shared machine) and its peak RSS at that moment.
#
#   RUNS=5 bench/ready.sh                                 # through the launcher, as the README starts it
#   FRESH=0 RUNS=5 bench/ready.sh                         # restarts on one data dir instead of first starts
#   LAUNCHER=plain RUNS=5 JAVA_OPTS="-Xmx128m" JAR=/tmp/old/neobank.jar CONFIG=/tmp/old/config.yml bench/ready.sh
#
# Environment: LAUNCHER [bin/neobank] (run as `NEOBANK_JAR=$JAR JAVA_OPTS=$JAVA_OPTS $LAUNCHER server
#   $CONFIG`; `plain` starts `java $HEAP $JAVA_OPTS -jar $JAR server $CONFIG` as before the launcher)
#   JAR [api/target/neobank.jar] CONFIG [config.yml] PORT [25080] ADMIN_PORT [25081] RUNS [5]
#   HEAP [-Xmx128m, plain only] JAVA_OPTS [] FRESH [1] (0 reuses one data dir: a restart, not a first
#   start; the first start of that dir is not counted)
set -euo pipefail
cd "$(dirname "$0")/.."
LAUNCHER=${LAUNCHER:-bin/neobank}
JAR=${JAR:-api/target/neobank.jar}
CONFIG=${CONFIG:-config.yml}
PORT=${PORT:-25080}
ADMIN_PORT=${ADMIN_PORT:-25081}
RUNS=${RUNS:-5}
HEAP=${HEAP:--Xmx128m}
JAVA_OPTS=${JAVA_OPTS:-}
FRESH=${FRESH:-1}
[[ -f "$JAR" ]] || { echo "no $JAR" >&2; exit 2; }
[[ "$LAUNCHER" == plain || -x "$LAUNCHER" ]] || { echo "no launcher $LAUNCHER (LAUNCHER=plain: java -jar)" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "http://127.0.0.1:$PORT/health"; then
  echo "something already answers on port $PORT" >&2; exit 2
fi
WORK=$(mktemp -d "${TMPDIR:-/tmp}/neobank-ready.XXXXXX")
PID=
cleanup() {
  if [[ -n "$PID" ]] && kill -0 "$PID" 2>/dev/null; then kill "$PID"; wait "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
TCK=$(getconf CLK_TCK)
times=() cpus=()
# One start: sets MS (to ready), CPU (ms used by then), RSS (peak MiB by then); leaves the service stopped.
start_once() { # data dir, log file
  local t0 stat
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  if [[ "$LAUNCHER" == plain ]]; then
    PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$1 NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop \
      NEOBANK_ADMIN_PASSWORD=bench-gm-password-1 java $HEAP $JAVA_OPTS -jar "$JAR" server "$CONFIG" >"$2" 2>&1 &
  else
    PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$1 NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop \
      NEOBANK_ADMIN_PASSWORD=bench-gm-password-1 NEOBANK_JAR=$JAR JAVA_OPTS=$JAVA_OPTS \
      "$LAUNCHER" server "$CONFIG" >"$2" 2>&1 &
  fi
  PID=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/health" || true)" == 200 ]]; do
    kill -0 "$PID" 2>/dev/null || { echo "the service died:" >&2; tail -20 "$2" >&2; exit 1; }
    sleep 0.02
  done
  MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  # utime + stime of the whole process (fields 14 and 15; the name in field 2 has no spaces: java)
  stat=$(cut -d' ' -f14,15 "/proc/$PID/stat")
  CPU=$(( (${stat% *} + ${stat#* }) * 1000 / TCK ))
  RSS=$(awk '/VmHWM/ {print int($2 / 1024)}' "/proc/$PID/status")
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
}
how=$([[ "$LAUNCHER" == plain ]] && echo "java $HEAP $JAVA_OPTS -jar" || echo "$LAUNCHER${JAVA_OPTS:+ JAVA_OPTS=$JAVA_OPTS}")
if [[ "$FRESH" != 1 ]]; then
  start_once "$WORK/data" "$WORK/log-0"
  echo "first start (not counted): ready in $MS ms, $CPU ms CPU"
fi
for i in $(seq 1 "$RUNS"); do
  data=$WORK/data
  if [[ "$FRESH" == 1 ]]; then data=$WORK/data-$i; fi
  start_once "$data" "$WORK/log-$i"
  times+=("$MS"); cpus+=("$CPU")
  echo "run $i: ready in $MS ms, $CPU ms CPU, peak RSS $RSS MiB (load average $(cut -d' ' -f1 /proc/loadavg))"
done
stats() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {printf "min %d ms, median %d ms", a[1], a[int((NR + 1) / 2)]}'; }
kind=$([[ "$FRESH" == 1 ]] && echo "fresh database, target <= 3000 ms" || echo "restart, target <= 2000 ms")
echo "ready ($how; $kind): $(stats "${times[@]}") over $RUNS runs; CPU to ready $(stats "${cpus[@]}")"
