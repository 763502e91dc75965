import { DEV_API_TOKEN } from './adminApi/auth';
import { defaultDbPath } from './db/defaultDbPath';
import { OfrepOptions } from './features/TenantFeatures';
import { RedisQueueOptions } from './queue/createOutboundQueue';
import { OtlpLogsOptions } from './telemetry/otlpLogs';
import { isLogLevel, PlatformLogLevel } from './logger';
import {
  DEFAULT_PORTS,
  isRoleName,
  ROLE_NAMES,
  RoleName,
} from './roles/roleNames';
import { TrafficOptions } from './traffic/options';

/** Env variable holding the port of a role, e.g. `EXAMPLE_PLATFORM_PORT_API`. */
export function portEnvName(role: RoleName): string {
  return `EXAMPLE_PLATFORM_PORT_${role.toUpperCase()}`;
}

function parsePort(value: string | number, source: string): number {
  const port = typeof value === 'number' ? value : Number(value.trim());
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(
      `${source} must be a port number from 0 to 65535, got "${value}"`,
    );
  }
  return port;
}

/** Port of each role: option, else env, else the default. */
export function resolvePorts(
  ports: Partial<Record<RoleName, number>> | undefined,
  env: NodeJS.ProcessEnv,
): Record<RoleName, number> {
  const resolved = { ...DEFAULT_PORTS };
  for (const role of ROLE_NAMES) {
    const fromOption = ports?.[role];
    const fromEnv = env[portEnvName(role)];
    if (fromOption !== undefined) {
      resolved[role] = parsePort(fromOption, `ports.${role}`);
    } else if (fromEnv !== undefined && fromEnv !== '') {
      resolved[role] = parsePort(fromEnv, portEnvName(role));
    }
  }
  return resolved;
}

/** Database path: option, else `EXAMPLE_PLATFORM_DB`, else `<repo>/.data/example-platform.sqlite`. */
export function resolveDbPath(
  dbPath: string | undefined,
  env: NodeJS.ProcessEnv,
): string {
  return dbPath || env.EXAMPLE_PLATFORM_DB || defaultDbPath();
}

/** Roles listed in `EXAMPLE_PLATFORM_ROLES` (comma separated), else all. */
export function resolveRoles(env: NodeJS.ProcessEnv): RoleName[] {
  const raw = env.EXAMPLE_PLATFORM_ROLES?.trim();
  if (!raw) {
    return [...ROLE_NAMES];
  }
  const names = raw
    .split(',')
    .map(s => s.trim())
    .filter(Boolean);
  const unknown = names.filter(n => !isRoleName(n));
  if (unknown.length > 0) {
    throw new Error(
      `EXAMPLE_PLATFORM_ROLES has unknown roles: ${unknown.join(
        ', ',
      )} (known: ${ROLE_NAMES.join(', ')})`,
    );
  }
  return ROLE_NAMES.filter(role => names.includes(role));
}

/**
 * Traffic setting: the option when given, else `EXAMPLE_PLATFORM_TRAFFIC`
 * (`off`/`false`/`0` disables) and `EXAMPLE_PLATFORM_TRAFFIC_INTERVAL_MS`.
 */
export function resolveTrafficSetting(
  traffic: boolean | Partial<TrafficOptions> | undefined,
  env: NodeJS.ProcessEnv,
): boolean | Partial<TrafficOptions> {
  if (traffic !== undefined) {
    return traffic;
  }
  const flag = env.EXAMPLE_PLATFORM_TRAFFIC?.trim().toLowerCase();
  if (flag === 'off' || flag === 'false' || flag === '0') {
    return false;
  }
  const interval = env.EXAMPLE_PLATFORM_TRAFFIC_INTERVAL_MS;
  return interval ? { intervalMs: Number(interval) } : true;
}

/**
 * Admin token: the option, else `EXAMPLE_PLATFORM_ADMIN_TOKEN`. An empty
 * string option turns the check off whatever the environment says.
 */
export function resolveAdminToken(
  adminToken: string | undefined,
  env: NodeJS.ProcessEnv,
): string | undefined {
  return (adminToken ?? env.EXAMPLE_PLATFORM_ADMIN_TOKEN) || undefined;
}

/** Log level from `EXAMPLE_PLATFORM_LOG_LEVEL`, default `info`. */
export function resolveLogLevel(env: NodeJS.ProcessEnv): PlatformLogLevel {
  const level = env.EXAMPLE_PLATFORM_LOG_LEVEL?.trim().toLowerCase();
  return level && isLogLevel(level) ? level : 'info';
}

