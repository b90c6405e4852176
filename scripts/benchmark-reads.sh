#!/usr/bin/env bash
# The reads users wait for on a large store (docs/benchmarks.md, "Reads at scale"): builds the server and the
# harness, then runs ReadsBenchmark on its own database (BENCH_DB, default letterdesk_bench_reads) of the PostgreSQL
# at 127.0.0.1:5432. It bulk-loads BENCH_READS_EVENTS events (30 000 000; BENCH_LOAD_MINUTES bounds the loading),
# registers BENCH_READS_OPEN_LETTERS (3000) open letters over HTTP, and measures the register's export (CSV, XLSX),
# its search, the monthly quality analysis, the busiest department's work list and sender files, each next to raw
# SQL. BENCH_READS_REUSE=1 keeps a store an earlier run loaded; BENCH_READS_LOAD_ONLY=1 only loads;
# BENCH_READS_REBUILD_RUNS=n then rebuilds every read model n times next to a raw scan of the events;
# BENCH_READS_REBUILD_ONLY=1 skips the reads and only rebuilds (its own section of docs/benchmarks.md).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/benchmark-common.sh
bench_build
bench_require_postgres
export BENCH_DB="${BENCH_DB:-letterdesk_bench_reads}"
export BENCH_LOAD_MINUTES="${BENCH_LOAD_MINUTES:-60}"
bench_run ReadsBenchmark "${BENCH_HARNESS_HEAP:-3g}"
