#!/usr/bin/env bash
# E-mail rates (docs/benchmarks.md, "E-mail"): builds the server and the harness, then runs MailBenchmark, which
# needs no PostgreSQL or mail server installed (the server uses its embedded PostgreSQL in a fresh temporary
# directory; the harness holds the mail server). BENCH_MAIL_LETTERS (default 1000) mails per round,
# BENCH_MAIL_ROUNDS (default 3) rounds, BENCH_MAIL_WARM=0 leaves out the second (warm) intake of each round.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib/benchmark-common.sh
bench_build
exec java -cp "benchmarks/target/classes:benchmarks/target/lib/*" org.letterdesk.bench.MailBenchmark "$PWD"
