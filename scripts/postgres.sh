#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests and for trying the back office on PostgreSQL.
#
#   bash scripts/postgres.sh start DIR   # makes DIR, starts a cluster in it, prints its URL (also in DIR/url)
#   bash scripts/postgres.sh stop DIR    # stops it and removes DIR
#
# The cluster listens on 127.0.0.1 only, on a free port, with trust authentication for local
# connections and a role `voucherdesk` that owns the database `voucherdesk` and may create more
# (each test makes a database of its own). PostgreSQL refuses to run as root: as root the cluster
# belongs to the `postgres` user (Debian's `postgresql` package makes it) and runs through runuser.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
    echo "usage: $0 start|stop DIR" >&2
    exit 64
fi

bindir() {
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
    if [ -z "$found" ] || [ ! -x "$found/initdb" ]; then
        echo "$0: PostgreSQL's server is not installed (Debian: apt-get install postgresql; scripts/install-deps.sh does)" >&2
        exit 69
    fi
    echo "$found"
}

# Runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    local port
    for _ in $(seq 1 100); do
        port=$((20000 + RANDOM % 30000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "$0: no free port found" >&2
    exit 70
}

start() {
    local bin port
    bin=$(bindir)
    if [ -f "$dir/url" ] && as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
        cat "$dir/url"   # already running (a fixture run twice)
        return
    fi
    rm -rf "$dir"
    mkdir -p "$dir/socket"
    [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 70; }
    port=$(free_port)
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/socket -c fsync=off -c max_connections=200" start >/dev/null \
        || { cat "$dir/data/server.log" >&2; exit 70; }
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
        -c "CREATE ROLE voucherdesk LOGIN CREATEDB" \
        -c "CREATE DATABASE voucherdesk OWNER voucherdesk ENCODING 'UTF8' TEMPLATE template0" >/dev/null
    echo "postgresql://voucherdesk@127.0.0.1:$port/voucherdesk" | as_owner tee "$dir/url.tmp" >/dev/null
    mv "$dir/url.tmp" "$dir/url"
    chmod a+r "$dir/url"
    cat "$dir/url"
}

stop() {
    local bin
    bin=$(bindir)
    if [ -d "$dir/data" ]; then
        as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

case "$command" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop DIR" >&2; exit 64 ;;
esac
