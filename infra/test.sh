#!/usr/bin/env bash
# Runs every test against real parts: a throwaway PostgreSQL, Debian's chromium, real files.
# Ends with the plain line "N passed, N failed, N skipped"; exits non-zero on any failure.
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"

# redis-server: the cluster tests start a private one (SignalR backplane, shared worker and presence tables);
# nginx-light: the node-lost test's load balancer (infra/nginx); dicom3tools: dciodvfy checks the DICOM-SEG export.
TEST_PACKAGES=(redis-server nginx-light chromium dcmtk dicom3tools python3-pydicom python3-nibabel python3-numpy python3-pil libgdcm3.0 orthanc orthanc-dicomweb)
ensure_packages "${RUNTIME_PACKAGES[@]}" "${TEST_PACKAGES[@]}"
command -v dotnet >/dev/null || die "the .NET 10 SDK is needed (dotnet not on PATH)"

WORK=$(mktemp -d /tmp/weakseg-test.XXXXXX)
chmod 755 "$WORK"
PGDATA_DIR="$WORK/pg"
cleanup() { pg_stop "$PGDATA_DIR"; rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(free_port 56432)
# Durability is not under test here; speed is welcome.
pg_start "$PGDATA_DIR" "$PORT" fsync=off synchronous_commit=off full_page_writes=off max_connections=300
export WEAKSEG_TEST_PG="Host=127.0.0.1;Port=$PORT;Database=postgres;Username=postgres"
export WEAKSEG_CHROMIUM=${WEAKSEG_CHROMIUM:-/usr/bin/chromium}

summary() { echo "$1 passed, $2 failed, $3 skipped"; }

bash infra/build-client.sh || { summary 0 1 0; exit 1; }
log "building the solution"
if ! dotnet build WeakSegPortal.sln -nologo -v q -clp:ErrorsOnly; then
  summary 0 1 0
  exit 1
fi

passed=0; failed=0; skipped=0; status=0
if [ -f wwwroot/package.json ] && grep -q '"test"' wwwroot/package.json; then
  log "browser module tests (node --test)"
  node_out=$(cd wwwroot && npm test --silent 2>&1); node_rc=$?
  echo "$node_out"
  passed=$((passed + $(echo "$node_out" | sed -n 's/^# pass \([0-9]*\)/\1/p' | tail -n1 | grep . || echo 0)))
  failed=$((failed + $(echo "$node_out" | sed -n 's/^# fail \([0-9]*\)/\1/p' | tail -n1 | grep . || echo 0)))
  [ $node_rc -eq 0 ] || status=1
fi

log "running .NET tests"
RESULTS="$WORK/results"
# One test project at a time: the browser tests are timing-sensitive, and 2 cores shared with
# another project's tests made them flaky.
dotnet test WeakSegPortal.sln --no-build -nologo -m:1 --logger "trx" --logger "console;verbosity=minimal" --results-directory "$RESULTS" || status=1
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get notExecuted)))
done
# A crashed test host writes no result file: count it as a failure so it cannot pass silently.
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then failed=1; fi
summary $passed $failed $skipped
[ $status -eq 0 ] && [ $failed -eq 0 ]
