#!/usr/bin/env bash
# Starts the packaged jar the way the README says, on an empty data folder, and measures the
# time until /healthz answers. Fails if it does not answer within the limit (default 2 s,
# the start-up bar; SMOKE_LIMIT_MS overrides it for slow machines).
# Usage: scripts/smoke.sh   (after `mvn -q package`)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/sluice.jar
[ -f "$jar" ] || { echo "smoke: $jar missing; run 'mvn -q package' first" >&2; exit 1; }
limit_ms=${SMOKE_LIMIT_MS:-2000}
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
log="$data/server.log"
start=$(date +%s%N)
SLUICE_DATA_DIR="$data" SLUICE_PORT="$port" java -jar "$jar" serve >"$log" 2>&1 &
pid=$!
# Stop the server on the way out, keeping this script's own exit status (not the server's 143).
trap 'status=$?; kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"; exit $status' EXIT
while true; do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then break; fi
  if ! kill -0 $pid 2>/dev/null; then echo "smoke: server exited early:" >&2; cat "$log" >&2; exit 1; fi
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  if [ "$elapsed" -gt 30000 ]; then echo "smoke: no answer within 30 s" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.02
done
elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
# Readiness (database migrated and writable, the cold-request path warmed up) follows; report it too.
until curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do
  if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 30000 ]; then echo "smoke: never ready" >&2; cat "$log" >&2; exit 1; fi
  sleep 0.02
done
ready=$(( ($(date +%s%N) - start) / 1000000 ))
echo "smoke: /healthz answered ${elapsed} ms and /readyz ${ready} ms after 'java -jar $jar serve' (limit ${limit_ms} ms for /healthz); default java is $(java -version 2>&1 | head -1)"
[ -f "$data/sluice.db" ] || { echo "smoke: no database file was created in the data folder" >&2; exit 1; }
if [ "$elapsed" -gt "$limit_ms" ]; then echo "smoke: too slow" >&2; exit 1; fi
