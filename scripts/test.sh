#!/usr/bin/env bash
# Runs every test, installing what they need on a fresh machine (JDK 17, Maven and Node 20
# are expected; docker-compose, Chromium and web-test's playwright-core are installed here): the
# deployment files are checked (docker-compose.yml is validated, not run: there is no Docker
# engine here), then the Maven build with all unit, integration and
# multi-process tests, the coverage floor, the Java SDK consumed by its coordinates, then the
# protocol documents (docs/asyncapi.yaml, docs/openapi.yaml).
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ! command -v docker-compose >/dev/null 2>&1; then
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq docker-compose >/dev/null
fi
# BrowserUiTest drives the live page in headless Chromium through playwright-core
if ! command -v chromium >/dev/null 2>&1; then
  $sudo apt-get update -qq >/dev/null
  $sudo apt-get install -y -qq chromium >/dev/null
fi
(cd web-test && npm ci --no-audit --no-fund --loglevel=error && node --test client.test.mjs)
USHS_JWT_SECRET=ci-validation-only-0123456789abcdef USHS_CLUSTER_SECRET=ci-validation-only-0123 docker-compose -f docker-compose.yml config -q
bash -n scripts/cluster.sh
scripts/check-usage.sh
bash -n docker/entrypoint.sh

mvn -B verify
scripts/check-coverage.sh
scripts/check-sdk.sh
(cd docs && npm ci --no-audit --no-fund --loglevel=error && node validate.mjs)
