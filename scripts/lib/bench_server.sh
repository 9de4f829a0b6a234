# Shared set-up of the loopback server benchmarks (scripts/bench/*.sh); source it after `cd` to the repository
# root with ACCORD set to the release binary. It makes WORK (a temporary folder), starts a throw-away
# PostgreSQL (scripts/lib/postgres.sh) and removes both, and any server still running, on exit.
#
#   bench_start_server NAME DB_ARGS...  creates the first agency, starts `accord serve` on a free port, and sets
#                                       BENCH_KEY (its API key), BENCH_URL and SERVER_PID
#   bench_stop_server                   stops it
#   bench_postgres_url NAME             creates a fresh database on the throw-away server and prints its URL
#   json_field FIELD                    one field of the JSON line on standard input

source scripts/lib/postgres.sh
WORK=$(mktemp -d /tmp/accord-bench.XXXXXX)
SERVER_PID=""
bench_cleanup() {
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    accord_stop_postgres
    rm -rf "$WORK"
}
trap bench_cleanup EXIT
accord_start_postgres

json_field() { python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['$1'])"; }

bench_start_server() {
    local name=$1; shift
    BENCH_KEY=$("$ACCORD" admin init "$@" --agency "Bench Agency" --country US | json_field api_key)
    "$ACCORD" serve "$@" --port 0 >"$WORK/$name.out" 2>"$WORK/$name.err" &
    SERVER_PID=$!
    for _ in $(seq 100); do [[ -s "$WORK/$name.out" ]] && break; sleep 0.1; done
    BENCH_URL=$(json_field listening <"$WORK/$name.out")
}

bench_stop_server() {
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

bench_postgres_url() {
    local database="$1_$$"
    psql "$ACCORD_TEST_POSTGRES_URL" -q -c "CREATE DATABASE $database" >&2
    echo "${ACCORD_TEST_POSTGRES_URL%/postgres}/$database"
}
