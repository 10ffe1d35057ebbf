#!/usr/bin/env bash
# The whole benchmark suite in one command: builds the jars if needed, starts a one-node server
# on loopback, runs every scenario (3 rounds each, medians), profiles the 1k fan-out with JFR,
# stops the server and writes bench/RESULTS.md. Roughly half an hour on a 2-core machine (the
# BENCH_HEADLINE=1 rounds alone took 18 minutes: 40 s warm-ups, NATS side by side).
#
#   bench/run.sh                    # the suite, results in bench/RESULTS.md
#   BENCH_QUICK=1 bench/run.sh      # a smoke run: small sizes, 1 round, results in bench/target/run/
#   BENCH_HEADLINE=1 bench/run.sh   # the headline rounds only: NATS side by side, the log path,
#                                   # shedding, selective, batch ingest (no saturation/idle/resume)
#
# Settings (environment): BENCH_ROUNDS (3), BENCH_PORT_BASE (18080: gateway, +1 ingest, cluster
# 15701+), BENCH_SERVER_JVM (-Xmx3g), BENCH_RESULTS (bench/RESULTS.md), BENCH_SKIP_BUILD (0),
# BENCH_QUIET_WAIT (5: seconds a round may wait for other processes to go quiet).
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=${BENCH_QUICK:-0}
HEADLINE=${BENCH_HEADLINE:-0}
ROUNDS=${BENCH_ROUNDS:-3}
RUN=bench/target/run
RESULTS=${BENCH_RESULTS:-bench/RESULTS.md}
[ "$QUICK" = 1 ] && RESULTS=${BENCH_RESULTS:-$RUN/RESULTS.md} && ROUNDS=${BENCH_ROUNDS:-1}
BASE=${BENCH_PORT_BASE:-18080}
GATEWAY_PORT=$BASE
INGEST_PORT=$((BASE + 1))
CLUSTER_PORT=$((BASE - 18080 + 15701))
SERVER_JVM=${BENCH_SERVER_JVM:--Xmx3g}
GEN_JVM="-Xmx2g"
SECRET="bench-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
SUBS_LARGE=10000
SUBS_SMALL=1000
RESUME_LARGE=100000
if [ "$QUICK" = 1 ]; then SUBS_LARGE=2000; SUBS_SMALL=200; RESUME_LARGE=20000; fi
LOCALS=127.0.0.1,127.0.0.2,127.0.0.3,127.0.0.4
QUIET_WAIT=${BENCH_QUIET_WAIT:-5}

rm -rf "$RUN" && mkdir -p "$RUN"
MD=$RUN/scenarios.md
JSON=$RUN/results.jsonl
LOG=$RUN/server.log
STARTED=$(date -u +%FT%TZ)
T0=$(date +%s)
UPTIME_START=$(uptime)

say() { echo "[bench $(date +%T)] $*"; }

# --- build -------------------------------------------------------------------------------------
stale() {
  [ ! -f "$1" ] || [ -n "$(find pom.xml ./*/pom.xml ./*/src/main -newer "$1" -print -quit)" ]
}
if [ "${BENCH_SKIP_BUILD:-0}" != 1 ] && { stale app/target/ushs.jar || stale bench/target/ushs-bench.jar; }; then
  say "building the jars"
  mvn -B -q -o package -DskipTests -pl app,bench -am || mvn -B -q package -DskipTests -pl app,bench -am
fi

# --- limits: 10k connections from one process, on loopback -------------------------------------
# (the node's gateway port takes the descriptors it can spare: the limit less the publish port's
# bound, USHS_INGEST_MAX_CONNECTIONS, and 256)
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt $((SUBS_LARGE * 4)) ]; then
  ulimit -Hn $((SUBS_LARGE * 4)) 2>/dev/null || true
  ulimit -n "$(ulimit -Hn)" || true
fi
say "open files limit $(ulimit -n); ephemeral ports $(tr '\t' - </proc/sys/net/ipv4/ip_local_port_range);" \
  "clients spread over $LOCALS"