/**
 * Platform Admin API token: the option, else `EXAMPLE_PLATFORM_API_TOKEN`,
 * else the dev default {@link DEV_API_TOKEN} (`isDevDefault` tells).
 */
export function resolveApiToken(
  apiToken: string | undefined,
  env: NodeJS.ProcessEnv,
): { token: string; isDevDefault: boolean } {
  const token = apiToken || env.EXAMPLE_PLATFORM_API_TOKEN;
  return token
    ? { token, isDevDefault: false }
    : { token: DEV_API_TOKEN, isDevDefault: true };
}

/**
 * OFREP server the platform evaluates its features with: the option, else
 * `EXAMPLE_PLATFORM_OFREP_URL` (+ `EXAMPLE_PLATFORM_OFREP_TOKEN`). `false`
 * or no URL: none.
 */
export function resolveOfrep(
  ofrep: OfrepOptions | false | undefined,
  env: NodeJS.ProcessEnv,
): OfrepOptions | undefined {
  if (ofrep !== undefined) {
    return ofrep || undefined;
  }
  const url = env.EXAMPLE_PLATFORM_OFREP_URL?.trim();
  if (!url) {
    return undefined;
  }
  if (!/^https?:$/.test(URL.parse(url)?.protocol ?? '')) {
    throw new Error(
      `EXAMPLE_PLATFORM_OFREP_URL must be an http(s) URL such as http://localhost:7007/api/ops, got "${url}"`,
    );
  }
  return {
    url: url.replace(/\/+$/, ''),
    token: env.EXAMPLE_PLATFORM_OFREP_TOKEN?.trim() || undefined,
  };
}

/**
 * Redis the outbound queues live in: the option, else `REDIS_URL` (+
 * `REDIS_QUEUE_PREFIX`, default `bull`). `false` or no URL: the SQLite queue.
 */
export function resolveRedis(
  redis: RedisQueueOptions | false | undefined,
  env: NodeJS.ProcessEnv,
): RedisQueueOptions | undefined {
  if (redis !== undefined) {
    return redis || undefined;
  }
  const url = env.REDIS_URL?.trim();
  if (!url) {
    return undefined;
  }
  if (!/^rediss?:$/.test(URL.parse(url)?.protocol ?? '')) {
    throw new Error(
      `REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379, got "${url}"`,
    );
  }
  const prefix = env.REDIS_QUEUE_PREFIX?.trim();
  if (
    prefix !== undefined &&
    prefix !== '' &&
    !/^[A-Za-z0-9_-]+$/.test(prefix)
  ) {
    throw new Error(
      `REDIS_QUEUE_PREFIX may only hold letters, digits, _ and -, got "${prefix}"`,
    );
  }
  return { url, prefix: prefix || undefined };
}

/**
 * Where the roles send their logs over OTLP/HTTP: the option, else
 * `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT` (+ `EXAMPLE_PLATFORM_OTLP_TOKEN`, and
 * the batch delay from the standard `OTEL_BLRP_SCHEDULE_DELAY`, ms).
 * `false` or no endpoint: no export (console only).
 */
export function resolveOtlpLogs(
  otlpLogs: OtlpLogsOptions | false | undefined,
  env: NodeJS.ProcessEnv,
): OtlpLogsOptions | undefined {
  if (otlpLogs !== undefined) {
    return otlpLogs || undefined;
  }
  const endpoint = env.OTEL_EXPORTER_OTLP_LOGS_ENDPOINT?.trim();
  if (!endpoint) {
    return undefined;
  }
  if (!/^https?:$/.test(URL.parse(endpoint)?.protocol ?? '')) {
    throw new Error(
      `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT must be an http(s) URL such as http://localhost:7007/api/ops/otlp/v1/logs, got "${endpoint}"`,
    );
  }
  const delay = env.OTEL_BLRP_SCHEDULE_DELAY?.trim();
  const scheduledDelayMillis = delay ? Number(delay) : undefined;
  if (
    scheduledDelayMillis !== undefined &&
    !(Number.isInteger(scheduledDelayMillis) && scheduledDelayMillis > 0)
  ) {
    throw new Error(
      `OTEL_BLRP_SCHEDULE_DELAY must be a positive number of milliseconds, got "${delay}"`,
    );
  }
  return {
    endpoint,
    token: env.EXAMPLE_PLATFORM_OTLP_TOKEN?.trim() || undefined,
    ...(scheduledDelayMillis && { scheduledDelayMillis }),
  };
}
