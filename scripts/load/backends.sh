# The `backends` phase of scripts/load.sh: one node on its SQLite file next to one node on
# PostgreSQL, measured the same way in one run — the cached P2 feed (wrk), the first (cold) P2
# run on a freshly started server, and webhook ingest with every accepted event counted in the
# database afterwards. PostgreSQL comes from scripts/services.sh with fsync and synchronous
# commit on (SERVICES_DURABLE=1), as durable as SQLite's commits.
# shellcheck shell=bash

backend_events() { # db hook_id: events stored
  if [ "$1" = sqlite ]; then
    python3 - "$SLUICE_DATA_DIR/sluice.db" "$2" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
print(con.execute("SELECT count(*) FROM hook_events WHERE hook_id = ?", (sys.argv[2],)).fetchone()[0])
PY
  else
    psql "$SLUICE_DATABASE_URL" -tAc "SELECT count(*) FROM hook_events WHERE hook_id = '$2'"
  fi
}

backend_measure() { # db: appends one result row
  local db=$1 seconds=${BACKENDS_SECONDS:-10} conns=${THROUGHPUT_CONNECTIONS:-16} hook=d0a1b2c3e4
  export SLUICE_DATA_DIR="$work/data-$db"
  mkdir -p "$SLUICE_DATA_DIR"
  unset SLUICE_DATABASE_URL
  if [ "$db" = postgres ]; then
    local services="$work/services"
    mkdir -p "$services"
    chmod 755 "$work"   # PostgreSQL runs as its own user (as root: postgres) and must reach its folder
    SERVICES_DURABLE=1 "$root/scripts/services.sh" start "$services" >"$services/urls" \
      || die "PostgreSQL could not be started (scripts/services.sh; apt-get install postgresql)"
    SLUICE_DATABASE_URL=$(sed -n 's/^SLUICE_TEST_DATABASE_URL=//p' "$services/urls")
    export SLUICE_DATABASE_URL
    stop_services="$root/scripts/services.sh stop $services"
  fi
  export SLUICE_HOOK_RATE_PER_MIN=100000000 SLUICE_HOOK_BURST=10000000 SLUICE_HOOK_KEEP_EVENTS=100000000
  python3 "$helpers/pipes.py" "$bench" p2 "$fast" >"$work/p2-$db.jsonl"
  python3 "$helpers/pipes.py" "$bench" hook "$hook" >>"$work/p2-$db.jsonl"
  import_pipes "$work/p2-$db.jsonl" >"$work/imported-$db.txt"
  local feed; feed=$(head -1 "$work/imported-$db.txt" | cut -f3)
  start_server
  local cold code
  read -r code cold < <(curl -sS -o "$work/p2-$db.xml" -w '%{http_code} %{time_total}\n' "$feed")
  [ "$code" = 200 ] || die "$db: cold P2 answered HTTP $code"
  cold=$(awk -v t="$cold" 'BEGIN { printf "%.0f", t * 1000 }')
  read -r rps _ p99 n bad errs < <(run_wrk "$work/wrk-feed-$db.txt" -t1 -c"$conns" -d"${seconds}s" --latency "$feed")
  [ "$bad" = 0 ] && [ "$errs" = 0 ] || die "$db cached feed: $bad non-2xx answers, $errs socket errors of $n"
  local hook_rps hook_p99 accepted stored
  read -r _ _ hook_p99 _ _ _ < <(run_wrk "$work/wrk-hook-$db.txt" -t1 -c"$conns" -d"${seconds}s" --latency \
      -s "$helpers/hook-post.lua" "$base/hook/$hook")
  accepted=$(awk '/^hook-accepted/ { print $2 }' "$work/wrk-hook-$db.txt")
  hook_rps=$(awk -v a="$accepted" -v s="$seconds" 'BEGIN { printf "%.0f", a / s }')
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  stored=$(backend_events "$db" "$hook")
  [ "$stored" -ge "$accepted" ] || die "$db: only $stored webhook events stored of $accepted accepted"
  if [ -n "${stop_services:-}" ]; then $stop_services; stop_services=""; fi
  result "one node on $db (cached P2 wrk -t1 -c$conns -d${seconds}s; cold P2 = first request after /readyz; webhooks wrk -c$conns)" \
    "cached P2 $rps req/s (p99 $p99 ms); cold P2 $cold ms; webhook ingest $hook_rps events/s (p99 $hook_p99 ms), $stored of $accepted stored" \
    "— (SQLite and PostgreSQL side by side)" ok
}

phase_backends() {
  prepare
  trap 'rc=$?; [ -n "${stop_services:-}" ] && $stop_services; (exit $rc); cleanup' EXIT
  local db
  for db in ${BACKENDS:-sqlite postgres}; do
    backend_measure "$db"
  done
}
