#!/usr/bin/env bash
# Starts (or stops) a private, throw-away PostgreSQL instance for the test suites.
#   etc/scripts/postgres.sh start   -> prints nothing on success; server on 127.0.0.1:$REGENTRA_PG_PORT (default 55432)
#   etc/scripts/postgres.sh stop
# Installs Debian's postgresql package when no server binaries are present. The data directory lives under
# /tmp and is tuned for speed (fsync off): never point this at data you want to keep.
set -euo pipefail

port="${REGENTRA_PG_PORT:-55432}"
data="${REGENTRA_PG_DATA:-/tmp/regentra-pg-$port}"
action="${1:-start}"

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

bin="$(find_bin)"
if [[ -z "$bin" ]]; then
  if [[ "$action" == "stop" ]]; then exit 0; fi
  echo "PostgreSQL is not installed; installing Debian's postgresql package..." >&2
  if [[ $(id -u) -ne 0 ]]; then echo "Need root (or sudo) to install PostgreSQL with apt-get." >&2; exit 1; fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
  [[ -n "$bin" ]] || { echo "PostgreSQL installation did not provide server binaries." >&2; exit 1; }
fi

# PostgreSQL refuses to run as root; use the postgres account the package creates.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    if "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then exit 0; fi
    if [[ ! -f "$data/PG_VERSION" ]]; then
      mkdir -p "$data"
      [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$data"
      as_owner "$bin/initdb" -D "$data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >/dev/null
    fi
    as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null \
      || { echo "PostgreSQL did not start; its log follows:" >&2; tail -n 50 "$data/server.log" >&2; exit 1; }
    ;;
  stop)
    if [[ -f "$data/postmaster.pid" ]]; then as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null; fi
    ;;
  *)
    echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
