#!/usr/bin/env bash
# Feeds from an upstream that closes its connections: a plain HTTP/1.0 file server (Python's
# http.server with protocol_version "HTTP/1.0": Content-Length, then close) serving N small feed
# files, each run through a one-Feed pipe by POST /api/run, 3 at a time, on a freshly started
# server. Every run must give its item; prints the count of runs with no item or an error.
#
# Usage: scripts/closing-upstream.sh [N]   (default 855)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD helpers=$PWD/scripts/load bench=$PWD/src/test/resources/bench
# shellcheck source=scripts/load/common.sh
source "$helpers/common.sh"
count=${1:-855}
java=$(find_jdk)
[ -f target/sluice.jar ] && [ -z "$(find src pom.xml -newer target/sluice.jar -print -quit)" ] \
  || { say "building target/sluice.jar"; mvn -q -B package -DskipTests; }

trap cleanup EXIT
work=$(mktemp -d)
mkdir -p "$work/feeds" "$work/data"
for i in $(seq 1 "$count"); do
  printf '<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %s</title><link>http://example.org/</link><description>d</description><item><title>Item %s</title><guid isPermaLink="false">item-%s</guid><description>Text %s</description></item></channel></rss>\n' \
    "$i" "$i" "$i" "$i" >"$work/feeds/$i.xml"
done
feeds_port=$(free_port)
python3 -c '
import functools, http.server, sys
class Handler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.0"
    def log_message(self, *args): pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), functools.partial(Handler, directory=sys.argv[2])).serve_forever()
' "$feeds_port" "$work/feeds" &
upstream=$!
for i in $(seq 1 "$count"); do echo "http://127.0.0.1:$feeds_port/$i.xml"; done >"$work/urls"

port=$(free_port)
base="http://127.0.0.1:$port"
export SLUICE_DATA_DIR="$work/data" SLUICE_PORT="$port" SLUICE_BASE_URL="$base" \
       SLUICE_ALLOW_PRIVATE_NETWORKS=true SLUICE_HOST_SPACING_MS=0 SLUICE_LOG_LEVEL=WARN
token=$("$java" -jar target/sluice.jar token create runs@localhost 2>/dev/null)
start_server
say "$count feeds from an HTTP/1.0 server on 127.0.0.1:$feeds_port, 3 runs at a time"
python3 "$helpers/runs.py" "$base" "$token" "$work/urls" 3 | tee "$work/runs.out"
curl -s "$base/metrics" | grep -E '^sluice_fetch_retries_total' || true
grep -q ' empty=0 errors=0' "$work/runs.out" || die "some runs lost their item"
