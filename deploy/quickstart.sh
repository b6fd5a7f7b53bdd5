#!/usr/bin/env bash
# Sphere in one command, for a first look on this machine: sets up PostgreSQL and RabbitMQ, builds, writes a
# config with fresh secrets, migrates, creates a superuser, starts web and worker in the background, waits until
# both are healthy and prints the URL. Safe to re-run. Not for production: see the README for supervisor and nginx.
#
#   deploy/quickstart.sh [start]   set up and start (the default)
#   deploy/quickstart.sh stop      stop what it started
#   deploy/quickstart.sh status    say what runs and whether it is healthy
#
# Environment:
#   SPHERE_ADMIN_EMAIL         the superuser's e-mail (default admin@example.com)
#   SPHERE_ADMIN_PASSWORD      the superuser's password (default: generated and printed once); when the user
#                              already exists, setting it resets the password, leaving it unset keeps the old one
#   SPHERE_PORT                sphere-web's port (default 5000); SPHERE_WORKER_PORT the worker's (default 5001)
#   SPHERE_HOST                sphere-web's address (default 127.0.0.1; 0.0.0.0 to accept outside connections)
#   SPHERE_QUICKSTART_HOME     config, logs and PID files (default ~/.sphere/quickstart)
#   SPHERE_QUICKSTART_TIMEOUT  seconds to wait for health (default 180)
#   SPHERE_QUICKSTART_BUILD    auto (default: build when a jar is missing or older than the sources), always, never
#   SPHERE_DEMO                1 to load the sample "Request" process after creating the superuser (sphere-cli demo:
#                              groups, operator@example.com and manager@example.com with passwords printed once,
#                              36 cards); loaded once, later runs leave it as it is
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
home=${SPHERE_QUICKSTART_HOME:-$HOME/.sphere/quickstart}
config="$home/sphere.properties"
web_port=${SPHERE_PORT:-5000}
worker_port=${SPHERE_WORKER_PORT:-5001}
web_host=${SPHERE_HOST:-127.0.0.1}
timeout=${SPHERE_QUICKSTART_TIMEOUT:-180}
stop_timeout=60
admin_email=${SPHERE_ADMIN_EMAIL:-admin@example.com}

say() { echo "quickstart: $*"; }
die() { echo "quickstart: $*" >&2; exit 1; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

for port in "$web_port" "$worker_port"; do
  if ! [[ "$port" =~ ^[0-9]{1,5}$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
    die "'$port' is not a port number (SPHERE_PORT, SPHERE_WORKER_PORT)"
  fi
done
[ "$web_port" != "$worker_port" ] || die "SPHERE_PORT and SPHERE_WORKER_PORT must differ (both are $web_port)"
[[ "$timeout" =~ ^[0-9]+$ ]] || die "SPHERE_QUICKSTART_TIMEOUT must be a number of seconds, not '$timeout'"
case "${SPHERE_DEMO:-0}" in
  1) load_demo=1 ;;
  0) load_demo=0 ;;
  *) die "SPHERE_DEMO must be 1 (load the demo) or 0, not '$SPHERE_DEMO'" ;;
esac

# --- processes ----------------------------------------------------------------------------------------------------
pid_file() { echo "$home/$1.pid"; }
log_file() { echo "$home/$1.log"; }
port_of() { if [ "$1" = sphere-web ]; then echo "$web_port"; else echo "$worker_port"; fi; }

# The PID in the file, if that process is alive and still ours (a stale file may name a recycled PID).
running_pid() {
  local file pid
  file=$(pid_file "$1")
  [ -f "$file" ] || return 1
  pid=$(cat "$file")
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q "$1/.*quarkus-run.jar" || return 1
  echo "$pid"
}

port_taken() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# 0 when GET /q/health/ready answers 200; plain bash, so it works where curl is not installed.
healthy() {
  local host=$1 port=$2
  [ "$host" = 0.0.0.0 ] && host=127.0.0.1
  (
    exec 3<>"/dev/tcp/$host/$port" || exit 1
    printf 'GET /q/health/ready HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$host" >&3
    IFS=" " read -r -t 5 _ status _ <&3 && [ "$status" = 200 ]
  ) 2>/dev/null
}

