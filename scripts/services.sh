#!/usr/bin/env bash
# Starts (or stops) a throw-away PostgreSQL and Redis on loopback for the scale-out tests and
# benchmarks: Debian's `postgresql` and `redis-server` packages, data in a folder of the caller's,
# free ports chosen here. Nothing is installed; where a package is missing the script says so and
# exits with status 3, so callers can skip rather than fail.
#
# Usage:
#   scripts/services.sh start DIR   prints SLUICE_TEST_DATABASE_URL=... and SLUICE_TEST_REDIS_URL=...
#   scripts/services.sh stop DIR    stops both and leaves DIR for the caller to remove
# SERVICES_DURABLE=1 keeps PostgreSQL's fsync and synchronous commit on (benchmarks compare it
# with SQLite's durable writes); by default they are off, since tests hold throw-away data.
set -euo pipefail

cmd=${1:-}
dir=${2:-}
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

pg_bin() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] && [ -x "$found/pg_ctl" ] && echo "$found"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# PostgreSQL refuses to run as root; as root, run its tools as the package's `postgres` user.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  local bin redis
  bin=$(pg_bin) || { echo "services: PostgreSQL server not installed (apt-get install postgresql)" >&2; exit 3; }
  redis=$(command -v redis-server) || { echo "services: redis-server not installed (apt-get install redis-server)" >&2; exit 3; }
  mkdir -p "$dir/pg" "$dir/redis"
  [ "$(id -u)" = 0 ] && chown -R postgres "$dir/pg" && chmod 755 "$dir"

  local pg_port redis_port
  pg_port=$(free_port)
  as_pg "$bin/initdb" -D "$dir/pg/data" -U sluice --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/pg/initdb.log" 2>&1 \
    || { cat "$dir/pg/initdb.log" >&2; exit 1; }
  # Loopback only, no Unix socket directory to share, fsync off: these servers hold test data.
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${SERVICES_DURABLE:-}" = 1 ] && durability=""
  as_pg "$bin/pg_ctl" -D "$dir/pg/data" -l "$dir/pg/server.log" -w -t 30 \
    -o "-h 127.0.0.1 -p $pg_port -k '' $durability -c max_connections=200" \
    start >/dev/null || { cat "$dir/pg/server.log" >&2; exit 1; }
  as_pg "$bin/createdb" -h 127.0.0.1 -p "$pg_port" -U sluice sluice

  redis_port=$(free_port)
  "$redis" --bind 127.0.0.1 --port "$redis_port" --dir "$dir/redis" --save '' --appendonly no \
    --daemonize yes --pidfile "$dir/redis/redis.pid" --logfile "$dir/redis/redis.log"
  for _ in $(seq 1 100); do
    [ -s "$dir/redis/redis.pid" ] && redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break
    sleep 0.05
  done

  echo "SLUICE_TEST_DATABASE_URL=postgresql://sluice@127.0.0.1:$pg_port/sluice"
  echo "SLUICE_TEST_REDIS_URL=redis://127.0.0.1:$redis_port"
}

stop() {
  local bin
  if bin=$(pg_bin) && [ -d "$dir/pg/data" ]; then
    as_pg "$bin/pg_ctl" -D "$dir/pg/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ -s "$dir/redis/redis.pid" ]; then
    kill "$(cat "$dir/redis/redis.pid")" 2>/dev/null || true
  fi
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
