#!/usr/bin/env bash
# Soak: N simulated players (logins, reads, transfers, spins, bursts) for M minutes against the real
# service with PRODUCTION rate limits, -Xmx128m, on a fresh SQLite data dir. Prints a status line
# every 10 s (requests, errors, RSS, heap) and a summary (p50/p99/max per route, errors, game
# refusals, memory flatness verdict, ledger verify). Exit 0 only with 0 errors, a verified ledger
# and flat memory. See bench/README-soak.md.
#   usage: bench/soak.sh [--minutes 10] [--players 500] [--build]
# Needs api/target/neobank.jar and bench/target/neobank-bench.jar (--build runs
# mvn -B -q -Pbench -DskipTests package), curl and a JDK (jcmd).
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=10
PLAYERS=500
BUILD=false
while [ $# -gt 0 ]; do
  case "$1" in
    --minutes) MINUTES=$2; shift 2 ;;
    --players) PLAYERS=$2; shift 2 ;;
    --build) BUILD=true; shift ;;
    -h|--help) sed -n 2,8p "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
PORT=${SOAK_PORT:-27080}
ADMIN_PORT=${SOAK_ADMIN_PORT:-27081}
JAR=${JAR:-api/target/neobank.jar}
BENCH_JAR=bench/target/neobank-bench.jar
GM_PASSWORD=soak-gm-password-1
if $BUILD; then mvn -B -q -Pbench -DskipTests package; fi
for jar in "$JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "no $jar: build first with mvn -B -q -Pbench -DskipTests package (or pass --build)" >&2; exit 1; }
done

DATA=$(mktemp -d /tmp/neobank-soak.XXXXXX)
BASE=http://127.0.0.1:$PORT
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$DATA NEOBANK_RATE_LIMITS_ENABLED=true \
NEOBANK_ADMIN_PASSWORD=$GM_PASSWORD NEOBANK_SECRET_KEY=soak-secret-key-at-least-32-bytes-long!! \
  java -Xmx128m -Xlog:gc:file="$DATA/gc.log" ${JAVA_OPTS:-} -jar "$JAR" server "${CONFIG:-config.yml}" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  if [ "${SOAK_KEEP:-}" = 1 ]; then echo "kept $DATA (server.log, gc.log, neobank.db)"; else rm -rf "$DATA"; fi
}
trap cleanup EXIT

for _ in $(seq 1 240); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start:" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
echo "service pid $SERVER on $BASE (admin $ADMIN_PORT), -Xmx128m ${JAVA_OPTS:-}, data $DATA, rate limits ON"
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at start"

set +e
# The client's keep-alive (20 s) stays under Jetty's idle timeout (30 s), so it never reuses a
# connection the server is closing.
java -Djdk.httpclient.keepalive.timeout=20 -jar "$BENCH_JAR" soak \
  --base "$BASE" --admin "http://127.0.0.1:$ADMIN_PORT" --pid "$SERVER" --gc-log "$DATA/gc.log" \
  --gm-password "$GM_PASSWORD" --players "$PLAYERS" --minutes "$MINUTES"
CODE=$?
set -e
echo "machine: load average $(cut -d' ' -f1-3 /proc/loadavg) at the end"
echo "server log: $(grep -c ' ERROR ' "$DATA/server.log" || true) ERROR lines, $(grep -c ' WARN ' "$DATA/server.log" || true) WARN lines"
grep -E ' (ERROR|WARN) ' "$DATA/server.log" | head -5 || true
exit $CODE
