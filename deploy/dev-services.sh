#!/usr/bin/env bash
# Makes sure PostgreSQL and RabbitMQ are installed, running and ready for Sphere on this machine, and (with
# --with-chromium) that Debian's Chromium and ChromeDriver are there for the browser tests. Idempotent: it only
# does what is missing, and says what it did. Needs root (or sudo) only when something must be installed.
#
#   deploy/dev-services.sh [--with-chromium]
#
# Environment: SPHERE_DB_PASSWORD (default "sphere", the development password of role "sphere"),
# PGPASSWORD (the postgres superuser's password, only where PostgreSQL asks for one).
set -euo pipefail

with_chromium=false
for arg in "$@"; do
  case "$arg" in
    --with-chromium) with_chromium=true ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "dev-services: unknown option $arg (try --help)" >&2; exit 2 ;;
  esac
done

say() { echo "dev-services: $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=false
apt_install() {
  if ! $apt_updated; then as_root apt-get update -qq; apt_updated=true; fi
  say "installing $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

db_password="${SPHERE_DB_PASSWORD:-sphere}"

# --- PostgreSQL -------------------------------------------------------------------------------------------
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  apt_install postgresql postgresql-contrib
fi
pg_version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -1)
if [ -z "$pg_version" ]; then
  say "no PostgreSQL cluster found under /etc/postgresql" >&2; exit 1
fi
if ! pg_isready -q -h 127.0.0.1 -p 5432; then
  say "starting PostgreSQL $pg_version"
  as_root pg_ctlcluster --skip-systemctl-redirect "$pg_version" main start
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
fi
pg_isready -q -h 127.0.0.1 -p 5432 || { say "PostgreSQL did not come up on 127.0.0.1:5432" >&2; exit 1; }
say "PostgreSQL $pg_version is running"

# The postgres superuser: over TCP where trust auth (or PGPASSWORD) lets us in, else through the local socket.
psql_admin() {
  if psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    as_root runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}

if [ "$(psql_admin -c "select count(*) from pg_roles where rolname = 'sphere'")" = "0" ]; then
  psql_admin -c "create role sphere login password '${db_password//\'/\'\'}'"
  say "created role sphere"
fi
for db in sphere sphere_test; do
  if [ "$(psql_admin -c "select count(*) from pg_database where datname = '$db'")" = "0" ]; then
    psql_admin -c "create database $db owner sphere encoding 'UTF8' template template0"
    say "created database $db"
  fi
  # S6: UTC, read committed, UTF8 for every session, whatever the server's defaults are
  psql_admin -c "alter database $db set timezone to 'UTC'" \
             -c "alter database $db set default_transaction_isolation to 'read committed'" \
             -c "alter database $db set client_encoding to 'UTF8'"
done
say "databases sphere and sphere_test are ready (UTC, read committed, UTF8)"

# --- RabbitMQ ---------------------------------------------------------------------------------------------
if ! command -v rabbitmq-server >/dev/null 2>&1; then
  apt_install rabbitmq-server
fi
rabbit_up() { (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; }
if ! rabbit_up; then
  say "starting RabbitMQ"
  as_root rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do rabbit_up && break; sleep 1; done
fi
rabbit_up || { say "RabbitMQ did not come up on 127.0.0.1:5672" >&2; exit 1; }
if command -v rabbitmqctl >/dev/null 2>&1; then
  as_root rabbitmqctl -q await_startup >/dev/null 2>&1 || true
fi
say "RabbitMQ is running on 127.0.0.1:5672"

# --- Chromium for the browser tests -----------------------------------------------------------------------
if $with_chromium; then
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  fi
  say "$(chromium --version 2>/dev/null | head -1) and $(chromedriver --version 2>/dev/null | cut -d' ' -f1-2) are installed"
fi
