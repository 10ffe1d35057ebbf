#!/usr/bin/env bash
# The coverage floor: line coverage of the server, SDK and CLI modules together, from the JaCoCo
# aggregate report (coverage/target/site/jacoco-aggregate, made by `mvn verify`), must not fall
# below FLOOR percent. Set a little under what the full test run measures (see README, Developing).
set -euo pipefail
cd "$(dirname "$0")/.."
FLOOR="${COVERAGE_FLOOR:-85}"
csv=coverage/target/site/jacoco-aggregate/jacoco.csv
[ -f "$csv" ] || { echo "check-coverage: no $csv (run mvn verify first)" >&2; exit 1; }
# columns: GROUP,PACKAGE,CLASS,INSTRUCTION_MISSED,INSTRUCTION_COVERED,BRANCH_MISSED,
# BRANCH_COVERED,LINE_MISSED,LINE_COVERED,...
awk -F, -v floor="$FLOOR" 'NR > 1 { missed += $8; covered += $9 }
  END {
    pct = 100 * covered / (missed + covered)
    printf "check-coverage: line coverage %.1f%% (%d of %d lines), floor %s%%\n", pct, covered, missed + covered, floor
    exit (pct < floor) ? 1 : 0
  }' "$csv"
