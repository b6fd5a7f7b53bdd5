#!/usr/bin/env bash
# Runs Sphere's whole test suite, the way CI does (.ci/run calls exactly this): makes sure PostgreSQL, RabbitMQ,
# Chromium and ChromeDriver are there and running, then builds every module and runs every test, including the
# end-to-end tests that drive the packaged web and worker through HTTP and headless Chromium.
#
#   deploy/test.sh [MAVEN ARGS...]      for example: deploy/test.sh -Dsphere.e2e.skip   (skips the end-to-end tests)
#                                                    deploy/test.sh -pl sphere-core -am
set -euo pipefail

root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
case "${1:-}" in
  -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
esac

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
if ! command -v javac >/dev/null 2>&1; then missing+=(default-jdk-headless); fi
if ! command -v mvn >/dev/null 2>&1; then missing+=(maven); fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "test: installing ${missing[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

"$root/deploy/dev-services.sh" --with-chromium

# The test database belongs to the tests: start every run from an empty schema, so that a database left behind by an
# earlier checkout (migrations it had and this one lacks, or the other way round) never fails Flyway's validation.
PGPASSWORD="${SPHERE_DB_PASSWORD:-sphere}" PGOPTIONS='-c client_min_messages=warning' \
  psql -h 127.0.0.1 -U sphere -d sphere_test -v ON_ERROR_STOP=1 -qc 'DROP SCHEMA IF EXISTS public CASCADE' \
  -c 'CREATE SCHEMA public' >/dev/null

cd "$root"
maven_flags=(-B)
# CI logs are read by people: no download progress lines.
if [ -n "${CI:-}" ]; then maven_flags+=(--no-transfer-progress); fi
exec mvn "${maven_flags[@]}" verify "$@"
