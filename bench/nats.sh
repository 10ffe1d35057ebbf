# Sourced by bench/run.sh and bench/outside/run.sh: start_nats writes a loopback nats-server
# configuration (client port $NATS_PORT, websocket $NATS_WS_PORT, no TLS, no compression) in $RUN,
# starts nats-server, sets NATS_PID and waits for its websocket port. Needs a `say` function.
start_nats() {
  cat >"$RUN/nats.conf" <<NATS
listen: "127.0.0.1:$NATS_PORT"
max_payload: 1MB
websocket {
  listen: "127.0.0.1:$NATS_WS_PORT"
  no_tls: true
  compression: false
}
NATS
  nats-server -c "$RUN/nats.conf" >"$RUN/nats.log" 2>&1 &
  NATS_PID=$!
  for _ in $(seq 1 40); do
    (exec 3<>"/dev/tcp/127.0.0.1/$NATS_WS_PORT") 2>/dev/null && { say "nats-server pid $NATS_PID ready ($(nats-server --version))"; return; }
    sleep 0.25
  done
  cat "$RUN/nats.log" >&2; echo "nats-server did not start" >&2; exit 1
}
