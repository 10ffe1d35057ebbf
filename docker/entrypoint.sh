#!/bin/bash
# A USHS node in a container.
#   entrypoint.sh          runs the node (java -jar ushs.jar)
#   entrypoint.sh health   exits 0 when GET /health/ready on the ingest port answers 200
# USHS_CLUSTER_HOST defaults to this container's own address, which Hazelcast binds to and
# advertises: a replica started by `docker-compose up --scale` has no name of its own to put there.
set -euo pipefail

if [ "${1:-}" = "health" ]; then
  # the image has no curl; bash's /dev/tcp is enough for one HTTP/1.0 request
  exec 3<>"/dev/tcp/127.0.0.1/${USHS_INGEST_PORT:-8081}"
  printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
  read -r status <&3
  [[ "$status" == *" 200 "* ]]
  exit
fi

if [ -z "${USHS_CLUSTER_HOST:-}" ]; then
  USHS_CLUSTER_HOST="$(hostname -i 2>/dev/null | awk '{print $1}')"
  if [ -z "$USHS_CLUSTER_HOST" ]; then
    USHS_CLUSTER_HOST="$(awk -v h="$(cat /etc/hostname)" '$2 == h {print $1; exit}' /etc/hosts)"
  fi
  export USHS_CLUSTER_HOST
fi
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options
exec java -XX:+ExitOnOutOfMemoryError ${JAVA_OPTS:-} -jar /opt/ushs/ushs.jar "$@"
