#!/usr/bin/env bash
# Surveillance benchmark, on SQLite and on a throw-away PostgreSQL (scripts/lib/postgres.sh):
# - import throughput of the NFLIS file into the exchange's database (a fresh database: every identity added),
#   and of re-importing it (every identity replaced);
# - alerts over every state x substance x year series of it (first identification, then each detector as the
#   rising rule), as `accord surveil alerts` (process start, loading, name mapping, detectors, statuses);
# - the HTTP endpoints of `accord serve`: GET /api/v1/surveillance/alerts and a class series.
# Uses the release build of `accord`; prints one line per step (median of RUNS runs, wall clock).
#
#   scripts/bench/surveillance.sh [NFLIS_CSV] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
nflis="${1:-Tests/SurveillanceTests/Resources/nflis_fentanyl_reports_by_state_year.csv}"
runs="${2:-5}"
swift build -c release --product accord >/dev/null
accord="$(swift build -c release --show-bin-path)/accord"
source scripts/lib/postgres.sh
work="$(mktemp -d)"
server_pid=""
cleanup() {
    [[ -n "$server_pid" ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
    accord_stop_postgres
    rm -rf "$work"
}
trap cleanup EXIT
accord_start_postgres

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
json_field() { python3 -c "import json,sys; print(json.loads(sys.stdin.readline())['$1'])"; }

records=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))' "$nflis")
groups=$(python3 -c 'import csv,sys; print(len({(r["STATE"], r["BASE_DESCRIPTION"].strip()) for r in csv.DictReader(open(sys.argv[1]))}))' "$nflis")
echo "NFLIS: $records records, $groups state x base-substance series"

# fresh_database NAME RUN: prints the database arguments of a new, empty database.
fresh_database() {
    if [[ $1 == sqlite ]]; then
        echo "--data $work/sqlite-$2"
    else
        psql "$ACCORD_TEST_POSTGRES_URL" -q -c "CREATE DATABASE bench_surveil_$2" >&2
        echo "--database-url ${ACCORD_TEST_POSTGRES_URL%/postgres}/bench_surveil_$2"
    fi
}

for database in sqlite postgresql; do
    # shellcheck disable=SC2046
    first=$(for run in $(seq "$runs"); do seconds "$accord" surveil import nflis "$nflis" $(fresh_database "$database" "$run"); done | median)
    read -r -a db <<<"$(fresh_database "$database" 0)"
    "$accord" surveil import nflis "$nflis" "${db[@]}" >/dev/null 2>&1
    again=$(for _ in $(seq "$runs"); do seconds "$accord" surveil import nflis "$nflis" "${db[@]}"; done | median)
    printf '%s: import nflis into a new database %.3f s (%.0f records/s); re-import (all replaced) %.3f s (%.0f records/s); process start included\n' \
        "$database" "$first" "$(echo "$records / $first" | bc -l)" "$again" "$(echo "$records / $again" | bc -l)"

    baseline=$(for _ in $(seq "$runs"); do seconds "$accord" surveil alerts "${db[@]}" --kind first_identification; done | median)
    printf '%s: alerts, first identification only (load, map names, group, rule, statuses): %.3f s\n' "$database" "$baseline"
    for spec in "ears-c1 --param baseline=3 --param minSigma=1" "ears-c2 --param baseline=3 --param minSigma=1" \
                "ears-c3 --param baseline=3 --param minSigma=1" "cusum --param first=8" \
                "farrington --param b=5 --param w=0"; do
        # shellcheck disable=SC2086
        t=$(for _ in $(seq "$runs"); do seconds "$accord" surveil alerts "${db[@]}" --kind rising --method $spec; done | median)
        printf '%s: alerts with %-45s %.3f s (%.3f s more than first identification)\n' "$database" "$spec:" "$t" "$(echo "$t - $baseline" | bc -l)"
    done

    key=$("$accord" admin init "${db[@]}" --agency "Bench Agency" --country US | json_field api_key)
    "$accord" serve "${db[@]}" --port 0 >"$work/$database.out" 2>"$work/$database.err" &
    server_pid=$!
    for _ in $(seq 100); do [[ -s "$work/$database.out" ]] && break; sleep 0.1; done
    url=$(json_field listening <"$work/$database.out")
    for path in "/api/v1/surveillance/alerts?limit=200" "/api/v1/surveillance/series?source=nflis&class=us-frs"; do
        t=$(for _ in $(seq "$runs"); do curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $key" "$url$path"; done | median)
        printf '%s: GET %-55s %.3f s\n' "$database" "$path" "$t"
    done
    kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""
done
