#!/usr/bin/env bash
# Starts a throwaway PostgreSQL from Debian's packages for the tests: as an
# unprivileged user, in a temporary directory, listening on loopback only.
# Source it: `. scripts/postgres.sh && start_postgres`; it exports
# BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING, which
# @backstage/backend-test-utils' TestDatabases picks up, and stops the server
# on `stop_postgres` (call it from a trap).

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

start_postgres() {
  if [ -z "$(pg_bin)" ]; then
    echo "postgres: installing Debian's postgresql" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq postgresql >/dev/null
  fi
  local bin major
  bin="$(pg_bin)"
  major="$(basename "$(dirname "$bin")")"
  PG_DIR="$(mktemp -d /tmp/backups-pg.XXXXXX)"
  PG_PORT="${PG_PORT:-$(( 55000 + RANDOM % 5000 ))}"
  # PostgreSQL refuses to run as root: use nobody, who owns only this directory.
  local as=()
  if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG_DIR"
    as=(runuser -u nobody --)
  fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >"$PG_DIR/initdb.log" 2>&1 || {
    cat "$PG_DIR/initdb.log" >&2
    return 1
  }
  "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null || {
    cat "$PG_DIR/server.log" >&2
    return 1
  }
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop)
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${major}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:$PG_PORT"
  echo "postgres: PostgreSQL $major on 127.0.0.1:$PG_PORT" >&2
}

stop_postgres() {
  if [ -n "${PG_DIR:-}" ]; then
    "${PG_STOP[@]}" >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=
  fi
}
