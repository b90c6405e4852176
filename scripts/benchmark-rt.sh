#!/usr/bin/env bash
# Request Tracker 5 (Debian's packages) as the benchmark's peer (docs/benchmarks.md, "A real peer"): installs it
# when missing, gives it a fresh database on the benchmark's PostgreSQL, a queue, a user with an auth token for
# REST2, and runs its standalone server (Starlet, prefork) on loopback. Nothing of RT is kept in the repository:
# its state (credentials, token, logs, pid) lives in BENCH_RT_STATE, under benchmarks/target by default.
#
#   scripts/benchmark-rt.sh setup   install if missing (apt-get), (re)create RT's database, queue, user and token
#   scripts/benchmark-rt.sh start   start the server (background) and wait until REST2 answers
#   scripts/benchmark-rt.sh stop    stop the server started by `start`
#   scripts/benchmark-rt.sh env     print the settings the harness reads (BENCH_RT_URL, BENCH_RT_TOKEN, ...)
#
# Knobs: BENCH_RT_PORT (18090), BENCH_RT_WORKERS (Starlet workers; default 2 × cores), BENCH_RT_DB (rt_bench),
# BENCH_RT_KEEP_DB=1 (setup keeps an initialised database instead of re-creating it), BENCH_PG_HOST/PORT/USER as
# for scripts/benchmark.sh. Needs root for the installation and the configuration file under /etc.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST="${BENCH_PG_HOST:-127.0.0.1}"
PG_PORT="${BENCH_PG_PORT:-5432}"
PG_USER="${BENCH_PG_USER:-postgres}"
RT_DB="${BENCH_RT_DB:-rt_bench}"
RT_PORT="${BENCH_RT_PORT:-18090}"
RT_WORKERS="${BENCH_RT_WORKERS:-$(( $(nproc) * 2 ))}"
STATE="${BENCH_RT_STATE:-$PWD/benchmarks/target/rt}"
RT_LIB=/usr/share/request-tracker5/lib
RT_SERVER=/usr/share/request-tracker5/libexec/rt-server
SITE_CONFIG=/etc/request-tracker5/RT_SiteConfig.d/90-letterdesk-benchmark.pm
QUEUE="Letterdesk benchmark"
RT_USER=bench
# w3m: RT's recommended HTML-to-text converter (without one RT warns at every start of a slower internal one).
PACKAGES=(request-tracker5 rt5-db-postgresql rt5-standalone w3m)

log() { printf '[rt] %s\n' "$*"; }
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres "$@"; }

installed() {
  local p
  for p in "$@"; do
    dpkg-query -W -f '${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' || return 1
  done
}

install_packages() {
  if installed "${PACKAGES[@]}"; then
    log "RT already installed: $(dpkg-query -W -f '${Version}' request-tracker5)"
    return
  fi
  [ "$(id -u)" = 0 ] || { echo "installing RT needs root (apt-get)" >&2; exit 1; }
  local started=$SECONDS extra=()
  # RT depends on a mail transport agent. Its mail gateway and notifications are not used here: when the machine
  # has none, take DragonFly's dma, which runs no daemon and listens on no port (so nothing can take the app's
  # embedded mail ports, 3025/3143, or accept mail from outside).
  if ! dpkg-query -W -f '${Provides}\n' 2>/dev/null | grep -qw mail-transport-agent; then
    extra+=(dma)
  fi
  # Answer the packages' questions up front: no dbconfig-common (this script creates the database itself, on the
  # benchmark's server), no cron jobs, the web server on loopback.
  debconf-set-selections <<EOF
request-tracker5 request-tracker5/dbconfig-install boolean false
request-tracker5 request-tracker5/install-cronjobs boolean false
request-tracker5 request-tracker5/handle-siteconfig-permissions boolean true
request-tracker5 request-tracker5/rtname string letterdesk-benchmark
request-tracker5 request-tracker5/organization string letterdesk-benchmark
request-tracker5 request-tracker5/webbaseurl string http://127.0.0.1:$RT_PORT
request-tracker5 request-tracker5/webpath string
request-tracker5 request-tracker5/correspondaddress string rt@localhost
request-tracker5 request-tracker5/commentaddress string rt-comment@localhost
dma dma/mailname string localhost
dma dma/relayhost string
EOF
  log "installing ${PACKAGES[*]} ${extra[*]} (apt-get)"
  mkdir -p "$STATE"
  if ! apt-cache policy request-tracker5 | grep 'Candidate: [0-9]' >/dev/null; then
    apt-get update -q
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" "${extra[@]}" \
    >"$STATE/apt-install.log" 2>&1 || { tail -30 "$STATE/apt-install.log" >&2; exit 1; }
  log "installed RT $(dpkg-query -W -f '${Version}' request-tracker5) in $((SECONDS - started)) s"
}

