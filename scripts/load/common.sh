# Shared parts of scripts/load.sh (sourced): finding the JDK, building, the per-phase temp dir,
# upstream and server, and reading wrk's output. Expects root, bench and helpers set.

say() { echo "load: $*" >&2; }
die() { echo "load: FAILED: $*" >&2; exit 1; }

# A JDK 21+ that runs the server in this very process (so jcmd and kill reach the server, not a
# launcher), with its jcmd; as scripts/webhook-durability.sh finds it.
find_jdk() {
  local java v
  for java in "${SLUICE_JAVA:-}" "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java || true)" /usr/lib/jvm/*/bin/java; do
    [ -n "$java" ] && [ -x "$java" ] || continue
    v=$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    if [ "${v%%.*}" -ge 21 ] 2>/dev/null && [ -x "$(dirname "$java")/jcmd" ]; then echo "$java"; return; fi
  done
  die "no JDK 21+ with jcmd found (set SLUICE_JAVA)"
}

build() {
  command -v wrk >/dev/null || die "wrk is not installed (apt-get install wrk)"
  if [ ! -f target/sluice.jar ] || [ -n "$(find src pom.xml -newer target/sluice.jar -print -quit)" ]; then
    say "building target/sluice.jar"
    mvn -q -B package -DskipTests
  fi
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

# --- per-phase environment: temp dir, upstream, server; all removed by cleanup on exit ----------
server="" upstream="" nginx="" work=""
cleanup() {
  local status=$?
  [ -n "$server" ] && { kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; } || true
  [ -n "$nginx" ] && { kill "$nginx" 2>/dev/null; wait "$nginx" 2>/dev/null; } || true
  [ -n "$upstream" ] && { kill "$upstream" 2>/dev/null; wait "$upstream" 2>/dev/null; } || true
  if [ -n "$work" ]; then
    if [ "${KEEP_DATA:-}" = 1 ]; then say "data kept in $work"; else rm -rf "$work"; fi
  fi
  exit $status
}

# Loopback hosts the upstream listens on (127.0.0.1 … 127.0.0.$hosts): Sluice fetches at most 2
# URLs of one host at a time (FetchConfig.maxInFlightPerHost), so 100 runs fetching at once
# need 50 hosts.
hosts=${UPSTREAM_HOSTS:-50}

# Sets work, port, base and the common server environment; starts the upstream (fast, trickle, slow).
prepare() {
  trap cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  work=$(mktemp -d)
  port=$(free_port)
  base="http://127.0.0.1:$port"
  export SLUICE_DATA_DIR="$work/data" SLUICE_PORT="$port" SLUICE_BASE_URL="$base" \
         SLUICE_ALLOW_PRIVATE_NETWORKS=true SLUICE_HOST_SPACING_MS=0 SLUICE_LOG_LEVEL=${SLUICE_LOG_LEVEL:-WARN}
  mkdir -p "$SLUICE_DATA_DIR"
  python3 "$helpers/upstream.py" "$bench" "$work/upstream.ports" "$work/upstream.log" "$hosts" 2>>"$work/upstream.err" &
  upstream=$!
  for _ in $(seq 1 600); do
    [ -s "$work/upstream.ports" ] && break
    kill -0 "$upstream" 2>/dev/null || break
    sleep 0.05
  done
  [ -s "$work/upstream.ports" ] || die "upstream server did not start: $(cat "$work/upstream.err")"
  read -r fast trickle slow <"$work/upstream.ports"
}

# Imports a file of pipes (one per line) as admin@localhost; prints "id title url" lines.
import_pipes() {
  "$java" -jar target/sluice.jar import --public "$1" >"$1.imported" 2>"$1.err" \
    || die "import of $(wc -l <"$1") pipes failed: $(head -5 "$1.err")"
  cat "$1.imported"
}

# Starts the server with the given JVM options and waits for /readyz.
start_server() {
  # SERVER_JVM_OPTS: extra JVM flags for the server (e.g. a JFR recording while profiling).
  # shellcheck disable=SC2086
  "$java" ${SERVER_JVM_OPTS:-} "$@" -jar target/sluice.jar serve >>"$work/server.log" 2>&1 &
  server=$!
  # live_ms / ready_ms: from launch to the first answer of /healthz and of /readyz.
  local began; began=$(date +%s%N); live_ms=""
  while [ $((($(date +%s%N) - began) / 1000000)) -lt 60000 ]; do
    [ -z "$live_ms" ] && curl -fsS "$base/healthz" >/dev/null 2>&1 && live_ms=$((($(date +%s%N) - began) / 1000000))
    curl -fsS "$base/readyz" >/dev/null 2>&1 && { ready_ms=$((($(date +%s%N) - began) / 1000000)); return; }
    kill -0 "$server" 2>/dev/null || { tail -20 "$work/server.log" >&2; die "server exited during start-up"; }
    sleep 0.02
  done
  die "server not ready within 60 s"
}

# nginx serving the files of a directory on a free loopback port (sets nginx, nginx_base): the
# limit a cached feed can be held to, measured on the same bytes with the same load tool.
start_nginx() {
  local root=$1 nport; nport=$(free_port)
  mkdir -p "$work/nginx"
  cat >"$work/nginx/nginx.conf" <<CONF
daemon off;
user root;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  types { application/rss+xml xml; }
  server { listen 127.0.0.1:$nport; root $root; }
}
CONF
  nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" 2>>"$work/nginx/error.log" &
  nginx=$!
  nginx_base="http://127.0.0.1:$nport"
  for _ in $(seq 1 200); do
    # up once it answers at all (a 403 or 404 for the directory is fine)
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$nginx_base/" 2>/dev/null)" != 000 ] && return
    kill -0 "$nginx" 2>/dev/null || { cat "$work/nginx/error.log" >&2; die "nginx exited during start-up"; }
    sleep 0.05
  done
  die "nginx did not start"
}

# A page to measure next to feeds: the public gallery if there is one, a pipe's page, else /login.
page_url() {
  local id=$1 path
  for path in /pipes "/pipe/$id" /login; do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" = 200 ]; then echo "$base$path"; return; fi
  done
  die "no page answers 200 (tried /pipes, /pipe/$id, /login)"
}

# Fetches a URL once and fails unless it answers 200 with the expected number of <item>s.
expect_items() {
  local url=$1 want=$2 got
  got=$(curl -fsS --max-time 30 "$url" | grep -o '<item>' | wc -l) || die "GET $url failed"
  [ "$got" = "$want" ] || die "GET $url gave $got items, expected $want"
}

# wrk's summary as "rps p50_ms p99_ms requests non2xx errors" (latencies converted to ms).
wrk_figures() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; if (v ~ /s$/) return v * 1000; return v }
    /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /requests in/ { reqs = $1 } /Requests\/sec:/ { rps = $2 }
    /Non-2xx or 3xx responses:/ { bad = $4 }
    /Socket errors:/ { errs = $4 + $6 + $8 + $10 }
    END { printf "%.0f %.2f %.2f %d %d %d\n", rps, p50, p99, reqs, bad, errs }' "$1"
}

# Runs wrk and prints its figures; the full output is kept next to the data for reading.
run_wrk() {
  local out=$1; shift
  wrk "$@" >"$out" 2>&1 || { cat "$out" >&2; die "wrk $* failed"; }
  wrk_figures "$out"
}

result() { # figure, value, bar, verdict
  printf '| %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" >>"$results"
  say "$1: $2 (bar: $3) $4"
}
verdict() { if python3 -c "import sys; sys.exit(0 if $1 else 1)"; then echo ok; else echo MISSED; fi; }

