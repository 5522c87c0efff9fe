#!/usr/bin/env bash
# Webhook durability (issue 4): while a load generator POSTs ~200 unique JSON events a
# second to a hook for ~20 s, the server is killed with SIGKILL every few seconds and restarted.
# Every event that was answered 202 must be in the SQLite file afterwards; the script fails if
# any is missing. All traffic goes to 127.0.0.1.
#
# Usage: scripts/webhook-durability.sh   (builds target/sluice.jar if it is missing)
# Knobs: RATE (requests/s, 200), SECONDS_OF_LOAD (20), KILL_EVERY (seconds between kills, 2),
#        KEEP_DATA=1 keeps the temporary data folder for inspection.
set -euo pipefail
cd "$(dirname "$0")/.."
rate=${RATE:-200}
seconds=${SECONDS_OF_LOAD:-20}
kill_every=${KILL_EVERY:-2}
hook=d0a1b2c3e4

# A JDK 21+ to run the server in this very process (kill -9 must hit the server, not a launcher).
find_jdk() {
  for java in "${SLUICE_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$java" ] && [ -x "$java" ] || continue
    v=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ -x "$(dirname "$java")/javac" ]; then echo "$java"; return; fi
  done
  echo "webhook-durability: no JDK 21+ found (set SLUICE_JAVA)" >&2; exit 1
}
java=$(find_jdk)
javac="$(dirname "$java")/javac"
if [ ! -f target/sluice.jar ] || [ -n "$(find src pom.xml -newer target/sluice.jar -print -quit)" ]; then
  mvn -q -B package -DskipTests
fi

data=$(mktemp -d)
classes="$data/load-classes"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=""
cleanup() {
  status=$?
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  if [ "${KEEP_DATA:-}" = 1 ]; then echo "webhook-durability: data kept in $data"; else rm -rf "$data"; fi
  exit $status
}
trap cleanup EXIT

export SLUICE_DATA_DIR="$data" SLUICE_PORT="$port" SLUICE_BASE_URL="http://127.0.0.1:$port"
# The rate limit is not under test here: lift it so every request reaches the store.
export SLUICE_HOOK_RATE_PER_MIN=1000000 SLUICE_HOOK_BURST=100000 SLUICE_LOG_LEVEL=WARN

cat >"$data/pipe.json" <<JSON
{"blocks":[{"id":"output","type":"OutputBlock","name":"Output","userinputs":[""],"inputs":[{"from":"$hook","from_output_slot":0}],"textinputs":[]},
 {"id":"$hook","type":"WebhookBlock","name":"Webhook","userinputs":["",""],"inputs":[],"textinputs":[]}]}
JSON
"$java" -jar target/sluice.jar import "$data/pipe.json" >/dev/null
"$javac" -d "$classes" src/test/java/dev/sluice/hook/HookLoad.java

startups_ms=()
start_server() {
  local began=$(date +%s%N)
  # No warm-up: it would hold /readyz for seconds after every restart, and no feed is asked for here.
  SLUICE_WARMUP=false "$java" -jar target/sluice.jar serve >>"$data/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
      startups_ms+=($(( ($(date +%s%N) - began) / 1000000 )))
      return
    fi
    kill -0 "$server" 2>/dev/null || { echo "webhook-durability: server exited:" >&2; tail -20 "$data/server.log" >&2; exit 1; }
    sleep 0.05
  done
  echo "webhook-durability: server not ready within 30 s" >&2; exit 1
}

start_server
"$java" -cp "$classes" dev.sluice.hook.HookLoad "http://127.0.0.1:$port/hook/$hook" "$rate" "$seconds" "$data/accepted.txt" &
load=$!
restarts=0
while sleep "$kill_every.$((RANDOM % 10))" && kill -0 $load 2>/dev/null; do
  kill -9 "$server"; wait "$server" 2>/dev/null || true
  restarts=$((restarts + 1))
  start_server
done
wait $load
kill -9 "$server"; wait "$server" 2>/dev/null || true   # the check reads the file as a crash left it
server=""

echo "webhook-durability: server start-up to /readyz: ${startups_ms[*]} ms"
python3 - "$data/sluice.db" "$data/accepted.txt" "$hook" "$restarts" <<'PY'
import json, sqlite3, sys
db, accepted_file, hook, restarts = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
accepted = [line.strip() for line in open(accepted_file) if line.strip()]
con = sqlite3.connect(db)  # read-write, so SQLite replays the write-ahead log the killed server left
stored = {json.loads(bytes(body))["id"] for (body,) in con.execute("SELECT body FROM hook_events WHERE hook_id = ?", (hook,))}
missing = [i for i in accepted if i not in stored]
print(f"webhook durability: {len(accepted)} events accepted (202), {len(stored)} stored, "
      f"{restarts} restarts (kill -9), missing = {len(missing)}")
sys.exit(1 if missing or not accepted or restarts == 0 else 0)
PY
