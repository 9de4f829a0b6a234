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

source scripts/lib/bench_server.sh

run_database() {
    local name=$1; shift
    local db=("$@")
    bench_start_server "$name" "${db[@]}"
    local key=$BENCH_KEY url=$BENCH_URL
    python3 scripts/bench/structure_search.py "$url" "$key" "$SMILES" "$COUNT" "$RUNS" | sed "s/^{/{\"database\":\"$name\",/"
    bench_stop_server
}

run_database sqlite --data "$WORK/sqlite"
run_database postgresql --database-url "$(bench_postgres_url accord_search_bench)"
