#!/usr/bin/env bash
# Source me: start a throwaway PostgreSQL server on 127.0.0.1 for the store tests and export
# WARLOG_TEST_PG_URL. Installs the Debian `postgresql` package when no server binaries are found.
# The cluster lives in a temp dir and is stopped and removed when the sourcing shell exits.
# Usage: source .ci/postgres.sh    (tests/store skip the PostgreSQL cases when WARLOG_TEST_PG_URL is unset)

_warlog_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

if [ -z "$(_warlog_pg_bin)" ]; then
  echo "postgres.sh: installing postgresql from Debian packages" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
WARLOG_PG_BIN="$(_warlog_pg_bin)"
[ -n "$WARLOG_PG_BIN" ] || { echo "postgres.sh: no PostgreSQL server binaries after install" >&2; return 1; }

WARLOG_PG_DIR="$(mktemp -d /tmp/warlog-pg.XXXXXX)"
WARLOG_PG_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
_warlog_pg_run() {  # initdb/pg_ctl refuse to run as root: use the postgres user then
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" -eq 0 ] && chown postgres "$WARLOG_PG_DIR"
_warlog_pg_run "$WARLOG_PG_BIN/initdb" -D "$WARLOG_PG_DIR/data" -U warlog -A trust -E UTF8 --no-sync >/dev/null
_warlog_pg_run "$WARLOG_PG_BIN/pg_ctl" -D "$WARLOG_PG_DIR/data" -l "$WARLOG_PG_DIR/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $WARLOG_PG_PORT -k $WARLOG_PG_DIR -c fsync=off" start >/dev/null
_warlog_pg_run "$WARLOG_PG_BIN/createdb" -h 127.0.0.1 -p "$WARLOG_PG_PORT" -U warlog warlog_test

_warlog_pg_stop() {
  _warlog_pg_run "$WARLOG_PG_BIN/pg_ctl" -D "$WARLOG_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WARLOG_PG_DIR"
}
trap _warlog_pg_stop EXIT

export WARLOG_TEST_PG_URL="postgresql://warlog@127.0.0.1:$WARLOG_PG_PORT/warlog_test"
echo "postgres.sh: PostgreSQL ready at $WARLOG_TEST_PG_URL" >&2
