#!/usr/bin/env bash
# A real Spark standalone cluster on this machine's loopback interface: one master and N
# workers, run from the project's own Spark jars, for trying and testing cluster submission.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
self="$root/submit/local-cluster.sh"
# shellcheck source=submit/lib/spark-home.sh
source "$root/submit/lib/spark-home.sh"

usage() {
  cat <<EOF
usage: submit/local-cluster.sh start [--workers N] [--cores C] [--memory M] [--stop-with PID] [--dir DIR]
       submit/local-cluster.sh stop [--dir DIR]
       submit/local-cluster.sh status [--dir DIR]

start   starts a Spark standalone master and N workers (default 2, each with C cores, default
        1, and M memory for executors, default 1g) on 127.0.0.1, on free ports, waits until
        every worker has registered and prints the master URL. Submit to it with
          SPARK_LOCAL_IP=127.0.0.1 submit/spark-submit.sh --master URL -- segment ...
        --stop-with PID stops the cluster once process PID has ended (for tests).
stop    stops the master, the workers and their executors: only processes this cluster
        started, found by their recorded pids and checked to still be those processes.
status  prints the master URL, its web UI and each process; exit code 3 if not running,
        1 if some daemon has died.

State (pids, master URL, logs, worker directories) lives in DIR, default target/local-cluster/.
No Spark installation is needed: the daemons run from the stand-in SPARK_HOME in
target/spark-home/ (see submit/spark-submit.sh --help).
EOF
}

# How long a daemon may take to come up or to stop before it is given up on.
start_timeout=90
stop_timeout=20

(($# > 0)) || { usage >&2; exit 2; }
action="$1"
shift
[[ $action == -h || $action == --help ]] && { usage; exit 0; }
workers=2 cores=1 memory=1g owner="" dir="$root/target/local-cluster"
while (($# > 0)); do
  case "$1" in
    --workers) workers="${2:?--workers needs a number}"; shift 2 ;;
    --cores) cores="${2:?--cores needs a number}"; shift 2 ;;
    --memory) memory="${2:?--memory needs a size such as 1g}"; shift 2 ;;
    --stop-with) owner="${2:?--stop-with needs a process id}"; shift 2 ;;
    --dir) dir="${2:?--dir needs a directory}"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
[[ $workers =~ ^[1-9][0-9]*$ ]] || die "--workers $workers: must be a positive whole number"
[[ $cores =~ ^[1-9][0-9]*$ ]] || die "--cores $cores: must be a positive whole number"
[[ $memory =~ ^[1-9][0-9]*[mMgG]$ ]] || die "--memory $memory: must be a size such as 512m or 2g"
[[ -z $owner || $owner =~ ^[0-9]+$ ]] || die "--stop-with $owner: must be a process id"
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
# Every JVM of this cluster, executors included, carries this on its command line: it tells
# our processes from any other, and lets stop find executors a killed worker left behind.
marker="-Dsymseg.local-cluster=$dir"

is_ours() { # PID: the process runs and carries this cluster's marker
  local args
  args="$(ps -o args= -p "$1" 2> /dev/null)" || return 1
  [[ $args == *"$marker"* ]]
}

alive_pid() { # NAME: the recorded pid of a daemon, if it is still that daemon
  local pid
  [[ -f $dir/$1.pid ]] || return 1
  pid="$(< "$dir/$1.pid")"
  is_ours "$pid" && echo "$pid"
}

# Starts a Spark daemon class in the background; its pid goes to DIR/NAME.pid. The daemons
# only schedule: a quick JIT and one GC thread leave the cores to the executors. The master's
# REST submission server is off, as it would take the fixed port 6066.
launch() { # NAME CLASS ARGS...
  local name="$1" class="$2"
  shift 2
  nohup "$java" -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC "@$root/conf/java17-spark.args" \
    "$marker" -Dspark.master.rest.enabled=false -cp "$SPARK_HOME/jars/*" \
    "$class" "$@" > "$dir/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/$name.pid"
}

# Waits for a line matching PATTERN in NAME's log and prints the first capture group.
await_log() { # NAME PATTERN WHAT
  local name="$1" pattern="$2" what="$3" waited=0
  while ((waited < start_timeout * 5)); do
    if [[ -f $dir/logs/$name.log && $(< "$dir/logs/$name.log") =~ $pattern ]]; then
      echo "${BASH_REMATCH[1]}"
      return 0
    fi
    alive_pid "$name" > /dev/null || break
    sleep 0.2
    waited=$((waited + 1))
  done
  echo "local-cluster.sh: $name did not $what; the end of $dir/logs/$name.log:" >&2
  tail -n 20 "$dir/logs/$name.log" >&2
  "$self" stop --dir "$dir" > /dev/null 2>&1 || true
  exit 1
}

