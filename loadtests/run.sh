#!/usr/bin/env bash
# Load tests: MeetingOps (one host; two hosts with Redis) and a bare SignalR hub, interleaved, same generator.
#   loadtests/run.sh [quick|standard|issue11]      → loadtests/results/latest.md and latest.json
# issue11: issue 11's performance table in one run: 200, 1,000 and 10,000 followers on one host, the bare hub, the
# previous build (LOADTEST_BEFORE_DIR) and two hosts, plus the history step (push sizes on the wire, a command's p50 on
# a new meeting and after 4,000 commands) on a fresh server of each build.
# Overrides (optional): LOADTEST_SIZES="1000 10000" (followers per scenario), LOADTEST_MODES="one bare two",
# LOADTEST_SECONDS=20 (command window), LOADTEST_BUDGET (seconds for the whole run), LOADTEST_RATE=4 (commands/s), LOADTEST_MEETINGS=4,
# LOADTEST_SERVER_ENV="DOTNET_gcServer=0" (extra environment for the MeetingOps and bare servers, e.g. a GC experiment),
# LOADTEST_BEFORE_DIR=<an earlier server build output> with mode "before" (that build, measured in the same run),
# LOADTEST_HISTORY=1|0 (the history step; on in issue11), LOADTEST_HISTORY_COMMANDS=4000, LOADTEST_HISTORY_SAMPLE=200.
# Everything listens on and connects to loopback only, and the whole run stops itself after its time budget.
set -euo pipefail

profile=${1:-quick}
root=$(cd "$(dirname "$0")/.." && pwd)
case $profile in
  quick)    sizes="200 1000";         modes="one bare two"; seconds=10; budget=600 ;;
  standard) sizes="1000 5000 10000";  modes="one bare two"; seconds=30; budget=2700 ;;
  # About 15 minutes on a quiet 2-core machine after the build; the measuring stops at 20 (a step that no longer fits is
  # skipped and named in the report).
  # The previous build runs last at each size: it is a comparison, the others decide targets.
  issue11)  sizes="200 1000 10000";   modes="one bare two before"; seconds=30; budget=1200; history_default=1 ;;
  *) echo "usage: loadtests/run.sh [quick|standard|issue11]" >&2; exit 2 ;;
esac
history=${LOADTEST_HISTORY:-${history_default:-0}}
history_commands=${LOADTEST_HISTORY_COMMANDS:-4000}
history_sample=${LOADTEST_HISTORY_SAMPLE:-200}
sizes=${LOADTEST_SIZES:-$sizes}
modes=${LOADTEST_MODES:-$modes}
seconds=${LOADTEST_SECONDS:-$seconds}
budget=${LOADTEST_BUDGET:-$budget}
rate=${LOADTEST_RATE:-4}
meetings=${LOADTEST_MEETINGS:-4}

# The time bound: run the rest under `timeout`; the cleanup trap stops every server this script started.
if [[ -z ${LOADTEST_BOUNDED:-} ]]; then
  export LOADTEST_BOUNDED=1
  # The budget is for measuring (counted from the end of the build); the hard bound adds five minutes for the build
  # and one for the report. Within the budget the run itself skips what no longer fits, and writes its report.
  exec timeout --kill-after=20 "$((budget + 360))" "$0" "$@"
fi

# 10k+ sockets in one generator process and as many in the server: raise the open-file limit as far as allowed.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files limit: $(ulimit -n); ephemeral ports: $(tr '\t' '-' < /proc/sys/net/ipv4/ip_local_port_range)"

# The previous build: a server build output with MeetingOps.Server.dll, as an absolute path (servers start in their folder).
if [[ -n ${LOADTEST_BEFORE_DIR:-} ]]; then
  [[ -f $LOADTEST_BEFORE_DIR/MeetingOps.Server.dll ]] || {
    echo "LOADTEST_BEFORE_DIR=$LOADTEST_BEFORE_DIR has no MeetingOps.Server.dll: give a build output of the previous main (src/MeetingOps.Server/bin/Release/net10.0)" >&2
    exit 2
  }
  LOADTEST_BEFORE_DIR=$(cd "$LOADTEST_BEFORE_DIR" && pwd)
fi

cd "$root"
stamp=$(date -u +%Y%m%d-%H%M%S)
out="$root/loadtests/results/run-$stamp"
work=$(mktemp -d "${TMPDIR:-/tmp}/meetingops-load.XXXXXX")
mkdir -p "$out"
export MeetingOps__OrganizerKey=${MeetingOps__OrganizerKey:-loadtest-organizer-$stamp}
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ -n ${cluster_up:-} ]]; then deploy/local-cluster.sh stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
write_report() {
  $generator report "$out" "$root/loadtests/results/latest" > "$work/report.log" 2>&1 || { cat "$work/report.log"; return 1; }
}
trap cleanup EXIT
trap 'echo "run.sh: time budget of ${budget}s used up or interrupted; stopping (the report has what finished)" >&2; write_report >/dev/null || true; exit 124' TERM INT
generator=true # until built: a report on an early stop does nothing

