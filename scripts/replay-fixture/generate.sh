#!/usr/bin/env bash
# Writes the replay-compatibility fixture (app/src/test/resources/replay/*.json) with a given build of Letterdesk:
# starts its executable jar on a throw-away embedded PostgreSQL under a clock set back to 2005 (libfaketime, Debian
# package `faketime`; every letter then falls in register year 2005, which no test uses, and its deadlines are
# met or missed as the scenario times them), walks the scenario, lets the projection settle and dumps the store and
# the read models. ReplayCompatibilityTest replays that store with the current code and compares.
# Usage: scripts/replay-fixture/generate.sh <app jar> <output json>
set -euo pipefail
jar=$1 out=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
port=18080 pgport=15499
days_back=$(( ( $(date +%s) - $(date -d 2005-03-01 +%s) ) / 86400 ))
export FAKETIME="-${days_back}d" LD_PRELOAD=/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1
java -jar "$jar" --server.port=$port --letterdesk.embedded-db.data-dir="$work/pg" \
  --letterdesk.embedded-db.port=$pgport >"$work/app.log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; rm -rf "$work"' EXIT
until curl -sf "http://localhost:$port/actuator/health" >/dev/null; do sleep 2; done
python3 "$here/scenario.py" "http://localhost:$port"
sleep 5 # the projection settles
unset LD_PRELOAD
psql -h 127.0.0.1 -p $pgport -U postgres -d postgres -Atq -f "$here/dump.sql" >"$out"
echo "wrote $out"
