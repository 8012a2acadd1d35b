#!/usr/bin/env bash
# PostgreSQL benchmark: P2P transfers over HTTP on PostgreSQL, and in the same run on the same
# server PostgreSQL's own pgbench (TPC-B-like) with the same number of clients; prints both and
# their ratio (target >= 0.8). A transfer and a TPC-B transaction are alike in size: TPC-B updates
# three balances and inserts a history row; a transfer updates two balances (guarded, rows locked in
# id order), inserts a journal row and, with a key, an idempotency row. See bench/README.md.
#
#   bench/postgres.sh [--build]
#
# Environment (defaults in brackets):
#   JAR [api/target/neobank.jar]  PORT [25680]  ADMIN_PORT [25681]  PLAYERS [200]
#   CLIENTS [16] HTTP connections and pgbench clients   THREADS [2] wrk / pgbench threads
#   WARMUP [180] s of transfers, not counted (C2 needs minutes on a busy 2-core machine)   ROUNDS [3] x DURATION [15] s measured, for each side,
#   alternating HTTP and pgbench
#   POOL [$CLIENTS] NEOBANK_DB_POOL   HEAP [-Xmx128m]  JAVA_OPTS [-XX:+UseSerialGC]
#   PGHOST [127.0.0.1] PGPORT [5432] PGUSER [postgres]: a server that lets PGUSER create databases
#   JFR [] a file name: records a JFR profile of the measured HTTP rounds into it
#   KEEP [0] 1 keeps the temp dir and both databases
set -euo pipefail

cd "$(dirname "$0")/.."
if [[ "${1:-}" == "--build" ]]; then
  mvn -B -q -DskipTests package
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--build]" >&2
  exit 2
fi

JAR=${JAR:-api/target/neobank.jar}
PORT=${PORT:-25680}
ADMIN_PORT=${ADMIN_PORT:-25681}
PLAYERS=${PLAYERS:-200}
CLIENTS=${CLIENTS:-16}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-180}
DURATION=${DURATION:-15}
ROUNDS=${ROUNDS:-3}
POOL=${POOL:-$CLIENTS}
HEAP=${HEAP:--Xmx128m}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
KEEP=${KEEP:-0}
JFR=${JFR:-}
PASSWORD=bench-password-1
ADMIN_PASSWORD=bench-gm-password-1
BASE=http://127.0.0.1:$PORT
STAMP=$(date +%Y%m%d%H%M%S)
APP_DB=neobank_bench_$STAMP
PGB_DB=pgbench_bench_$STAMP

for tool in java wrk curl jq xargs psql pgbench; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool (pgbench and psql: Debian package postgresql-client)" >&2; exit 2; }
done
[[ -f "$JAR" ]] || { echo "no $JAR: run with --build or mvn -B -q -DskipTests package" >&2; exit 2; }
psql -Atqc 'select 1' postgres >/dev/null || { echo "no PostgreSQL at $PGHOST:$PGPORT for $PGUSER" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/health"; then
  echo "something already answers on port $PORT; set PORT/ADMIN_PORT" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/neobank-pgbench.XXXXXX")
JAVA_PID=
cleanup() {
  if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID" 2>/dev/null || true
    wait "$JAVA_PID" 2>/dev/null || true
  fi
  if [[ "$KEEP" == 1 ]]; then
    echo "kept $WORK and databases $APP_DB, $PGB_DB"
  else
    psql -qc "drop database if exists $APP_DB" postgres >/dev/null 2>&1 || true
    psql -qc "drop database if exists $PGB_DB" postgres >/dev/null 2>&1 || true
    rm -rf "$WORK"
  fi
}
trap cleanup EXIT
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

psql -qc "create database $APP_DB" postgres
psql -qc "create database $PGB_DB" postgres
# Scale = clients, so that pgbench's clients do not all queue on one branch row (pgbench's manual).
log "pgbench: initialising scale $CLIENTS in $PGB_DB"
pgbench -i -q -s "$CLIENTS" "$PGB_DB" >"$WORK/pgbench-init.txt" 2>&1 || { cat "$WORK/pgbench-init.txt" >&2; exit 1; }

# ---------------------------------------------------------------- the service on PostgreSQL
log "starting $JAR on PostgreSQL ($APP_DB, pool $POOL) with $HEAP $JAVA_OPTS"
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$WORK/data NEOBANK_RATE_LIMITS_ENABLED=false \
  NEOBANK_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$APP_DB" NEOBANK_DB_USER="$PGUSER" NEOBANK_DB_POOL="$POOL" \
  NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop NEOBANK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $HEAP $JAVA_OPTS -jar "$JAR" server "${CONFIG:-config.yml}" >"$WORK/service.log" 2>&1 &
JAVA_PID=$!
t0=$(date +%s)
until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/health" || true)" == 200 ]]; do
  kill -0 "$JAVA_PID" 2>/dev/null || { echo "the service died during start:" >&2; tail -30 "$WORK/service.log" >&2; exit 1; }
  (( $(date +%s) - t0 < 90 )) || { echo "not ready after 90 s" >&2; tail -30 "$WORK/service.log" >&2; exit 1; }
  sleep 0.1