stop_pid() { # PID WHAT: TERM, then KILL if it has not ended in time
  local pid="$1" waited=0
  kill -TERM "$pid" 2> /dev/null || return 0
  while is_ours "$pid" && ((waited < stop_timeout * 5)); do
    sleep 0.2
    waited=$((waited + 1))
  done
  if is_ours "$pid"; then
    echo "local-cluster.sh: $2 (pid $pid) ignored TERM; killing it" >&2
    kill -KILL "$pid" 2> /dev/null || true
  fi
}

daemon_names() { # workers first, so none outlives the master and re-registers
  local file
  for file in "$dir"/worker-*.pid "$dir"/master.pid; do
    [[ -f $file ]] && basename "$file" .pid
  done
  return 0
}

start() {
  if pid="$(alive_pid master)"; then
    die "already running at $(< "$dir/master-url") (master pid $pid); stop it first"
  fi
  use_project_spark_home
  java="$(java_command)"
  rm -rf "$dir/logs" "$dir/work" "$dir/conf" "$dir"/*.pid "$dir/master-url"
  mkdir -p "$dir/logs" "$dir/work" "$dir/conf"
  # Workers build executor commands with Spark's launcher, which reads java-opts and puts
  # this directory on the classpath: executors get the marker and the project's logging.
  echo "$marker" > "$dir/conf/java-opts"
  ln -s "$root/conf/log4j2.properties" "$dir/conf/log4j2.properties"
  export SPARK_CONF_DIR="$dir/conf" SPARK_LOCAL_IP=127.0.0.1

  local started=$SECONDS url ui i
  launch master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port 0 --webui-port 0
  url="$(await_log master 'Starting Spark master at (spark://[^[:space:]]+)' "start")"
  ui="$(await_log master 'MasterWebUI.*started at (http://[^[:space:]]+)' "start its web UI")"
  for ((i = 1; i <= workers; i++)); do
    launch "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --port 0 \
      --webui-port 0 --cores "$cores" --memory "$memory" --work-dir "$dir/work/worker-$i" "$url"
  done
  for ((i = 1; i <= workers; i++)); do
    await_log "worker-$i" '(Successfully registered) with master' "register with the master" > /dev/null
  done
  echo "$url" > "$dir/master-url"
  echo "$ui" > "$dir/master-ui"
  if [[ -n $owner ]]; then
    watch_owner &
    echo $! > "$dir/watchdog.pid"
  fi
  echo "local-cluster.sh: workers: $workers (each $cores core(s), $memory) registered with $url in $((SECONDS - started)) s; web UI $ui; logs in $dir/logs" >&2
  echo "$url"
}

# Runs in the background: stops the cluster when the owner process has ended.
watch_owner() {
  exec < /dev/null > /dev/null 2>&1
  while kill -0 "$owner" 2> /dev/null && [[ -f $dir/master.pid ]]; do
    sleep 1
  done
  "$self" stop --dir "$dir" || true
}

stop() {
  local name pid stopped=0 watchdog line
  for name in $(daemon_names); do
    if pid="$(alive_pid "$name")"; then
      stop_pid "$pid" "$name"
      stopped=$((stopped + 1))
    fi
    rm -f "$dir/$name.pid"
  done
  # executors and drivers whose worker was killed before it could end them
  while read -r pid line; do
    if [[ $line == *"$marker"* && $pid != "$$" ]]; then
      stop_pid "$pid" "a leftover process"
    fi
  done < <(ps -eo pid=,args=)
  if [[ -f $dir/watchdog.pid ]]; then
    watchdog="$(< "$dir/watchdog.pid")"
    rm -f "$dir/watchdog.pid"
    # the watchdog is a copy of this script; it stops itself once master.pid is gone, and it
    # must not be killed when it is the one that called stop
    if [[ $watchdog != "$PPID" ]] && ps -o args= -p "$watchdog" 2> /dev/null | grep -q local-cluster.sh; then
      kill -TERM "$watchdog" 2> /dev/null || true
    fi
  fi
  rm -f "$dir/master-url" "$dir/master-ui"
  echo "local-cluster.sh: stopped $stopped daemons of $dir" >&2
}

status() {
  local name pid running=0
  if ! pid="$(alive_pid master)"; then
    echo "not running ($dir)"
    return 3
  fi
  echo "master  $(< "$dir/master-url")  web UI $(< "$dir/master-ui")"
  for name in $(daemon_names); do
    if pid="$(alive_pid "$name")"; then
      echo "$name  pid $pid  log $dir/logs/$name.log"
      running=$((running + 1))
    else
      echo "$name  not running  log $dir/logs/$name.log"
    fi
  done
  ((running == $(daemon_names | wc -l))) || return 1
}

case "$action" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) die "unknown command $action: use start, stop or status (see --help)" ;;
esac
