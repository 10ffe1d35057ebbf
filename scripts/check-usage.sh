#!/usr/bin/env bash
# Checks what scripts/cluster.sh prints for help: its header comment, whole and alone (once a
# stray `set -euo pipefail` line followed it), with exit 0 for help and 2 with no command.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-usage: $*" >&2; exit 1; }

usage="$(scripts/cluster.sh help)" || fail "help: exit $?, expected 0"
[ "$(head -1 <<<"$usage")" = "A local USHS cluster on loopback: several nodes of app/target/ushs.jar, each with its own ports," ] ||
  fail "help does not start with the header comment: $(head -1 <<<"$usage")"
[ "$(tail -1 <<<"$usage")" = "node (USHS_LOG_FORMAT=json, ...). JAVA_OPTS defaults to -Xmx256m." ] ||
  fail "help does not end with the header comment: $(tail -1 <<<"$usage")"
! grep -q '^#\|set -euo' <<<"$usage" || fail "help holds script lines or comment marks"
grep -q '^  scripts/cluster.sh start \[N\]' <<<"$usage" || fail "help lists no start command"

rc=0
bare="$(scripts/cluster.sh)" || rc=$?
[ "$rc" = 2 ] || fail "no command: exit $rc, expected 2"
[ "$bare" = "$usage" ] || fail "no command: usage differs from help"
echo "check-usage: scripts/cluster.sh help ok"