done
log "ready in $(( $(date +%s) - t0 )) s"

post_json() { # path body [token]
  curl -s --max-time 30 -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2" "$BASE$1"
}
export -f post_json
export BASE PASSWORD
log "registering $PLAYERS players"
seq -f 'pgb%04g' 1 "$PLAYERS" | xargs -P 8 -I{} bash -c \
  'post_json /api/v1/auth/register "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}" >/dev/null'
seq -f 'pgb%04g' 1 "$PLAYERS" | xargs -P 8 -I{} bash -c \
  'post_json /api/v1/auth/login "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}"; echo' >"$WORK/logins.json"
{
  echo "return {"
  jq -r 'select(.access_token != null) | "{\"\(.access_token)\",\"\(.user.account_number)\"},"' "$WORK/logins.json"
  echo "}"
} >"$WORK/players.lua"

run_wrk() { # name seconds
  wrk -t "$THREADS" -c "$CLIENTS" -d "$2s" --timeout 10s --latency -s bench/p2p.lua "$BASE" \
    -- "$WORK/players.lua" transfer >"$WORK/$1.txt" 2>&1 || { cat "$WORK/$1.txt" >&2; exit 1; }
}
fig() { sed -n "s/^BENCH $2=//p" "$WORK/$1.txt"; }
# The whole machine's busy CPU (all processes, also the server's backends that come and go).
busy_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
cores() { awk -v a="$1" -v b="$2" -v t="$(getconf CLK_TCK)" -v d="$DURATION" 'BEGIN {printf "%.2f", (b - a) / t / d}'; }

log "warm-up: ${WARMUP}s of transfers at $CLIENTS connections (not counted)"
run_wrk warmup "$WARMUP"
log "warm-up: $(fig warmup rate) transfers/s"

