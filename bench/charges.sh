#!/usr/bin/env bash
# Terminal charges per second: wrk with 64 connections against the real service on a fresh SQLite
# file, every request a charge with an API key and its own Idempotency-Key.
#   bench/charges.sh [duration, default 30s] [connections, default 64]
# Player rate limits are off (NEOBANK_RATE_LIMITS_ENABLED=false) so setup is not throttled; the
# key's own limit stays on, set high (rate_limit_per_minute 1000000), so its check is measured too.
# Ports 24080/24081 (override with PORT / ADMIN_PORT); JAR picks another jar (default api/target/neobank.jar). A warm-up run comes first: C2 needs it.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-30s}
CONNECTIONS=${2:-64}
PLAYERS=${BENCH_PLAYERS:-64}
WARMUP=${BENCH_WARMUP:-30s}
PORT=${PORT:-24080}
ADMIN_PORT=${ADMIN_PORT:-24081}
BASE="http://127.0.0.1:$PORT"
GM_PASSWORD="bench-gm-password-1"
JAR=${JAR:-api/target/neobank.jar}
OUT=bench/out
mkdir -p "$OUT"

if [[ ! -f $JAR ]]; then
  mvn -B -q -o clean package -DskipTests
fi

DATA=$(mktemp -d /tmp/neobank-bench-XXXXXX)
echo "data dir: $DATA"
PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$DATA NEOBANK_ADMIN_PASSWORD=$GM_PASSWORD \
  NEOBANK_RATE_LIMITS_ENABLED=false java ${BENCH_JAVA_OPTS:--Xmx512m} -jar "$JAR" server "${CONFIG:-config.yml}" \
  >"$OUT/server.log" 2>&1 &
SERVER=$!
cleanup() {
  kill "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  rm -rf "$DATA"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "service did not start; see $OUT/server.log"; exit 1; }

post() { curl -fsS -X POST -H 'Content-Type: application/json' "$@"; }
GM=$(post "$BASE/api/v1/auth/login" -d "{\"character_name\":\"admin\",\"password\":\"$GM_PASSWORD\"}" | jq -r .access_token)
register() {
  post "$BASE/api/v1/auth/register" -d "{\"character_name\":\"$1\",\"password\":\"password1\"}" \
    | jq -r .user.account_number
}
STALL=$(register "Bench Stall $$")
KEY=$(post "$BASE/api/admin/api-keys" -H "Authorization: Bearer $GM" \
  -d "{\"description\":\"bench stall\",\"account_number\":\"$STALL\",\"scopes\":[\"charge\",\"balance:read\"],\"rate_limit_per_minute\":1000000}" \
  | jq -r .api_key.key_value)
{
  echo "KEY = \"$KEY\""
  echo "STALL = \"$STALL\""
  echo "PLAYERS = {"
  for i in $(seq 1 "$PLAYERS"); do echo "  \"$(register "Bench Buyer $$-$i")\","; done
  echo "}"
} >"$OUT/setup.lua"
echo "stall $STALL, $PLAYERS players, key ${KEY:0:12}…"

export BENCH_SETUP="$OUT/setup.lua"
echo "--- warm-up ($WARMUP, not counted)"
wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -s bench/charges.lua "$BASE" >/dev/null
# CPU seconds used by the server and by wrk during the measured run: on a shared machine the
# rate depends on the neighbours, CPU per charge does not.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICK=$(getconf CLK_TCK)
echo "--- measured: $DURATION, $CONNECTIONS connections (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
# BENCH_JFR=/path.jfr: profile the measured run only (after the warm-up).
[[ -n ${BENCH_JFR:-} ]] && jcmd "$SERVER" JFR.start name=bench settings=profile filename="$BENCH_JFR" >/dev/null
SERVER_BEFORE=$(cpu_ticks "$SERVER")
WRK_START=$(awk '{print $14 + $15 + $16 + $17}' /proc/self/stat)
TIMEFORMAT="wrk cpu: user %U s, sys %S s"
{ time wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency -s bench/charges.lua "$BASE" ; } 2>"$OUT/wrk-time.txt" \
  | tee "$OUT/charges.txt"
SERVER_AFTER=$(cpu_ticks "$SERVER")
[[ -n ${BENCH_JFR:-} ]] && jcmd "$SERVER" JFR.stop name=bench >/dev/null
cat "$OUT/wrk-time.txt"
CHARGES=$(sed -n 's/^charges 201: \([0-9]*\).*/\1/p' "$OUT/charges.txt")
WRK_CPU=$(awk '{for (i = 1; i <= NF; i++) if ($i ~ /^[0-9.]+$/) s += $i} END {print s}' "$OUT/wrk-time.txt")
awk -v t="$TICK" -v b="$SERVER_BEFORE" -v a="$SERVER_AFTER" -v n="$CHARGES" -v w="$WRK_CPU" 'BEGIN {
  s = (a - b) / t
  printf "server cpu: %.1f s for %d charges = %.0f us per charge; wrk %.0f us per request\n", s, n, s * 1e6 / n, w * 1e6 / n
  printf "projected on 2 otherwise idle cores (server + wrk): %.0f charges/s\n", 2 * n / (s + w)
}'

echo "--- books after the run (ledger health check on the admin port)"
curl -s "http://127.0.0.1:$ADMIN_PORT/healthcheck" | jq -c '.ledger'
echo "stall balance: $(curl -s -H "X-API-Key: $KEY" "$BASE/api/v1/external/account/$STALL/balance" | jq -c .balance)"
