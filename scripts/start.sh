#!/usr/bin/env bash
# Command (a): install everything, then start the example platform and the portal
# (app on http://localhost:3000, backend on :7007) on the embedded default: SQLite files
# under .data/, guest sign-in. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install.sh
source scripts/tooling.sh
mkdir -p .data
# the example platform evaluates its feature flags over OFREP against the portal, with the
# dev-only external access token from app-config.yaml
export EXAMPLE_PLATFORM_OFREP_URL="${EXAMPLE_PLATFORM_OFREP_URL:-http://localhost:7007/api/ops}"
export EXAMPLE_PLATFORM_OFREP_TOKEN="${EXAMPLE_PLATFORM_OFREP_TOKEN:-dev-ofrep-token-0123456789abcdef}"
# ... and sends its logs over OTLP/HTTP to the portal's ingest, with the dev-only token that
# app-config.yaml grants ops.logs.ingest
export OTEL_EXPORTER_OTLP_LOGS_ENDPOINT="${OTEL_EXPORTER_OTLP_LOGS_ENDPOINT:-http://localhost:7007/api/ops/otlp/v1/logs}"
export EXAMPLE_PLATFORM_OTLP_TOKEN="${EXAMPLE_PLATFORM_OTLP_TOKEN:-dev-otlp-token-0123456789abcdef}"
export EXAMPLE_PLATFORM_DB="${EXAMPLE_PLATFORM_DB:-$PWD/.data/example-platform.sqlite}"
# outbound mail in per-tenant BullMQ queues when Redis answers (else the SQLite queue)
if [ -z "${REDIS_URL:-}" ] && [ "$(redis-cli -u redis://127.0.0.1:6379 ping 2>/dev/null)" = "PONG" ]; then
  export REDIS_URL=redis://127.0.0.1:6379
fi
if [ -n "${REDIS_URL:-}" ]; then
  # the portal reads the same queues straight from Redis (the bullmq module) instead of
  # through the platform's Admin API, so each queue is listed once
  export APP_CONFIG_ops_queues_bullmq_redisUrl="$REDIS_URL"
  export APP_CONFIG_ops_queues_bullmq_prefix="${REDIS_QUEUE_PREFIX:-bull}"
  export APP_CONFIG_ops_queues_platformSource=false
fi
yarn workspace @opsconsole/backstage-plugin-example-platform start &
platform_pid=$!
trap 'kill $platform_pid 2>/dev/null || true' EXIT INT TERM
yarn start
