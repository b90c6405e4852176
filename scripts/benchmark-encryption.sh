#!/usr/bin/env bash
# Cost of encrypting personal data (docs/benchmarks.md, "Personal-data encryption"): builds the server and the
# harness, then runs EncryptionBenchmark, which measures registrations at 1 and 16 clients against the packaged
# server started with letterdesk.personal-data.encryption on and then off, in one run on its own database
# (BENCH_DB, default letterdesk_bench_encryption) of the PostgreSQL at 127.0.0.1:5432, BENCH_RUNS rounds (3).
# BENCH_SERVER_WARMUP_S (45) seconds of unmeasured registrations warm each server up.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl app -am package -DskipTests
  ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
fi
PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${BENCH_PG_PORT:-5432}"
pg_isready -h "$PG_HOST" -p "$PG_PORT" >/dev/null || { echo "No PostgreSQL answers at $PG_HOST:$PG_PORT" >&2; exit 1; }
export BENCH_DB="${BENCH_DB:-letterdesk_bench_encryption}"
export BENCH_SERVER_WARMUP_S="${BENCH_SERVER_WARMUP_S:-45}"
exec java -Xmx${BENCH_HARNESS_HEAP:-1g} \
  -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
  org.letterdesk.bench.EncryptionBenchmark "$PWD"
