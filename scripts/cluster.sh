#!/usr/bin/env bash
# A local USHS cluster on loopback: several nodes of app/target/ushs.jar, each with its own ports,
# logs and pid files under .cluster/ (git ignores it).
#
#   scripts/cluster.sh start [N]   start N nodes (default 3) forming one cluster, wait until ready
#   scripts/cluster.sh add         start one more node that joins the running cluster
#   scripts/cluster.sh stop I      stop node I with SIGTERM (graceful), kill -9 after 30 s
#   scripts/cluster.sh kill I      kill -9 node I (node loss)
#   scripts/cluster.sh stop-all    stop every node
#   scripts/cluster.sh status      each node: pid, ports, readiness
#   scripts/cluster.sh tokens      the subscriber and publisher tokens (24 h) for the shared secret
#   scripts/cluster.sh help        this text (also printed, with exit 2, for no or an unknown command)
#
# Quorum: the replay log takes writes only while a majority of the nodes of the first `start` is
# present (with 3 or more); nodes added later never count toward it (README "Scaling caveat").
# Node I (from 1) listens on gateway 8080+10*(I-1), publish API and /metrics that + 1, Hazelcast
# 5701+(I-1). The nodes share USHS_JWT_SECRET when it is set; otherwise a dev secret is made
# once, kept in .cluster/secret and printed. Other USHS_* variables in the environment reach every
# node (USHS_LOG_FORMAT=json, ...). JAVA_OPTS defaults to -Xmx256m.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/app/target/ushs.jar"
DIR="${USHS_CLUSTER_DIR:-$ROOT/.cluster}"
READY_SECONDS=120

# the header comment above, up to the first line that is not a comment
usage() { awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; }

die() { echo "cluster.sh: $*" >&2; exit 1; }

gateway_port() { echo $((8080 + 10 * ($1 - 1))); }
ingest_port() { echo $((8081 + 10 * ($1 - 1))); }
hazelcast_port() { echo $((5701 + $1 - 1)); }

pid_of() { [ -f "$DIR/node-$1.pid" ] && cat "$DIR/node-$1.pid"; }
alive() { local pid; pid="$(pid_of "$1")" && kill -0 "$pid" 2>/dev/null; }
indexes() { ls "$DIR"/node-*.pid 2>/dev/null | sed 's/.*node-\([0-9]*\)\.pid/\1/' | sort -n; }

# GET /health/ready on the node's ingest port; prints "<status> <body>" (no curl needed)
readiness() {
  local response
  response="$( (exec 3<>"/dev/tcp/127.0.0.1/$(ingest_port "$1")" &&
    printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3 && cat <&3) 2>/dev/null)" ||
    { echo "down"; return; }
  echo "$(head -1 <<<"$response" | awk '{print $2}') $(tail -1 <<<"$response")"
}

secret() {
  if [ -n "${USHS_JWT_SECRET:-}" ]; then
    echo "$USHS_JWT_SECRET"
  elif [ -f "$DIR/secret" ]; then
    cat "$DIR/secret"
  else
    (umask 077 && head -c 48 /dev/urandom | base64 | tr -d '\n/+=' >"$DIR/secret")
    echo "cluster.sh: made a dev secret for this cluster (kept in $DIR/secret):" >&2
    echo "  USHS_JWT_SECRET=$(cat "$DIR/secret")" >&2
    cat "$DIR/secret"
  fi
}

launch() { # index members
  local i=$1 members=$2
  [ -f "$JAR" ] || die "no $JAR: build it first (mvn -B package -DskipTests)"
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  USHS_CLUSTER_NAME="$(cat "$DIR/name")" \
    USHS_CLUSTER_HOST=127.0.0.1 \
    USHS_CLUSTER_PORT="$(hazelcast_port "$i")" \
    USHS_CLUSTER_MEMBERS="$members" \
    USHS_HTTP_HOST=127.0.0.1 \
    USHS_GATEWAY_PORT="$(gateway_port "$i")" \
    USHS_INGEST_PORT="$(ingest_port "$i")" \
    USHS_GATEWAY_INSTANCES="${USHS_GATEWAY_INSTANCES:-2}" \
    USHS_JWT_SECRET="$SECRET" \
    nohup java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:--Xmx256m} -jar "$JAR" >"$DIR/node-$i.log" 2>&1 &
  echo $! >"$DIR/node-$i.pid"
  echo "node $i: pid $!, gateway $(gateway_port "$i"), publish $(ingest_port "$i"), hazelcast $(hazelcast_port "$i")"
}