# --- server ------------------------------------------------------------------------------------
SERVER_PID=
stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill -TERM "$SERVER_PID"
    for _ in $(seq 1 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -KILL "$SERVER_PID"
  fi
  SERVER_PID=
}
trap stop_server EXIT

# start_server [VAR=value...]: one node, all roles, the extra settings given
start_server() {
  env USHS_JWT_SECRET="$SECRET" USHS_HTTP_HOST=127.0.0.1 \
    USHS_GATEWAY_PORT=$GATEWAY_PORT USHS_INGEST_PORT=$INGEST_PORT \
    USHS_CLUSTER_HOST=127.0.0.1 USHS_CLUSTER_PORT=$CLUSTER_PORT USHS_CLUSTER_NAME="ushs-bench-$$" \
    USHS_REPLAY_CAPACITY=250000 USHS_REPLAY_TTL=15m USHS_MAX_CONNECTIONS_PER_IDENTITY=100000 \
    USHS_MAX_CONNECTIONS_PER_IP=1000000 USHS_INGEST_MAX_CONNECTIONS=1000 \
    "$@" java $SERVER_JVM -XX:+ExitOnOutOfMemoryError -jar app/target/ushs.jar >>"$LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$INGEST_PORT/health/ready" >/dev/null; then
      say "server pid $SERVER_PID ready"
      return
    fi
    kill -0 "$SERVER_PID" 2>/dev/null || { cat "$LOG"; echo "server exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "server not ready in 60 s" >&2
  exit 1
}

COMMANDS=$RUN/commands.txt
bench() {
  local cmd=(java $GEN_JVM -jar bench/target/ushs-bench.jar "$@" --secret "\$SECRET"
    --gateway-port "$GATEWAY_PORT" --ingest-port "$INGEST_PORT" --server-pid "\$SERVER_PID"
    --out "$MD" --json "$JSON" --quiet-wait "$QUIET_WAIT")
  printf '%q ' "${cmd[@]}" | sed 's/\\\$/$/g' >>"$COMMANDS"
  echo >>"$COMMANDS"
  say "$1 ${*:2} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  java $GEN_JVM -jar bench/target/ushs-bench.jar "$@" --secret "$SECRET" \
    --gateway-port "$GATEWAY_PORT" --ingest-port "$INGEST_PORT" --server-pid "$SERVER_PID" \
    --out "$MD" --json "$JSON" --quiet-wait "$QUIET_WAIT" | grep -E '^  ' || true
}

# --- three nodes on loopback: the log path's cost on each, load on node 1 ----------------------
three_nodes() {
  local members="127.0.0.1:$CLUSTER_PORT,127.0.0.1:$((CLUSTER_PORT + 1)),127.0.0.1:$((CLUSTER_PORT + 2))"
  local pids=() i
  for i in 0 1 2; do
    env USHS_JWT_SECRET="$SECRET" USHS_HTTP_HOST=127.0.0.1 \
      USHS_GATEWAY_PORT=$((GATEWAY_PORT + 20 * i)) USHS_INGEST_PORT=$((INGEST_PORT + 20 * i)) \
      USHS_CLUSTER_HOST=127.0.0.1 USHS_CLUSTER_PORT=$((CLUSTER_PORT + i)) USHS_CLUSTER_MEMBERS="$members" \
      USHS_CLUSTER_NAME="ushs-bench3-$$" USHS_REPLAY_CAPACITY=250000 USHS_REPLAY_TTL=15m \
      java -Xmx1g -XX:+ExitOnOutOfMemoryError -jar app/target/ushs.jar >>"$RUN/node$((i + 1)).log" 2>&1 &
    pids+=($!)
  done
  for i in 0 1 2; do
    for _ in $(seq 1 120); do
      curl -fs "http://127.0.0.1:$((INGEST_PORT + 20 * i))/health/ready" >/dev/null && break
      sleep 0.5
    done
  done
  say "three nodes ready: pids ${pids[*]}"
  SERVER_PID=${pids[0]}
  bench fixed-rate --key steady3 --subscribers 10 --rate 5000 $USERS \
    --node-pids "${pids[1]},${pids[2]}" \
    --label "log path, three nodes (load and 10 subscribers on node 1): 500 single-event publishes/s"
  local roles="" ready
  for i in 0 1 2; do
    ready=$(curl -s "http://127.0.0.1:$((INGEST_PORT + 20 * i))/health/ready" || true)
    case "$ready" in *'"logOwner":true'*) roles="$roles node $((i + 1)) holds the log's primary copy (its writer);" ;; esac
    case "$ready" in *'"logBackup":true'*) roles="$roles node $((i + 1)) holds its backup;" ;; esac
  done
  echo "- after the rounds:$roles" >>"$MD"
  say "three nodes:$roles"
  for i in 0 1 2; do kill -TERM "${pids[$i]}" 2>/dev/null || true; done
  for i in 0 1 2; do wait "${pids[$i]}" 2>/dev/null || true; done
  SERVER_PID=
}

