# Shared shell functions for run.sh and test.sh. Source it; do not run it.
# shellcheck shell=bash

ROOT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

log() { printf '\033[1;34m[weakseg]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[weakseg] %s\033[0m\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, else through sudo.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Installs the Debian packages that are not installed yet (idempotent).
ensure_packages() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -qq -o DPkg::Lock::Timeout=600 >/dev/null
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=600 --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get could not install: ${missing[*]}"
}

# Native libraries and servers the portal needs at run time. The last five are what OpenCvSharp's official
# linux-x64 runtime links against (classical suggestion engines: weakseg suggest, the worker, the ML tests).
RUNTIME_PACKAGES=(postgresql libgdcm-cil libgtk-3-0 libdrm2 libatomic1 libfreetype6 libharfbuzz0b)

pg_bindir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$dir"
}

# Runs a PostgreSQL tool as the cluster's owner: 'postgres' when we are root (initdb refuses root).
pg_as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# A port nobody listens on, starting at $1.
free_port() {
  local port=$1
  while (echo >/dev/tcp/127.0.0.1/"$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}

# pg_start DATA_DIR PORT [extra postgres -c options...]: creates the cluster on first use, starts it on 127.0.0.1.
pg_start() {
  local data=$1 port=$2; shift 2
  local bin; bin=$(pg_bindir)
  mkdir -p "$data"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$data"; chmod 700 "$data"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating a private PostgreSQL cluster in $data"
    pg_as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null \
      || die "initdb failed for $data"
  fi
  local opts="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data"
  for o in "$@"; do opts="$opts -c $o"; done
  pg_as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -o "$opts" -w -t 60 start >/dev/null \
    || { tail -n 20 "$data/server.log" >&2; die "PostgreSQL did not start (log above)"; }
  log "PostgreSQL is up on 127.0.0.1:$port"
}

pg_stop() {
  local data=$1
  [ -f "$data/postmaster.pid" ] || return 0
  pg_as_owner "$(pg_bindir)/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null 2>&1 || true
  log "PostgreSQL stopped"
}

# The data folder of the run command's cluster: project-local unless the cluster's owner cannot reach it.
run_data_dir() {
  local dir="$ROOT_DIR/.data/postgres"
  if [ "$(id -u)" -eq 0 ] && ! runuser -u postgres -- test -x "$ROOT_DIR"; then
    dir="/var/lib/weakseg/$(echo "$ROOT_DIR" | sha1sum | cut -c1-12)/postgres"
    log "user 'postgres' cannot enter $ROOT_DIR; keeping the cluster in $dir instead"
    mkdir -p "$(dirname "$dir")"
  fi
  echo "$dir"
}

# lb_render OUT PREFIX LISTEN NODE...: writes the load balancer's nginx configuration (infra/nginx/weakseg-lb.conf.template)
# for web nodes at host:port (n0 is the first), listening on LISTEN (port or address:port), with its pid, logs and temp files
# under PREFIX. WEAKSEG_LB_WORKERS sets worker_processes (auto). Run it: nginx -p PREFIX -c OUT -g 'daemon off;'.
# Every server has max_fails=0: nginx never marks a node down. nginx counts a connect timeout or a failed read as a
# failure as well as a refused connection, and a node marked down stays out for fail_timeout even once it is back, so
# with marks the last live node (slow to accept in a reconnect storm) or a node just started again could be kept out
# while the other was dead: "no live upstreams" for everyone. Without marks a request to a dead node costs one refused
# connect (or proxy_connect_timeout for a host that is gone) and goes on to the next (proxy_next_upstream), and the
# affinity cookie then names the node that answered, so a client tries a dead node once.
lb_render() {
  local out=$1 prefix=$2 listen=$3; shift 3
  [ $# -ge 1 ] || die "lb_render: name at least one web node (host:port)"
  local pool_map="" served_map="" any="" pools="" i=0 node other j
  for node in "$@"; do
    pool_map+="    n$i weakseg_n$i;"$'\n'
    served_map+="    \"~(^|, )${node//./\\.}\$\" n$i;"$'\n'
    any+="    server $node max_fails=0;"$'\n'
    pools+=$'\n'"  upstream weakseg_n$i {"$'\n'"    server $node max_fails=0;"$'\n'
    j=0
    for other in "$@"; do
      [ $j -ne $i ] && pools+="    server $other max_fails=0 backup;"$'\n'
      j=$((j + 1))
    done
    pools+="    zone weakseg_n$i 64k;"$'\n'"    keepalive 16;"$'\n'"  }"
    i=$((i + 1))
  done
  mkdir -p "$prefix/tmp"
  local text; text=$(<"$ROOT_DIR/infra/nginx/weakseg-lb.conf.template")
  text=${text//@@WORKER_PROCESSES@@/${WEAKSEG_LB_WORKERS:-auto}}
  text=${text//@@PREFIX@@/$prefix}
  text=${text//@@LISTEN@@/$listen}
  text=${text//@@POOL_MAP@@/${pool_map%$'\n'}}
  text=${text//@@SERVED_MAP@@/${served_map%$'\n'}}
  text=${text//@@ANY_SERVERS@@/${any%$'\n'}}
  text=${text//@@NODE_POOLS@@/$pools}
  printf '%s\n' "$text" >"$out"
}
