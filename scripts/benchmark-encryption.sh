#!/usr/bin/env bash
# Cost of encrypting personal data (docs/benchmarks.md, "Personal-data encryption"): builds the server and the
# harness, then runs EncryptionBenchmark, which measures registrations at 1 and 16 clients against the packaged
# server started with letterdesk.personal-data.encryption on and then off, in one run on its own database
# (BENCH_DB, default letterdesk_bench_encryption) of the PostgreSQL at 127.0.0.1:5432, BENCH_RUNS rounds (3).
# BENCH_SERVER_WARMUP_S (45) seconds of unmeasured registrations warm each server up.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/benchmark-common.sh
bench_build
bench_require_postgres
export BENCH_DB="${BENCH_DB:-letterdesk_bench_encryption}"
export BENCH_SERVER_WARMUP_S="${BENCH_SERVER_WARMUP_S:-45}"
bench_run EncryptionBenchmark "${BENCH_HARNESS_HEAP:-1g}"
