#!/usr/bin/env bash
# Two builds side by side from bench/limits.sh runs: µs of service CPU per request for each mix
# (old, new, new/old; the issue's target is new/old <= 0.5), the part of it the JIT compiler took
# (jit µs; n/a for outputs saved before limits.sh measured it) and the other figures.
#
#   bench/compare.sh OLD NEW        # OLD, NEW: saved limits.sh outputs (or LIMITS_OUT files), or
#                                   # directories of them (*.txt); several runs of a side are averaged
#   OLD_JAR=/tmp/old/neobank.jar OLD_CONFIG=/tmp/old/config.yml bench/compare.sh --run [ROUNDS=1]
#                                   # runs limits.sh old, new, old, new, ... (ROUNDS pairs, alternating
#                                   # so that a drift of the machine hits both), then compares
#
# --run environment: OLD_JAR (required)  OLD_CONFIG [config.yml]  OLD_LAUNCHER [plain]
#   OLD_JAVA_OPTS [-Xmx128m]  NEW_JAR [api/target/neobank.jar]  NEW_CONFIG [config.yml]
#   NEW_LAUNCHER [bin/neobank]  NEW_JAVA_OPTS []  OUT [a new temp dir, kept: every run's output]
#   Anything else limits.sh reads (PORT, WARMUP, DURATION, PLAYERS, ...) is passed through.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

files_of() { # file or directory -> files, one a line
  if [[ -d "$1" ]]; then
    find "$1" -maxdepth 1 -name '*.txt' -type f | sort
  elif [[ -f "$1" ]]; then
    echo "$1"
  else
    echo "compare.sh: no $1" >&2; exit 2
  fi
}

compare() { # old new (files or dirs)
  local old new
  old=$(files_of "$1" | tr '\n' ' ')
  new=$(files_of "$2" | tr '\n' ' ')
  # shellcheck disable=SC2086 # lists of file names
  awk -v nold="$(wc -w <<<"$old")" '
    FNR == 1 { side = (++file <= nold) ? "old" : "new"; runs[side]++ }
    /^LIMITS [a-z0-9_]+=/ {
      kv = substr($0, 8); k = substr(kv, 1, index(kv, "=") - 1); v = substr(kv, index(kv, "=") + 1)
      if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
      if (v ~ /^-?[0-9.]+$/) { sum[side, k] += v; cnt[side, k]++; each[side, k] = each[side, k] (each[side, k] == "" ? "" : ", ") v }
      else if (!((side, k, v) in textseen)) { textseen[side, k, v] = 1; text[side, k] = ((side, k) in text ? text[side, k] " | " : "") v }
    }
    function mean(s, k) { return cnt[s, k] ? sum[s, k] / cnt[s, k] : "" }
    function show(s, k,   m) { if (!cnt[s, k]) return (s, k) in text ? text[s, k] : "n/a"
      m = mean(s, k); return (m == int(m) || m >= 100) ? sprintf("%.0f", m) : sprintf("%.2f", m) }
    function rat(k) { return (cnt["old", k] && cnt["new", k] && mean("old", k) > 0) ? sprintf("%.2f", mean("new", k) / mean("old", k)) : "-" }
    END {
      if (runs["old"] == 0 || runs["new"] == 0) { print "compare.sh: a side has no runs" > "/dev/stderr"; exit 2 }
      printf "old: %d run(s)   new: %d run(s)\n", runs["old"], runs["new"]
      for (i = 1; i <= nk; i++) { k = order[i]; if (!cnt["old", k] && !cnt["new", k]) printf "%-14s old %s\n%-14s new %s\n", k, show("old", k), "", show("new", k) }
      print ""
      print "µs of service CPU per request (mean of the runs; each run in brackets); jit: the part the JIT compiler threads took"
      printf "%-10s %-26s %-26s %8s %8s %8s  %s\n", "mix", "old", "new", "new/old", "jit old", "jit new", "target new/old <= 0.5"
      split("floor reads transfers spins charges", mixes, " ")
      for (i = 1; i <= 5; i++) {
        k = mixes[i] "_cpu_us"; if (!(k in seen)) continue
        r = rat(k); v = (r == "-") ? "-" : (mixes[i] == "floor" ? "(no target)" : (r + 0 <= 0.5 ? "MET" : "MISSED"))
        j = mixes[i] "_jit_us"
        printf "%-10s %-26s %-26s %8s %8s %8s  %s\n", mixes[i], show("old", k) " (" each["old", k] ")", show("new", k) " (" each["new", k] ")", r, show("old", j), show("new", j), v
      }
      print ""
      printf "%-26s %14s %14s %8s\n", "figure", "old", "new", "new/old"
      for (i = 1; i <= nk; i++) { k = order[i]; if (!cnt["old", k] && !cnt["new", k]) continue
        if ((k ~ /_cpu_us$/ && k !~ /wrk/) || k ~ /_jit_us$/) continue
        printf "%-26s %14s %14s %8s\n", k, show("old", k), show("new", k), rat(k) }
    }' $old $new
}

if [[ "${1:-}" == --run ]]; then
  ROUNDS=${2:-1}
  [[ -n "${OLD_JAR:-}" ]] || { echo "compare.sh --run needs OLD_JAR (and OLD_CONFIG for its configuration)" >&2; exit 2; }
  OUT=${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/neobank-compare.XXXXXX")}
  mkdir -p "$OUT/old" "$OUT/new"
  status=0
  for r in $(seq 1 "$ROUNDS"); do
    for side in old new; do
      if [[ $side == old ]]; then
        jar=$OLD_JAR config=${OLD_CONFIG:-config.yml} launcher=${OLD_LAUNCHER:-plain} opts=${OLD_JAVA_OPTS--Xmx128m}
      else
        jar=${NEW_JAR:-api/target/neobank.jar} config=${NEW_CONFIG:-config.yml} launcher=${NEW_LAUNCHER:-bin/neobank} opts=${NEW_JAVA_OPTS:-}
      fi
      echo "=== round $r/$ROUNDS: $side ($jar, $launcher, JAVA_OPTS=$opts) -> $OUT/$side/$r.txt"
      JAR=$jar CONFIG=$config LAUNCHER=$launcher JAVA_OPTS=$opts bench/limits.sh >"$OUT/$side/$r.txt" 2>&1 \
        || { rc=$?; echo "limits.sh exited $rc on $side (round $r); see $OUT/$side/$r.txt" >&2; status=1; }
      sed -n '/^====.*limits/,/^=====*$/p' "$OUT/$side/$r.txt"
    done
  done
  echo "runs kept in $OUT"
  compare "$OUT/old" "$OUT/new"
  exit "$status"
fi

[[ $# -eq 2 ]] || usage
compare "$1" "$2"
