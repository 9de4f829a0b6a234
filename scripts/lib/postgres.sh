# Sourced by scripts/test and scripts/bench/load.sh: starts a throw-away PostgreSQL server on 127.0.0.1 and
# exports ACCORD_TEST_POSTGRES_URL (a URL to its `postgres` database). Does nothing if the variable is set.
#
# PostgreSQL is installed with apt-get when missing (as root). The cluster lives in a temporary directory
# owned by the `postgres` user when run as root (PostgreSQL refuses to run as root), listens on a free port,
# and is stopped and deleted by `accord_stop_postgres` (callers trap it on EXIT).

accord_pg_bin() {
    local name=$1
    if command -v "$name" >/dev/null 2>&1; then command -v "$name"; return; fi
    ls -d /usr/lib/postgresql/*/bin/"$name" 2>/dev/null | sort -V | tail -1
}

accord_start_postgres() {
    [[ -n "${ACCORD_TEST_POSTGRES_URL:-}" ]] && return 0
    if [[ -z "$(accord_pg_bin initdb)" ]]; then
        if [[ $(id -u) -eq 0 ]]; then
            echo "installing PostgreSQL (apt-get)" >&2
            apt-get update -qq >&2
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
        else
            echo "PostgreSQL (initdb) is not installed and this is not root; install the 'postgresql' package or set ACCORD_TEST_POSTGRES_URL" >&2
            return 1
        fi
    fi
    local initdb pg_ctl port
    initdb=$(accord_pg_bin initdb)
    pg_ctl=$(accord_pg_bin pg_ctl)
    ACCORD_PGDIR=$(mktemp -d /tmp/accord-pg.XXXXXX)
    ACCORD_PG_RUN=()
    if [[ $(id -u) -eq 0 ]]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql postgres
        chown postgres "$ACCORD_PGDIR"
        ACCORD_PG_RUN=(runuser -u postgres --)
    fi
    ACCORD_PG_CTL=$pg_ctl
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    "${ACCORD_PG_RUN[@]}" "$initdb" -D "$ACCORD_PGDIR/data" -U accord --auth=trust --encoding=UTF8 --locale=C >"$ACCORD_PGDIR/initdb.log" 2>&1 \
        || { cat "$ACCORD_PGDIR/initdb.log" >&2; return 1; }
    "${ACCORD_PG_RUN[@]}" "$pg_ctl" -D "$ACCORD_PGDIR/data" -l "$ACCORD_PGDIR/server.log" -w \
        -o "-p $port -k $ACCORD_PGDIR -c listen_addresses=127.0.0.1 -c max_connections=200 ${ACCORD_PG_OPTIONS:-}" start >/dev/null \
        || { cat "$ACCORD_PGDIR/server.log" >&2; return 1; }
    export ACCORD_TEST_POSTGRES_URL="postgres://accord@127.0.0.1:$port/postgres"
    echo "PostgreSQL $("$initdb" --version | sed 's/.*) //') on 127.0.0.1:$port" >&2
}

accord_stop_postgres() {
    if [[ -n "${ACCORD_PGDIR:-}" ]]; then
        "${ACCORD_PG_RUN[@]}" "$ACCORD_PG_CTL" -D "$ACCORD_PGDIR/data" -m immediate stop >/dev/null 2>&1 || true
        rm -rf "$ACCORD_PGDIR"
    fi
}
