#!/usr/bin/env bash
# The side-by-side fan-out measured from outside: nats-server (websocket listener) and a one-node
# USHS on loopback, the Node `ws` client of fanout.mjs against each, ROUNDS rounds alternating
# (NATS, USHS, NATS, USHS, ...; both servers stay up for all rounds), then the medians and the
# ratio USHS/NATS of server CPU per delivery. Run from anywhere; both servers stop on exit.
#
#   bench/outside/run.sh [--jar app/target/ushs.jar] [extra fanout.mjs options, e.g. --subscribers 50]
#
# The USHS node bounds its publish port to 1000 connections (USHS_INGEST_MAX_CONNECTIONS) so that
# its gateway's share of the open-files limit holds 10k subscribers under a limit of 20000.
#
#   ROUNDS=3 bench/outside/run.sh --subscribers 10000 --rate 50 --local-addresses 4
#   ROUNDS=3 bench/outside/run.sh --subscribers 10000 --services 100 --rate 500 --local-addresses 4
#
# Environment: ROUNDS (3), PORT_BASE (19080: NATS tcp, +1 NATS websocket, +2 USHS gateway,
# +3 USHS ingest), USHS_CLUSTER_PORT (15801), SERVER_JVM (-Xmx3g).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
JAR=$REPO/app/target/ushs.jar
if [ "${1:-}" = "--jar" ]; then JAR=$(realpath "$2"); shift 2; fi
ROUNDS=${ROUNDS:-3}
BASE=${PORT_BASE:-19080}
NATS_PORT=$BASE; NATS_WS_PORT=$((BASE + 1)); GATEWAY_PORT=$((BASE + 2)); INGEST_PORT=$((BASE + 3))
CLUSTER_PORT=${USHS_CLUSTER_PORT:-15801}
SERVER_JVM=${SERVER_JVM:--Xmx3g}
RUN=$(mktemp -d /tmp/ushs-outside.XXXXXX)
SECRET="outside-$(od -An -N24 -tx1 /dev/urandom | tr -d ' \n')"
NATS_PID=; USHS_PID=
say() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }

[ -f "$JAR" ] || { echo "no jar at $JAR (build it, or pass --jar PATH)" >&2; exit 1; }
command -v nats-server >/dev/null || { echo "nats-server not found (apt-get install nats-server)" >&2; exit 1; }
[ -d "$HERE/node_modules/ws" ] || (cd "$HERE" && npm install --no-audit --no-fund --silent)

stop() {
  local pid=$1
  if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
}
cleanup() { stop "$NATS_PID"; stop "$USHS_PID"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

source "$HERE/../nats.sh"

start_ushs() {
  env USHS_JWT_SECRET="$SECRET" USHS_HTTP_HOST=127.0.0.1 \
    USHS_GATEWAY_PORT=$GATEWAY_PORT USHS_INGEST_PORT=$INGEST_PORT \
    USHS_CLUSTER_HOST=127.0.0.1 USHS_CLUSTER_PORT=$CLUSTER_PORT USHS_CLUSTER_NAME="ushs-outside-$$" \
    USHS_REPLAY_CAPACITY=250000 USHS_MAX_CONNECTIONS_PER_IDENTITY=100000 \
    USHS_MAX_CONNECTIONS_PER_IP=1000000 USHS_INGEST_MAX_CONNECTIONS=1000 \
    java $SERVER_JVM -XX:+ExitOnOutOfMemoryError -jar "$JAR" >"$RUN/ushs.log" 2>&1 &
  USHS_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$INGEST_PORT/health/ready" >/dev/null; then say "ushs pid $USHS_PID ready"; return; fi
    kill -0 "$USHS_PID" 2>/dev/null || { cat "$RUN/ushs.log" >&2; echo "ushs exited" >&2; exit 1; }
    sleep 0.5
  done
  echo "ushs not ready in 60 s" >&2; exit 1
}

round() {
  local server=$1 pid=$2 k=$3; shift 3
  say "round $k: $server (load: $(cut -d' ' -f1-3 /proc/loadavg))"
  node "$HERE/fanout.mjs" --server "$server" --server-pid "$pid" --nats-port "$NATS_PORT" \
    --nats-ws-port "$NATS_WS_PORT" --gateway-port "$GATEWAY_PORT" --ingest-port "$INGEST_PORT" \
    --secret "$SECRET" --label "round $k" "$@" >"$RUN/$server-$k.out" \
    || { cat "$RUN/$server-$k.out" >&2; echo "round $k on $server failed (logs in $RUN)" >&2; exit 1; }
  tail -n 1 "$RUN/$server-$k.out" >&2
  head -n 1 "$RUN/$server-$k.out" >>"$RUN/results.jsonl"
}

start_nats
start_ushs
for k in $(seq 1 "$ROUNDS"); do
  round nats "$NATS_PID" "$k" "$@"
  round ushs "$USHS_PID" "$k" "$@"
done

node - "$RUN/results.jsonl" <<'JS'
const lines = require('fs').readFileSync(process.argv[2], 'utf8').trim().split('\n').map(JSON.parse);
const median = (xs) => { const s = xs.filter((x) => x != null).sort((a, b) => a - b); const m = s.length >> 1;
  return s.length === 0 ? null : Math.round((s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) * 1000) / 1000; };
const of = (server, key) => median(lines.filter((l) => l.server === server).map((l) => l[key]));
const row = (server) => ({ server, rounds: lines.filter((l) => l.server === server).length,
  deliveriesPerSecond: of(server, 'deliveriesPerSecond'), serverMicrosPerDelivery: of(server, 'serverMicrosPerDelivery'),
  serverSystemMicrosPerDelivery: of(server, 'serverSystemMicrosPerDelivery'),
  p50Ms: of(server, 'p50Ms'), p99Ms: of(server, 'p99Ms'),
  lost: lines.filter((l) => l.server === server).reduce((a, l) => a + l.lost, 0) });
const nats = row('nats'); const ushs = row('ushs');
const ratio = Math.round((ushs.serverMicrosPerDelivery / nats.serverMicrosPerDelivery) * 100) / 100;
console.log(JSON.stringify({ medians: [nats, ushs], ratioUshsToNats: ratio }));
for (const r of [nats, ushs]) {
  console.log(`${r.server}: median of ${r.rounds}: ${r.deliveriesPerSecond} deliveries/s, `
    + `${r.serverMicrosPerDelivery} µs server CPU/delivery (kernel ${r.serverSystemMicrosPerDelivery}), p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, lost (all rounds) ${r.lost}`);
}
console.log(`ratio USHS/NATS of server µs per delivery: ${ratio}`);
JS
say "rounds' output and server logs in $RUN"
