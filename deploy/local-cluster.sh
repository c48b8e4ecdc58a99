#!/usr/bin/env bash
# A MeetingOps cluster on this machine, without Docker: one redis-server and N hosts on loopback ports.
#
#   deploy/local-cluster.sh start [N]   build if needed, start redis-server and N hosts (default 3), wait until every
#                                       host is ready, print each host's base URL on stdout, one per line
#   deploy/local-cluster.sh stop        stop the hosts (gracefully, then hard after 30 s) and redis-server
#   deploy/local-cluster.sh status      what runs: redis-server and each host, with its URL, pid and readiness
#
# Everything it keeps (Redis's append-only file, logs, pids, the organizer key) is under .local-cluster/ in the
# repo (git-ignored); `start` begins with a fresh one. Logs go to .local-cluster/*/..log, never to stdout.
# The organizer key is MeetingOps__OrganizerKey when set, else generated into .local-cluster/organizer.key.
# Environment: MEETINGOPS_CONFIGURATION (Release), MEETINGOPS_READY_TIMEOUT (seconds, 120).
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
state="${MEETINGOPS_LOCAL_CLUSTER_DIR:-$repo/.local-cluster}"
configuration="${MEETINGOPS_CONFIGURATION:-Release}"
ready_timeout="${MEETINGOPS_READY_TIMEOUT:-120}"
project="$repo/src/MeetingOps.Server"
dll="$project/bin/$configuration/net10.0/MeetingOps.Server.dll"

say() { echo "local-cluster: $*" >&2; }

alive() { [ -n "${1:-}" ] && kill -0 "$1" 2>/dev/null; }

pid_of() { [ -f "$1" ] && cat "$1" || true; }

free_ports() { # N free TCP ports on 127.0.0.1, all different
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket(); s.bind(("127.0.0.1", 0)); socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks: s.close()
PY
}

ensure_redis() {
  command -v redis-server >/dev/null 2>&1 && return
  say "redis-server is missing; installing it (apt-get install redis-server)"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq >&2 && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >&2
}

ensure_build() {
  if [ -f "$dll" ] && [ -z "$(find "$repo/src" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.html' -o -name '*.js' -o -name '*.css' \) \
        -not -path '*/bin/*' -not -path '*/obj/*' -not -path '*/node_modules/*' -newer "$dll" -print -quit)" ] \
     && [ ! "$repo/Directory.Packages.props" -nt "$dll" ]; then
    return
  fi
  say "building src/MeetingOps.Server ($configuration)"
  dotnet build "$project" -c "$configuration" -nologo -v quiet >"$state/build.log" 2>&1 || { say "build failed; see $state/build.log"; tail -20 "$state/build.log" >&2; exit 1; }
}

running_hosts() { ls -d "$state"/host-* 2>/dev/null || true; }