# Where the service's CPU goes, by thread kind (JIT compilers, GC, Jetty workers, ...): clock ticks
# per thread name with digits stripped, so that the summary says what a transfer costs and why.
thread_ticks() {
  local t
  for t in /proc/"$JAVA_PID"/task/*; do
    printf '%s\t%s\n' "$(tr -d '0-9' <"$t/comm" 2>/dev/null | sed 's/[-# ]*$//')" "$(awk '{print $14 + $15}' "$t/stat" 2>/dev/null)"
  done | awk -F'\t' '{s[$1] += $2} END {for (k in s) print k "\t" s[k]}' | sort
}
thread_ticks >"$WORK/threads-before.txt"
if [[ -n "$JFR" ]]; then
  jcmd "$JAVA_PID" JFR.start name=pg filename="$JFR" settings=profile >/dev/null
fi

# Rounds alternate the two sides, so that both see the same background load on a shared machine
# (other builds come and go); the ratio is over the sums, and per round for the spread.
total_tx=0; total_pg=0; svc_cpu=0; rounds_out=""
for r in $(seq 1 "$ROUNDS"); do
  svc0=$(awk '{print $14 + $15}' "/proc/$JAVA_PID/stat"); m0=$(busy_ticks)
  run_wrk "transfers-$r" "$DURATION"
  svc1=$(awk '{print $14 + $15}' "/proc/$JAVA_PID/stat"); m1=$(busy_ticks)
  rate=$(fig "transfers-$r" rate)
  busy_http=$(cores "$m0" "$m1")
  m0=$(busy_ticks)
  pgbench -b tpcb-like -c "$CLIENTS" -j "$THREADS" -T "$DURATION" -n "$PGB_DB" >"$WORK/pgbench-$r.txt" 2>&1 \
    || { cat "$WORK/pgbench-$r.txt" >&2; exit 1; }
  m1=$(busy_ticks)
  busy_bench=$(cores "$m0" "$m1")
  tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$WORK/pgbench-$r.txt" | head -1)
  ratio_r=$(awk -v a="$rate" -v b="$tps" 'BEGIN {printf "%.2f", a / b}')
  log "round $r: HTTP $rate transfers/s (p99 $(( $(fig "transfers-$r" p99_us) / 1000 )) ms, machine busy $busy_http), pgbench $tps tps (machine busy $busy_bench): ratio $ratio_r"
  rounds_out="$rounds_out $ratio_r"
  total_tx=$(awk -v a="$total_tx" -v b="$rate" 'BEGIN {print a + b}')
  total_pg=$(awk -v a="$total_pg" -v b="$tps" 'BEGIN {print a + b}')
  svc_cpu=$(awk -v a="$svc_cpu" -v b="$(( svc1 - svc0 ))" -v n="$(fig "transfers-$r" ok_2xx)" -v t="$(getconf CLK_TCK)" \
    'BEGIN {print a + b / t / n / '"$ROUNDS"'}')
done
rate=$(awk -v a="$total_tx" -v r="$ROUNDS" 'BEGIN {printf "%.1f", a / r}')
tps=$(awk -v a="$total_pg" -v r="$ROUNDS" 'BEGIN {printf "%.1f", a / r}')
ratio=$(awk -v a="$total_tx" -v b="$total_pg" 'BEGIN {printf "%.2f", a / b}')
verdict=$(awk -v r="$ratio" 'BEGIN {print (r >= 0.8) ? "ok" : "MISSED"}')
us_per_tx=$(awk -v c="$svc_cpu" 'BEGIN {printf "%.0f", c * 1e6}')

if [[ -n "$JFR" ]]; then jcmd "$JAVA_PID" JFR.stop name=pg >/dev/null 2>&1 || true; fi
thread_ticks >"$WORK/threads-after.txt"
# CPU of the measured rounds (HTTP and pgbench alike: the service idles during pgbench) by thread kind.
cpu_by_thread=$(join -t $'\t' "$WORK/threads-before.txt" "$WORK/threads-after.txt" \
  | awk -F'\t' -v t="$(getconf CLK_TCK)" '{d = ($3 - $2) / t; tot += d; if (d > 0) r[$1] = d}
      END {for (k in r) if (r[k] / tot >= 0.02) printf "%s %.0f%%, ", k, 100 * r[k] / tot}' \
  | sed -e 's/, $//' -e 's/C CompilerThre/JIT compiler (C2)/; s/C CompilerThr/JIT compiler (C1)/; s/\bdw\b/request threads (dw-*)/')

gm=$(post_json /api/v1/auth/login "{\"character_name\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" | jq -r '.access_token // empty')
verify=$(curl -s --max-time 120 -H "Authorization: Bearer $gm" "$BASE/api/admin/ledger/verify" | jq -c '.')
log "ledger verify: $verify"
kill "$JAVA_PID"; wait "$JAVA_PID" 2>/dev/null || true; JAVA_PID=
rows=$(psql -Atqc "select count(*) from transactions where type = 'transfer'" "$APP_DB")
answered=$(fig warmup ok_2xx)
for r in $(seq 1 "$ROUNDS"); do answered=$(( answered + $(fig "transfers-$r" ok_2xx) )); done

cat <<SUMMARY

================ NeoBank on PostgreSQL vs pgbench ================
machine            $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(psql -Atqc 'show server_version' postgres) at $PGHOST:$PGPORT
clients            $CLIENTS (HTTP connections = pgbench clients), pool $POOL, $PLAYERS players
HTTP transfers     $rate /s (mean of $ROUNDS x ${DURATION}s), service CPU $us_per_tx us per transfer
  service CPU by thread kind: $cpu_by_thread
pgbench tpcb-like  $tps tps (mean of $ROUNDS x ${DURATION}s, alternating with the HTTP rounds)
ratio              $ratio (HTTP transfers/s / pgbench tps; target >= 0.8: $verdict); per round:$rounds_out
journal            $rows transfer rows for $answered acknowledged (in-flight requests at wrk's stop may add up to $CLIENTS per run)
ledger verify      $verify
==================================================================
SUMMARY
[[ "$(jq -r '.ok' <<<"$verify")" == true ]] && (( rows >= answered ))
