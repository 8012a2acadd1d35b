#!/usr/bin/env bash
# Spins per second over HTTP at 64 connections, both games alternating, 64 players.
# Starts the fat jar on a fresh temp data dir (SQLite, synchronous=FULL, rate limits off),
# warms the JVM up, measures, checks the ledger, and stops the server it started.
#   usage: bench/spins.sh [seconds=20] [connections=64]
# Environment: JAR [api/target/neobank.jar]  PORT [21080]  ADMIN_PORT [21081]  WARMUP [10] s, not counted
# Needs api/target/neobank.jar (mvn -B -o -DskipTests package), curl, python3 and wrk.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_RUN=${1:-20}
CONNECTIONS=${2:-64}
PORT=${PORT:-21080}
ADMIN_PORT=${ADMIN_PORT:-21081}
JAR=${JAR:-api/target/neobank.jar}
DATA=$(mktemp -d /tmp/neobank-bench.XXXXXX)
BASE=http://127.0.0.1:$PORT
[ -f "$JAR" ] || { echo "build first: mvn -B -o -DskipTests package" >&2; exit 1; }

PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$DATA NEOBANK_RATE_LIMITS_ENABLED=false \
NEOBANK_ADMIN_PASSWORD=bench-gm-password NEOBANK_SECRET_KEY=bench-secret-key-at-least-32-bytes-long!! \
NEOBANK_STARTING_BALANCE=1000000 NEOBANK_HOUSE_BANKROLL=100000000 \
  java -Xmx512m -jar "$JAR" server "${CONFIG:-config.yml}" >"$DATA/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true; rm -rf "$DATA"' EXIT

for _ in $(seq 1 120); do
  curl -fs "$BASE/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$BASE/health" >/dev/null || { echo "server did not start:" >&2; tail -20 "$DATA/server.log" >&2; exit 1; }

TOKENS=$DATA/tokens.txt
for i in $(seq 1 64); do
  name="bench$i-$RANDOM"
  curl -fs -X POST "$BASE/api/v1/auth/register" -H 'Content-Type: application/json' \
    -d "{\"character_name\":\"$name\",\"password\":\"password1\"}" >/dev/null
  curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
    -d "{\"character_name\":\"$name\",\"password\":\"password1\"}" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])' >>"$TOKENS"
done

echo "warm-up (JIT) ..."
TOKENS_FILE=$TOKENS wrk -t2 -c"$CONNECTIONS" -d"${WARMUP:-10}s" -s bench/spin.lua "$BASE" >/dev/null
echo "measuring $SECONDS_RUN s at $CONNECTIONS connections ..."
# The server's CPU time per spin: on a shared machine the rate moves with the neighbours, this does not.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
CPU_BEFORE=$(cpu_ticks "$SERVER")
TOKENS_FILE=$TOKENS wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --latency -s bench/spin.lua "$BASE" | tail -1 \
  | tee "$DATA/spins.txt"
CPU_AFTER=$(cpu_ticks "$SERVER")
SPINS=$(sed -n 's/.*(\([0-9]*\) spins in.*/\1/p' "$DATA/spins.txt")
awk -v t="$(getconf CLK_TCK)" -v b="$CPU_BEFORE" -v a="$CPU_AFTER" -v n="$SPINS" 'BEGIN {
  s = (a - b) / t; printf "server cpu: %.1f s for %d spins = %.0f us per spin\n", s, n, s * 1e6 / n }'

GM=$(curl -fs -X POST "$BASE/api/v1/auth/login" -H 'Content-Type: application/json' \
  -d '{"character_name":"admin","password":"bench-gm-password"}' \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
echo "health checks (ledger invariants): $(curl -s "http://127.0.0.1:$ADMIN_PORT/healthcheck" | python3 -c 'import json,sys; d=json.load(sys.stdin); print({k: v.get("healthy") for k, v in d.items()})')"
echo "PAR sheet (starlight_smuggler at 96 %): $(curl -fs -H "Authorization: Bearer $GM" "$BASE/api/admin/casino/par/starlight_smuggler?payout=96" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); print("rtp", round(d["rtp"], 4), "hit", round(d["hit_frequency"], 2), "sd", round(d["std_dev"], 3))')"