start_app() {
  local app=$1 host=$2 port=$3 pid
  if pid=$(running_pid "$app"); then
    say "$app is already running (pid $pid, log $(log_file "$app"))"
    return
  fi
  rm -f "$(pid_file "$app")"
  if port_taken "$port"; then
    local variable=SPHERE_WORKER_PORT
    [ "$app" = sphere-web ] && variable=SPHERE_PORT
    die "port $port is already taken by another program; choose another one with $variable"
  fi
  echo "--- $(date -u +%FT%TZ) quickstart starts $app on $host:$port" >>"$(log_file "$app")"
  SPHERE_CONFIG="$config" nohup "$root/deploy/bin/$app" -h "$host" -p "$port" \
    </dev/null >>"$(log_file "$app")" 2>&1 &
  echo $! >"$(pid_file "$app")"
  say "started $app (pid $!, log $(log_file "$app"))"
}

wait_healthy() {
  local app=$1 host=$2 port=$3 deadline=$((SECONDS + timeout))
  until healthy "$host" "$port"; do
    if ! running_pid "$app" >/dev/null; then
      rm -f "$(pid_file "$app")"
      tail -n 20 "$(log_file "$app")" >&2 || true
      die "$app stopped while starting; the lines above are the end of its log $(log_file "$app")"
    fi
    [ "$SECONDS" -lt "$deadline" ] \
      || die "$app did not become healthy within ${timeout}s; see its log $(log_file "$app") (it may still be \
starting: re-run to keep waiting, or deploy/quickstart.sh stop)"
    sleep 1
  done
  say "$app is healthy on port $port"
}

stop_all() {
  local app pid pids=() apps=()
  for app in sphere-web sphere-worker; do
    if pid=$(running_pid "$app"); then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid"); apps+=("$app")
      say "stopping $app (pid $pid)"
    else
      say "$app is not running"
    fi
  done
  local deadline=$((SECONDS + stop_timeout)) i
  for i in "${!pids[@]}"; do
    while kill -0 "${pids[$i]}" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 0.5; done
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      say "${apps[$i]} did not stop within ${stop_timeout}s; killing it"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
    fi
    say "${apps[$i]} stopped"
  done
  rm -f "$(pid_file sphere-web)" "$(pid_file sphere-worker)"
}

status() {
  local app pid port down=0
  for app in sphere-web sphere-worker; do
    port=$(port_of "$app")
    if pid=$(running_pid "$app"); then
      if healthy 127.0.0.1 "$port"; then say "$app: running (pid $pid), healthy on port $port"
      else say "$app: running (pid $pid), not healthy on port $port; see $(log_file "$app")"; down=1; fi
    else
      say "$app: not running"; down=1
    fi
  done
  return $down
}

# --- set-up steps -------------------------------------------------------------------------------------------------
ensure_build_tools() {
  local missing=()
  if ! command -v java >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then missing+=(default-jdk-headless); fi
  if ! command -v mvn >/dev/null 2>&1; then missing+=(maven); fi
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ { print $2 }')
  if ! [[ "${version%%.*}" =~ ^[0-9]+$ ]] || [ "${version%%.*}" -lt 17 ]; then
    die "Sphere needs Java 17 or newer; java on PATH is version ${version:-unknown}"
  fi
}

# 0 when some module's jar is missing or older than a pom or a source file it is built from.
build_needed() {
  local app jar
  for app in sphere-web sphere-worker sphere-cli; do
    jar="$root/$app/target/quarkus-app/quarkus-run.jar"
    [ -f "$jar" ] || return 0
    [ -z "$(find "$root/pom.xml" "$root"/sphere-{migrations,core,"${app#sphere-}"}/{pom.xml,src/main} \
      -newer "$jar" -type f -print -quit 2>/dev/null)" ] || return 0
  done
  return 1
}

build() {
  local mode=${SPHERE_QUICKSTART_BUILD:-auto}
  case "$mode" in
    never) say "not building (SPHERE_QUICKSTART_BUILD=never)"; return ;;
    auto) build_needed || { say "the build is up to date"; return; } ;;
    always) ;;
    *) die "SPHERE_QUICKSTART_BUILD must be auto, always or never, not '$mode'" ;;
  esac
  ensure_build_tools
  say "building (mvn -B -q -DskipTests package), this takes a few minutes the first time"
  (cd "$root" && mvn -B -q -DskipTests -pl sphere-web,sphere-worker,sphere-cli -am package) \
    || die "the build failed; the Maven output is above"
}

random_secret() { local s; s=$(head -c 48 /dev/urandom | base64 -w0 | tr -d '/+='); echo "${s:0:$1}"; }

