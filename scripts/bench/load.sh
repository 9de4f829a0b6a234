#!/usr/bin/env bash
# Load benchmark of the exchange server on loopback, for SQLite and PostgreSQL:
#   1. sustained seizure ingestion: wrk POSTs seizures as fast as the server takes them (16 connections);
#   2. read latency at a fixed rate: wrk GETs one seizure, then a 20-item listing page, at RATE requests/s.
# Prints one JSON line per measurement on standard output. Builds accord in release mode, installs wrk with
# apt-get when missing (as root), and starts a throw-away PostgreSQL (scripts/lib/postgres.sh) with default
# durability settings (fsync on). Traffic goes to 127.0.0.1 only; every run is bounded by DURATION.
#
# Usage: scripts/bench/load.sh [DURATION_SECONDS=15] [RATE=200]
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${1:-15}
RATE=${2:-200}
CONNECTIONS=16
export ACCORD_BENCH_DIR=$PWD/scripts/bench

if ! command -v wrk >/dev/null; then
    [[ $(id -u) -eq 0 ]] || { echo "wrk is not installed; install the Debian package 'wrk'" >&2; exit 1; }
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >&2
fi
swift build -c release --product accord >&2
ACCORD="$(swift build -c release --show-bin-path)/accord"

source scripts/lib/bench_server.sh

run_database() {
    local name=$1; shift
    local db=("$@")
    bench_start_server "$name" "${db[@]}"
    local key=$BENCH_KEY url=$BENCH_URL
    export ACCORD_KEY=$key ACCORD_RATE=$RATE ACCORD_CONNECTIONS=$CONNECTIONS

    local result
    result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s scripts/bench/post_seizure.lua "$url/api/v1/seizures" | tail -1)
    echo "{\"database\":\"$name\",\"measure\":\"ingest POST /api/v1/seizures (saturation, $CONNECTIONS connections)\",\"result\":$result}"

    local id
    id=$(curl -s -H "Authorization: Bearer $key" "$url/api/v1/seizures?limit=1" | python3 -c "import json,sys; print(json.load(sys.stdin)['items'][0]['id'])")
    for path in "/api/v1/seizures/$id" "/api/v1/seizures?limit=20"; do
        export ACCORD_PATH=$path
        result=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s scripts/bench/get_fixed_rate.lua "$url" | tail -1)
        echo "{\"database\":\"$name\",\"measure\":\"GET ${path/$id/{id\}} at $RATE/s\",\"result\":$result}"
    done
    bench_stop_server
    local audit
    audit=$("$ACCORD" audit verify "${db[@]}")
    echo "{\"database\":\"$name\",\"measure\":\"audit verify after the run\",\"result\":$audit}"
}

run_database sqlite --data "$WORK/sqlite"
run_database postgresql --database-url "$(bench_postgres_url accord_bench)"