echo "building (Release)…"
for project in src/MeetingOps.Server loadtests/MeetingOps.LoadTests.BareHub loadtests/MeetingOps.LoadTests; do
  dotnet build -c Release --nologo -v q "$project" > "$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
done
SECONDS=0 # the time budget counts from here
server_dir=$root/src/MeetingOps.Server/bin/Release/net10.0
bare_dir=$root/loadtests/MeetingOps.LoadTests.BareHub/bin/Release/net10.0
generator="dotnet $root/loadtests/MeetingOps.LoadTests/bin/Release/net10.0/MeetingOps.LoadTests.dll"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_live() { # url pid
  for _ in $(seq 1 120); do
    curl -fs "$1/health/live" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { echo "server $2 exited while starting" >&2; return 1; }
    sleep 0.5
  done
  echo "server at $1 not live after 60 s" >&2; return 1
}

# Starts a server from its build output (working directory there, logs in $work); sets url and pid.
# server_env: extra environment for the next MeetingOps server only (the history step turns the rate limits off).
start_server() { # kind [MeetingOps build output to run instead of this tree's]
  local kind=$1 port dir dll
  port=$(free_port)
  url="http://127.0.0.1:$port"
  if [[ $kind == meetingops ]]; then
    dir=${2:-$server_dir}; dll=MeetingOps.Server.dll
    mkdir -p "$work/data-$port"
    (cd "$dir" && exec env ASPNETCORE_ENVIRONMENT=Production MeetingOps__DataDirectory="$work/data-$port" \
      MeetingOps__SiloPort="$(free_port)" MeetingOps__GatewayPort="$(free_port)" ${LOADTEST_SERVER_ENV:-} ${server_env:-} \
      dotnet "$dll" --urls "$url" > "$work/server-$port.log" 2>&1) &
  else
    dir=$bare_dir; dll=MeetingOps.LoadTests.BareHub.dll
    (cd "$dir" && exec env ${LOADTEST_SERVER_ENV:-} dotnet "$dll" --urls "$url" > "$work/server-$port.log" 2>&1) &
  fi
  pid=$!
  pids+=("$pid")
  wait_live "$url" "$pid"
}

