#!/usr/bin/env bash
# Issue 17 in one run: every figure of the issue's targets, measured in the same run so that the
# noise of a shared machine cancels out of the ratios. Raw SQLite limit (before and after), time to
# ready from a fresh database, fast setup (players, a GM, a terminal key), warm-up rounds over every
# mix until the JIT compiler has settled, then measured runs of the HTTP floor (a small static file of the web app), balance reads,
# transfers, spins and terminal charges at the same concurrency, each with its rate, latency,
# errors, CPU per request and the JIT compiler's share of it; peak RSS; the ledger invariants; time to ready on restart.
# Prints one line per figure with its target and MET/MISSED, then `LIMITS key=value` lines that
# bench/compare.sh reads. See bench/README.md.
#
#   bench/limits.sh                                   # the README's start command: bin/neobank
#   LAUNCHER=plain JAVA_OPTS=-Xmx128m JAR=/tmp/old/neobank.jar CONFIG=/tmp/old/config.yml bench/limits.sh
#
# Environment (defaults in brackets):
#   LAUNCHER [bin/neobank]  how the service is started: a launcher script, run as
#            `NEOBANK_JAR=$JAR JAVA_OPTS=$JAVA_OPTS $LAUNCHER server $CONFIG`; or `plain`:
#            `java $JAVA_OPTS -jar $JAR server $CONFIG`
#   JAR [api/target/neobank.jar]  CONFIG [config.yml]  JAVA_OPTS [] (appended to the launcher's flags)
#   PORT [25480]  ADMIN_PORT [25481]  PLAYERS [64]  CONNECTIONS [64]  THREADS [2]
#   WARMUP [10] s per mix at least, not counted   DURATION [15] s per mix, measured   RAW_SECONDS [5]
#   WARMUP_ROUND [5] s per mix per warm-up round   WARMUP_MAX [180] s: no warm-up round is started
#            that would end past it (WARMUP wins)   JIT_SETTLED [3] %: the warm-up stops once WARMUP is
#            reached and the JIT compiler threads took at most this share of the service's CPU in
#            the last round
#   MIXES [floor reads transfers spins charges]  BCRYPT_COST [] (the config's own, 10; a
#   lower one for the setup only if the build accepts it, else it is started again with its default)  FLOOR_PATH [] (default: the SPA's icon.svg)
#   JFR [] a directory: a JFR profile of each measured mix into it (<mix>.jfr)
#   KEEP [0] 1 keeps the temp dir (service logs, database, wrk output, RSS samples)
#   LIMITS_OUT [] a file: the LIMITS lines are also written there   READY_TIMEOUT [180] s to wait for /health
# Exit status: 0 when the ledger invariants hold (whatever the performance targets say), 1 when an
# invariant fails, 2 when the benchmark could not run.
set -euo pipefail

cd "$(dirname "$0")/.."

LAUNCHER=${LAUNCHER:-bin/neobank}
JAR=${JAR:-api/target/neobank.jar}
CONFIG=${CONFIG:-config.yml}
JAVA_OPTS=${JAVA_OPTS:-}
PORT=${PORT:-25480}
ADMIN_PORT=${ADMIN_PORT:-25481}
PLAYERS=${PLAYERS:-64}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
WARMUP=${WARMUP:-10}
WARMUP_ROUND=${WARMUP_ROUND:-5}
WARMUP_MAX=${WARMUP_MAX:-180}
JIT_SETTLED=${JIT_SETTLED:-3}
DURATION=${DURATION:-15}
RAW_SECONDS=${RAW_SECONDS:-5}
MIXES=${MIXES:-floor reads transfers spins charges}
BCRYPT_COST=${BCRYPT_COST:-}
FLOOR_PATH=${FLOOR_PATH:-}
JFR=${JFR:-}
KEEP=${KEEP:-0}
LIMITS_OUT=${LIMITS_OUT:-}
READY_TIMEOUT=${READY_TIMEOUT:-180}
GM_PASSWORD=bench-gm-password-1
PASSWORD=bench-password-1
BASE=http://127.0.0.1:$PORT

die() { echo "limits.sh: $*" >&2; exit 2; }
for tool in java wrk curl jq xargs awk; do
  command -v "$tool" >/dev/null || die "missing tool: $tool"
done
if [[ -n "$JFR" ]]; then command -v jcmd >/dev/null || die "JFR needs jcmd"; fi
[[ -f "$JAR" ]] || die "no $JAR: build it (mvn -B -q -DskipTests package) or set JAR"
[[ -f "$CONFIG" ]] || die "no $CONFIG: set CONFIG"
if [[ "$LAUNCHER" != plain ]]; then
  [[ -x "$LAUNCHER" ]] || die "no launcher $LAUNCHER (set LAUNCHER=plain to start java -jar directly)"
