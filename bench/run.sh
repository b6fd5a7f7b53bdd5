#!/usr/bin/env bash
# Sphere's benchmark (issue 8): builds, starts sphere-web and sphere-worker as production runs them, generates data
# with SQL, drives load from its own JVM and prints one table of results, which it also writes to
# docs/benchmarks.md. It stops by itself within 30 minutes and stops every process it started, also on Ctrl-C.
#
#   bench/run.sh [--quick|--lifecycle-only|--inbox-only] [--no-build] [--help]
#
#   --quick      a few minutes: 10k and 100k cards only, shorter windows
#   --inbox-only data generation and figure 2 at every size only (checks that the 1M step fits)
#   --lifecycle-only  10k cards, the warm-up and figures 1 and 5 only (for work on the write path)
#   --no-build   use the applications already built (mvn -DskipTests package) and the bench classes in bench/target
#
# Environment:
#   SPHERE_BENCH_DB        database to use, emptied first; its name must contain "bench" (default sphere_bench,
#                          created owned by role sphere when missing)
#   SPHERE_BENCH_INSTANCE  instance name, prefixes the queues (default sphere-bench)
#   SPHERE_BENCH_OUT       where to write the results (default docs/benchmarks.md)
# Needs the local PostgreSQL (role sphere/sphere) and RabbitMQ (guest/guest): deploy/dev-services.sh starts them.
set -euo pipefail

began=$SECONDS
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
quick=()
build=1
for arg in "$@"; do
  case "$arg" in
    --quick) quick+=(--quick) ;;
    --inbox-only) quick+=(--inbox-only) ;;
    --lifecycle-only) quick+=(--lifecycle-only) ;;
    --no-build) build=0 ;;
    --help|-h) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "bench/run.sh: unknown argument $arg (try --help)" >&2; exit 2 ;;
  esac
done
db=${SPHERE_BENCH_DB:-sphere_bench}
instance=${SPHERE_BENCH_INSTANCE:-sphere-bench}
out=${SPHERE_BENCH_OUT:-$root/docs/benchmarks.md}
case "$db" in *bench*) ;; *) echo "bench/run.sh: SPHERE_BENCH_DB must contain 'bench' (it is emptied): $db" >&2; exit 2 ;; esac

cd "$root"
if [ "$build" = 1 ]; then
  echo "[bench] building the applications and the load generator (mvn -DskipTests -Pbench package)" >&2
  mvn -B -q -DskipTests -Pbench package
fi
[ -d bench/target/classes ] && [ -d bench/target/lib ] || { echo "bench/run.sh: bench is not built; run without --no-build" >&2; exit 1; }

if ! psql -h 127.0.0.1 -U sphere -d "$db" -Atc 'select 1' >/dev/null 2>&1; then
  echo "[bench] creating database $db" >&2
  psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -qc "create database $db owner sphere template template0" >/dev/null \
    || { echo "bench/run.sh: cannot create database $db (is PostgreSQL up? deploy/dev-services.sh)" >&2; exit 1; }
fi

pid=
stop_all() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true   # the load generator's shutdown hook stops web and worker
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  # whatever a killed load generator left behind, found through its PID files
  for f in bench/target/run/*.pid; do
    [ -f "$f" ] || continue
    p=$(cat "$f")
    if tr '\0' ' ' <"/proc/$p/cmdline" 2>/dev/null | grep -q quarkus-run.jar; then
      kill -CONT "$p" 2>/dev/null || true   # a worker frozen by measurement 4 must wake up to stop
      kill -TERM "$p" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}
trap 'stop_all' EXIT
trap 'echo "[bench] interrupted; stopping what was started" >&2; exit 130' INT TERM

# Hard bound: 30 minutes in all, the build included. The load generator plans its steps within the budget left
# and skips (and reports) what would not fit; timeout stops it if it still overran.
budget=$((29 * 60 - (SECONDS - began) - 60))
[ "$budget" -gt 120 ] || { echo "bench/run.sh: the build took the whole time budget" >&2; exit 1; }
timeout --signal=TERM --kill-after=50s "${budget}s" \
  java -Xmx512m -cp "bench/target/classes:bench/target/lib/*" io.sphere.bench.Bench \
    --root "$root" --db "$db" --instance "$instance" --out "$out" --budget-seconds "$((budget - 20))" \
    ${quick[@]+"${quick[@]}"} &
pid=$!
wait "$pid"
