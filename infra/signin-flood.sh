#!/usr/bin/env bash
# What bad sign-ins cost: starts the built portal (Production, throwaway PostgreSQL), posts 50
# anonymous sign-ins with user names of LEN characters and prints the growth of the server's RSS
# (10 s after the last one) and of its log. bash infra/signin-flood.sh [LEN] [COUNT]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT_DIR"
LEN=${1:-2000000}; COUNT=${2:-50}
WORK=$(mktemp -d /tmp/weakseg-flood.XXXXXX); chmod 755 "$WORK"
PG=$(free_port 57532); HTTP=$(free_port 5480)
APP=
trap '[ -n "$APP" ] && kill -TERM $APP 2>/dev/null; pg_stop "$WORK/pg"; rm -rf "$WORK"' EXIT
pg_start "$WORK/pg" "$PG"
dotnet build src/WeakSegPortal.Web -c Release -v q -nologo >/dev/null
(cd src/WeakSegPortal.Web && Database__ConnectionString="Host=127.0.0.1;Port=$PG;Database=postgres;Username=postgres" \
  ASPNETCORE_ENVIRONMENT=Production Storage__Root="$WORK/blobs" \
  exec dotnet bin/Release/net10.0/WeakSegPortal.Web.dll --urls "http://127.0.0.1:$HTTP") >"$WORK/portal.log" 2>&1 &
APP=$!
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$HTTP/health" >/dev/null && break; sleep 1; done
python3 infra/signin-flood.py "http://127.0.0.1:$HTTP" 3 100 >/dev/null  # warm-up
sleep 3
rss0=$(awk '/VmRSS/{print $2}' /proc/$APP/status); log0=$(stat -c %s "$WORK/portal.log")
python3 infra/signin-flood.py "http://127.0.0.1:$HTTP" "$COUNT" "$LEN"
sleep 10
rss1=$(awk '/VmRSS/{print $2}' /proc/$APP/status); log1=$(stat -c %s "$WORK/portal.log")
echo "$COUNT sign-ins, user names of $LEN characters: RSS ${rss0} kB -> ${rss1} kB (+$(( (rss1 - rss0) / 1024 )) MB), log +$(( (log1 - log0) / 1024 )) kB"
