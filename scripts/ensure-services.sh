#!/usr/bin/env bash
# Makes sure what the tests talk to is there: PostgreSQL answering on 127.0.0.1:5432, Redis on
# 127.0.0.1:6379 (BullMQ queues) and Debian's Chromium for the browser tests. Installs from
# Debian's packages when missing.
set -euo pipefail
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

pg_up() { (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
if ! pg_up; then
  echo "[services] PostgreSQL is not answering on 127.0.0.1:5432, starting it" >&2
  if ! command -v pg_ctlcluster >/dev/null; then apt_install postgresql; fi
  version="$(ls /etc/postgresql | sort -V | tail -n 1)"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  pg_up || { echo "[services] PostgreSQL did not start" >&2; exit 1; }
fi

redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }
if ! command -v redis-cli >/dev/null || ! redis_up; then
  echo "[services] Redis is not answering on 127.0.0.1:6379, starting it" >&2
  if ! command -v redis-server >/dev/null; then apt_install redis-server; fi
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log || true
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { echo "[services] Redis did not start" >&2; exit 1; }
fi

if [ ! -x /usr/bin/chromium ]; then
  echo "[services] installing Chromium from Debian" >&2
  apt_install chromium
fi