fi
for m in $MIXES; do
  case $m in floor|reads|transfers|spins|charges) ;; *) die "unknown mix $m" ;; esac
done
for v in WARMUP WARMUP_ROUND WARMUP_MAX DURATION; do
  [[ "${!v}" =~ ^[0-9]+$ ]] || die "$v must be whole seconds, not '${!v}'"
done
(( WARMUP_ROUND > 0 )) || die "WARMUP_ROUND must be at least 1 s"
[[ "$JIT_SETTLED" =~ ^[0-9]+([.][0-9]+)?$ ]] || die "JIT_SETTLED must be a percentage, not '$JIT_SETTLED'"
if curl -s -o /dev/null --max-time 1 "$BASE/health"; then
  die "something already answers on port $PORT; set PORT/ADMIN_PORT"
fi
JAR_ABS=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")
CONFIG_ABS=$(cd "$(dirname "$CONFIG")" && pwd)/$(basename "$CONFIG")
if [[ -n "$JFR" ]]; then mkdir -p "$JFR"; JFR=$(cd "$JFR" && pwd); fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/neobank-limits.XXXXXX")
DATA=$WORK/data
mkdir -p "$DATA"
SVC_PID=    # what was started (the launcher, or java itself)
JAVA_PID=   # the JVM (the same process when the launcher execs java)
SAMPLER_PID=
T_START=$(date +%s)

cleanup() {
  if [[ -n "$SAMPLER_PID" ]]; then kill "$SAMPLER_PID" 2>/dev/null || true; fi
  stop_service 2>/dev/null || true
  if [[ "$KEEP" == 1 ]]; then echo "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*"; }

# ---------------------------------------------------------------- the raw SQLite limit
# One transfer (2 guarded updates + 1 insert) per durable commit, WAL, synchronous=FULL, on the
# data dir's disk, without the service. Measured before and after; the ratio uses the mean.
raw_sqlite() { # name -> commits/s
  java -cp "$JAR" bench/RawSqlite.java "$RAW_SECONDS" "$WORK" >"$WORK/$1.txt" 2>&1 \
    || { cat "$WORK/$1.txt" >&2; die "RawSqlite.java failed"; }
  sed -n 's/^raw_commits_per_s=//p' "$WORK/$1.txt"
}

# ---------------------------------------------------------------- start and stop
SETUP_COST=$BCRYPT_COST # "" once the build refused it: the config's own default
service_env() {
  local e=(PORT="$PORT" ADMIN_PORT="$ADMIN_PORT" NEOBANK_DATA_DIR="$DATA"
    NEOBANK_RATE_LIMITS_ENABLED=false NEOBANK_SECRET_KEY=bench-secret-key-0123456789abcdefghijklmnop
    NEOBANK_ADMIN_PASSWORD="$GM_PASSWORD" NEOBANK_STARTING_BALANCE=1000000
    NEOBANK_HOUSE_BANKROLL=100000000 NEOBANK_PASSWORD_THREADS="$(nproc)" NEOBANK_PASSWORD_QUEUE=64)
  if [[ -n "$SETUP_COST" ]]; then e+=(NEOBANK_BCRYPT_COST="$SETUP_COST"); fi
  printf '%s\n' "${e[@]}"
}

launch() { # log -> SVC_PID
  local envs
  mapfile -t envs < <(service_env)
  if [[ "$LAUNCHER" == plain ]]; then
    # shellcheck disable=SC2086 # JAVA_OPTS is a list of flags
    env "${envs[@]}" java $JAVA_OPTS -jar "$JAR_ABS" server "$CONFIG_ABS" >"$1" 2>&1 &
  else
    env "${envs[@]}" NEOBANK_JAR="$JAR_ABS" JAVA_OPTS="$JAVA_OPTS" "$LAUNCHER" server "$CONFIG_ABS" >"$1" 2>&1 &
  fi
  SVC_PID=$!
}

