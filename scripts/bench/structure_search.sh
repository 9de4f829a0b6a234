#!/usr/bin/env bash
# Structure search benchmark of the exchange server on loopback, for SQLite and PostgreSQL: stores N seizures
# with one structure each (ChEMBL molecules of the fingerprint tests), then times substructure and similarity
# searches over them through the API (scripts/bench/structure_search.py: wall clock per request, median and
# p90 of RUNS requests after one warm-up). Builds accord in release mode; starts a throw-away PostgreSQL
# (scripts/lib/postgres.sh). Prints one JSON line per measurement.
#
# Usage: scripts/bench/structure_search.sh [N=3000] [RUNS=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT=${1:-3000}
RUNS=${2:-20}
SMILES=Tests/ChemistryTests/Resources/Fingerprints/morgan_first_5K.tsv
swift build -c release --product accord >&2
ACCORD="$(swift build -c release --show-bin-path)/accord"

source scripts/lib/postgres.sh
WORK=$(mktemp -d /tmp/accord-search-bench.XXXXXX)
SERVER_PID=""
cleanup() {
    [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
    accord_stop_postgres
    rm -rf "$WORK"
}
trap cleanup EXIT
accord_start_postgres

json_field() { python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['$1'])"; }

run_database() {
    local name=$1; shift
    local db=("$@")
    local key url
    key=$("$ACCORD" admin init "${db[@]}" --agency "Bench Agency" --country US | json_field api_key)
    "$ACCORD" serve "${db[@]}" --port 0 >"$WORK/$name.out" 2>"$WORK/$name.err" &
    SERVER_PID=$!
    for _ in $(seq 100); do [[ -s "$WORK/$name.out" ]] && break; sleep 0.1; done
    url=$(json_field listening <"$WORK/$name.out")
    python3 scripts/bench/structure_search.py "$url" "$key" "$SMILES" "$COUNT" "$RUNS" | sed "s/^{/{\"database\":\"$name\",/"
    kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

run_database sqlite --data "$WORK/sqlite"
BENCH_DB="accord_search_bench_$$"
psql "$ACCORD_TEST_POSTGRES_URL" -q -c "CREATE DATABASE $BENCH_DB" >&2
run_database postgresql --database-url "${ACCORD_TEST_POSTGRES_URL%/postgres}/$BENCH_DB"