# --- NATS, the peer: websocket and client ports on loopback, generated configuration -----------
NATS_PID=
NATS_WS_PORT=$((BASE + 10))
NATS_PORT=$((BASE + 11))
source bench/nats.sh
stop_nats() {
  if [ -n "$NATS_PID" ]; then kill -TERM "$NATS_PID" 2>/dev/null || true; wait "$NATS_PID" 2>/dev/null || true; fi
  NATS_PID=
}
nats_bench() {
  local cmd=(java $GEN_JVM -jar bench/target/ushs-bench.jar "$@" --server nats
    --gateway-port "$NATS_WS_PORT" --nats-port "$NATS_PORT" --server-pid "\$NATS_PID"
    --out "$MD" --json "$JSON" --quiet-wait "$QUIET_WAIT")
  printf '%q ' "${cmd[@]}" | sed 's/\\\$/$/g' >>"$COMMANDS"
  echo >>"$COMMANDS"
  say "nats $1 ${*:2} (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  java $GEN_JVM -jar bench/target/ushs-bench.jar "$@" --server nats \
    --gateway-port "$NATS_WS_PORT" --nats-port "$NATS_PORT" --server-pid "$NATS_PID" \
    --out "$MD" --json "$JSON" --quiet-wait "$QUIET_WAIT" | grep -E '^  ' || true
}
if ! command -v nats-server >/dev/null 2>&1; then
  say "installing nats-server (Debian package) for the side-by-side rounds"
  apt-get install -y -qq nats-server >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq nats-server; }
fi
trap 'stop_server; stop_nats' EXIT

# --- the scenarios ------------------------------------------------------------------------------
R="--rounds $ROUNDS"
# Users' rates, side by side with NATS in the same run: single-event publishes, 16 in flight, a
# fixed offered rate (--rate counts deliveries: events/s x subscribers), same generator and events,
# after a 40 s warm-up round (JIT warm, as the issues measure: after 20 s, C1/C2 still took a third
# of the server's CPU in the first round at 500 events/s; the "of it JIT" column shows what is left).
USERS="--batch 1 --concurrency 16 --duration 10 --warmup 40 $R"
USERS_SMALL_RATE=$((SUBS_SMALL * 500))
USERS_LARGE_RATE=$((SUBS_LARGE * 50))
# selective fan-out: subscriber i takes service svc-(i mod 100) only; publishers at saturation
# (batches of 10), so a server that spends less per delivery gets more events through
SELECTIVE="--subscribers $SUBS_LARGE --local-addresses $LOCALS --services 100 --duration 8 --warmup 40 $R"
start_nats
nats_bench fixed-rate --key users1k-nats --subscribers $SUBS_SMALL --rate $USERS_SMALL_RATE $USERS \
  --label "NATS: $SUBS_SMALL subscribers, 500 single-event publishes/s"
nats_bench fixed-rate --key users10k-nats --subscribers $SUBS_LARGE --local-addresses $LOCALS \
  --rate $USERS_LARGE_RATE $USERS --label "NATS: $SUBS_LARGE subscribers, 50 single-event publishes/s"
nats_bench fixed-rate --key steady1-nats --subscribers 10 --rate 5000 $USERS \
  --label "NATS: 500 single-event publishes/s, 10 subscribers (the log path's load)"
