#!/usr/bin/env bash
# Runs the whole benchmark (docs/benchmarks.md): builds the server and the harness, makes sure the local
# PostgreSQL at 127.0.0.1:5432 runs, then lets the harness create a fresh database, start and stop the server
# as a child process, measure every figure next to its raw baseline, compare the app with the framework floor and
# with Request Tracker 5 (set up by scripts/benchmark-rt.sh), and write the results into docs/benchmarks.md. Knobs
# are environment variables (BENCH_QUICK=1 for a smoke run of a few minutes, BENCH_COMPARISONS_ONLY=1 for the
# comparisons alone, BENCH_RT=0 without RT).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/benchmark-common.sh

bench_build
bench_require_postgres

case "${BENCH_RT:-1}" in
  0|false|no) ;;
  *)
    if [ "${BENCH_COMMANDS_ONLY:-0}" != 1 ]; then
      echo "== Setting up Request Tracker 5, the peer (scripts/benchmark-rt.sh; BENCH_RT=0 to leave it out)"
      BENCH_PG_HOST="$PG_HOST" BENCH_PG_PORT="$PG_PORT" scripts/benchmark-rt.sh setup
    fi
    ;;
esac

echo "== Running the benchmark"
bench_run Benchmark "${BENCH_HARNESS_HEAP:-3g}"
