# Sourced by the benchmark scripts (from the project root): the build, the PostgreSQL they measure on, and the
# harness's start.

# Builds the server and the harness, unless BENCH_SKIP_BUILD=1 (the jars of an earlier build are then used).
bench_build() {
  if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
    echo "== Building the server and the benchmark harness"
    ./mvnw -B -q -pl app -am package -DskipTests
    ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests
  fi
}

# Makes sure a PostgreSQL answers at BENCH_PG_HOST:BENCH_PG_PORT (127.0.0.1:5432), starting the local clusters if
# they are stopped; exits otherwise. Sets PG_HOST and PG_PORT.
bench_require_postgres() {
  PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
  PG_PORT="${BENCH_PG_PORT:-5432}"
  if ! pg_isready -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      echo "== Starting the local PostgreSQL"
      for version in $(ls /etc/postgresql); do
        pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
      done
    fi
    for _ in $(seq 1 30); do pg_isready -h "$PG_HOST" -p "$PG_PORT" >/dev/null 2>&1 && break; sleep 1; done
  fi
  pg_isready -h "$PG_HOST" -p "$PG_PORT" >/dev/null || { echo "No PostgreSQL answers at $PG_HOST:$PG_PORT" >&2; exit 1; }
}

# Replaces the shell with the harness's main class $1 (in org.letterdesk.bench), heap $2.
bench_run() {
  exec java "-Xmx$2" -cp "benchmarks/target/benchmarks-0.1.0-SNAPSHOT.jar:benchmarks/target/lib/*" \
    "org.letterdesk.bench.$1" "$PWD"
}
