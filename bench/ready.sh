#!/usr/bin/env bash
# Time to ready alone, repeated: starts the jar RUNS times, each on a fresh data dir, measures
# process start -> first 200 from GET /health (polled every 20 ms), stops it, and prints each
# figure plus the minimum and the median (the minimum is the least disturbed by other processes).
#
#   RUNS=5 JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" bench/ready.sh
#
# Environment: JAR [api/target/neobank.jar] PORT [25080] ADMIN_PORT [25081] RUNS [5]
#   HEAP [-Xmx128m] JAVA_OPTS [] FRESH [1] (0 reuses one data dir: a restart, not a first start)
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-api/target/neobank.jar}
PORT=${PORT:-25080}
ADMIN_PORT=${ADMIN_PORT:-25081}
RUNS=${RUNS:-5}
HEAP=${HEAP:--Xmx128m}
JAVA_OPTS=${JAVA_OPTS:-}
FRESH=${FRESH:-1}
[[ -f "$JAR" ]] || { echo "no $JAR" >&2; exit 2; }
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
times=()
for i in $(seq 1 "$RUNS"); do
  data=$WORK/data
  if [[ "$FRESH" == 1 ]]; then data=$WORK/data-$i; fi
  t0=$(date +%s%N)
  # shellcheck disable=SC2086
  PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$data NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop \
    NEOBANK_ADMIN_PASSWORD=bench-gm-password-1 java $HEAP $JAVA_OPTS -jar "$JAR" server "${CONFIG:-config.yml}" >"$WORK/log-$i" 2>&1 &
  PID=$!
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$PORT/health" || true)" == 200 ]]; do
    kill -0 "$PID" 2>/dev/null || { echo "the service died:" >&2; tail -20 "$WORK/log-$i" >&2; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - t0) / 1000000 ))
  times+=("$ms")
  echo "run $i: ready in $ms ms (load average $(cut -d' ' -f1 /proc/loadavg))"
  kill "$PID"; wait "$PID" 2>/dev/null || true; PID=
done
printf '%s\n' "${times[@]}" | sort -n | awk -v heap="$HEAP" -v opts="$JAVA_OPTS" '{a[NR] = $1} END {
  printf "ready (%s %s): min %d ms, median %d ms over %d runs (target <= 3000 ms)\n", heap, opts, a[1], a[int((NR + 1) / 2)], NR }'
