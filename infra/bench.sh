#!/usr/bin/env bash
# Runs a benchmark suite against a throwaway PostgreSQL: bash infra/bench.sh annotations|writes|agreement|imaging|slices|import|faults|fuzz|suggest|crowd|cluster
# (suggest [engines|noc|sam|hub [ROUNDS]]: hub starts its own cluster, the portal and a worker as child processes)
# (faults [ANNOTATORS] [ROUNDS] starts its own clusters and the portal as a child process, so it needs none here;
# cluster [ANNOTATORS] [RUNS]: two web nodes behind nginx, Redis, PostgreSQL, a worker and chromium, all its own: a node lost;
# fuzz [INPUTS SEED PARALLEL TIMEOUT_S])
# (train [weakseg bench options]: trains with full masks and each weak label type on synthetic phantoms, or on --data /
# --image --label, and prints the Dice / HD95 / % of full table; needs no database)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
ensure_packages "${RUNTIME_PACKAGES[@]}"
if [ "${1:-}" = train ]; then
  shift
  dotnet build -c Release src/WeakSegPortal.Cli -nologo -v q -clp:ErrorsOnly
  exec dotnet src/WeakSegPortal.Cli/bin/Release/net10.0/weakseg.dll bench "$@"
fi
# crowd [CONNECTIONS SECONDS ACCOUNTS server|workstation redis|alone]: two web nodes as child processes, redis-server and
# its own PostgreSQL; thousands of sockets, so the open-files soft limit is raised to the hard limit first.
if [ "${1:-}" = crowd ]; then
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || echo "bench.sh: could not raise the open-files limit (now $(ulimit -n))" >&2
  ensure_packages redis-server
  exec dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- "$@"
fi
# faults and cluster start their own clusters; suggest (classical engines on a 512² slice) needs no database.
if [ "${1:-}" = cluster ]; then
  # nginx-light (the load balancer), redis-server, chromium (the one real browser); the client bundle it loads; the
  # worker from its own Release build, as for suggest hub.
  ensure_packages nginx-light redis-server chromium
  export WEAKSEG_CHROMIUM=${WEAKSEG_CHROMIUM:-/usr/bin/chromium}
  bash infra/build-client.sh
  dotnet build -c Release src/WeakSegPortal.Worker -nologo -v q -clp:ErrorsOnly
  exec dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- "$@"
fi
if [ "${1:-}" = faults ] || [ "${1:-}" = suggest ]; then
  if [ "${1:-}" = suggest ] && [ "${2:-}" = hub ]; then
    # The worker runs from its own Release build (beside the benchmark its packages would clash with ASP.NET's).
    dotnet build -c Release src/WeakSegPortal.Worker -nologo -v q -clp:ErrorsOnly
  fi
  exec dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- "$@"
fi
WORK=$(mktemp -d /tmp/weakseg-bench.XXXXXX); chmod 755 "$WORK"
trap 'pg_stop "$WORK/pg"; rm -rf "$WORK"' EXIT
PORT=$(free_port 57432)
# Production durability (synchronous_commit on: an acknowledged annotation is on disk); PG_BENCH_SETTINGS adds or overrides settings.
pg_start "$WORK/pg" "$PORT" max_connections=300 shared_buffers=256MB ${PG_BENCH_SETTINGS:-}
export WEAKSEG_BENCH_PG="Host=127.0.0.1;Port=$PORT;Database=postgres;Username=postgres"
dotnet run -c Release --project tests/WeakSegPortal.Benchmarks -- "$@"
