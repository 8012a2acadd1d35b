#!/usr/bin/env bash
# P2P transfer benchmark for NeoBank: starts the service on a fresh SQLite database, registers
# players, warms the JVM up, drives POST /api/v1/transactions with wrk at 64 connections, then
# GET /api/v1/account, checks the ledger invariants, measures this machine's raw SQLite limit for
# the same work and prints a summary with the targets. See bench/README.md.
#
#   bench/transfers.sh [--build]
#
# Environment (defaults in brackets):
#   JAR [api/target/neobank.jar]  PORT [25080]  ADMIN_PORT [25081]  PLAYERS [200]
#   WARMUP [40] s of transfers, not counted   DURATION [20] s measured transfers
#   READ_WARMUP [5]  READ_DURATION [10]  CONNECTIONS [64]  THREADS [2]  RAW_SECONDS [10]
#   HEAP [-Xmx128m]  JAVA_OPTS [] extra JVM flags, e.g. "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
#   JFR [] a file name: records a JFR profile of the measured transfer run into it
#   JFR_READS [] the same for the measured read run
#   DUMPS [0] number of thread dumps (jcmd Thread.print) taken during the measured run
#   NMT [0] 1 adds -XX:NativeMemoryTracking=summary and prints the JVM's memory breakdown at the end
#   KEEP [0] 1 keeps the temp dir (log, database, wrk output) for inspection
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD

if [[ "${1:-}" == "--build" ]]; then
  mvn -B -q -DskipTests package
elif [[ -n "${1:-}" ]]; then
  echo "usage: $0 [--build]" >&2
  exit 2
fi