start() {
  local n="${1:-3}"
  [[ "$n" =~ ^[1-9][0-9]?$ ]] || { say "N must be a number of hosts, 1-99"; exit 2; }
  if alive "$(pid_of "$state/redis/redis.pid")"; then
    say "a local cluster already runs (see: $0 status); stop it first"
    exit 1
  fi
  for host in $(running_hosts); do alive "$(pid_of "$host/pid")" && { say "a host still runs in $host; run $0 stop first"; exit 1; }; done
  rm -rf "$state"
  mkdir -p "$state/redis"
  ensure_redis
  ensure_build

  local key="${MeetingOps__OrganizerKey:-}"
  if [ -z "$key" ]; then
    key="$(python3 -c 'import secrets; print(secrets.token_urlsafe(24))')"
    ( umask 077; echo "$key" >"$state/organizer.key" )
    say "generated an organizer key; it is in $state/organizer.key"
  fi

  local ports; read -r -a ports <<<"$(free_ports $((1 + 3 * n)))"
  local redis_port="${ports[0]}"
  redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$state/redis" --daemonize yes \
    --pidfile "$state/redis/redis.pid" --logfile "$state/redis/redis.log" \
    --appendonly yes --appendfsync always --save "" >&2
  for _ in $(seq 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done
  redis-cli -p "$redis_port" ping >/dev/null 2>&1 || { say "redis-server did not answer on port $redis_port; see $state/redis/redis.log"; stop; exit 1; }
  echo "$redis_port" >"$state/redis/port"
  say "redis-server on 127.0.0.1:$redis_port (appendonly, appendfsync always)"

  local i
  for i in $(seq 1 "$n"); do
    local dir="$state/host-$i" http="${ports[$((3 * i - 2))]}" silo="${ports[$((3 * i - 1))]}" gateway="${ports[$((3 * i))]}"
    mkdir -p "$dir"
    echo "http://127.0.0.1:$http" >"$dir/url"
    (
      cd "$dir"
      env MeetingOps__Redis="127.0.0.1:$redis_port" MeetingOps__OrganizerKey="$key" \
          MeetingOps__SiloPort="$silo" MeetingOps__GatewayPort="$gateway" MeetingOps__DataDirectory="$dir/data" \
          MeetingOps__ClusterId="${MeetingOps__ClusterId:-meetingops-local}" MeetingOps__ServiceId="${MeetingOps__ServiceId:-meetingops-local}" \
          setsid dotnet "$dll" --contentRoot "$project" --urls "http://127.0.0.1:$http" >"$dir/host.log" 2>&1 </dev/null &
      echo $! >"$dir/pid"
    )
    say "host $i: http://127.0.0.1:$http (silo $silo, gateway $gateway), log $dir/host.log"
  done

  local deadline=$((SECONDS + ready_timeout))
  for i in $(seq 1 "$n"); do
    local dir="$state/host-$i" url; url="$(cat "$dir/url")"
    until curl -fsS -o /dev/null --max-time 5 "$url/health/ready" 2>/dev/null; do
      if ! alive "$(pid_of "$dir/pid")"; then
        say "host $i exited before it was ready; its log:"; tail -30 "$dir/host.log" >&2; stop; exit 1
      fi
      if [ "$SECONDS" -ge "$deadline" ]; then
        say "host $i was not ready within $ready_timeout s; its log:"; tail -30 "$dir/host.log" >&2; stop; exit 1
      fi
      sleep 0.5
    done
  done
  say "$n host(s) ready"
  for i in $(seq 1 "$n"); do cat "$state/host-$i/url"; done
}

stop() {
  local host pid
  for host in $(running_hosts); do
    pid="$(pid_of "$host/pid")"
    alive "$pid" && kill -TERM "$pid" 2>/dev/null || true
  done
  for host in $(running_hosts); do
    pid="$(pid_of "$host/pid")"
    for _ in $(seq 60); do alive "$pid" || break; sleep 0.5; done
    if alive "$pid"; then say "$(basename "$host") did not stop within 30 s; killing it"; kill -KILL "$pid" 2>/dev/null || true; fi
    rm -f "$host/pid"
  done
  pid="$(pid_of "$state/redis/redis.pid")"
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do alive "$pid" || break; sleep 0.1; done
  fi
  rm -f "$state/redis/redis.pid"
  say "stopped"
}

status() {
  local pid any=0
  pid="$(pid_of "$state/redis/redis.pid")"
  if alive "$pid"; then
    echo "redis-server  127.0.0.1:$(cat "$state/redis/port")  pid $pid"; any=1
  else
    echo "redis-server  not running"
  fi
  for host in $(running_hosts); do
    pid="$(pid_of "$host/pid")"
    local url; url="$(cat "$host/url" 2>/dev/null || echo '?')"
    if alive "$pid"; then
      local ready="not ready"
      curl -fsS -o /dev/null --max-time 3 "$url/health/ready" 2>/dev/null && ready="ready"
      echo "$(basename "$host")  $url  pid $pid  $ready"; any=1
    else
      echo "$(basename "$host")  $url  not running"
    fi
  done
  [ "$any" -eq 1 ]
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start [N] | stop | status" >&2; exit 2 ;;
esac
