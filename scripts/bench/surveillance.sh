#!/usr/bin/env bash
# Surveillance benchmark: import throughput of the NFLIS file and detector run time over every
# state x substance x year series of it (first identification + each detector as the rising rule).
# Uses the release build of `accord`; prints one line per step (median of RUNS runs, wall clock).
#
#   scripts/bench/surveillance.sh [NFLIS_CSV] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/../.."
nflis="${1:-Tests/SurveillanceTests/Resources/nflis_fentanyl_reports_by_state_year.csv}"
runs="${2:-5}"
swift build -c release --product accord >/dev/null
accord="$(swift build -c release --show-bin-path)/accord"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc -l; }

records=$(python3 -c 'import csv,sys; print(sum(1 for _ in csv.DictReader(open(sys.argv[1]))))' "$nflis")
import_times=$(for _ in $(seq "$runs"); do rm -rf "$work/d"; seconds "$accord" surveil import nflis "$nflis" --data "$work/d"; done | median)
printf 'import nflis: %d records in %.3f s (%.0f records/s, includes writing the archive and process start)\n' \
  "$records" "$import_times" "$(echo "$records / $import_times" | bc -l)"

series=$("$accord" surveil series --data "$work/d" --source nflis --format csv | wc -l)
groups=$(python3 -c 'import csv,sys; print(len({(r["STATE"], r["BASE_DESCRIPTION"].strip()) for r in csv.DictReader(open(sys.argv[1]))}))' "$nflis")
printf 'series: %d state x base-substance series of %d years each\n' "$groups" "$((series - 1))"

baseline=$(for _ in $(seq "$runs"); do seconds "$accord" surveil alerts --data "$work/d" --kind first_identification; done | median)
printf 'alerts, first identification only (load, group, rule): %.3f s\n' "$baseline"
for spec in "ears-c1 --param baseline=3 --param minSigma=1" "ears-c2 --param baseline=3 --param minSigma=1" \
            "ears-c3 --param baseline=3 --param minSigma=1" "cusum --param first=8" \
            "farrington --param b=5 --param w=0"; do
  # shellcheck disable=SC2086
  t=$(for _ in $(seq "$runs"); do seconds "$accord" surveil alerts --data "$work/d" --kind rising --method $spec; done | median)
  printf 'alerts with %-45s %.3f s (%.3f s more than loading and grouping)\n' "$spec:" "$t" "$(echo "$t - $baseline" | bc -l)"
done