# A server that does not start costs its step, not the run: the step is skipped, named in the report with the server's
# last log line, and the run goes on.
started_or_skip() { # what
  echo "── $1: skipped, the server did not start"
  echo "$1: skipped, the server did not start ($(tail -1 "$work"/server-"${url##*:}".log 2>/dev/null))" > "$out/skipped-$(date +%s%N).txt"
  stop_server "$pid"
}

stop_server() { # pid
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# The soft budget: a step starts only if its estimate still fits (the report and a margin kept), else it is skipped and
# the report says so. Estimates are generous figures from quiet-machine runs: servers' start, connecting, warm-up,
# the command window, the drain and the stop (10,000 followers: about 15 s to connect and as long to let go).
fits() { # estimate-seconds what
  if (( SECONDS + $1 + 30 > budget )); then
    echo "── $2: skipped, the time budget (${budget}s) would not hold it (${SECONDS}s used, about $1 s needed)"
    echo "$2: skipped, the run's time budget of ${budget}s would not hold it" > "$out/skipped-$(date +%s%N).txt"
    return 1
  fi
}
estimate() { # followers mode
  local e=$((30 + seconds + $1 / 120))
  [[ $2 == two ]] && e=$((e + 40))
  echo "$e"
}

n=0
scenario() { # target mode hosts pids followers [payload file: the bare hub's, kept by a one-host scenario]
  n=$((n + 1))
  local file; file=$(printf '%s/scenario-%02d.json' "$out" "$n")
  echo "── $2, $5 followers"
  # The generator runs in the background so the TERM trap can act while it runs.
  $generator run --target "$1" --mode "$2" --hosts "$3" --pids "$4" --followers "$5" --meetings "$meetings" \
    --hub-clients 4 --rate "$rate" --seconds "$seconds" --warmup 3 --sources 8 \
    --definition samples/ctoc-wg2-wg3-2022.meeting.json --payload "${6:-$out/payload.json}" --out "$file" --deadline 900 \
    > "$work/generator-$n.log" 2>&1 &
  local gen=$!
  pids+=("$gen")
  if wait "$gen"; then
    grep -E '^(meetingops|bare)|connected' "$work/generator-$n.log" || true
    python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("   p50 %(p50Ms)s ms, p99 %(p99Ms)s ms, last p99 %(lastFollowerP99Ms)s ms, held %(connectionsHeld)s, failed %(connectionsFailed)s, %(memoryPerFollowerKb)s KB/follower, CPU %(serverCpuPercent)s %%" % r)' "$file"
  else
    echo "   the generator failed; its log:"; tail -20 "$work/generator-$n.log"
    echo "$2, $5 followers: the generator failed ($(tail -1 "$work/generator-$n.log"))" > "$out/skipped-$n.txt"
  fi
}

# The history step, on a fresh server of one build: push sizes (the sample and a meeting at the definition limits),
# then a chair command's p50 on a new meeting and after $history_commands commands. The rate limits are off there:
# one chair sending commands back to back is what they exist to stop, and the step measures the grain and storage.
history_step() { # build-name [MeetingOps build output]
  local name; name=history-$(echo -n "$1" | tr -c 'a-z0-9' '-')
  local file="$out/$name.json" log="$work/$name.log"
  server_env="MeetingOps__RateLimits__Enabled=false"
  start_server meetingops "${2:-}" || { server_env=; started_or_skip "history, $1"; return 0; }
  server_env=
  echo "── history, $1: push sizes, then $history_commands chair commands on one meeting"
  $generator history --target "$url" --build "$1" --commands "$history_commands" --sample "$history_sample" \
    --definition samples/ctoc-wg2-wg3-2022.meeting.json --out "$file" --deadline 420 > "$log" 2>&1 &
  local gen=$!
  pids+=("$gen")
  if wait "$gen"; then
    grep -E '^(this build|before)' "$log" || true
  else
    echo "   the history step failed; its log:"; tail -20 "$log"
    echo "history, $1: the generator failed ($(tail -1 "$log"))" > "$out/skipped-history-$(date +%s%N).txt"
  fi
  stop_server "$pid"
}

if [[ $history == 1 ]]; then
  fits 150 "history, this build" && history_step "this build"
  if [[ -n ${LOADTEST_BEFORE_DIR:-} ]]; then
    fits 200 "history, before" && history_step before "$LOADTEST_BEFORE_DIR"
  fi
fi

for followers in $sizes; do
  for mode in $modes; do
    fits "$(estimate "$followers" "$mode")" "$mode, $followers followers" || continue
    case $mode in
      one)
        start_server meetingops || { started_or_skip "one host, $followers followers"; continue; }
        scenario meetingops "one host" "$url" "$pid" "$followers"
        stop_server "$pid" ;;
      before)
        # A/B in the same run: LOADTEST_BEFORE_DIR is an earlier build's output (a copy of src/MeetingOps.Server/bin/Release/net10.0).
        [[ -n ${LOADTEST_BEFORE_DIR:-} ]] || { echo "── before: skipped (LOADTEST_BEFORE_DIR not set)"; continue; }
        start_server meetingops "$LOADTEST_BEFORE_DIR" || { started_or_skip "one host (before), $followers followers"; continue; }
        # Its push is kept apart: the bare hub pushes this build's changes, not the previous build's snapshot.
        scenario meetingops "one host (before)" "$url" "$pid" "$followers" "$out/payload-before.json"
        stop_server "$pid" ;;
      bare)
        start_server bare || { started_or_skip "bare, $followers followers"; continue; }
        scenario bare "bare" "$url" "$pid" "$followers"
        stop_server "$pid" ;;
      two)
        if [[ ! -x deploy/local-cluster.sh ]]; then
          echo "two hosts, $followers followers: deploy/local-cluster.sh is not on this branch" > "$out/skipped-two-$followers.txt"
          echo "── two hosts: skipped (no deploy/local-cluster.sh)"; continue
        fi
        cluster_up=1
        if ! urls=$(deploy/local-cluster.sh start 2 2>"$work/cluster-$followers.log" | grep -E '^https?://' | paste -sd, -) || [[ -z $urls ]]; then
          echo "── two hosts, $followers followers: skipped, the cluster did not start"; tail -5 "$work/cluster-$followers.log"
          echo "two hosts, $followers followers: skipped, the cluster did not start ($(tail -1 "$work/cluster-$followers.log"))" > "$out/skipped-$(date +%s%N).txt"
          deploy/local-cluster.sh stop >/dev/null 2>&1 || true
          cluster_up=; continue
        fi
        cluster_pids=""
        for u in ${urls//,/ }; do
          port=${u##*:}; port=${port%%/*}
          p=$(ss -ltnpH "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
          cluster_pids+="${cluster_pids:+,}$p"
        done
        scenario meetingops "two hosts" "$urls" "$cluster_pids" "$followers"
        deploy/local-cluster.sh stop >/dev/null 2>&1 || true
        cluster_up= ;;
    esac
  done
done

write_report || exit 1
echo "measuring took ${SECONDS}s after the build (budget ${budget}s)"
cat "$root/loadtests/results/latest.md"
echo "results: loadtests/results/latest.md, latest.json (this run's scenarios in $out)"
