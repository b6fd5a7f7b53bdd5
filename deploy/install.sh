#!/usr/bin/env bash
# Installs one Sphere installation for production on this Debian server (S5, S8, S11, S12), or upgrades it: a
# system user, folders, a config file with fresh secrets, its own PostgreSQL role and database, its own RabbitMQ
# virtual host and user, a copy of the built applications, the nginx site, the supervisor programs and the systemd
# units, then `sphere-cli migrate`. Safe to re-run: secrets, passwords and data are kept; a new build becomes a new
# release. Needs root, a running PostgreSQL and RabbitMQ (deploy/dev-services.sh) and the built applications.
#
#   deploy/install.sh --instance NAME --port N [OPTIONS]
#   deploy/install.sh --instance NAME --remove [--root DIR]     deletes the installation, its database and files
#   deploy/install.sh --packages-only                           installs nginx, supervisor and unzip when absent
#
#   --instance NAME       letters, digits and dashes, starting with a letter, at most 24 characters
#   --port N              port of sphere-web on 127.0.0.1 (nginx proxies to it)
#   --worker-port M       port of sphere-worker's health and metrics on 127.0.0.1 (default N+1)
#   --listen [ADDR:]PORT  where nginx listens for this installation (default 80)
#   --server-name HOST    nginx server_name (default _); installations sharing a --listen need distinct names
#   --tls-cert FILE --tls-key FILE   serve HTTPS (HSTS, secure cookie) and redirect --listen to it
#   --tls-listen [ADDR:]PORT         where nginx listens for HTTPS (default 443)
#   --login-rate RATE     nginx limit on POST /login per client address (default 10r/m, burst 5)
#   --root DIR            install under DIR instead of / (DIR/etc, DIR/opt, DIR/var): for tests and staging
#   --source DIR          the repository whose */target/quarkus-app are installed (default: this one)
#   --no-packages         do not install nginx, supervisor and unzip when absent
#
# Layout (with --root DIR everything moves under DIR):
#   /etc/sphere/NAME/sphere.properties   config, mode 600, owner sphere-NAME (kept on re-runs)
#   /opt/sphere/NAME/releases/ID/        the applications and static files of one build; current -> the live one
#   /opt/sphere/NAME/bin/sphere-{web,worker,cli}   run the current release with the installation's config
#   /var/lib/sphere/NAME/{media,request-log-spool} data; /var/log/sphere/NAME/ logs
#   /etc/nginx/sites-{available,enabled}/sphere-NAME.conf, /etc/nginx/snippets/sphere-NAME-*.conf
#   /etc/supervisor/conf.d/sphere-NAME.conf, /etc/systemd/system/sphere-{web,worker}@.service
set -euo pipefail

here=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
repo=$(cd "$here/.." && pwd)

say() { echo "install: $*"; }
die() { echo "install: $*" >&2; exit 1; }
usage_error() { echo "install: $* (try --help)" >&2; exit 2; }
usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; }

instance="" web_port="" worker_port="" listen=80 server_name=_ tls_cert="" tls_key="" tls_listen=443
login_rate=10r/m root="" source_dir=$repo packages=true mode=install
need_value() { if [ $# -lt 2 ] || [ -z "$2" ]; then usage_error "$1 needs a value"; fi; }
while [ $# -gt 0 ]; do
  case "$1" in
    -h|--help) usage; exit 0 ;;
    --instance) need_value "$@"; instance=$2; shift 2 ;;
    --port) need_value "$@"; web_port=$2; shift 2 ;;
    --worker-port) need_value "$@"; worker_port=$2; shift 2 ;;
    --listen) need_value "$@"; listen=$2; shift 2 ;;
    --server-name) need_value "$@"; server_name=$2; shift 2 ;;
    --tls-cert) need_value "$@"; tls_cert=$2; shift 2 ;;
    --tls-key) need_value "$@"; tls_key=$2; shift 2 ;;
    --tls-listen) need_value "$@"; tls_listen=$2; shift 2 ;;
    --login-rate) need_value "$@"; login_rate=$2; shift 2 ;;
    --root) need_value "$@"; root=${2%/}; shift 2 ;;
    --source) need_value "$@"; source_dir=${2%/}; shift 2 ;;
    --no-packages) packages=false; shift ;;
    --packages-only) mode=packages; shift ;;
    --remove) mode=remove; shift ;;
    *) usage_error "unknown option $1" ;;
  esac
done

