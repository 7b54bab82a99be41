#!/bin/sh
# Run a command against a throwaway PostgreSQL cluster, stopped and removed whatever happens.
#   with-postgres.sh pytest ...
# The cluster lives in a temporary folder, listens on 127.0.0.1 on a free port, and the
# command gets DATABASE_URL pointing at it. As root the cluster runs as `postgres`,
# since initdb refuses to run as root.
set -eu

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$bindir" ]; then
    echo "PostgreSQL is not installed (Debian package postgresql)." >&2
    exit 1
fi

datadir="$(mktemp -d /tmp/smh-postgres.XXXXXX)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"

as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

cleanup() {
    as_owner "$bindir/pg_ctl" -D "$datadir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$datadir"
}
trap cleanup EXIT INT TERM

if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$datadir"
fi
as_owner "$bindir/initdb" -D "$datadir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_owner "$bindir/pg_ctl" -D "$datadir/data" -l "$datadir/server.log" -w \
    -o "-p $port -k $datadir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null

export DATABASE_URL="postgres://postgres@127.0.0.1:$port/safe_migration_hub"
"$@"
