#!/usr/bin/env bash
# The console's screens in a real browser on a 1 M-event store (docs/benchmarks.md, "Console screens"): builds the
# server and the harness, then runs ConsoleBenchmark on its own database (BENCH_DB, default
# letterdesk_bench_console) of the PostgreSQL at 127.0.0.1:5432. It bulk-loads BENCH_CONSOLE_EVENTS events (1 000 000),
# starts the packaged server, loads the screens in turn unmeasured for BENCH_CONSOLE_SERVER_WARMUP_S (60) seconds to
# warm it up, and opens every screen in headless Chromium as the user whose role it serves:
# BENCH_CONSOLE_WARMUP_LOADS (5) unmeasured and BENCH_CONSOLE_LOADS (20) measured page loads per screen and run,
# BENCH_RUNS (3) runs. BENCH_CONSOLE_REUSE=1 measures a store an earlier run loaded into BENCH_DB instead (e.g. the
# reads benchmark's 30 M store: BENCH_DB=letterdesk_bench_reads BENCH_CONSOLE_EVENTS=30000000); there the quality
# screen opens at the last whole month the store's letters fill when they end before last month.
# BENCH_CONSOLE_ONLY=quality,work measures only the screens whose routes start so. Needs Debian's chromium and
# chromium-driver.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver" >&2
  exit 1
fi
. scripts/lib/benchmark-common.sh
bench_build
bench_require_postgres
export BENCH_DB="${BENCH_DB:-letterdesk_bench_console}"
bench_run ConsoleBenchmark "${BENCH_HARNESS_HEAP:-2g}"
