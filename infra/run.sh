#!/usr/bin/env bash
# Runs the portal: installs what is missing, starts a private PostgreSQL (unless
# Database__ConnectionString is set), seeds a demo project and users, serves on $WEAKSEG_URL,
# and starts one suggestion worker beside it (its log lines prefixed [worker]; `--no-worker` to skip).
# Production by default (no stack traces, JSON logs); `--dev` runs the Development environment.
set -euo pipefail
ENVIRONMENT=Production
START_WORKER=1
for arg in "$@"; do
  case "$arg" in
    --dev) ENVIRONMENT=Development ;;
    --no-worker) START_WORKER=0 ;;
    *) echo "usage: bash infra/run.sh [--dev] [--no-worker]" >&2; exit 2 ;;
  esac
done
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"

URL=${WEAKSEG_URL:-http://127.0.0.1:5080}
ensure_packages "${RUNTIME_PACKAGES[@]}"
command -v dotnet >/dev/null || die "the .NET 10 SDK is needed (dotnet not on PATH)"

if [ -z "${Database__ConnectionString:-}" ]; then
  DATA=$(run_data_dir)
  PORT=${WEAKSEG_PG_PORT:-55432}
  trap 'pg_stop "$DATA"' EXIT
  pg_start "$DATA" "$PORT"
  if ! pg_as_owner "$(pg_bindir)/psql" -h 127.0.0.1 -p "$PORT" -U postgres -tAc "select 1 from pg_database where datname='weakseg'" | grep -q 1; then
    pg_as_owner "$(pg_bindir)/createdb" -h 127.0.0.1 -p "$PORT" -U postgres weakseg
  fi
  export Database__ConnectionString="Host=127.0.0.1;Port=$PORT;Database=weakseg;Username=postgres"
fi

bash infra/build-client.sh
export Seed__Demo=${Seed__Demo:-true}
# The flag decides, not a stray ASPNETCORE_ENVIRONMENT in the caller's shell: Development shows
# stack traces and request headers (the sign-in cookie among them) to whoever causes an error.
export ASPNETCORE_ENVIRONMENT=$ENVIRONMENT DOTNET_ENVIRONMENT=$ENVIRONMENT
log "building the portal"
dotnet build src/WeakSegPortal.Web -c Release -v q -nologo >/dev/null || dotnet build src/WeakSegPortal.Web -c Release -nologo
if [ "$START_WORKER" = 1 ]; then
  log "building the suggestion worker"
  dotnet build src/WeakSegPortal.Worker -c Release -v q -nologo >/dev/null || dotnet build src/WeakSegPortal.Worker -c Release -nologo
fi
# The machine token the worker connects with: generated once into .data/ (git-ignored, owner-only), given to the
# portal (Workers:Tokens) and to the worker (Worker:Token) through their configuration. WEAKSEG_WORKER_TOKEN overrides it.
TOKEN_FILE="$ROOT_DIR/.data/worker-token"
if [ -z "${WEAKSEG_WORKER_TOKEN:-}" ]; then
  if [ ! -s "$TOKEN_FILE" ]; then
    mkdir -p "$(dirname "$TOKEN_FILE")"
    (umask 077; od -An -tx1 -N32 /dev/urandom | tr -d ' \n' >"$TOKEN_FILE")
    log "generated a worker token in $TOKEN_FILE"
  fi
  WEAKSEG_WORKER_TOKEN=$(cat "$TOKEN_FILE")
fi
export Workers__Tokens__0="$WEAKSEG_WORKER_TOKEN"
log "WeakSegPortal: $URL  ($ENVIRONMENT; Ctrl-C stops the portal and its database)"
for u in admin pm qa ann1 ann2 ann3; do log "  demo sign-in: $u / $u-demo-pw"; done
# The app runs as a child so that Ctrl-C (or a TERM from a supervisor) stops it cleanly first,
# and the EXIT trap then stops the database.
(cd src/WeakSegPortal.Web && exec dotnet bin/Release/net10.0/WeakSegPortal.Web.dll --urls "$URL") &
APP=$!
WORKER=
if [ "$START_WORKER" = 1 ]; then
  # The worker reconnects on its own until the portal is up; it stops when the portal stops (below).
  # JSON lines (Hosting's AddWeakSegLogging) unless --dev, which reads better as single lines.
  worker_logging=()
  [ "$ENVIRONMENT" = Development ] && worker_logging=(Logging__Console__FormatterName=simple)
  (cd src/WeakSegPortal.Worker && exec env Worker__ServerUrl="$URL" Worker__Token="$WEAKSEG_WORKER_TOKEN" \
      Worker__Name="${WEAKSEG_WORKER_NAME:-local-worker}" Suggestions__EmbeddingDirectory="$ROOT_DIR/.data/embeddings" \
      "${worker_logging[@]}" \
      dotnet bin/Release/net10.0/WeakSegPortal.Worker.dll) > >(sed -u 's/^/[worker] /') 2>&1 &
  WORKER=$!
  log "suggestion worker started (pid $WORKER); its lines are prefixed [worker]"
fi
trap 'kill -TERM $APP 2>/dev/null' INT TERM
wait $APP || true
wait $APP 2>/dev/null || true
if [ -n "$WORKER" ]; then
  kill -TERM "$WORKER" 2>/dev/null || true
  wait "$WORKER" 2>/dev/null || true
  log "suggestion worker stopped"
fi
