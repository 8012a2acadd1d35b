#!/usr/bin/env bash
# Login storm benchmark for NeoBank: while STORM_CONNECTIONS clients post logins (unknown names,
# wrong passwords: each still costs a bcrypt), how fast do other players' balance reads answer, and
# how long does a real player's login take? Prints balance-read p99 quiet and during the storm.
# Rate limits stay as configured (on by default), as at an event. See bench/README.md.
#
#   bench/login-storm.sh
#   JAR=/tmp/base/api/target/neobank.jar CONFIG=/tmp/base/config.yml bench/login-storm.sh   # a baseline
#
# Environment (defaults in brackets):
#   JAR [api/target/neobank.jar]  CONFIG [config.yml]  PORT [25390]  ADMIN_PORT [25391]
#   READERS [20] players whose balances are read  WARMUP [15] s of reads, not counted
#   QUIET [10] s of reads without a storm  STORM [25] s of storm  READ [15] s of reads inside it
#   STORM_CONNECTIONS [50]  READ_CONNECTIONS [16]  HEAP [-Xmx128m]  JAVA_OPTS []
#   RATE_LIMITS [true] false switches the rate limits off, to see the bcrypt bound alone
#   KEEP [0] 1 keeps the temp dir (log, wrk output)
set -euo pipefail

cd "$(dirname "$0")/.."

JAR=${JAR:-api/target/neobank.jar}
CONFIG=${CONFIG:-config.yml}
PORT=${PORT:-25390}
ADMIN_PORT=${ADMIN_PORT:-25391}
READERS=${READERS:-20}
WARMUP=${WARMUP:-15}
QUIET=${QUIET:-10}
STORM=${STORM:-25}
READ=${READ:-15}
STORM_CONNECTIONS=${STORM_CONNECTIONS:-50}
READ_CONNECTIONS=${READ_CONNECTIONS:-16}
HEAP=${HEAP:--Xmx128m}
JAVA_OPTS=${JAVA_OPTS:-}
KEEP=${KEEP:-0}
RATE_LIMITS=${RATE_LIMITS:-true}
PASSWORD=bench-password-1
BASE=http://127.0.0.1:$PORT

for tool in java wrk curl jq xargs; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
[[ -f "$JAR" ]] || { echo "no $JAR: build it with mvn -B -q -DskipTests package" >&2; exit 2; }
(( READ + 5 <= STORM )) || { echo "READ must be at least 5 s shorter than STORM" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/health"; then
  echo "something already answers on port $PORT; set PORT/ADMIN_PORT" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/neobank-login-storm.XXXXXX")
JAVA_PID=
STORM_PID=
cleanup() {
  if [[ -n "$STORM_PID" ]]; then kill "$STORM_PID" 2>/dev/null || true; fi
  if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID" 2>/dev/null || true
    wait "$JAVA_PID" 2>/dev/null || true
  fi
  if [[ "$KEEP" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fig() { sed -n "s/^BENCH $2=//p" "$WORK/$1.txt"; }
ms() { awk -v u="$1" 'BEGIN {printf "%.1f", u / 1000}'; }

log "starting $JAR ($CONFIG) with $HEAP $JAVA_OPTS"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$WORK/data NEOBANK_RATE_LIMITS_ENABLED=$RATE_LIMITS \
  NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop NEOBANK_ADMIN_PASSWORD=bench-gm-password-1 \
  java $HEAP $JAVA_OPTS -jar "$JAR" server "$CONFIG" >"$WORK/service.log" 2>&1 &
JAVA_PID=$!
t0=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/health" || true)" == 200 ]]; do
  if ! kill -0 "$JAVA_PID" 2>/dev/null; then echo "the service died:" >&2; tail -30 "$WORK/service.log" >&2; exit 1; fi
  if (( $(date +%s) - t0 > 90 )); then echo "not ready after 90 s" >&2; exit 1; fi
  sleep 0.1
done

post_json() { curl -s --max-time 30 -H 'Content-Type: application/json' -d "$2" "$BASE$1"; }
export -f post_json
export BASE PASSWORD
log "registering and logging in $READERS players"
seq -f 'reader%04g' 1 "$READERS" | xargs -P 4 -I{} bash -c \
  'post_json /api/v1/auth/register "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}" >/dev/null'
seq -f 'reader%04g' 1 "$READERS" | xargs -P 4 -I{} bash -c \
  'post_json /api/v1/auth/login "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}"; echo' >"$WORK/logins.json"
{
  echo "return {"
  jq -r 'select(.access_token != null) | "{\"\(.access_token)\",\"\(.user.account_number)\"},"' "$WORK/logins.json"
  echo "}"
} >"$WORK/players.lua"
readers=$(grep -c '^{' "$WORK/players.lua" || true)
(( readers == READERS )) || { echo "only $readers of $READERS players logged in" >&2; exit 1; }

reads() { # name seconds
  wrk -t 1 -c "$READ_CONNECTIONS" -d "$2s" --timeout 10s -s bench/p2p.lua "$BASE" -- "$WORK/players.lua" read \
    >"$WORK/$1.txt" 2>&1 || { cat "$WORK/$1.txt" >&2; exit 1; }
}
log "warm-up: ${WARMUP}s of balance reads"
reads warmup "$WARMUP"
log "quiet: ${QUIET}s of balance reads at $READ_CONNECTIONS connections"
reads quiet "$QUIET"

log "storm: ${STORM}s of logins at $STORM_CONNECTIONS connections; reads and a real login inside it"
wrk -t 1 -c "$STORM_CONNECTIONS" -d "${STORM}s" --timeout 20s -s bench/login.lua "$BASE" >"$WORK/storm.txt" 2>&1 &
STORM_PID=$!
t_storm=$(date +%s)
until (( $(date +%s) - t_storm >= 3 )); do sleep 0.2; done # let the storm build up
reads stormreads "$READ"
# A real player logging in during the storm: status and seconds, five times.
real=""
for _ in 1 2 3 4 5; do
  real="$real $(curl -s -o /dev/null -w '%{http_code}/%{time_total}s' --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"character_name\":\"reader0001\",\"password\":\"$PASSWORD\"}" "$BASE/api/v1/auth/login" || echo fail)"
done
wait "$STORM_PID" || true
STORM_PID=

cat <<EOF

================ NeoBank login storm ================
machine            $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)
jar                $JAR ($CONFIG), rate limits $RATE_LIMITS
reads, quiet       p50 $(ms "$(fig quiet p50_us)") ms, p99 $(ms "$(fig quiet p99_us)") ms, $(fig quiet rate) /s, non-2xx $(fig quiet non2xx)
reads, in storm    p50 $(ms "$(fig stormreads p50_us)") ms, p99 $(ms "$(fig stormreads p99_us)") ms, $(fig stormreads rate) /s, non-2xx $(fig stormreads non2xx), socket errors $(fig stormreads sock_errors)
storm logins       $(fig storm checked_per_s) bcrypt-checked /s (401: $(fig storm s401), 429: $(fig storm s429), 503: $(fig storm s503), other: $(fig storm s_other), last other status $(fig storm last_other)), p50 $(ms "$(fig storm p50_us)") ms, p99 $(ms "$(fig storm p99_us)") ms, socket errors $(fig storm sock_errors)
real login         status/time of 5 logins in the storm:$real
=====================================================
EOF
