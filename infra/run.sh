#!/usr/bin/env bash
# Runs the portal: installs what is missing, starts a private PostgreSQL (unless
# Database__ConnectionString is set), seeds a demo project and users, serves on $WEAKSEG_URL.
# Production by default (no stack traces, JSON logs); `--dev` runs the Development environment.
set -euo pipefail
ENVIRONMENT=Production
for arg in "$@"; do
  case "$arg" in
    --dev) ENVIRONMENT=Development ;;
    *) echo "usage: bash infra/run.sh [--dev]" >&2; exit 2 ;;
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
log "WeakSegPortal: $URL  ($ENVIRONMENT; Ctrl-C stops the portal and its database)"
for u in admin pm qa ann1 ann2 ann3; do log "  demo sign-in: $u / $u-demo-pw"; done
# The app runs as a child so that Ctrl-C (or a TERM from a supervisor) stops it cleanly first,
# and the EXIT trap then stops the database.
(cd src/WeakSegPortal.Web && exec dotnet bin/Release/net10.0/WeakSegPortal.Web.dll --urls "$URL") &
APP=$!
trap 'kill -TERM $APP 2>/dev/null' INT TERM
wait $APP || true
wait $APP 2>/dev/null || true
