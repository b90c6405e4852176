#!/usr/bin/env bash
# The reliability suite (docs/reliability.md): builds the server, then runs the scenarios named (default: all) as
# child processes on this machine, loopback only. Needs java, python3, psql, pgrep, and for `nodes` and `rebuild`
# the local PostgreSQL at 127.0.0.1:5432 with trust for postgres (databases letterdesk_reliability_* and
# letterdesk_rebuild_* are created and dropped). Not part of the unit test run. Results: target/reliability/*.json.
#   scripts/reliability/run.sh crash --kills 6 --interval 25
#   scripts/reliability/run.sh rebuild --events 1000000
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${RELIABILITY_SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -pl app -am package -DskipTests
fi
mkdir -p target/reliability
cd scripts/reliability
exec python3 suite.py "${1:-all}" "${@:2}"