nats_bench selective --key selective10k-nats $SELECTIVE \
  --label "NATS selective: $SUBS_LARGE subscribers, each event matches 1% (100 subjects)"
stop_nats
start_server
bench fixed-rate --key users1k --subscribers $SUBS_SMALL --rate $USERS_SMALL_RATE $USERS \
  --label "USHS: $SUBS_SMALL subscribers, 500 single-event publishes/s"
bench fixed-rate --key users10k --subscribers $SUBS_LARGE --local-addresses $LOCALS \
  --rate $USERS_LARGE_RATE $USERS --label "USHS: $SUBS_LARGE subscribers, 50 single-event publishes/s"
# the log path at a steady rate: server CPU per published event, 10 subscribers
bench fixed-rate --key steady1 --subscribers 10 --rate 5000 $USERS \
  --label "log path, one node: 500 single-event publishes/s, 10 subscribers"
# priority shedding: a subscriber reading 300 KB/s under 1000 events/s of mixed severities
bench shed --key shed --rate 1000 --read-rate 300000 $R --duration 45 \
  --label "shedding: one subscriber reading 300 KB/s, 1000 events/s (critical/high/medium/low in turn)"
stop_server
start_server USHS_WRITE_DELAY=10ms
bench fixed-rate --key users1k-delay10 --subscribers $SUBS_SMALL --rate $USERS_SMALL_RATE $USERS \
  --label "USHS with USHS_WRITE_DELAY=10ms: $SUBS_SMALL subscribers, 500 single-event publishes/s"
stop_server
three_nodes
start_server
if [ "$HEADLINE" = 1 ]; then
  bench selective --key selective10k $SELECTIVE \
    --label "selective: $SUBS_LARGE subscribers, each event matches 1% (100 services)"
  bench ingest --key ingest100 --batch 100 --concurrency 8 $R --duration 8 --warmup 30 \
    --label "ingest: batches of 100, 8 requests in flight"
  echo "(not run: BENCH_HEADLINE=1 runs the side-by-side, log-path, shedding, selective and batch-ingest rounds only)" >"$RUN/profile.md"
else
bench idle --key idle10k --subscribers $SUBS_LARGE --local-addresses $LOCALS $R \
  --label "idle connections: $SUBS_LARGE"
bench saturation --key sat1k --subscribers $SUBS_SMALL $R --duration 8 \
  --label "saturation fan-out: $SUBS_SMALL subscribers"
bench fixed-rate --key rate1k --subscribers $SUBS_SMALL --rate 20000 $R --duration 10 \
  --label "fixed rate 20k deliveries/s: $SUBS_SMALL subscribers (latency)"
bench saturation --key sat10k --subscribers $SUBS_LARGE --local-addresses $LOCALS $R --duration 8 \
  --label "saturation fan-out: $SUBS_LARGE subscribers"
bench fixed-rate --key rate10k --subscribers $SUBS_LARGE --local-addresses $LOCALS --rate 20000 \
  $R --duration 10 \
  --label "fixed rate 20k deliveries/s: $SUBS_LARGE subscribers (latency)"
bench selective --key selective10k $SELECTIVE \
  --label "selective: $SUBS_LARGE subscribers, each event matches 1% (100 services)"

# --- profile: JFR on the server during the 1k fan-out -----------------------------------------
JFR_FILE=$(pwd)/$RUN/server-saturation-1k.jfr
say "profiling the server (JFR) during a 30 s 1k-subscriber saturation round"
echo "java $GEN_JVM -jar bench/target/ushs-bench.jar saturation --subscribers $SUBS_SMALL --rounds 1" \
  "--duration 30 --retries 0 --jfr $RUN/server-saturation-1k.jfr (+ the connection options);" \
  "then: java -jar bench/target/ushs-bench.jar profile-summary $RUN/server-saturation-1k.jfr" >>"$COMMANDS"