[ "$(id -u)" -eq 0 ] || die "run it as root (it creates a system user, a database and files under /etc)"

# --- packages ---------------------------------------------------------------------------------------------------
ensure_packages() {
  local missing=()
  command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v supervisord >/dev/null 2>&1 || missing+=(supervisor)
  command -v unzip >/dev/null 2>&1 || missing+=(unzip)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}
if [ "$mode" = packages ]; then
  ensure_packages
  say "nginx, supervisor and unzip are installed"
  exit 0
fi

# --- validation -------------------------------------------------------------------------------------------------
[ -n "$instance" ] || usage_error "--instance NAME is required"
[[ "$instance" =~ ^[a-z]([a-z0-9-]{0,22}[a-z0-9])?$ ]] \
  || usage_error "--instance must be lower-case letters, digits and dashes, start with a letter, at most 24 characters, not '$instance'"
if [ -n "$root" ]; then
  [[ "$root" =~ ^/[A-Za-z0-9/._-]*$ ]] || usage_error "--root must be an absolute path of letters, digits and ._-/, not '$root'"
fi

user="sphere-$instance"
id_=${instance//-/_}
db_name="sphere_$id_"
db_role="sphere_$id_"
vhost="sphere-$instance"
etc_base="$root/etc/sphere"
config_dir="$etc_base/$instance"
config="$config_dir/sphere.properties"
home_base="$root/opt/sphere"
home="$home_base/$instance"
data_base="$root/var/lib/sphere"
data_dir="$data_base/$instance"
media_dir="$data_dir/media"
spool_dir="$data_dir/request-log-spool"
log_base="$root/var/log/sphere"
log_dir="$log_base/$instance"
nginx_dir="$root/etc/nginx"
snippet_dir="$nginx_dir/snippets"
site="$nginx_dir/sites-available/sphere-$instance.conf"
supervisor_conf="$root/etc/supervisor/conf.d/sphere-$instance.conf"
unit_dir="$root/etc/systemd/system"

# The value of KEY in a properties file, empty when absent.
prop() { [ -f "$2" ] || return 0; sed -n "s|^$1=||p" "$2" | tail -n 1; }

# --- PostgreSQL and RabbitMQ ------------------------------------------------------------------------------------
pg_up() { pg_isready -q -h 127.0.0.1 -p 5432; }
# The postgres superuser: over TCP where trust auth (or PGPASSWORD) lets us in, else through the local socket.
psql_admin() {
  if psql -h 127.0.0.1 -U postgres -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  else
    runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -Atq "$@"
  fi
}
rabbitmqctl_() { rabbitmqctl -q "$@"; }

port_listening() { [ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]; }

if [ "$mode" = remove ]; then
  for port in "$(prop sphere.web.port "$config")" "$(prop sphere.worker.port "$config")"; do
    if [ -n "$port" ] && port_listening "$port"; then
      die "installation $instance still runs (port $port answers); stop it first: supervisorctl stop sphere-$instance:*"
    fi
  done
  if pg_up; then
    psql_admin -c "set client_min_messages = warning" -c "drop database if exists $db_name with (force)" \
      -c "drop role if exists $db_role"
    say "dropped database and role $db_name"
  else
    say "PostgreSQL does not answer on 127.0.0.1:5432; database $db_name was left in place"
  fi
  if command -v rabbitmqctl >/dev/null 2>&1; then
    if rabbitmqctl_ list_vhosts name 2>/dev/null | grep -qx "$vhost"; then rabbitmqctl_ delete_vhost "$vhost" >/dev/null; fi
    if rabbitmqctl_ list_users 2>/dev/null | cut -f1 | grep -qx "$user"; then rabbitmqctl_ delete_user "$user" >/dev/null; fi
    say "deleted RabbitMQ virtual host and user $vhost"
  fi
  rm -rf "$config_dir" "$home" "$data_dir" "$log_dir" "$site" "$nginx_dir/sites-enabled/sphere-$instance.conf" \
    "$snippet_dir/sphere-$instance-locations.conf" "$snippet_dir/sphere-$instance-proxy.conf" "$supervisor_conf"
  if id -u "$user" >/dev/null 2>&1; then userdel "$user" >/dev/null 2>&1 || true; fi
  say "removed installation $instance; now run: supervisorctl reread && supervisorctl update; nginx -t && nginx -s reload"
  exit 0
fi

[ -n "$web_port" ] || usage_error "--port N is required"
worker_port=${worker_port:-$((web_port + 1))}
for port in "$web_port" "$worker_port"; do
  if ! [[ "$port" =~ ^[0-9]{1,5}$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
    usage_error "a port must be a number from 1 to 65535, not '$port'"
  fi
done
[ "$web_port" != "$worker_port" ] || usage_error "--port and --worker-port must differ (both are $web_port)"
[[ "$listen" =~ ^([0-9.]+:|\[[0-9a-f:]+\]:)?[0-9]{1,5}$ ]] || usage_error "--listen must be [ADDR:]PORT, not '$listen'"
[[ "$tls_listen" =~ ^([0-9.]+:|\[[0-9a-f:]+\]:)?[0-9]{1,5}$ ]] || usage_error "--tls-listen must be [ADDR:]PORT, not '$tls_listen'"
[[ "$server_name" =~ ^[A-Za-z0-9._*\ -]+$ ]] || usage_error "--server-name must be host names, not '$server_name'"
[[ "$login_rate" =~ ^[0-9]+r/[sm]$ ]] || usage_error "--login-rate must look like 10r/m or 1r/s, not '$login_rate'"
if [ -n "$tls_cert$tls_key" ]; then
  if [ -z "$tls_cert" ] || [ -z "$tls_key" ]; then usage_error "--tls-cert and --tls-key go together"; fi
  [ -r "$tls_cert" ] || die "cannot read the certificate $tls_cert"
  [ -r "$tls_key" ] || die "cannot read the key $tls_key"
fi

for app in sphere-web sphere-worker sphere-cli; do
  [ -f "$source_dir/$app/target/quarkus-app/quarkus-run.jar" ] \
    || die "$source_dir/$app/target/quarkus-app is missing; build it first: (cd $source_dir && mvn -DskipTests package)"
done

# A port belongs to one installation: another one's config claiming it is an error, and so is a port that some
# program already listens on unless it is this installation's own (a re-run while it runs).
for other in "$etc_base"/*/sphere.properties; do
  if [ ! -f "$other" ] || [ "$other" = "$config" ]; then continue; fi
  for port in "$web_port" "$worker_port"; do
    if [ "$(prop sphere.web.port "$other")" = "$port" ] || [ "$(prop sphere.worker.port "$other")" = "$port" ]; then
      die "port $port is already used by installation $(basename "$(dirname "$other")") ($other)"
    fi
  done
done
for port in "$web_port" "$worker_port"; do
  if port_listening "$port" && [ "$(prop sphere.web.port "$config")" != "$port" ] \
    && [ "$(prop sphere.worker.port "$config")" != "$port" ]; then
    die "port $port is taken by another program on this machine; choose another one"
  fi
done

pg_up || die "PostgreSQL does not answer on 127.0.0.1:5432; start it (deploy/dev-services.sh) and re-run"
(exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null \
  || die "RabbitMQ does not answer on 127.0.0.1:5672; start it (deploy/dev-services.sh) and re-run"
command -v rabbitmqctl >/dev/null 2>&1 || die "rabbitmqctl not found; install.sh needs it to create the virtual host"

if $packages; then ensure_packages; fi

# --- user and folders -------------------------------------------------------------------------------------------
if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --user-group --home-dir "$data_dir" --no-create-home --shell /usr/sbin/nologin "$user"
  say "created system user $user"
fi
install -d -m 755 "$etc_base" "$home_base" "$data_base" "$log_base" "$home" "$home/releases" "$home/bin" \
  "$nginx_dir/sites-available" "$nginx_dir/sites-enabled" "$snippet_dir" "$root/etc/supervisor/conf.d" "$unit_dir"
install -d -m 750 -o root -g "$user" "$config_dir"
install -d -m 750 -o "$user" -g "$user" "$data_dir" "$spool_dir" "$log_dir"
# nginx (www-data) reads uploads for X-Accel-Redirect; the setgid bit gives new files and folders that group.
nginx_group=$(getent group www-data >/dev/null && echo www-data || echo "$user")
install -d -m 2750 -o "$user" -g "$nginx_group" "$media_dir"
chmod 751 "$data_dir"

# --- the release: a copy of this build, so that a later `mvn package` never changes a running installation ------
# Named by the jars and the launchers: a change to either alone is a new release, not "already installed".
release_id=$({ (cd "$source_dir" && find sphere-web/target/quarkus-app sphere-worker/target/quarkus-app \
  sphere-cli/target/quarkus-app -type f ! -name app-cds.jsa -print0 | sort -z | xargs -0 sha256sum)
  (cd "$repo" && sha256sum deploy/bin/sphere-*); } | sha256sum | cut -c1-12)
release="$home/releases/$release_id"
previous=$(readlink -e "$home/current" 2>/dev/null || true)
if [ ! -d "$release" ]; then
  staging="$home/releases/.staging-$release_id"
  rm -rf "$staging"
  mkdir -p "$staging/bin" "$staging/static"
  for app in sphere-web sphere-worker sphere-cli; do
    mkdir -p "$staging/$app"
    cp -a "$source_dir/$app/target/quarkus-app" "$staging/$app/"
    rm -f "$staging/$app/quarkus-app/app-cds.jsa"   # made for the build's folder; remade below for the release's
    install -m 755 "$repo/deploy/bin/$app" "$staging/bin/$app"
  done
  install -m 644 "$repo/deploy/bin/sphere-java" "$staging/bin/sphere-java"   # sourced by the three: which Java
  # The three must come from one build: the same core and migrations in each (a build running while this copies,
  # or modules built at different times, would give a web that refuses the schema that the cli migrated).
  shared=$(cd "$staging" && sha256sum sphere-*/quarkus-app/lib/main/io.sphere.sphere-{core,migrations}-*.jar \
    | awk '{ n = $2; sub(/^[^\/]*\//, "", n); print $1, n }' | sort -u | awk '{ print $2 }' | sort | uniq -d)
  if [ -n "$shared" ]; then
    rm -rf "$staging"
    die "sphere-web, sphere-worker and sphere-cli under $source_dir come from different builds; build them together: (cd $source_dir && mvn -DskipTests package)"
  fi
  unpacked="$staging/.unpacked"
  for jar in "$staging"/sphere-web/quarkus-app/app/*.jar; do
    unzip -q -o "$jar" 'META-INF/resources/lib/static/*' -d "$unpacked" || true
  done
  if [ -d "$unpacked/META-INF/resources/lib/static" ]; then
    cp -a "$unpacked/META-INF/resources/lib/static/." "$staging/static/"
  fi
  rm -rf "$unpacked"
  chmod -R u=rwX,go=rX "$staging"
  mv "$staging" "$release"
  # Class-data-sharing archives (README: Production), made for the release's own path: faster starts. Optional: a
  # build that cannot make one (not built with -DskipTests) starts as before.
  for app in sphere-web sphere-worker; do
    SPHERE_HOME="$release" "$release/bin/$app" --cds-archive >/dev/null 2>&1 \
      || say "no class-data-sharing archive for $app (build with: mvn -DskipTests package); it starts without"
  done
  say "installed release $release_id under $release"
else
  say "release $release_id is already installed"
fi
ln -sfn "releases/$release_id" "$home/current.new"
mv -T "$home/current.new" "$home/current"
# Keep the live release and the one before it (to go back to); older ones go.
for old in "$home"/releases/*; do
  [ "$old" = "$release" ] || [ "$old" = "$previous" ] || rm -rf "$old"
done

for app in sphere-web sphere-worker sphere-cli; do
  cat >"$home/bin/$app.new" <<EOF
#!/usr/bin/env bash
# $app of Sphere installation $instance, written by deploy/install.sh: runs the release that $home/current
# points to (resolved once, so an upgrade never changes a running process) with the installation's config.
# As root: runuser -u $user -- $home/bin/$app ...
set -euo pipefail
SPHERE_HOME=\$(readlink -f "$home/current")
SPHERE_CONFIG=\${SPHERE_CONFIG:-$config}
export SPHERE_HOME SPHERE_CONFIG
exec "\$SPHERE_HOME/bin/$app" "\$@"
EOF
  chmod 755 "$home/bin/$app.new"
  mv "$home/bin/$app.new" "$home/bin/$app"
done
runuser -u "$user" -- test -r "$release/sphere-cli/quarkus-app/quarkus-run.jar" \
  || die "user $user cannot read $release; every folder above it must be readable and searchable by others (chmod o+rx)"

# --- config: secrets generated once and kept ----------------------------------------------------------------------
secret() { local s=""; while [ ${#s} -lt "$1" ]; do s+=$(head -c 64 /dev/urandom | base64 -w0 | tr -dc 'A-Za-z0-9'); done; echo "${s:0:$1}"; }
set_key() {
  local file=$1 key=$2 value=$3
  if grep -q "^#\?$key=" "$file"; then
    sed -i "0,/^#\?$key=.*/s||$key=$value|" "$file"
  else
    printf '%s=%s\n' "$key" "$value" >>"$file"
  fi
}
tls=false
[ -n "$tls_cert" ] && tls=true
if [ -f "$config" ]; then
  say "keeping the config $config and its secrets"
  for pair in "sphere.web.port=$web_port" "sphere.worker.port=$worker_port"; do
    if [ "$(prop "${pair%%=*}" "$config")" != "${pair#*=}" ]; then
      set_key "$config" "${pair%%=*}" "${pair#*=}"
      say "set ${pair%%=*} to ${pair#*=} in $config"
    fi
  done
  # Added by a later version of Sphere (attachments): filled in once, an operator's own value is kept.
  for pair in "sphere.media.root=$media_dir" "sphere.media.accel-redirect=true"; do
    if ! grep -q "^${pair%%=*}=" "$config"; then
      set_key "$config" "${pair%%=*}" "${pair#*=}"
      say "set ${pair%%=*} to ${pair#*=} in $config"
    fi
  done
else
  (
    umask 077
    {
      echo "# Sphere installation $instance, written by deploy/install.sh on $(date -u +%FT%TZ) with fresh secrets."
      echo "# Kept when install.sh runs again; keys: deploy/sphere.properties.example in the repository."
      cat "$repo/deploy/sphere.properties.example"
    } >"$config.new"
  )
  set_key "$config.new" quarkus.datasource.jdbc.url "jdbc:postgresql://127.0.0.1:5432/$db_name"
  set_key "$config.new" quarkus.datasource.username "$db_role"
  set_key "$config.new" quarkus.datasource.password "$(secret 32)"
  set_key "$config.new" sphere.broker.host 127.0.0.1
  set_key "$config.new" sphere.broker.port 5672
  set_key "$config.new" sphere.broker.username "$user"
  set_key "$config.new" sphere.broker.password "$(secret 32)"
  set_key "$config.new" sphere.broker.virtual-host "$vhost"
  set_key "$config.new" sphere.instance.name "$instance"
  set_key "$config.new" sphere.session.key "$(secret 48)"
  set_key "$config.new" sphere.csrf.key "$(secret 48)"
  set_key "$config.new" sphere.session.cookie-name "sphere_${id_}_session"
  set_key "$config.new" sphere.session.secure-cookie "$tls"
  set_key "$config.new" sphere.web.host 127.0.0.1
  set_key "$config.new" sphere.web.port "$web_port"
  set_key "$config.new" sphere.worker.host 127.0.0.1
  set_key "$config.new" sphere.worker.port "$worker_port"
  set_key "$config.new" sphere.request-log.spool-dir "$spool_dir"
  set_key "$config.new" sphere.media.root "$media_dir"
  set_key "$config.new" sphere.media.accel-redirect true
  mv "$config.new" "$config"
  say "wrote $config with fresh secrets"
fi
grep -q '=CHANGE_ME$' "$config" && die "$config still has a CHANGE_ME value; replace it and re-run"
chown "$user:$user" "$config"
chmod 600 "$config"

# --- database (S6): own role and database, UTC, read committed, UTF8; no other role may connect -----------------
db_password=$(prop quarkus.datasource.password "$config")
[ "$(prop quarkus.datasource.username "$config")" = "$db_role" ] \
  || say "note: $config names another database role than $db_role; leaving the database to you"
# The password travels on stdin, never on a command line that `ps` shows.
psql_admin <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$db_role') THEN CREATE ROLE $db_role LOGIN; END IF;
END \$\$;
ALTER ROLE $db_role WITH LOGIN PASSWORD '${db_password//\'/\'\'}';
SQL
if [ "$(psql_admin -c "select count(*) from pg_database where datname = '$db_name'")" = "0" ]; then
  psql_admin -c "create database $db_name owner $db_role encoding 'UTF8' template template0"
  say "created database $db_name"
fi
psql_admin -c "alter database $db_name set timezone to 'UTC'" \
  -c "alter database $db_name set default_transaction_isolation to 'read committed'" \
  -c "alter database $db_name set client_encoding to 'UTF8'" \
  -c "revoke all on database $db_name from public" >/dev/null
say "database $db_name is ready (owner $db_role; UTC, read committed, UTF8)"

# --- broker (S12): own virtual host and user, so queues of two installations never meet ---------------------------
broker_password=$(prop sphere.broker.password "$config")
if ! rabbitmqctl_ list_vhosts name | grep -qx "$vhost"; then
  rabbitmqctl_ add_vhost "$vhost" >/dev/null
fi
if ! rabbitmqctl_ list_users | cut -f1 | grep -qx "$user"; then
  printf '%s' "$broker_password" | rabbitmqctl_ add_user "$user" >/dev/null
else
  printf '%s' "$broker_password" | rabbitmqctl_ change_password "$user" >/dev/null
fi
rabbitmqctl_ set_permissions -p "$vhost" "$user" '.*' '.*' '.*' >/dev/null
say "RabbitMQ virtual host $vhost is ready (user $user)"

# --- nginx, supervisor, systemd ---------------------------------------------------------------------------------
render() {
  local template=$1 dest=$2 text pair
  shift 2
  text=$(<"$template")
  for pair in "$@"; do text=${text//"{{${pair%%=*}}}"/"${pair#*=}"}; done
  [[ "$text" != *"{{"* ]] || die "internal: $template has a placeholder that install.sh does not fill"
  printf '%s\n' "$text" >"$dest.new"
  chmod 644 "$dest.new"
  mv "$dest.new" "$dest"
}
common=(INSTANCE="$instance" ID="$id_" USER="$user" HOME="$home" CONFIG="$config" DATA_DIR="$data_dir"
  MEDIA_DIR="$media_dir" LOG_DIR="$log_dir" SNIPPET_DIR="$snippet_dir" WEB_HOST=127.0.0.1 WEB_PORT="$web_port"
  LISTEN="$listen" TLS_LISTEN="$tls_listen" SERVER_NAME="$server_name" LOGIN_RATE="$login_rate"
  TLS_CERT="$tls_cert" TLS_KEY="$tls_key" ETC_DIR="$etc_base" HOME_BASE="$home_base" DATA_BASE="$data_base"
  LOG_BASE="$log_base" UNIT_DIR="$unit_dir")
if $tls; then
  hsts='add_header Strict-Transport-Security "max-age=31536000; includeSubDomains" always;'
  site_template="$here/nginx/sphere-tls.conf.template"
else
  hsts='# Strict-Transport-Security is sent by the TLS variant only (install.sh --tls-cert FILE --tls-key FILE).'
  site_template="$here/nginx/sphere.conf.template"
fi
render "$here/nginx/sphere-proxy.conf.template" "$snippet_dir/sphere-$instance-proxy.conf" "${common[@]}"
render "$here/nginx/sphere-locations.conf.template" "$snippet_dir/sphere-$instance-locations.conf" \
  "${common[@]}" HSTS="$hsts"
render "$site_template" "$site" "${common[@]}"
ln -sfn "../sites-available/sphere-$instance.conf" "$nginx_dir/sites-enabled/sphere-$instance.conf"
render "$here/supervisor/sphere.conf.template" "$supervisor_conf" "${common[@]}"
for app in web worker; do
  render "$here/systemd/sphere-$app@.service.template" "$unit_dir/sphere-$app@.service" "${common[@]}"
done
say "wrote $site, $supervisor_conf and $unit_dir/sphere-{web,worker}@.service"

# --- schema -----------------------------------------------------------------------------------------------------
say "migrating database $db_name"
runuser -u "$user" -- env -i PATH="$PATH" LANG=C.UTF-8 HOME="$data_dir" JAVA_HOME="${JAVA_HOME:-}" \
  SPHERE_CONFIG="$config" "$home/bin/sphere-cli" migrate \
  || die "sphere-cli migrate failed (the lines above say why); fix it and re-run install.sh"

restart_hint="supervisorctl reread && supervisorctl update"
if [ -n "$previous" ] && [ "$previous" != "$release" ]; then
  restart_hint="supervisorctl reread && supervisorctl update && supervisorctl restart sphere-$instance:*"
fi
cat <<EOF
install: installation $instance is ready.
  create its superuser:  runuser -u $user -- $home/bin/sphere-cli create-superuser EMAIL
                         (the same as: SPHERE_CONFIG=$config sphere-cli create-superuser EMAIL, run as $user)
  start it (supervisor): $restart_hint
        or (systemd):    systemctl daemon-reload && systemctl enable --now sphere-web@$instance sphere-worker@$instance
  nginx:                 nginx -t && nginx -s reload     (site $site, listening on $listen)
  health:                curl -fsS http://127.0.0.1:$web_port/q/health/ready; curl -fsS http://127.0.0.1:$worker_port/q/health/ready
EOF
