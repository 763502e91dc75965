#!/usr/bin/env bash
# Browser end-to-end tests: starts the example platform and the portal (app :3000,
# backend :7007) on throw-away SQLite files, runs Playwright in Debian's Chromium, stops
# everything. Extra arguments go to `playwright test`.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/tooling.sh
work="$(mktemp -d /tmp/ops-e2e.XXXXXX)"
logs="${E2E_LOG_DIR:-$PWD/e2e-test-report/logs}"
mkdir -p "$logs"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  sleep 1
  for pid in "${pids[@]}"; do kill -9 -- "-$pid" 2>/dev/null || true; done
  rm -rf "$work"
  if [ -n "${REDIS_QUEUE_PREFIX:-}" ] && [ "${REDIS_QUEUE_PREFIX}" = "e2e$$" ]; then
    redis-cli -u "$REDIS_URL" --scan --pattern "$REDIS_QUEUE_PREFIX:*" |
      xargs -r -n 500 redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

wait_for() { # url seconds
  for _ in $(seq 1 "$2"); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "[e2e] $1 did not answer within $2 s" >&2
  return 1
}

# the example platform evaluates its feature flags over OFREP against the portal, with the
# dev-only external access token from app-config.yaml
export EXAMPLE_PLATFORM_OFREP_URL="${EXAMPLE_PLATFORM_OFREP_URL:-http://localhost:7007/api/ops}"
export EXAMPLE_PLATFORM_OFREP_TOKEN="${EXAMPLE_PLATFORM_OFREP_TOKEN:-dev-ofrep-token-0123456789abcdef}"
# ... and sends its logs over OTLP/HTTP to the portal's ingest, with the dev-only token that
# app-config.yaml grants ops.logs.ingest
export OTEL_EXPORTER_OTLP_LOGS_ENDPOINT="${OTEL_EXPORTER_OTLP_LOGS_ENDPOINT:-http://localhost:7007/api/ops/otlp/v1/logs}"
export EXAMPLE_PLATFORM_OTLP_TOKEN="${EXAMPLE_PLATFORM_OTLP_TOKEN:-dev-otlp-token-0123456789abcdef}"
export EXAMPLE_PLATFORM_DB="$work/platform.sqlite"
# outbound mail in per-tenant BullMQ queues when Redis answers, under a prefix of this run's
# own so runs don't collide (the portal's bullmq module must read the same prefix)
if [ "$(redis-cli -u redis://127.0.0.1:6379 ping 2>/dev/null)" = "PONG" ]; then
  export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
  export REDIS_QUEUE_PREFIX="${REDIS_QUEUE_PREFIX:-e2e$$}"
fi
if [ -n "${REDIS_URL:-}" ]; then
  # the portal reads the same queues straight from Redis (the bullmq module) instead of
  # through the platform's Admin API, so each queue is listed once
  export APP_CONFIG_ops_queues_bullmq_redisUrl="$REDIS_URL"
  export APP_CONFIG_ops_queues_bullmq_prefix="${REDIS_QUEUE_PREFIX:-bull}"
  export APP_CONFIG_ops_queues_platformSource=false
fi
setsid yarn workspace @opsconsole/backstage-plugin-example-platform start >"$logs/platform.log" 2>&1 &
pids+=($!)
APP_CONFIG_backend_database_connection_directory="$work/sqlite" \
APP_CONFIG_ops_health_schedule_frequency_seconds=3 \
APP_CONFIG_ops_health_fleetCacheTtl_milliseconds=500 \
APP_CONFIG_ops_queues_schedule_frequency_seconds=3 \
APP_CONFIG_ops_queues_schedule_timeout_seconds=30 \
APP_CONFIG_ops_queues_spike_window_minutes=1 \
APP_CONFIG_ops_queues_spike_minBaselinePoints=1 \
  setsid yarn start >"$logs/portal.log" 2>&1 &
pids+=($!)

wait_for http://127.0.0.1:7101/health 60 &&
  wait_for http://localhost:7007/.backstage/health/v1/readiness 180 &&
  wait_for http://localhost:3000 240 || {
  tail -n 40 "$logs/platform.log" "$logs/portal.log" >&2
  exit 1
}

CI=true PLAYWRIGHT_URL=http://localhost:3000 yarn playwright test "$@"
