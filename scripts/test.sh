#!/usr/bin/env bash
# Runs every test, installing what they need on a fresh machine (JDK 17, Maven and Node 20
# are expected): the Maven build with all unit, integration and multi-process tests, then the
# validation of the protocol documents (docs/asyncapi.yaml, docs/openapi.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B verify
(cd docs && npm ci --no-audit --no-fund --loglevel=error && node validate.mjs)