java $GEN_JVM -jar bench/target/ushs-bench.jar saturation --subscribers $SUBS_SMALL --rounds 1 \
  --duration 30 --secret "$SECRET" --gateway-port "$GATEWAY_PORT" --ingest-port "$INGEST_PORT" \
  --server-pid "$SERVER_PID" --retries 0 --quiet-wait "$QUIET_WAIT" --jfr "$JFR_FILE" \
  | grep -E '^  round' || true
java -jar bench/target/ushs-bench.jar profile-summary "$JFR_FILE" --top 20 >"$RUN/profile.md"

bench resume --key resume10k --events 10000 $R --label "resume of 10000 missed events"
bench resume --key resume100k --events $RESUME_LARGE $R \
  --label "resume of $RESUME_LARGE missed events"

# ingest last: it fills the server's replay log; single events first
bench ingest --key ingest1 --batch 1 --concurrency 16 $R --duration 8 \
  --label "ingest: single events, 16 requests in flight"
bench ingest --key ingest100 --batch 100 --concurrency 8 $R --duration 8 --warmup 30 \
  --label "ingest: batches of 100, 8 requests in flight"
fi

stop_server
java -jar bench/target/ushs-bench.jar goals "$JSON" >"$RUN/goals.md"
BLOCKED=$(grep -c "has been blocked for" "$LOG" || true)
T1=$(date +%s)
UPTIME_END=$(uptime)

# --- RESULTS.md --------------------------------------------------------------------------------
{
  echo "# Benchmark results"
  echo
  echo "Written by \`bench/run.sh\` on $STARTED, in $(((T1 - T0) / 60)) min $(((T1 - T0) % 60)) s."
  echo
  echo "## Machine"
  echo
  echo "- $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), shared by the server, the generator and other engineers' builds"
  echo "- memory: $(free -m | awk '/Mem:/ {print $2 " MiB"}')"
  echo "- JDK: $(java -version 2>&1 | head -2 | tail -1)"
  echo "- kernel: $(uname -r); open files limit $(ulimit -n); ephemeral ports $(tr '\t' - </proc/sys/net/ipv4/ip_local_port_range)"
  echo "- uptime at start: \`${UPTIME_START# }\`; at end: \`${UPTIME_END# }\`"
  echo "- load average during each round: see \`load1\` in each table (1-minute load, max over the round);" \
    "\`other cores\`: CPU used by processes other than the server and the generator during the round"
  echo
  echo "## Server"
  echo
  echo "One node, all roles: \`java $SERVER_JVM -jar app/target/ushs.jar\` with USHS_HTTP_HOST=127.0.0.1," \
    "USHS_GATEWAY_PORT=$GATEWAY_PORT, USHS_INGEST_PORT=$INGEST_PORT, USHS_CLUSTER_PORT=$CLUSTER_PORT," \
    "USHS_REPLAY_CAPACITY=250000, USHS_REPLAY_TTL=15m, USHS_MAX_CONNECTIONS_PER_IDENTITY=100000 (every generated subscriber shares one token), USHS_JWT_SECRET (random per run); other settings default" \
    "(2 gateway instances)."
  echo "Vert.x blocked-thread warnings in the server log: **$BLOCKED**."
  echo
  echo "## Commands"
  echo
  echo '```'
  echo "bench/run.sh"
  sed 's/^/  /' "$COMMANDS"
  echo '```'
  echo
  echo "## Figures"
  echo
  echo "Latencies in ms (publish timestamp in the event to its arrival at the subscriber, HdrHistogram);"
  echo "\`srv µs/deliv\`: server CPU (utime+stime of all its threads, /proc) per delivered message;"
  echo "\`gen\`: the generator's own CPU; \`srv cores\`/\`gen cores\`: CPU over wall time of the round."
  echo "lost/dup/out-of-order are totals over the rounds, the rest medians."
  echo
  cat "$RUN/goals.md"
  cat "$MD"
  echo "## Profile: server during 1k-subscriber saturation (JFR, 30 s)"
  echo
  cat "$RUN/profile.md"
} >"$RESULTS.tmp"
mv "$RESULTS.tmp" "$RESULTS"
say "done in $((T1 - T0)) s: $RESULTS (server log $LOG, $BLOCKED blocked-thread warnings)"
