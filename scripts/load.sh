#!/usr/bin/env bash
# Load and fault tests against the packaged server, measuring the performance bars (issue #7).
# Everything runs on loopback: the bench feeds come from a small upstream server on 127.0.0.1
# (scripts/load/upstream.py: fast, trickle and slow modes as bench/README.md describes), the server
# under test is target/sluice.jar on a JDK 21+ with its own temp data dir and a free port.
# Each phase starts its own server and upstream and removes them (and the data) on exit.
#
#   scripts/load.sh throughput     cached GET /feed/<P2> (plain, then gzip) and a page: wrk -t1 -c16, req/s, p50/p99;
#                                  nginx serving the same feed bytes with the same wrk, and the ratio
#   scripts/load.sh pathological   100 PE/PEfast runs in flight; p99 of a cached feed and a page meanwhile
#   scripts/load.sh webhooks       webhook ingest rate (wrk POSTs distinct events), stored count checked
#   scripts/load.sh memory         10,000 stored pipes + 1,000 cached feeds, -Xmx512m: heap after GC, RSS
#   scripts/load.sh startup        scripts/smoke.sh (start-up to first answer)
#   scripts/load.sh cold           P3 (8 feeds, 200 ms latency each) on freshly started servers:
#                                  the first and the third cold run after /readyz; then the last
#                                  server restarted on its data: the first request, from the stored output
#   scripts/load.sh backends       one node on SQLite, then on PostgreSQL (scripts/services.sh): cached P2
#                                  req/s, cold P2 on a fresh server, webhook ingest events/s (BACKENDS,
#                                  BACKENDS_SECONDS (10)); not part of `all`
#   scripts/load.sh all            all of the above but backends, then a Markdown summary table
#
# Knobs (env): THROUGHPUT_SECONDS (20), THROUGHPUT_CONNECTIONS (16), THROUGHPUT_WARMUP_SECONDS
# (0: only the one warming request; >0 adds a wrk warm-up of that length first), PATHO_RUNS (100),
# PATHO_SECONDS (8, wrk during the runs), PATHO_CONNECTIONS (4), PLAN_LIMIT_MS (10000, the free
# plan's run limit the answers are held to), HOOK_SECONDS (10), HOOK_CONNECTIONS (16),
# MEMORY_PIPES (10000), MEMORY_FEEDS (1000), MEMORY_HEAP (512m), UPSTREAM_HOSTS (50: loopback
# addresses the upstream listens on, see below), SLUICE_JAVA (a JDK 21+ java),
# COLD_STARTS (3: fresh servers in the cold phase), COLD_REQUESTS (3: cold P3 runs per server),
# COLD_LAUNCH (as the launcher does on a JDK 17 machine: aot on JDK 25+, an ahead-of-time cache
# recorded by the first start as it stops and used by the later ones; cds below 25, a class-data-
# sharing archive made by the first start; or set to aot, cds or direct: no archive),
# NGINX (1: compare the cached feed with nginx serving the same bytes; 0 skips),
# LOAD_RESULTS (file collecting the summary rows, default target/load-results.md), KEEP_DATA=1 (keep the temp dirs).
# A phase exits non-zero when its figures could not be measured (server down, wrong answers);
# a bar that is missed is reported as "MISSED" in the summary but does not fail the script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/src/test/resources/bench"
helpers="$root/scripts/load"

# shellcheck source=scripts/load/common.sh
. "$helpers/common.sh"
# shellcheck source=scripts/load/backends.sh
. "$helpers/backends.sh"

# --- phases -----------------------------------------------------------------------------------