write_config() {
  if [ -f "$config" ]; then
    say "keeping the config $config"
    return
  fi
  say "writing $config with fresh secrets"
  (
    umask 077
    cat >"$config.tmp" <<EOF
# Written by deploy/quickstart.sh on $(date -u +%FT%TZ) for a local first look. Keys: deploy/sphere.properties.example
quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/sphere
quarkus.datasource.username=sphere
quarkus.datasource.password=${SPHERE_DB_PASSWORD:-sphere}
sphere.broker.host=127.0.0.1
sphere.broker.port=5672
sphere.broker.username=guest
sphere.broker.password=guest
sphere.broker.virtual-host=/
sphere.instance.name=sphere-quickstart
sphere.session.key=$(random_secret 48)
sphere.csrf.key=$(random_secret 48)
sphere.request-log.spool-dir=$home/request-log-spool
EOF
    mv "$config.tmp" "$config"
  )
}

cli() { SPHERE_CONFIG="$config" "$root/deploy/bin/sphere-cli" "$@"; }

# Whether the e-mail has an account already, so that a generated password is only made (and shown) for a new one;
# asks PostgreSQL directly, as the CLI has no read-only command for it.
user_exists() {
  local count
  count=$(PGPASSWORD=${SPHERE_DB_PASSWORD:-sphere} psql -h 127.0.0.1 -U sphere -d sphere -Atq -v ON_ERROR_STOP=1 \
    -v email="$admin_email" <<<"select count(*) from app_user where email = lower(:'email')") \
    || die "cannot look up $admin_email in the database sphere with psql (message above)"
  [ "$count" != 0 ]
}

create_superuser() {
  if [ -n "${SPHERE_ADMIN_PASSWORD:-}" ]; then
    # --update-password creates the account, or resets its password when it exists: re-runs never fail.
    SPHERE_QUICKSTART_PASSWORD="$SPHERE_ADMIN_PASSWORD" \
      cli create-superuser "$admin_email" --update-password --password-env SPHERE_QUICKSTART_PASSWORD \
      || die "could not create the superuser $admin_email (message above)"
    return
  fi
  if user_exists; then
    say "superuser $admin_email exists; keeping its password (set SPHERE_ADMIN_PASSWORD to reset it)"
    return
  fi
  local password
  password=$(random_secret 20)
  SPHERE_QUICKSTART_PASSWORD="$password" \
    cli create-superuser "$admin_email" --password-env SPHERE_QUICKSTART_PASSWORD \
    || die "could not create the superuser $admin_email (message above)"
  generated_password=$password
}

start() {
  case "$(readlink -m "$home")/" in
    "$root"/*) die "SPHERE_QUICKSTART_HOME ($home) is inside the repository; secrets must live outside it" ;;
  esac
  mkdir -p "$home"
  chmod 700 "$home"

  "$root/deploy/dev-services.sh"

  local web_pid worker_pid
  web_pid=$(running_pid sphere-web || true)
  worker_pid=$(running_pid sphere-worker || true)
  if [ -n "$web_pid" ] || [ -n "$worker_pid" ]; then
    say "Sphere is already running; not rebuilding under it (run deploy/quickstart.sh stop first to pick up changes)"
  else
    build
  fi
  for app in sphere-web sphere-worker sphere-cli; do
    [ -f "$root/$app/target/quarkus-app/quarkus-run.jar" ] \
      || die "$app is not built; run: mvn -DskipTests package (or unset SPHERE_QUICKSTART_BUILD)"
  done

  write_config
  cli migrate || die "sphere-cli migrate failed; see the message above"
  generated_password=
  create_superuser
  if [ "$load_demo" = 1 ]; then
    cli demo || die "sphere-cli demo failed; see the message above"
  fi

  start_app sphere-worker 127.0.0.1 "$worker_port"
  start_app sphere-web "$web_host" "$web_port"
  wait_healthy sphere-worker 127.0.0.1 "$worker_port"
  wait_healthy sphere-web "$web_host" "$web_port"

  local url_host=$web_host
  [ "$url_host" = 0.0.0.0 ] && url_host=127.0.0.1
  echo
  echo "Sphere is running: http://$url_host:$web_port/"
  if [ -n "$generated_password" ]; then
    echo "Log in as $admin_email with the password $generated_password"
    echo "(shown only this once; re-run with SPHERE_ADMIN_PASSWORD=... to set another one)"
  else
    echo "Log in as $admin_email"
  fi
  echo "Logs: $home/*.log. Stop it with: deploy/quickstart.sh stop"
}

case "${1:-start}" in
  start) start ;;
  stop) stop_all ;;
  status) status ;;
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0" ;;
  *) echo "quickstart: unknown command '$1' (try --help)" >&2; exit 2 ;;
esac