secret() {
  # Generated once per machine and kept in the state directory (never in the repository).
  local file="$STATE/$1"
  [ -s "$file" ] || { head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' >"$file"; chmod 600 "$file"; }
  cat "$file"
}

write_config() {
  local db_password
  db_password="$(secret db-password)"
  umask 027
  cat >"$SITE_CONFIG" <<EOF
# Written by scripts/benchmark-rt.sh (the Letterdesk benchmark's peer); loaded after Debian's snippets.
Set(\$rtname, 'letterdesk-benchmark');
Set(\$Organization, 'letterdesk-benchmark');
Set(\$DatabaseType, 'Pg');
Set(\$DatabaseHost, '$PG_HOST');
Set(\$DatabaseRTHost, '$PG_HOST');
Set(\$DatabasePort, '$PG_PORT');
Set(\$DatabaseName, '$RT_DB');
Set(\$DatabaseUser, '$RT_DB');
Set(\$DatabasePassword, '$db_password');
Set(\$DatabaseAdmin, '$PG_USER');
# Loopback only.
Set(\$WebDomain, '127.0.0.1');
Set(\$WebPort, $RT_PORT);
Set(\$WebPath, '');
Set(\$WebBaseURL, 'http://127.0.0.1:$RT_PORT');
Set(\$CanonicalizeRedirectURLs, 0);
# Warnings only, to standard error (the server's log in the state directory); no syslog.
Set(\$LogToSyslog, undef);
Set(\$LogToSTDERR, 'warning');
1;
EOF
  # The server runs as www-data and must read the whole configuration (Debian leaves RT_SiteConfig.pm root-only).
  chown root:www-data "$SITE_CONFIG" /etc/request-tracker5/RT_SiteConfig.pm
  chmod 640 "$SITE_CONFIG" /etc/request-tracker5/RT_SiteConfig.pm
  umask 022
}

database_initialised() {
  [ "$(psql_admin -tAc "SELECT 1 FROM pg_database WHERE datname = '$RT_DB'")" = 1 ] || return 1
  psql -X -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$RT_DB" -tAc "SELECT count(*) FROM queues" >/dev/null 2>&1
}

create_database() {
  if [ "${BENCH_RT_KEEP_DB:-0}" = 1 ] && database_initialised; then
    log "keeping the initialised database $RT_DB"
    return 1
  fi
  log "creating RT's database $RT_DB on $PG_HOST:$PG_PORT (rt-setup-database)"
  psql_admin -c "DROP DATABASE IF EXISTS $RT_DB WITH (FORCE)" -c "DROP ROLE IF EXISTS $RT_DB"
  local started=$SECONDS
  # RT makes its database, role, schema, grants and initial data (as the PostgreSQL superuser, trust on loopback).
  rt-setup-database-5 --action init --dba "$PG_USER" --dba-password '' \
    >"$STATE/setup-database.log" 2>&1 || { tail -30 "$STATE/setup-database.log" >&2; exit 1; }
  log "database initialised in $((SECONDS - started)) s"
  return 0
}

# The queue, a privileged user with the rights a clerk needs on it, no outgoing mail, and a REST2 auth token.
configure_rt() {
  local user_password
  user_password="$(secret user-password)"
  RT_QUEUE="$QUEUE" RT_BENCH_USER="$RT_USER" RT_BENCH_PASSWORD="$user_password" RT_TOKEN_FILE="$STATE/token" \
    perl -I"$RT_LIB" -e '
use strict; use warnings;
use RT; RT::LoadConfig(); RT::Init();
my $system = RT->SystemUser;
my $queue = RT::Queue->new($system);
$queue->Load($ENV{RT_QUEUE});
unless ($queue->id) {
    my ($ok, $msg) = $queue->Create(Name => $ENV{RT_QUEUE}, Description => "tickets made by the benchmark");
    die "queue: $msg\n" unless $ok;
}
my $user = RT::User->new($system);
$user->Load($ENV{RT_BENCH_USER});
unless ($user->id) {
    my ($ok, $msg) = $user->Create(Name => $ENV{RT_BENCH_USER}, EmailAddress => "$ENV{RT_BENCH_USER}\@localhost",
        Privileged => 1, Password => $ENV{RT_BENCH_PASSWORD});
    die "user: $msg\n" unless $ok;
}
for my $right (qw(SeeQueue CreateTicket ShowTicket ModifyTicket ReplyToTicket CommentOnTicket OwnTicket)) {
    $user->PrincipalObj->GrantRight(Right => $right, Object => $queue);
}
# RT is used here without its mail side (our registration sends no mail either): every scrip that would notify
# or auto-reply is switched off.
my $scrips = RT::Scrips->new($system);
$scrips->UnLimit;
while (my $scrip = $scrips->Next) {
    next unless $scrip->ActionObj->ExecModule =~ /^(Notify|Autoreply|NotifyGroup|SendForward)/;
    $scrip->SetDisabled(1) unless $scrip->Disabled;
}
my $token = RT::AuthToken->new($system);
my ($ok, $msg, $string) = $token->Create(Owner => $user->id, Description => "letterdesk benchmark");
die "token: $msg\n" unless $ok;
open my $fh, ">", $ENV{RT_TOKEN_FILE} or die $!;
print $fh $string;
close $fh;
print "queue ", $queue->id, ", user ", $user->id, "\n";
' | sed 's/^/[rt] /'
  chmod 600 "$STATE/token"
}

setup() {
  mkdir -p "$STATE"
  local started=$SECONDS
  install_packages
  write_config
  # Mason's compiled templates from an earlier configuration would be stale.
  rm -rf /var/cache/request-tracker5/mason_data/obj
  if create_database || [ ! -s "$STATE/token" ]; then
    configure_rt
  fi
  log "setup done in $((SECONDS - started)) s: RT $(dpkg-query -W -f '${Version}' request-tracker5), database $RT_DB"
}

pid_alive() { [ -s "$STATE/server.pid" ] && kill -0 "$(cat "$STATE/server.pid")" 2>/dev/null; }

start() {
  mkdir -p "$STATE"
  if pid_alive; then
    log "already running (pid $(cat "$STATE/server.pid"))"
    return
  fi
  [ -s "$STATE/token" ] || { echo "run 'scripts/benchmark-rt.sh setup' first" >&2; exit 1; }
  if ss -ltnH "sport = :$RT_PORT" | grep -q .; then
    echo "port $RT_PORT is taken by another process; set BENCH_RT_PORT (and run setup again)" >&2
    exit 1
  fi
  chown -R www-data:www-data /var/cache/request-tracker5 2>/dev/null || true
  # Starlet (rt-server's default, prefork): the workers are forked from a parent that has loaded RT, each serves
  # one request per connection (Starlet's default: no keep-alive, so a worker never waits on an idle client) and
  # lives for 100 000 requests. Run as www-data, like Debian's web server setups, on loopback only.
  setsid runuser -u www-data -- "$RT_SERVER" --server Starlet --host 127.0.0.1 --port "$RT_PORT" \
    --max-workers "$RT_WORKERS" --max-reqs-per-child 100000 --env deployment \
    >"$STATE/server.log" 2>&1 </dev/null &
  echo $! >"$STATE/server.pid"
  local url="http://127.0.0.1:$RT_PORT/REST/2.0/queues/all"
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null -H "Authorization: token $(cat "$STATE/token")" "$url" 2>/dev/null; then
      log "server up on 127.0.0.1:$RT_PORT with $RT_WORKERS workers (pid $(cat "$STATE/server.pid"))"
      return
    fi
    pid_alive || { tail -20 "$STATE/server.log" >&2; echo "RT's server exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "RT's server did not answer within 120 s; see $STATE/server.log" >&2
  stop
  exit 1
}

stop() {
  if pid_alive; then
    local pid
    pid="$(cat "$STATE/server.pid")"
    # The process group started by `start` (runuser, the Starlet parent and its workers).
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    log "server stopped"
  fi
  rm -f "$STATE/server.pid"
}

print_env() {
  echo "BENCH_RT_URL=http://127.0.0.1:$RT_PORT"
  echo "BENCH_RT_TOKEN_FILE=$STATE/token"
  echo "BENCH_RT_PID_FILE=$STATE/server.pid"
  echo "BENCH_RT_QUEUE=$QUEUE"
  echo "BENCH_RT_USER=$RT_USER"
  echo "BENCH_RT_PASSWORD_FILE=$STATE/user-password"
  echo "BENCH_RT_WORKERS=$RT_WORKERS"
  echo "BENCH_RT_VERSION=$(dpkg-query -W -f '${Version}' request-tracker5 2>/dev/null || echo none)"
}

case "${1:-}" in
  setup) setup ;;
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  *) echo "usage: $0 setup|start|stop|env" >&2; exit 2 ;;
esac