phase_throughput() {
  prepare
  local seconds=${THROUGHPUT_SECONDS:-20} conns=${THROUGHPUT_CONNECTIONS:-16}
  python3 "$helpers/pipes.py" "$bench" p2 "$fast" >"$work/p2.jsonl"
  import_pipes "$work/p2.jsonl" >"$work/imported.txt"
  read -r id _ feed <"$work/imported.txt"
  start_server
  expect_items "$feed" 50   # the warming request: runs P2 once, the result is cached from now on
  local page; page=$(page_url "$id")
  local warmup=${THROUGHPUT_WARMUP_SECONDS:-0}
  if [ "$warmup" != 0 ]; then   # optional: let the JIT compile the hot path before measuring
    wrk -t1 -c"$conns" -d"${warmup}s" "$feed" >/dev/null
    wrk -t1 -c"$conns" -d"${warmup}s" "$page" >/dev/null
  fi
  read -r rps p50 p99 n bad errs < <(run_wrk "$work/wrk-feed.txt" -t1 -c"$conns" -d"${seconds}s" --latency "$feed")
  [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "cached feed: $bad non-2xx answers, $errs socket errors of $n"
  local bytes; bytes=$(curl -fsS "$feed" | wc -c)
  result "cached GET /feed/<P2> (wrk -t1 -c$conns -d${seconds}s; answer $((bytes / 1024)) KiB)" "$rps req/s, p50 $p50 ms, p99 $p99 ms" \
    "≥ 20,000 req/s, p99 ≤ 5 ms" "$(verdict "$rps >= 20000 and $p99 <= 5")"
  if [ "${NGINX:-1}" = 1 ]; then
    # The same bytes from nginx, the same wrk, one after the other on the same cores.
    command -v nginx >/dev/null || die "nginx is not installed (apt-get install nginx), or set NGINX=0"
    mkdir -p "$work/static"
    curl -fsS -o "$work/static/p2.xml" "$feed"
    start_nginx "$work/static"
    [ "$(curl -fsS "$nginx_base/p2.xml" | cmp - "$work/static/p2.xml" && echo same)" = same ] || die "nginx serves other bytes"
    local srps=$rps
    read -r rps p50 p99 n bad errs < <(run_wrk "$work/wrk-nginx.txt" -t1 -c"$conns" -d"${seconds}s" --latency "$nginx_base/p2.xml")
    [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "nginx: $bad non-2xx answers, $errs socket errors of $n"
    kill "$nginx"; wait "$nginx" 2>/dev/null || true; nginx=""
    result "nginx $(nginx -v 2>&1 | sed 's|.*/||') serving the same $((bytes / 1024)) KiB file (same wrk, same run)" \
      "$rps req/s, p50 $p50 ms, p99 $p99 ms; Sluice/nginx = $(awk -v a="$srps" -v b="$rps" 'BEGIN { printf "%.2f", a / b }')" \
      "— (the limit)" ""
  fi
  # Feed readers send Accept-Encoding: gzip; the compressed form is made once per rendering.
  read -r rps p50 p99 n bad errs < <(run_wrk "$work/wrk-feed-gzip.txt" -t1 -c"$conns" -d"${seconds}s" --latency \
    -H "Accept-Encoding: gzip" "$feed")
  [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "cached feed (gzip): $bad non-2xx answers, $errs socket errors of $n"
  local gz; gz=$(curl -fsS -H "Accept-Encoding: gzip" "$feed" | wc -c)
  result "cached GET /feed/<P2> with Accept-Encoding: gzip (same wrk; answer $((gz / 1024)) KiB)" \
    "$rps req/s, p50 $p50 ms, p99 $p99 ms" "≥ 20,000 req/s, p99 ≤ 5 ms" "$(verdict "$rps >= 20000 and $p99 <= 5")"
  read -r rps p50 p99 n bad errs < <(run_wrk "$work/wrk-page.txt" -t1 -c"$conns" -d"${seconds}s" --latency "$page")
  [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "page: $bad non-2xx answers, $errs socket errors of $n"
  result "page ${page#"$base"} (same wrk)" "$rps req/s, p50 $p50 ms, p99 $p99 ms" "— (reference)" ""
}

phase_pathological() {
  prepare
  local runs=${PATHO_RUNS:-100} seconds=${PATHO_SECONDS:-8} conns=${PATHO_CONNECTIONS:-4}
  local limit=${PLAN_LIMIT_MS:-10000}
  [ $((hosts * 2)) -ge "$runs" ] || die "UPSTREAM_HOSTS=$hosts is too few for $runs runs at once (2 fetches per host)"
  # Room for every run at once: the bar is about the server staying responsive, not admission.
  export SLUICE_MAX_RUNS=$((runs + 16)) SLUICE_MAX_COLD_RUNS_PER_USER=$((runs + 16))
  python3 "$helpers/pipes.py" "$bench" p2 "$fast" >"$work/pipes.jsonl"
  python3 "$helpers/pipes.py" "$bench" pathological "$fast" "$trickle" "$runs" "$hosts" >>"$work/pipes.jsonl"
  import_pipes "$work/pipes.jsonl" >"$work/imported.txt"
  read -r id _ feed <"$work/imported.txt"
  # "PE-<i> <url>" / "PEfast-<i> <url>" from the import's "id<TAB>PE <i><TAB>url" lines.
  tail -n +2 "$work/imported.txt" | awk -F'\t' '{ split($2, t, " "); print t[1] "-" t[2], $3 }' >"$work/runs.txt"
  [ "$(wc -l <"$work/runs.txt")" = "$runs" ] || die "expected $runs pathological pipes, imported $(wc -l <"$work/runs.txt")"
  start_server
  expect_items "$feed" 50
  local page; page=$(page_url "$id")
  curl -fsS -o /dev/null "$page"
  say "firing $runs pathological runs at once, wrk on a cached feed and on ${page#"$base"} meanwhile"
  python3 "$helpers/fire.py" "$work/runs.txt" "$((limit + 250))" "$work/answers.txt" >"$work/fire.txt" &
  local firing=$!
  sleep 0.5   # let the runs start: wrk must measure while they are in flight
  run_wrk "$work/wrk-feed.txt" -t1 -c"$conns" -d"${seconds}s" --latency "$feed" >"$work/feed.fig" &
  local w1=$!
  run_wrk "$work/wrk-page.txt" -t1 -c"$conns" -d"${seconds}s" --latency "$page" >"$work/page.fig" &
  local w2=$!
  # How many runs really were in flight at once: the server's own gauge, sampled meanwhile.
  local peak=0 now
  while kill -0 $w1 2>/dev/null; do
    now=$(curl -fsS --max-time 2 "$base/metrics" 2>/dev/null | awk '/^sluice_runs_in_flight / { printf "%d", $2 }') || true
    [ -n "$now" ] && [ "$now" -gt "$peak" ] && peak=$now
    sleep 0.5
  done
  wait $w1 || die "wrk on the cached feed failed"
  wait $w2 || die "wrk on the page failed"
  wait $firing || die "firing the runs failed"
  read -r rps p50 p99 n bad errs <"$work/feed.fig"
  [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "cached feed under load: $bad non-2xx, $errs socket errors of $n"
  result "cached feed p99 while $runs pathological runs are in flight (wrk -c$conns, ${seconds}s)" \
    "p99 $p99 ms (p50 $p50 ms, $rps req/s)" "p99 ≤ 50 ms" "$(verdict "$p99 <= 50")"
  read -r rps p50 p99 n bad errs <"$work/page.fig"
  [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "page under load: $bad non-2xx, $errs socket errors of $n"
  result "page ${page#"$base"} p99 meanwhile" "p99 $p99 ms (p50 $p50 ms, $rps req/s)" "p99 ≤ 50 ms" "$(verdict "$p99 <= 50")"
  cat "$work/fire.txt" >&2
  local answered late slowest
  answered=$(awk '$2 != 0' "$work/answers.txt" | wc -l)
  late=$(awk -v l="$((limit + 250))" '$2 == 0 || $3 > l' "$work/answers.txt" | wc -l)
  slowest=$(awk 'BEGIN { m = 0 } $3 > m { m = $3 } END { print m }' "$work/answers.txt")
  result "pathological runs answered ($((runs - runs / 2)) PE trickled + $((runs / 2)) PEfast, all at once)" \
    "$answered/$runs answered (up to $peak in flight at once), slowest ${slowest} ms, $late over $((limit + 250)) ms — $(paste -sd';' "$work/fire.txt" | sed 's/;/; /g')" \
    "each within $((limit + 250)) ms" "$(verdict "$late == 0 and $answered == $runs")"
}

phase_webhooks() {
  prepare
  local seconds=${HOOK_SECONDS:-10} conns=${HOOK_CONNECTIONS:-16} hook=d0a1b2c3e4
  # The rate limit and retention are not under test: lift them so every event reaches the store.
  export SLUICE_HOOK_RATE_PER_MIN=100000000 SLUICE_HOOK_BURST=10000000 SLUICE_HOOK_KEEP_EVENTS=100000000
  python3 "$helpers/pipes.py" "$bench" hook "$hook" >"$work/hook.jsonl"
  import_pipes "$work/hook.jsonl" >/dev/null
  start_server
  read -r rps p50 p99 n bad errs < <(run_wrk "$work/wrk-hook.txt" -t1 -c"$conns" -d"${seconds}s" --latency \
      -s "$helpers/hook-post.lua" "$base/hook/$hook")
  local accepted other stored
  accepted=$(awk '/^hook-accepted/ { print $2 }' "$work/wrk-hook.txt")
  other=$(awk '/^hook-other/ { print $2 }' "$work/wrk-hook.txt")
  [ -n "$accepted" ] || die "wrk's Lua summary is missing: $(cat "$work/wrk-hook.txt")"
  # Stop the server so the count reads everything it committed; wrk's last in-flight requests
  # may have been stored without their answer being counted, so stored may exceed accepted by
  # up to the number of connections.
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  stored=$(python3 - "$SLUICE_DATA_DIR/sluice.db" "$hook" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(con.execute("SELECT count(*) FROM hook_events WHERE hook_id = ?", (sys.argv[2],)).fetchone()[0])
PY
)
  [ "$stored" -ge "$accepted" ] || die "only $stored events stored of $accepted accepted (202)"
  result "webhook ingest (wrk -t1 -c$conns -d${seconds}s, distinct JSON events)" \
    "$(awk -v a="$accepted" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }') events/s accepted, p50 $p50 ms, p99 $p99 ms; $accepted accepted (202), $other other answers, $stored stored" \
    "— (every 202 stored)" "$( [ "$other" = 0 ] && echo ok || echo "$other not accepted")"
}

phase_memory() {
  prepare
  local pipes=${MEMORY_PIPES:-10000} feeds=${MEMORY_FEEDS:-1000} heap=${MEMORY_HEAP:-512m}
  export SLUICE_MAX_COLD_RUNS_PER_USER=16   # 8 requests at a time, all pipes of one owner
  [ "$feeds" -le "$pipes" ] || die "MEMORY_FEEDS ($feeds) must not exceed MEMORY_PIPES ($pipes)"
  python3 "$helpers/pipes.py" "$bench" feeds "$fast" "$pipes" "$hosts" >"$work/pipes.jsonl"
  local began=$SECONDS
  import_pipes "$work/pipes.jsonl" >"$work/imported.txt"
  [ "$(wc -l <"$work/imported.txt")" = "$pipes" ] || die "imported $(wc -l <"$work/imported.txt") of $pipes pipes"
  say "imported $pipes pipes in $((SECONDS - began)) s"
  start_server "-Xmx$heap"
  # The first $feeds pipes each fetch their own F1.xml?n=<i>: $feeds distinct upstream feeds.
  head -n "$feeds" "$work/imported.txt" | cut -f3 >"$work/urls.txt"
  : >"$work/upstream.log"
  began=$SECONDS
  xargs -P 8 -n 1 curl -fsS -o /dev/null --max-time 30 <"$work/urls.txt" || die "some of the $feeds feed requests failed"
  local fetched; fetched=$(grep -c '^fast /F1.xml?n=' "$work/upstream.log" || true)
  [ "$fetched" -ge "$feeds" ] || die "only $fetched of $feeds feeds reached the upstream"
  say "requested $feeds feeds in $((SECONDS - began)) s ($fetched upstream fetches)"
  local jcmd; jcmd="$(dirname "$java")/jcmd"
  "$jcmd" "$server" GC.run >/dev/null || die "jcmd GC.run failed"
  "$jcmd" "$server" GC.heap_info >"$work/heap.txt" || die "jcmd GC.heap_info failed"
  local used_kib rss_kib
  used_kib=$(grep -m1 -o 'used [0-9]*K' "$work/heap.txt" | tr -dc 0-9)
  rss_kib=$(awk '/^VmRSS:/ { print $2 }' "/proc/$server/status")
  [ -n "$used_kib" ] || die "no heap figure in: $(cat "$work/heap.txt")"
  local used_mib=$((used_kib / 1024)) rss_mib=$((rss_kib / 1024))
  result "heap after full GC: $pipes stored pipes, $feeds cached upstream feeds (-Xmx$heap)" \
    "$used_mib MiB heap used, RSS $rss_mib MiB" "< 512 MiB heap" "$(verdict "$used_mib < 512")"
}

phase_startup() {
  # smoke.sh fails on its own bar too; only a missing figure means it could not measure.
  local out ms
  out=$(scripts/smoke.sh 2>&1) || true
  echo "$out" >&2
  ms=$(sed -n 's/.*answered \([0-9]*\) ms.*/\1/p' <<<"$out")
  [ -n "$ms" ] || die "scripts/smoke.sh measured nothing"
  result "start-up to first answer (scripts/smoke.sh, /healthz)" "$ms ms" "≤ 2,000 ms" "$(verdict "$ms <= 2000")"
}

phase_cold() {
  prepare
  local starts=${COLD_STARTS:-3} requests=${COLD_REQUESTS:-3} launch=${COLD_LAUNCH:-}
  local jvm=() archive="$work/sluice-cold.jsa" cache="$work/sluice-cold.aot"
  if [ -z "$launch" ]; then   # as the launcher does: an AOT cache from JDK 25, else a CDS archive
    local v; v=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    launch=cds; [ "${v%%.*}" -ge 25 ] && launch=aot
  fi
  [ "$launch" = cds ] && jvm=(-XX:+AutoCreateSharedArchive "-XX:SharedArchiveFile=$archive" -Xlog:cds=off -Xlog:cds+dynamic=off)
  # Copy k of P3 fetches its feeds with ?copy=k: each request is a cold run, no download cached.
  python3 "$helpers/pipes.py" "$bench" p3 "$slow" "$requests" >"$work/p3.jsonl"
  local firsts=() thirds=() line
  for s in $(seq 1 "$starts"); do
    export SLUICE_DATA_DIR="$work/data-$s"   # fresh each time: no stored last output to answer from
    mkdir -p "$SLUICE_DATA_DIR"
    import_pipes "$work/p3.jsonl" >"$work/imported-$s.txt"
    if [ "$launch" = aot ]; then   # the first start records the cache as it stops, the later ones use it
      if [ -f "$cache" ]; then jvm=("-XX:AOTCache=$cache"); else jvm=("-XX:AOTCacheOutput=$cache"); fi
      jvm+=(-Xlog:aot=off -Xlog:cds=off)
    fi
    start_server "${jvm[@]}"
    local times=() k=0
    while read -r feed; do
      k=$((k + 1))
      local out="$work/p3-$s-$k.xml" code secs items
      read -r code secs < <(curl -sS --compressed --max-time 30 -o "$out" -w '%{http_code} %{time_total}\n' "$feed")
      items=$(grep -o '<item>' "$out" | wc -l)
      [ "$code" = 200 ] && [ "$items" = 1700 ] || die "start $s, request $k: HTTP $code with $items items (expected 200, 1700)"
      times+=("$(awk -v t="$secs" 'BEGIN { printf "%.0f", t * 1000 }')")
    done < <(cut -f3 "$work/imported-$s.txt")
    say "start $s: /healthz after $live_ms ms, /readyz after $ready_ms ms; cold P3 runs: ${times[*]} ms"
    firsts+=("${times[0]}") thirds+=("${times[2]:-${times[-1]}}")
    kill "$server"; wait "$server" 2>/dev/null || true; server=""
  done
  line=$(IFS=/; echo "first ${firsts[*]} ms, third ${thirds[*]} ms")
  local worst_first worst_third
  worst_first=$(printf '%s\n' "${firsts[@]}" | sort -n | tail -1)
  worst_third=$(printf '%s\n' "${thirds[@]}" | sort -n | tail -1)
  result "P3 cold on a fresh server (8 feeds × 200 ms on 8 loopback hosts, 1,700 items; $starts starts, launch: $launch)" \
    "$line" "first ≤ 400 ms, third ≤ 300 ms" "$(verdict "$worst_first <= 400 and $worst_third <= 300")"
  # The last server started again on its data: its pipes ran a moment ago, so the first request
  # after the restart is answered from the output stored then (still fresh), without a run.
  start_server "${jvm[@]}"
  local again code secs
  again=$(cut -f3 "$work/imported-$starts.txt" | head -1)
  read -r code secs < <(curl -sS --compressed --max-time 30 -o "$work/p3-again.xml" -w '%{http_code} %{time_total}\n' "$again")
  [ "$code" = 200 ] && [ "$(grep -o '<item>' "$work/p3-again.xml" | wc -l)" = 1700 ] || die "after the restart: HTTP $code"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  result "P3 first request after a restart, its output stored a moment before (same data, /readyz after $ready_ms ms)" \
    "$(awk -v t="$secs" 'BEGIN { printf "%.0f", t * 1000 }') ms" "— (no run: the stored output is still fresh)" ""
}

# --- main -------------------------------------------------------------------------------------

phases=(throughput pathological webhooks memory startup cold)
command=${1:-}
case "$command" in
  throughput|pathological|webhooks|memory|startup|cold|backends|all) ;;
  *) echo "usage: scripts/load.sh {$(IFS='|'; echo "${phases[*]}")|backends|all}" >&2; exit 2 ;;
esac
work_results=target/load-results.md   # the last summary rows, kept for reading
mkdir -p target
java=$(find_jdk)
results=${LOAD_RESULTS:-$work_results}
if [ -n "${LOAD_NESTED:-}" ]; then   # one phase of `all`: built already, the caller prints the table
  "phase_$command"
  exit
fi
build
: >"$results"
failed=()
if [ "$command" = all ]; then selected=("${phases[@]}"); else selected=("$command"); fi
for phase in "${selected[@]}"; do
  say "== $phase"
  # Each phase in its own process: its own errexit, traps and environment. A signal to this
  # script is passed on, so the phase stops its server and upstream and removes its data.
  LOAD_NESTED=1 LOAD_RESULTS="$results" "$root/scripts/load.sh" "$phase" &
  child=$!
  trap 'kill -TERM $child 2>/dev/null; wait $child; exit 130' INT TERM
  wait $child || failed+=("$phase")
  trap - INT TERM
done
echo
echo "Sluice load test, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $("$java" -version 2>&1 | head -1)"
echo
echo '| figure | measured | bar | verdict |'
echo '|---|---|---|---|'
cat "$results"
if [ ${#failed[@]} -gt 0 ]; then echo "load: phases that FAILED to measure: ${failed[*]}" >&2; exit 1; fi
