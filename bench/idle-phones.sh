#!/usr/bin/env bash
# What N idle open phones cost the service: each polls GET /api/v1/account every 2 s on its own
# keep-alive connection with If-None-Match (the web app's live balance), and the server's CPU and
# RSS are read from /proc against the same window with no phones. Also times how soon a phone
# sees money that arrives. Fresh SQLite data dir, -Xmx128m, rate limits off for the sign-up rush.
#   usage: bench/idle-phones.sh [--phones 500] [--seconds 60] [--warmup 60] [--build]
# Needs api/target/neobank.jar and bench/target/neobank-bench.jar (--build runs
# mvn -B -q -Pbench -DskipTests package) and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
PHONES=500
SECONDS_=60
WARMUP=60
BUILD=false
while [ $# -gt 0 ]; do
  case "$1" in
    --phones) PHONES=$2; shift 2 ;;
    --seconds) SECONDS_=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --build) BUILD=true; shift ;;
    -h|--help) sed -n 2,7p "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
PORT=${IDLE_PORT:-25280}
ADMIN_PORT=${IDLE_ADMIN_PORT:-25281}
JAR=${JAR:-api/target/neobank.jar}
BENCH_JAR=bench/target/neobank-bench.jar
if $BUILD; then mvn -B -q -Pbench -DskipTests package; fi
for jar in "$JAR" "$BENCH_JAR"; do
  [ -f "$jar" ] || { echo "no $jar: build first with mvn -B -q -Pbench -DskipTests package (or pass --build)" >&2; exit 1; }
done

DATA=$(mktemp -d /tmp/neobank-idle.XXXXXX)
BASE=http://127.0.0.1:$PORT
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$DATA NEOBANK_RATE_LIMITS_ENABLED=false \
NEOBANK_ADMIN_PASSWORD=idle-gm-password-1 NEOBANK_SECRET_KEY=idle-secret-key-at-least-32-bytes-long!! \
  java -Xmx128m ${JAVA_OPTS:-} -jar "$JAR" server "${CONFIG:-config.yml}" >"$DATA/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT
for _ in $(seq 1 240); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || break
  sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start:" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }
echo "service pid $SERVER on $BASE, -Xmx128m ${JAVA_OPTS:-}; machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$BENCH_JAR" idle-phones --base "$BASE" --pid "$SERVER" --phones "$PHONES" --seconds "$SECONDS_" \
  --warmup "$WARMUP"