find_java() { # pid -> the java process: itself or its first java descendant
  local queue=("$1") p c
  while ((${#queue[@]})); do
    p=${queue[0]}; queue=("${queue[@]:1}")
    if [[ "$(cat "/proc/$p/comm" 2>/dev/null)" == java ]]; then echo "$p"; return; fi
    for c in $(pgrep -P "$p" 2>/dev/null || true); do queue+=("$c"); done
  done
  echo "$1"
}

start_service() { # name -> READY_MS, SVC_PID, JAVA_PID
  local logf=$WORK/$1.log t0 code
  t0=$(date +%s%N)
  launch "$logf"
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/health" || true)
    if [[ "$code" == 200 ]]; then break; fi
    if ! kill -0 "$SVC_PID" 2>/dev/null; then
      wait "$SVC_PID" 2>/dev/null || true
      SVC_PID=
      if [[ -n "$SETUP_COST" ]] && grep -q 'bcryptCost' "$logf"; then
        log "this build refuses bcrypt cost $SETUP_COST ($(grep -m1 -o 'security.bcryptCost[^*]*' "$logf")); starting it with its own default"
        SETUP_COST=
        rm -rf "$DATA"; mkdir -p "$DATA"
        t0=$(date +%s%N)
        launch "$logf"
        continue
      fi
      tail -30 "$logf" >&2; die "the service died during start ($logf)"
    fi
    if (( ($(date +%s%N) - t0) > READY_TIMEOUT * 1000000000 )); then tail -30 "$logf" >&2; die "not ready after $READY_TIMEOUT s"; fi
    sleep 0.02
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
  JAVA_PID=$(find_java "$SVC_PID")
}

stop_service() { # SIGTERM to the JVM (a clean shutdown), then wait for it and for the launcher
  [[ -n "$SVC_PID" ]] || return 0
  if [[ -z "$JAVA_PID" ]]; then JAVA_PID=$(find_java "$SVC_PID"); fi # given up on during start
  kill -TERM "$JAVA_PID" 2>/dev/null || true
  for _ in $(seq 1 300); do
    kill -0 "$JAVA_PID" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$JAVA_PID" 2>/dev/null; then
    log "the service did not stop in 30 s; killing it"
    kill -KILL "$JAVA_PID" 2>/dev/null || true
  fi
  wait "$SVC_PID" 2>/dev/null || true
  SVC_PID=''
  JAVA_PID=''
}

# ---------------------------------------------------------------- CPU accounting and wrk
TICK=$(getconf CLK_TCK)
proc_ticks() { awk '{print $14 + $15}' "$1" 2>/dev/null || echo 0; }
machine_ticks() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }

# The JIT compiler's CPU: the JVM's threads named "C1 CompilerThre", "C2 CompilerThre" (the kernel
# keeps 15 characters of "C2 CompilerThread0") or "JVMCI Compiler...", read from
# /proc/PID/task/*/stat, so it works for any build and launcher without JDK tools. A snapshot is
# "tid ticks" per compiler thread; a delta counts a thread born in between from zero. HotSpot stops
# extra compiler threads once the queue is short (never the last C1 and C2 one, the only ones on 2
# cores): a thread that exits between two snapshots takes its CPU since the first with it, so on
# larger machines the figure is a lower bound.
jit_snapshot() {
  { cat "/proc/$JAVA_PID"/task/*/stat 2>/dev/null || true; } | awk '{
    o = index($0, "("); c = length($0); while (c > o && substr($0, c, 1) != ")") c--
    name = substr($0, o + 1, c - o - 1)
    if (name !~ /^(C1 CompilerThre|C2 CompilerThre|JVMCI)/) next
    split(substr($0, c + 2), f, " "); print $1, f[12] + f[13] }'
}
jit_delta() { # snapshot0 snapshot1 -> ticks of the compiler threads between them
  awk -v a="$1" -v b="$2" 'BEGIN {
    n = split(a, x, "\n"); for (i = 1; i <= n; i++) if (split(x[i], p, " ") == 2) t0[p[1]] = p[2]
    n = split(b, y, "\n"); for (i = 1; i <= n; i++) if (split(y[i], p, " ") == 2) s += p[2] - ((p[1] in t0) ? t0[p[1]] : 0)
    print s + 0 }'
}

# wrk's own summary (the same for every script): requests, duration, latency percentiles,
# socket errors and answers >= 400, as key=value lines.
parse_wrk() { # file
  awk '
    function us(s,   n, u) { n = s + 0; u = s; sub(/^[0-9.]+/, "", u); sub(/,$/, "", u)
      if (u == "ms") return n * 1e3; if (u == "s") return n * 1e6; if (u == "m") return n * 6e7
      if (u == "h") return n * 3.6e9; return n }
    /^ +50(\.0+)?% / { p50 = us($2) } /^ +90(\.0+)?% / { p90 = us($2) } /^ +99(\.0+)?% / { p99 = us($2) }
    / requests in / { req = $1; dur = us($4) / 1e6 }
    /Socket errors:/ { gsub(/,/, ""); sc = $4; sr = $6; sw = $8; st = $10 }
    /Non-2xx or 3xx responses:/ { non = $5 }
    END {
      ok = req - non
      printf "requests=%d\nduration_s=%.3f\nok=%d\nnon2xx=%d\n", req, dur, ok, non
      printf "sock_errors=%d\nsock_detail=connect %d, read %d, write %d, timeout %d\n", sc + sr + sw + st, sc, sr, sw, st
      printf "p50_ms=%.2f\np90_ms=%.2f\np99_ms=%.2f\nrate=%.1f\n", p50 / 1e3, p90 / 1e3, p99 / 1e3, (dur > 0 ? ok / dur : 0)
    }' "$1"
}

wrk_args() { # mix -> the arguments of wrk for it (one a line)
  case $1 in
    floor) printf '%s\n' "$BASE$FLOOR_PATH" ;;
    reads) printf '%s\n' -s bench/p2p.lua "$BASE" -- "$WORK/players.lua" read ;;
    transfers) printf '%s\n' -s bench/p2p.lua "$BASE" -- "$WORK/players.lua" transfer ;;
    spins) printf '%s\n' -s bench/spin.lua "$BASE" ;;
    charges) printf '%s\n' -s bench/charges.lua "$BASE" ;;
  esac
}

run_mix() { # mix phase seconds -> $WORK/<phase>-<mix>.txt (wrk output) and .fig (figures)
  local mix=$1 out=$WORK/$2-$1 args svc0 svc1 m0 m1 jit0 jit1 jit
  mapfile -t args < <(wrk_args "$mix")
  if [[ "$2" == measured && -n "$JFR" ]]; then
    jcmd "$JAVA_PID" JFR.start name="$mix" settings=profile filename="$JFR/$mix.jfr" >/dev/null
  fi
  jit0=$(jit_snapshot); svc0=$(proc_ticks "/proc/$JAVA_PID/stat"); m0=$(machine_ticks)
  local TIMEFORMAT='%U %S' rc=0
  { time TOKENS_FILE=$WORK/tokens.txt BENCH_SETUP=$WORK/setup.lua \
      wrk -t "$THREADS" -c "$CONNECTIONS" -d "$3s" --timeout 10s --latency "${args[@]}" >"$out.txt" 2>&1 ; } \
    2>"$out.time" || rc=$?
  if (( rc != 0 )); then cat "$out.txt" >&2; die "wrk failed on $mix (exit $rc)"; fi
  svc1=$(proc_ticks "/proc/$JAVA_PID/stat"); m1=$(machine_ticks); jit1=$(jit_snapshot)
  jit=$(jit_delta "$jit0" "$jit1")
  if [[ "$2" == measured && -n "$JFR" ]]; then
    jcmd "$JAVA_PID" JFR.stop name="$mix" >/dev/null 2>&1 || true
  fi
  parse_wrk "$out.txt" >"$out.fig"
  awk -v s0="$svc0" -v s1="$svc1" -v m0="$m0" -v m1="$m1" -v j="$jit" -v tick="$TICK" -v tf="$out.time" -v ff="$out.fig" 'BEGIN {
      getline wt < tf; split(wt, w, " ")
      while ((getline line < ff) > 0) { split(line, kv, "="); f[kv[1]] = kv[2] }
      secs = f["duration_s"]; n = f["ok"] > 0 ? f["ok"] : 1
      svc = (s1 - s0) / tick; wrk = w[1] + w[2]; busy = (m1 - m0) / tick
      printf "svc_cpu_s=%.3f\ncpu_us=%.0f\nwrk_cpu_us=%.0f\n", svc, svc * 1e6 / n, wrk * 1e6 / n
      printf "svc_cores=%.2f\nwrk_cores=%.2f\nother_cores=%.2f\n", svc / secs, wrk / secs, (busy - svc - wrk) / secs
      printf "jit_cpu_s=%.3f\njit_cpu_us=%.0f\njit_cores=%.2f\n", j / tick, j / tick * 1e6 / n, j / tick / secs
    }' >>"$out.fig"
}
fig() { # phase mix key
  sed -n "s/^$3=//p" "$WORK/$1-$2.fig"
}

verdict() { # value op target -> MET/MISSED
  awk -v v="$1" -v op="$2" -v t="$3" 'BEGIN {
    if (v == "" || v == "n/a") { printf "n/a"; exit }
    ok = (op == "<=") ? (v + 0 <= t + 0) : (v + 0 >= t + 0); printf "%s", ok ? "MET" : "MISSED" }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 > 0 && a != "") printf "%.2f", a / b; else printf "n/a" }'; }

# ================================================================ the run
log "raw SQLite: ${RAW_SECONDS}s of one transfer per durable commit on the data disk"
raw_before=$(raw_sqlite raw-before)
log "raw SQLite before: $raw_before commits/s"

log "starting $JAR ($([[ "$LAUNCHER" == plain ]] && echo "java $JAVA_OPTS -jar" || echo "$LAUNCHER, JAVA_OPTS=$JAVA_OPTS")) on a fresh database"
start_service fresh
ready_fresh=$READY_MS
log "ready from a fresh database in $ready_fresh ms (JVM pid $JAVA_PID)"
JVM_FLAGS=$(tr '\0' ' ' <"/proc/$JAVA_PID/cmdline" | sed 's/ -jar .*//; s/^[^ ]*java //')

# VmHWM is the kernel's high-water mark of the resident set since the JVM started; VmRSS sampled
# every 0.5 s as a time series (and a cross-check).
(
  while kill -0 "$JAVA_PID" 2>/dev/null; do
    awk -v t="$(date +%s.%N)" '/^VmHWM|^VmRSS/ {v[$1]=$2} END {printf "%.1f %d %d\n", t, v["VmRSS:"], v["VmHWM:"]}' \
      "/proc/$JAVA_PID/status" 2>/dev/null || true
    sleep 0.5
  done
) >"$WORK/rss.txt" &
SAMPLER_PID=$!

# ---------------------------------------------------------------- setup
post_json() { # path body [token]
  curl -s --max-time 60 -H 'Content-Type: application/json' ${3:+-H "Authorization: Bearer $3"} -d "$2" "$BASE$1"
}
export -f post_json
export BASE PASSWORD
t1=$(date +%s)
log "registering $PLAYERS players (bcrypt cost ${SETUP_COST:-of the config}), 8 in parallel"
# shellcheck disable=SC2016 # $PASSWORD is expanded by the inner bash (exported)
seq -f 'limits%04g' 1 "$PLAYERS" | xargs -P 8 -I{} bash -c \
  'post_json /api/v1/auth/register "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}" >/dev/null'
# shellcheck disable=SC2016
seq -f 'limits%04g' 1 "$PLAYERS" | xargs -P 8 -I{} bash -c \
  'post_json /api/v1/auth/login "{\"character_name\":\"{}\",\"password\":\"$PASSWORD\"}"; echo' >"$WORK/logins.json"
{
  echo "return {"
  jq -r 'select(.access_token != null) | "{\"\(.access_token)\",\"\(.user.account_number)\"},"' "$WORK/logins.json"
  echo "}"
} >"$WORK/players.lua"
jq -r 'select(.access_token != null) | .access_token' "$WORK/logins.json" >"$WORK/tokens.txt"
logged_in=$(wc -l <"$WORK/tokens.txt")
(( logged_in == PLAYERS )) || { head -3 "$WORK/logins.json" >&2; die "only $logged_in of $PLAYERS players logged in"; }

gm_token=$(post_json /api/v1/auth/login "{\"character_name\":\"admin\",\"password\":\"$GM_PASSWORD\"}" | jq -r '.access_token // empty')
[[ -n "$gm_token" ]] || die "the GM cannot log in"
stall=$(post_json /api/v1/auth/register "{\"character_name\":\"Limits Stall\",\"password\":\"$PASSWORD\"}" | jq -r '.user.account_number // empty')
key=$(post_json /api/admin/api-keys "{\"description\":\"limits.sh stall\",\"account_number\":\"$stall\",\"scopes\":[\"charge\",\"balance:read\"],\"rate_limit_per_minute\":1000000}" \
  "$gm_token" | jq -r '.api_key.key_value // empty')
[[ -n "$stall" && -n "$key" ]] || die "could not create the stall's terminal key"
{
  echo "KEY = \"$key\""
  echo "STALL = \"$stall\""
  echo "PLAYERS = {"
  jq -r 'select(.access_token != null) | "  \"\(.user.account_number)\","' "$WORK/logins.json"
  echo "}"
} >"$WORK/setup.lua"

if [[ -z "$FLOOR_PATH" ]]; then # the SPA's icon: a real small asset, under its versioned path
  FLOOR_PATH=$(curl -s --max-time 5 "$BASE/" | grep -o '="/[^"]*/icon\.svg"' | head -1 | sed 's/^="//; s/"$//' || true)
  FLOOR_PATH=${FLOOR_PATH:-/manifest.webmanifest}
fi
floor_code=$(curl -s -o "$WORK/floor.body" -w '%{http_code}' --max-time 5 "$BASE$FLOOR_PATH" || true)
[[ "$floor_code" == 200 ]] || die "the floor asset $FLOOR_PATH answers $floor_code"
floor_bytes=$(wc -c <"$WORK/floor.body")
setup_s=$(( $(date +%s) - t1 ))
log "setup: $logged_in players, the GM, stall $stall with a terminal key, floor $FLOOR_PATH ($floor_bytes bytes) in $setup_s s"

# ---------------------------------------------------------------- load
# Warm-up rounds: WARMUP_ROUND s of every mix in turn per round (so that no mix runs on code only
# another one compiled, and each mix's code keeps being exercised while the JIT works through the
# others'), until every mix has had WARMUP s and the compiler threads took at most JIT_SETTLED % of
# the service's CPU over the last round, or until another round would end past WARMUP_MAX s. The
# same rule for every build and launcher, so CPU per request is compared without the JIT's
# transient (it was ~25 % of a measured transfer mix after a fixed 10 s warm-up).
nmix=$(wc -w <<<"$MIXES")
warm_rounds=0 warm_per_mix=0 warm_s=0 round_s=$(( WARMUP_ROUND * nmix ))
jit_settled=false last_jit_s=n/a last_jit_pct=n/a last_svc_s=n/a
t_warm=$(date +%s%N)
while :; do
  if (( warm_per_mix >= WARMUP )); then
    [[ "$jit_settled" == true ]] && break
    (( warm_s + round_s <= WARMUP_MAX )) || break
  fi
  warm_rounds=$(( warm_rounds + 1 ))
  t_round=$(date +%s%N)
  jit0=$(jit_snapshot); svc0=$(proc_ticks "/proc/$JAVA_PID/stat")
  for m in $MIXES; do run_mix "$m" "warmup$warm_rounds" "$WARMUP_ROUND"; done
  svc1=$(proc_ticks "/proc/$JAVA_PID/stat"); jit1=$(jit_snapshot)
  round_s=$(( ($(date +%s%N) - t_round + 500000000) / 1000000000 ))
  warm_s=$(( ($(date +%s%N) - t_warm + 500000000) / 1000000000 ))
  warm_per_mix=$(( warm_per_mix + WARMUP_ROUND ))
  read -r last_jit_s last_svc_s last_jit_pct jit_settled < <(awk -v j="$(jit_delta "$jit0" "$jit1")" \
    -v s=$(( svc1 - svc0 )) -v tick="$TICK" -v lim="$JIT_SETTLED" 'BEGIN {
      pct = s > 0 ? 100 * j / s : 100
      printf "%.2f %.2f %.1f %s\n", j / tick, s / tick, pct, (pct <= lim + 0) ? "true" : "false" }')
  log "warm-up round $warm_rounds: ${WARMUP_ROUND}s of each mix in ${round_s}s; JIT ${last_jit_s}s CPU = ${last_jit_pct} % of the service's ${last_svc_s}s ($([[ "$jit_settled" == true ]] && echo settled || echo "not settled: > $JIT_SETTLED %"))"
done
if (( warm_rounds == 0 )); then
  log "no warm-up (WARMUP=$WARMUP, WARMUP_MAX=$WARMUP_MAX)"
else
  log "warm-up: $warm_rounds round(s), ${warm_per_mix}s per mix, ${warm_s}s in all; JIT in the last round ${last_jit_s}s CPU, ${last_jit_pct} % of the service's: $([[ "$jit_settled" == true ]] && echo "settled (<= $JIT_SETTLED %)" || echo "NOT settled (> $JIT_SETTLED %, WARMUP_MAX=$WARMUP_MAX s reached)")"
fi
for m in $MIXES; do
  log "measured: ${DURATION}s of $m at $CONNECTIONS connections"
  run_mix "$m" measured "$DURATION"
  log "  $(fig measured "$m" rate)/s, p99 $(fig measured "$m" p99_ms) ms, non-2xx $(fig measured "$m" non2xx), $(fig measured "$m" cpu_us) us CPU per request (JIT $(fig measured "$m" jit_cpu_us) us)"
done

# ---------------------------------------------------------------- invariants online, peak RSS, stop
verify_code=$(curl -s -o "$WORK/verify.json" -w '%{http_code}' --max-time 120 \
  -H "Authorization: Bearer $gm_token" "$BASE/api/admin/ledger/verify" || true)
online_ok=n/a
if [[ "$verify_code" == 200 ]]; then online_ok=$(jq -r '.ok' "$WORK/verify.json"); fi
log "GET /api/admin/ledger/verify: $verify_code, ok=$online_ok"
peak_kib=$(awk '/^VmHWM/ {print $2}' "/proc/$JAVA_PID/status")
kill "$SAMPLER_PID" 2>/dev/null || true
wait "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=
sampled_kib=$(awk '$2 > m {m = $2} END {print m + 0}' "$WORK/rss.txt")
peak_mib=$(( peak_kib / 1024 ))
sampled_mib=$(( sampled_kib / 1024 ))
t_stop=$(date +%s%N)
stop_service
stop_ms=$(( ($(date +%s%N) - t_stop) / 1000000 ))
log "stopped in $stop_ms ms; peak RSS $peak_mib MiB (VmHWM; sampled VmRSS max $sampled_mib MiB)"

# ---------------------------------------------------------------- invariants offline
set +e
java -cp "$JAR" bench/VerifyLedger.java "$DATA/neobank.db" >"$WORK/verify-file.txt" 2>&1
set -e
file_ok=$(sed -n 's/^invariants_ok=//p' "$WORK/verify-file.txt")
file_ok=${file_ok:-false}
transfer_rows=$(sed -n 's/^transfer_rows=//p' "$WORK/verify-file.txt")
transfer_rows=${transfer_rows:-0}
grep -E '^(ledger file|VIOLATION)' "$WORK/verify-file.txt" || true
# Every 2xx transfer must be a journal row; a request in flight when wrk stops is committed but not
# counted, so up to CONNECTIONS more rows per wrk run (each warm-up round's and the measured one) are
# fine (plus one per socket error: a timed-out request may still commit). Fewer rows would be money
# answered but lost.
answered=0
rows_ok=true
if [[ " $MIXES " == *" transfers "* ]]; then
  answered=$(fig measured transfers ok)
  slack=$(( (warm_rounds + 1) * CONNECTIONS + $(fig measured transfers sock_errors) ))
  for r in $(seq 1 "$warm_rounds"); do
    answered=$(( answered + $(fig "warmup$r" transfers ok) ))
    slack=$(( slack + $(fig "warmup$r" transfers sock_errors) ))
  done
  if (( transfer_rows < answered || transfer_rows - answered > slack )); then rows_ok=false; fi
fi
invariants_ok=false
if [[ "$file_ok" == true && "$rows_ok" == true && "$online_ok" != false ]]; then invariants_ok=true; fi

# ---------------------------------------------------------------- restart, raw SQLite after
log "restarting on the same data dir"
start_service restart
ready_restart=$READY_MS
log "ready on restart in $ready_restart ms"
stop_service
raw_after=$(raw_sqlite raw-after)
log "raw SQLite after: $raw_after commits/s"
raw=$(awk -v a="$raw_before" -v b="$raw_after" 'BEGIN {printf "%.1f", (a + b) / 2}')

# ---------------------------------------------------------------- summary
has() { [[ " $MIXES " == *" $1 "* ]]; }
m_rate() { if has "$1"; then fig measured "$1" rate; fi; }
r_reads_floor=$(ratio "$(m_rate reads)" "$(m_rate floor)")
r_tx_raw=$(ratio "$(m_rate transfers)" "$raw")
r_spins_tx=$(ratio "$(m_rate spins)" "$(m_rate transfers)")
tx_p99=n/a
if has transfers; then tx_p99=$(fig measured transfers p99_ms); fi
total_s=$(( $(date +%s) - T_START ))
# How much the machine disturbed this run: the most cores other processes took during a measured
# mix, and how far the raw SQLite limit moved between before and after (other processes' fsyncs).
others_max=$(for m in $MIXES; do fig measured "$m" other_cores; done | sort -g | tail -1)
raw_spread=$(awk -v a="$raw_before" -v b="$raw_after" 'BEGIN { lo = a < b ? a : b; hi = a < b ? b : a
  if (lo > 0) printf "%.1f", hi / lo; else printf "n/a" }')

row() { printf '%-22s %-52s %-12s %s\n' "$1" "$2" "$3" "$4"; }
{
  echo
  echo "================================ NeoBank limits (issue 17) ================================"
  echo "machine   $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
  echo "build     $JAR ($(sha256sum "$JAR" | cut -c1-12)), config $CONFIG, started by $([[ "$LAUNCHER" == plain ]] && echo "java -jar (plain)" || echo "$LAUNCHER")"
  echo "JVM       $JVM_FLAGS"
  echo "load      $logged_in players, $CONNECTIONS connections, wrk -t$THREADS, warm-up $warm_rounds round(s) of ${WARMUP_ROUND}s per mix (${warm_per_mix}s per mix, ${warm_s}s in all), ${DURATION}s measured per mix; whole run ${total_s}s"
  echo
  row "figure" "value" "target" "verdict"
  row "raw SQLite" "$raw commits/s (before $raw_before, after $raw_after)" "-" ""
  row "ready, fresh database" "$ready_fresh ms" "<= 3000 ms" "$(verdict "$ready_fresh" "<=" 3000)"
  row "ready, restart" "$ready_restart ms" "<= 2000 ms" "$(verdict "$ready_restart" "<=" 2000)"
  for m in $MIXES; do
    row "$m /s" "$(fig measured "$m" rate) (p50 $(fig measured "$m" p50_ms) ms, p99 $(fig measured "$m" p99_ms) ms)" "-" ""
  done
  row "reads / floor" "$r_reads_floor" ">= 0.7" "$(verdict "$r_reads_floor" ">=" 0.7)"
  row "transfers / raw" "$r_tx_raw" ">= 2.0" "$(verdict "$r_tx_raw" ">=" 2.0)"
  row "transfer p99" "$tx_p99 ms" "<= 50 ms" "$(verdict "$tx_p99" "<=" 50)"
  row "spins / transfers" "$r_spins_tx" ">= 0.8" "$(verdict "$r_spins_tx" ">=" 0.8)"
  row "peak RSS" "$peak_mib MiB (VmHWM; sampled max $sampled_mib MiB)" "<= 256 MiB" "$(verdict "$peak_mib" "<=" 256)"
  row "JIT, warm-up end" "${last_jit_pct} % of the service's CPU (${last_jit_s} of ${last_svc_s} s)" "<= $JIT_SETTLED %" "$( \
    [[ "$jit_settled" == true ]] && echo settled || echo "NOT SETTLED: raise WARMUP_MAX")"
  row "noise" "others up to $others_max cores; raw SQLite moved ${raw_spread}x" "-" "$( \
    [[ "$(verdict "$others_max" "<=" 0.3)" == MET && "$(verdict "$raw_spread" "<=" 1.5)" == MET ]] && echo quiet || echo "DISTURBED: re-run")"
  row "invariants" "$invariants_ok (file $file_ok, endpoint $online_ok, rows $transfer_rows/$answered 2xx)" "true" "$([[ "$invariants_ok" == true ]] && echo MET || echo MISSED)"
  echo
  echo "CPU per request (service µs; half of today's figure on the same host is the target: bench/compare.sh)"
  printf '%-10s %9s %8s %8s %8s %10s %-38s %9s %8s %8s %8s\n' mix "rate/s" "p50 ms" "p99 ms" non-2xx "sock err" "(connect, read, write, timeout)" "svc µs" "jit µs" "wrk µs" "others"
  for m in $MIXES; do
    printf '%-10s %9s %8s %8s %8s %10s %-38s %9s %8s %8s %8s\n' "$m" "$(fig measured "$m" rate)" "$(fig measured "$m" p50_ms)" \
      "$(fig measured "$m" p99_ms)" "$(fig measured "$m" non2xx)" "$(fig measured "$m" sock_errors)" \
      "($(fig measured "$m" sock_detail))" "$(fig measured "$m" cpu_us)" "$(fig measured "$m" jit_cpu_us)" \
      "$(fig measured "$m" wrk_cpu_us)" "$(fig measured "$m" other_cores)"
  done
  echo "(svc µs: service CPU from /proc/PID/stat ÷ 2xx answers, JIT included; jit µs: the part of it the JIT compiler"
  echo " threads took; wrk µs: wrk's CPU ÷ 2xx; others: cores other processes took)"
  echo "==========================================================================================="
} | tee "$WORK/summary.txt"

{
  echo "LIMITS jar=$JAR"
  echo "LIMITS launcher=$LAUNCHER"
  echo "LIMITS jvm_flags=$JVM_FLAGS"
  echo "LIMITS raw_commits_per_s=$raw"
  echo "LIMITS ready_fresh_ms=$ready_fresh"
  echo "LIMITS ready_restart_ms=$ready_restart"
  echo "LIMITS warmup_s=$warm_s"
  echo "LIMITS warmup_rounds=$warm_rounds"
  echo "LIMITS warmup_last_jit_pct=$last_jit_pct"
  echo "LIMITS jit_settled=$jit_settled"
  for m in $MIXES; do
    for k in rate p50_ms p99_ms non2xx sock_errors cpu_us wrk_cpu_us other_cores; do
      echo "LIMITS ${m}_$k=$(fig measured "$m" "$k")"
    done
    echo "LIMITS ${m}_jit_us=$(fig measured "$m" jit_cpu_us)"
  done
  echo "LIMITS reads_per_floor=$r_reads_floor"
  echo "LIMITS transfers_per_raw=$r_tx_raw"
  echo "LIMITS transfer_p99_ms=$tx_p99"
  echo "LIMITS spins_per_transfers=$r_spins_tx"
  echo "LIMITS peak_rss_mib=$peak_mib"
  echo "LIMITS sampled_rss_mib=$sampled_mib"
  echo "LIMITS others_max_cores=$others_max"
  echo "LIMITS raw_spread=$raw_spread"
  echo "LIMITS invariants_ok=$invariants_ok"
  echo "LIMITS run_s=$total_s"
} | tee "$WORK/limits.txt"
if [[ -n "$LIMITS_OUT" ]]; then cp "$WORK/limits.txt" "$LIMITS_OUT"; fi

if [[ "$invariants_ok" != true ]]; then
  echo "INVARIANTS FAILED" >&2
  cat "$WORK/verify-file.txt" >&2
  KEEP=1
  exit 1
fi