JAR=${JAR:-api/target/neobank.jar}
PORT=${PORT:-25080}
ADMIN_PORT=${ADMIN_PORT:-25081}
PLAYERS=${PLAYERS:-200}
WARMUP=${WARMUP:-40}
DURATION=${DURATION:-20}
READ_WARMUP=${READ_WARMUP:-5}
READ_DURATION=${READ_DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
RAW_SECONDS=${RAW_SECONDS:-10}
HEAP=${HEAP:--Xmx128m}
JAVA_OPTS=${JAVA_OPTS:-}
JFR=${JFR:-}
JFR_READS=${JFR_READS:-}
DUMPS=${DUMPS:-0}
KEEP=${KEEP:-0}
NMT=${NMT:-0}
if [[ "$NMT" == 1 ]]; then JAVA_OPTS="$JAVA_OPTS -XX:NativeMemoryTracking=summary"; fi
if (( DUMPS > 0 )); then KEEP=1; fi # the dumps are in the temp dir
PASSWORD=bench-password-1
ADMIN_PASSWORD=bench-gm-password-1
BASE=http://127.0.0.1:$PORT

for tool in java wrk curl jq xargs; do
  command -v "$tool" >/dev/null || { echo "missing tool: $tool" >&2; exit 2; }
done
[[ -f "$JAR" ]] || { echo "no $JAR: run with --build or mvn -B -q -DskipTests package" >&2; exit 2; }
if curl -s -o /dev/null --max-time 1 "$BASE/health"; then
  echo "something already answers on port $PORT; set PORT/ADMIN_PORT" >&2
  exit 2
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/neobank-bench.XXXXXX")
DATA=$WORK/data
mkdir -p "$DATA"
JAVA_PID=
SAMPLER_PID=
DUMPS_PID=

cleanup() {
  if [[ -n "$SAMPLER_PID" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID" 2>/dev/null || true
    wait "$JAVA_PID" 2>/dev/null || true
  fi
  if [[ "$KEEP" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- raw SQLite limit, before
# The machine's limit for the same work without the service: one transfer (2 guarded updates +
# 1 insert) per durable commit. Measured before and after the service run, on the same disk; the
# ratio uses the mean of both, since other work on a shared machine moves it.
raw_sqlite() { # name
  java -cp "$JAR" bench/RawSqlite.java "$RAW_SECONDS" "$WORK" >"$WORK/$1.txt" 2>&1 || { cat "$WORK/$1.txt" >&2; exit 1; }
  head -1 "$WORK/$1.txt"
}
log "raw SQLite: ${RAW_SECONDS}s of one-transfer-per-commit on the data disk"
raw_sqlite raw-before
raw_before=$(sed -n 's/^raw_commits_per_s=//p' "$WORK/raw-before.txt")

# ---------------------------------------------------------------- start, time to ready
log "starting $JAR with $HEAP $JAVA_OPTS (data in $DATA)"
t0=$(date +%s%N)
# shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
PORT=$PORT ADMIN_PORT=$ADMIN_PORT NEOBANK_DATA_DIR=$DATA NEOBANK_RATE_LIMITS_ENABLED=false \
  NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop \
  NEOBANK_ADMIN_PASSWORD=$ADMIN_PASSWORD \
  java $HEAP $JAVA_OPTS -jar "$JAR" server "${CONFIG:-config.yml}" >"$WORK/service.log" 2>&1 &
JAVA_PID=$!
ready_ms=
while :; do
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/health" || true)
  if [[ "$code" == 200 ]]; then
    ready_ms=$(( ($(date +%s%N) - t0) / 1000000 ))
    break
  fi
  if ! kill -0 "$JAVA_PID" 2>/dev/null; then
    echo "the service died during start:" >&2; tail -30 "$WORK/service.log" >&2; exit 1
  fi
  if (( ($(date +%s%N) - t0) > 60000000000 )); then
    echo "not ready after 60 s" >&2; tail -30 "$WORK/service.log" >&2; exit 1
  fi
  sleep 0.02
done
log "ready in $ready_ms ms (pid $JAVA_PID)"

# Peak RSS: VmHWM is the kernel's high-water mark of the resident set; sample it (and the current
# VmRSS, for a time series) every 0.5 s.
(
  while kill -0 "$JAVA_PID" 2>/dev/null; do
    awk -v t="$(date +%s.%N)" '/^VmHWM|^VmRSS/ {v[$1]=$2} END {printf "%.1f %d %d\n", t, v["VmRSS:"], v["VmHWM:"]}' \
      "/proc/$JAVA_PID/status" 2>/dev/null || true
    sleep 0.5
  done
) >"$WORK/rss.txt" &
SAMPLER_PID=$!

# ---------------------------------------------------------------- players
post_json() { # path body [token]
  curl -s --max-time 30 -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} \
    -d "$2" "$BASE$1"
}
export -f post_json
export BASE PASSWORD

log "registering $PLAYERS players (8 in parallel; bcrypt)"
t1=$(date +%s)
seq -f 'bench%04g' 1 "$PLAYERS" | xargs -P 8 -I{} bash -c \
  'post_json /api/v1/auth/register "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}" >/dev/null'
seq -f 'bench%04g' 1 "$PLAYERS" | xargs -P 8 -I{} bash -c \
  'post_json /api/v1/auth/login "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}"; echo' \
  >"$WORK/logins.json"
{
  echo "return {"
  jq -r 'select(.access_token != null) | "{\"\(.access_token)\",\"\(.user.account_number)\"},"' "$WORK/logins.json"
  echo "}"
} >"$WORK/players.lua"
logged_in=$(jq -r 'select(.access_token != null) | .access_token' "$WORK/logins.json" | wc -l)
log "$logged_in players logged in ($(( $(date +%s) - t1 )) s)"
if (( logged_in < PLAYERS )); then
  echo "only $logged_in of $PLAYERS players could log in" >&2; head -5 "$WORK/logins.json" >&2; exit 1
fi

# CPU accounting, so figures from a shared, noisy machine can be read: clock ticks used by the
# service, by its ledger-writer thread, by wrk, and by the whole machine during each run.
TICK=$(getconf CLK_TCK)
proc_ticks() { awk '{print $14 + $15}' "$1" 2>/dev/null || echo 0; }
writer_stat() {
  local t
  for t in /proc/"$JAVA_PID"/task/*; do
    if [[ "$(cat "$t/comm" 2>/dev/null)" == ledger-writer ]]; then echo "$t/stat"; return; fi
  done
  echo /dev/null
}
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9, $5 + $6}' /proc/stat; } # busy idle

run_wrk() { # name mode seconds
  local svc0 wr0 m0 svc1 wr1 m1 wstat
  wstat=$(writer_stat)
  svc0=$(proc_ticks "/proc/$JAVA_PID/stat"); wr0=$(proc_ticks "$wstat"); m0=$(machine_ticks)
  local TIMEFORMAT='%U %S'
  { time wrk -t "$THREADS" -c "$CONNECTIONS" -d "$3s" --timeout 10s --latency -s bench/p2p.lua "$BASE" \
    -- "$WORK/players.lua" "$2" >"$WORK/$1.txt" 2>&1 || { cat "$WORK/$1.txt" >&2; exit 1; } ; } 2>"$WORK/$1.time"
  svc1=$(proc_ticks "/proc/$JAVA_PID/stat"); wr1=$(proc_ticks "$wstat"); m1=$(machine_ticks)
  awk -v s0="$svc0" -v s1="$svc1" -v w0="$wr0" -v w1="$wr1" -v m0="$m0" -v m1="$m1" -v tick="$TICK" \
    -v f="$WORK/$1.txt" -v tf="$WORK/$1.time" 'BEGIN {
      getline wt < tf; split(wt, wu, " ")
      split(m0, a, " "); split(m1, b, " ")
      while ((getline line < f) > 0) if (line ~ /^BENCH duration_us=/) { sub(/.*=/, "", line); secs = line / 1e6 }
      svc = (s1 - s0) / tick; wr = (w1 - w0) / tick; busy = (b[1] - a[1]) / tick; idle = (b[2] - a[2]) / tick
      printf "BENCH svc_cores=%.2f\nBENCH writer_cores=%.2f\nBENCH wrk_cores=%.2f\n", svc / secs, wr / secs, (wu[1] + wu[2]) / secs
      printf "BENCH machine_busy_cores=%.2f\nBENCH other_cores=%.2f\nBENCH svc_cpu_s=%.3f\n", busy / secs,
        busy / secs - svc / secs - (wu[1] + wu[2]) / secs, svc
    }' >>"$WORK/$1.txt"
}
fig() { # name key -> value
  sed -n "s/^BENCH $2=//p" "$WORK/$1.txt"
}

# ---------------------------------------------------------------- load
log "warm-up: ${WARMUP}s of transfers (not counted)"
run_wrk warmup transfer "$WARMUP"
log "warm-up done: $(fig warmup rate) transfers/s, p99 $(( $(fig warmup p99_us) / 1000 )) ms"

if [[ -n "$JFR" ]]; then
  jcmd "$JAVA_PID" JFR.start name=bench duration="${DURATION}s" filename="$JFR" settings=profile >/dev/null
  log "JFR recording the measured run into $JFR"
fi
if (( DUMPS > 0 )); then
  (
    sleep 3
    for i in $(seq 1 "$DUMPS"); do
      jcmd "$JAVA_PID" Thread.print >"$WORK/threads-$i.txt" 2>&1 || true
      sleep $(( (DURATION - 4) / DUMPS > 0 ? (DURATION - 4) / DUMPS : 1 ))
    done
  ) &
  DUMPS_PID=$!
fi
log "measured: ${DURATION}s of transfers at $CONNECTIONS connections"
run_wrk transfers transfer "$DURATION"
if [[ -n "$DUMPS_PID" ]]; then wait "$DUMPS_PID" 2>/dev/null || true; fi
if [[ -n "$JFR" ]]; then
  jcmd "$JAVA_PID" JFR.stop name=bench >/dev/null 2>&1 || true
fi

log "reads: ${READ_WARMUP}s warm-up, then ${READ_DURATION}s of GET /api/v1/account"
run_wrk read-warmup read "$READ_WARMUP"
if [[ -n "$JFR_READS" ]]; then
  jcmd "$JAVA_PID" JFR.start name=reads duration="${READ_DURATION}s" filename="$JFR_READS" settings=profile >/dev/null
fi
run_wrk reads read "$READ_DURATION"
if [[ -n "$JFR_READS" ]]; then
  jcmd "$JAVA_PID" JFR.stop name=reads >/dev/null 2>&1 || true
fi

# ---------------------------------------------------------------- invariants, online
gm_token=$(post_json /api/v1/auth/login "{\"character_name\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" \
  | jq -r '.access_token // empty')
verify_code=$(curl -s -o "$WORK/verify.json" -w '%{http_code}' --max-time 60 \
  -H "Authorization: Bearer $gm_token" "$BASE/api/admin/ledger/verify" || true)
online_ok=n/a
if [[ "$verify_code" == 200 ]]; then
  online_ok=$(jq -r '.ok' "$WORK/verify.json")
  log "GET /api/admin/ledger/verify: $(cat "$WORK/verify.json")"
else
  log "GET /api/admin/ledger/verify answered $verify_code; checking the file after shutdown only"
fi

# ---------------------------------------------------------------- stop, peak RSS
peak_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$JAVA_PID/status")
if [[ "$NMT" == 1 ]]; then
  jcmd "$JAVA_PID" VM.native_memory summary scale=MB >"$WORK/nmt.txt" 2>&1 || true
  log "JVM memory (NMT, committed MB):"
  grep -E '^(Total|-  )' "$WORK/nmt.txt" | sed -E 's/\(reserved=[0-9]+MB, committed=([0-9]+)MB\)/committed \1 MB/; s/^-  +/  /' || true
fi
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
kill "$JAVA_PID"
wait "$JAVA_PID" 2>/dev/null || true
JAVA_PID=
peak_mib=$(( peak_kib / 1024 ))
log "service stopped; peak RSS $peak_mib MiB"

# ---------------------------------------------------------------- invariants, offline
set +e
java -cp "$JAR" bench/VerifyLedger.java "$DATA/neobank.db" >"$WORK/verify-file.txt" 2>&1
set -e
cat "$WORK/verify-file.txt"
file_ok=$(sed -n 's/^invariants_ok=//p' "$WORK/verify-file.txt")
transfer_rows=$(sed -n 's/^transfer_rows=//p' "$WORK/verify-file.txt")
answered=$(( $(fig warmup ok_2xx) + $(fig transfers ok_2xx) ))
# Every 201 must be a journal row. A request in flight when wrk stops is committed but not
# counted, so up to CONNECTIONS more rows per run are fine; fewer rows is lost money.
lost=$(( answered - ${transfer_rows:-0} ))
extra=$(( ${transfer_rows:-0} - answered ))
rows_ok=true
if (( lost > 0 || extra > 2 * CONNECTIONS )); then rows_ok=false; fi

# ---------------------------------------------------------------- raw SQLite limit, after
log "raw SQLite again: ${RAW_SECONDS}s"
raw_sqlite raw-after
raw_after=$(sed -n 's/^raw_commits_per_s=//p' "$WORK/raw-after.txt")
raw=$(awk -v a="$raw_before" -v b="$raw_after" 'BEGIN {printf "%.1f", (a + b) / 2}')

# ---------------------------------------------------------------- summary
rate=$(fig transfers rate)
p50=$(awk -v u="$(fig transfers p50_us)" 'BEGIN {printf "%.1f", u / 1000}')
p99=$(awk -v u="$(fig transfers p99_us)" 'BEGIN {printf "%.1f", u / 1000}')
rp50=$(awk -v u="$(fig reads p50_us)" 'BEGIN {printf "%.1f", u / 1000}')
rp99=$(awk -v u="$(fig reads p99_us)" 'BEGIN {printf "%.1f", u / 1000}')
ratio=$(awk -v a="$rate" -v b="$raw" 'BEGIN {printf "%.2f", a / b}')
us_per_tx=$(awk -v c="$(fig transfers svc_cpu_s)" -v n="$(fig transfers ok_2xx)" 'BEGIN {printf "%.0f", c * 1e6 / n}')
us_per_read=$(awk -v c="$(fig reads svc_cpu_s)" -v n="$(fig reads ok_2xx)" 'BEGIN {printf "%.0f", c * 1e6 / n}')
invariants_ok=false
if [[ "$file_ok" == true && "$rows_ok" == true && "$online_ok" != false ]]; then invariants_ok=true; fi
verdict() { awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
  ok = (op == "<=") ? (v + 0 <= t + 0) : (v + 0 >= t + 0); printf "%s", ok ? "ok" : "MISSED" }'; }

cat <<EOF

================ NeoBank P2P benchmark ================
machine            $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), CPU pressure $(awk '/^some/ {sub("avg60=", "", $3); print $3 "%"}' /proc/pressure/cpu 2>/dev/null || echo n/a) (PSI some avg60), $(java -version 2>&1 | head -1)
JVM flags          $HEAP $JAVA_OPTS
players            $logged_in, $CONNECTIONS connections, $THREADS wrk threads, warm-up ${WARMUP}s
transfers          $rate /s over ${DURATION}s ($(fig transfers ok_2xx) x 2xx, $(fig transfers idempotency_keys) with Idempotency-Key)
transfer latency   p50 $p50 ms, p99 $p99 ms (target p99 <= 100 ms: $(verdict "$p99" "<=" 100))
non-2xx            $(fig transfers non2xx) (400: $(fig transfers s400), 401: $(fig transfers s401), 409: $(fig transfers s409), 429: $(fig transfers s429), other 4xx: $(fig transfers s4xx_other), 5xx: $(fig transfers s5xx))
socket errors      $(fig transfers sock_errors) (connect $(fig transfers sock_connect), read $(fig transfers sock_read), write $(fig transfers sock_write), timeout $(fig transfers sock_timeout))
reads              $(fig reads rate) /s, p50 $rp50 ms, p99 $rp99 ms, non-2xx $(fig reads non2xx), socket errors $(fig reads sock_errors)
CPU, transfers     service $(fig transfers svc_cores) cores ($us_per_tx us CPU per transfer; ledger-writer thread $(fig transfers writer_cores)), wrk $(fig transfers wrk_cores), others on the machine $(fig transfers other_cores) of $(nproc)
CPU, reads         service $(fig reads svc_cores) cores ($us_per_read us CPU per read), wrk $(fig reads wrk_cores), others $(fig reads other_cores)
warm-up            $(fig warmup rate) transfers/s, p99 $(( $(fig warmup p99_us) / 1000 )) ms, others on the machine $(fig warmup other_cores) cores
peak RSS           $peak_mib MiB (target <= 256 MiB: $(verdict "$peak_mib" "<=" 256))
ready              $ready_ms ms (target <= 3000 ms: $(verdict "$ready_ms" "<=" 3000))
raw SQLite         $raw durable commits/s (mean of $raw_before before, $raw_after after; 2 guarded updates + 1 insert per commit, WAL, synchronous=FULL)
ratio              $ratio (HTTP transfers/s / raw commits/s; target >= 1.0: $(verdict "$ratio" ">=" 1.0))
invariants         $invariants_ok (file check: $file_ok; admin endpoint: $online_ok; 201s $answered vs transfer rows ${transfer_rows:-?})
original NeoBank   222 transfers/s on this machine
=======================================================
EOF
[[ "$invariants_ok" == true ]]