await_ready() { # index...
  local deadline=$((SECONDS + READY_SECONDS)) i state
  for i in "$@"; do
    until state="$(readiness "$i")" && [ "${state%% *}" = "200" ]; do
      alive "$i" || die "node $i exited; see $DIR/node-$i.log"
      [ $SECONDS -lt $deadline ] || die "node $i not ready within ${READY_SECONDS}s: $state"
      sleep 1
    done
    echo "node $i ready: ${state#* }"
  done
}

tokens() {
  USHS_JWT_SECRET="$SECRET" java -cp "$JAR" org.ushs.app.DevTokens >"$DIR/tokens.env"
  echo "tokens (24 h), also in $DIR/tokens.env:"
  sed 's/^/  /' "$DIR/tokens.env"
}

start() {
  local n=${1:-3} i members=""
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "start: N must be a positive number"
  for i in $(indexes); do alive "$i" && die "node $i is running; stop-all first"; done
  mkdir -p "$DIR"
  rm -f "$DIR"/node-*.pid "$DIR/members"
  echo "ushs-local-$RANDOM$RANDOM" >"$DIR/name"
  SECRET="$(secret)"
  for i in $(seq 1 "$n"); do members+="${members:+,}127.0.0.1:$(hazelcast_port "$i")"; done
  echo "$members" >"$DIR/members"
  for i in $(seq 1 "$n"); do launch "$i" "$members"; done
  await_ready $(seq 1 "$n")
  tokens
}

add() {
  [ -f "$DIR/members" ] || die "no cluster: start one first"
  local last i
  last="$(indexes | tail -1)"
  i=$((last + 1))
  SECRET="$(secret)"
  # the same seed list as the others: it joins through them, and the log's quorum stays a
  # majority of the same listed members on every node. The new node is not in that list, so it
  # never counts toward the quorum: with nodes 2 and 3 gone, node 1 and this one are not a
  # majority (1 of 3 listed) and refuse publishes with 503.
  launch "$i" "$(cat "$DIR/members")"
  await_ready "$i"
}

stop() { # index signal
  local i=$1 pid
  pid="$(pid_of "$i")" || die "no node $i"
  if ! kill -0 "$pid" 2>/dev/null; then echo "node $i: not running"; return; fi
  if [ "${2:-TERM}" = "KILL" ]; then
    kill -9 "$pid" && echo "node $i: killed (-9)"
    return
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || { echo "node $i: stopped"; return; }; sleep 1; done
  kill -9 "$pid" && echo "node $i: did not stop within 30 s, killed (-9)"
}

status() {
  local i pid
  [ -n "$(indexes)" ] || { echo "no nodes (start with: scripts/cluster.sh start 3)"; return; }
  for i in $(indexes); do
    pid="$(pid_of "$i")"
    if alive "$i"; then
      echo "node $i: pid $pid, gateway $(gateway_port "$i"), publish $(ingest_port "$i"): $(readiness "$i")"
    else
      echo "node $i: not running (log: $DIR/node-$i.log)"
    fi
  done
}

case "${1:-}" in
  start) start "${2:-3}" ;;
  add) add ;;
  stop) stop "${2:?stop I}" TERM ;;
  kill) stop "${2:?kill I}" KILL ;;
  stop-all) for i in $(indexes); do stop "$i" TERM; done ;;
  status) status ;;
  tokens) SECRET="$(secret)"; tokens ;;
  help | -h | --help) usage ;;
  *) usage; exit 2 ;;
esac
