import {
  resolveAdminToken,
  resolveApiToken,
  resolveDbPath,
  resolveLogLevel,
  resolveOfrep,
  resolveOtlpLogs,
  resolvePorts,
  resolveRedis,
  resolveTrafficSetting,
} from './config';
import { CompromiseSimulator } from './compromise/CompromiseSimulator';
import {
  createOutboundQueue,
  RedisQueueOptions,
} from './queue/createOutboundQueue';
import { openPlatformDatabase } from './db/openPlatformDatabase';
import { OfrepOptions, TenantFeatures } from './features/TenantFeatures';
import { EventLoopDelaySampler } from './health/eventLoopSampler';
import { DEFAULT_HEALTH_THRESHOLDS, HealthThresholds } from './health/types';
import { createConsoleLogger, PlatformLogger } from './logger';
import { ROLE_DEFINITIONS } from './roles/definitions';
import { ROLE_NAMES, RoleName } from './roles/roleNames';
import { startRole } from './roles/startRole';
import { OtlpLogsOptions } from './telemetry/otlpLogs';
import { createRoleLoggers } from './telemetry/roleLoggers';
import { RoleContext, RunningRole } from './roles/types';
import { resolveTrafficOptions, TrafficOptions } from './traffic/options';
import { defaultReleaseId, PLATFORM_VERSION } from './version';

/**
 * Options of {@link startPlatform}. Each falls back to an environment
 * variable and then to a default (see the README).
 *
 * @public
 */
export interface PlatformOptions {
  /** SQLite file, or `:memory:`. Env `EXAMPLE_PLATFORM_DB`. */
  dbPath?: string;
  /** Port per role; 0 picks a free port. Env `EXAMPLE_PLATFORM_PORT_<ROLE>`. */
  ports?: Partial<Record<RoleName, number>>;
  /** `false` turns the traffic generator off; an object tunes it. Default on. */
  traffic?: boolean | Partial<TrafficOptions>;
  /**
   * Bearer token required on `/admin` routes. Env `EXAMPLE_PLATFORM_ADMIN_TOKEN`;
   * `''` turns the check off.
   */
  adminToken?: string;
  /**
   * Bearer token of the Platform Admin API (`/admin-api/v1` on the api role).
   * Env `EXAMPLE_PLATFORM_API_TOKEN`; when neither is set the dev default
   * `dev-example-platform-token` is accepted (and a warning logged).
   */
  apiToken?: string;
  /**
   * OFREP server the api role evaluates tenants' feature flags with. Env
   * `EXAMPLE_PLATFORM_OFREP_URL` and `EXAMPLE_PLATFORM_OFREP_TOKEN`; `false`
   * or unset: no provider, OpenFeature's default provider answers.
   */
  ofrep?: OfrepOptions | false;
  /**
   * Redis holding the tenants' outbound queues (BullMQ). Env `REDIS_URL` and
   * `REDIS_QUEUE_PREFIX` (default `bull`); `false` or unset: the queues live
   * in the SQLite database.
   */
  redis?: RedisQueueOptions | false;
  /**
   * OTLP/HTTP logs endpoint every role sends its log records to (with the
   * OpenTelemetry SDK). Env `OTEL_EXPORTER_OTLP_LOGS_ENDPOINT` and
   * `EXAMPLE_PLATFORM_OTLP_TOKEN`; `false` or unset: console only.
   */
  otlpLogs?: OtlpLogsOptions | false;
  /** How long a tenant's feature evaluation is reused. Default 5000 ms. */
  featureCacheMs?: number;
  /**
   * Whether a fresh database gets 30 days of login and delivery history
   * (once per database). Default true.
   */
  seedHistory?: boolean;
  /** Default: console, level from env `EXAMPLE_PLATFORM_LOG_LEVEL`. */
  logger?: PlatformLogger;
  /** `releaseId` in health documents. Env `EXAMPLE_PLATFORM_RELEASE_ID`. */
  releaseId?: string;
  /** Override health thresholds (e.g. to force a `warn` in a test). */
  thresholds?: Partial<HealthThresholds>;
  /** Random source of the traffic generator (default `Math.random`). */
  random?: () => number;
  /** Environment to read settings from (default `process.env`). */
  env?: NodeJS.ProcessEnv;
}

/**
 * Options of {@link startRoles}.
 *
 * @public
 */
export interface StartRolesOptions extends PlatformOptions {
  /** Roles to start in this process (default all). */
  roles?: readonly RoleName[];
}

/**
 * Roles running in this process.
 *
 * @public
 */
export interface RunningRoles {
  roles: RoleName[];
  urls: Partial<Record<RoleName, string>>;
  ports: Partial<Record<RoleName, number>>;
  dbPath: string;
  /** Where the outbound queues live. */
  queue: 'sqlite' | 'bullmq';
  /** Stops traffic, closes the servers and the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * The whole platform running in this process.
 *
 * @public
 */
export interface RunningPlatform {
  urls: Record<RoleName, string>;
  ports: Record<RoleName, number>;
  dbPath: string;
  /** Where the outbound queues live. */
  queue: 'sqlite' | 'bullmq';
  /** Stops traffic, closes the servers and the database. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts some of the roles in this process, sharing one database handle.
 * If a role fails to start, the ones already started are closed again.
 *
 * @public
 */
export async function startRoles(
  options: StartRolesOptions = {},
): Promise<RunningRoles> {
  const env = options.env ?? process.env;
  const roles = ROLE_NAMES.filter(r =>
    (options.roles ?? ROLE_NAMES).includes(r),
  );
  const ports = resolvePorts(options.ports, env);
  const dbPath = resolveDbPath(options.dbPath, env);
  const consoleLogger =
    options.logger ?? createConsoleLogger(resolveLogLevel(env));
  const otlpLogs = resolveOtlpLogs(options.otlpLogs, env);
  const roleLoggers = createRoleLoggers({
    roles,
    console: consoleLogger,
    otlp: otlpLogs,
    version: PLATFORM_VERSION,
  });
  // lines of the process as a whole go out as the first role's (api when it runs)
  const logger = roles.length > 0 ? roleLoggers.of(roles[0]) : consoleLogger;
  const traffic = resolveTrafficOptions(
    resolveTrafficSetting(options.traffic, env),
  );

  const apiToken = resolveApiToken(options.apiToken, env);
  const ofrep = resolveOfrep(options.ofrep, env);

  const redis = resolveRedis(options.redis, env);

  const database = openPlatformDatabase(dbPath, {
    seedHistory: options.seedHistory ?? true,
  });
  const random = options.random ?? Math.random;
  const queue = createOutboundQueue(database, redis, logger);
  const compromise = new CompromiseSimulator({ queue, random, logger });
  const features = new TenantFeatures({
    ofrep,
    cacheMs: options.featureCacheMs ?? 5000,
    store: database.featureEvaluations,
    logger,
  });
  const sampler = new EventLoopDelaySampler();
  const context: RoleContext = {
    repository: database.repository,
    directory: database.directory,
    deliverability: database.deliverability,
    featureEvaluations: database.featureEvaluations,
    queue,
    compromise,
    features,
    apiToken: apiToken.token,
    faults: new Map(),
    sampler,
    thresholds: { ...DEFAULT_HEALTH_THRESHOLDS, ...options.thresholds },
    version: PLATFORM_VERSION,
    releaseId: options.releaseId ?? defaultReleaseId(env),
    adminToken: resolveAdminToken(options.adminToken, env),
    traffic,
    random,
    logger,
    roleLoggers,
  };

  const running: RunningRole[] = [];
  const shutdown = async () => {
    await compromise.close();
    await Promise.all(running.map(role => role.close()));
    await queue.close();
    await features.close();
    sampler.stop();
    database.close();
    await roleLoggers.shutdown();
  };

  try {
    for (const role of roles) {
      running.push(
        await startRole(ROLE_DEFINITIONS[role], context, ports[role]),
      );
    }
  } catch (error) {
    await shutdown();
    throw error;
  }

  logger.info(
    redis
      ? `outbound queues in BullMQ at ${redis.url.replace(
          /\/\/[^@/]*@/,
          '//***@',
        )} (prefix ${redis.prefix ?? 'bull'})`
      : 'REDIS_URL is not set: outbound queues live in the SQLite database',
  );
  logger.info(
    otlpLogs
      ? `sending logs over OTLP to ${otlpLogs.endpoint}${
          otlpLogs.token ? '' : ' (no EXAMPLE_PLATFORM_OTLP_TOKEN)'
        }`
      : 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT is not set: logs go to the console only',
  );
  if (roles.includes('api')) {
    if (apiToken.isDevDefault) {
      logger.warn(
        'Platform Admin API accepts the dev default token dev-example-platform-token; set EXAMPLE_PLATFORM_API_TOKEN outside development',
      );
    }
    logger.info(
      ofrep
        ? `evaluating feature flags over OFREP at ${ofrep.url}`
        : 'EXAMPLE_PLATFORM_OFREP_URL is not set: feature flags evaluate to their defaults',
    );
  }

  let closing: Promise<void> | undefined;
  return {
    roles: running.map(r => r.name),
    urls: Object.fromEntries(running.map(r => [r.name, r.url])),
    ports: Object.fromEntries(running.map(r => [r.name, r.port])),
    dbPath,
    queue: queue.kind,
    close() {
      closing ??= shutdown();
      return closing;
    },
  };
}

/**
 * Starts all three roles (api, worker, scheduler) in this process.
 *
 * @example
 * ```ts
 * const platform = await startPlatform({
 *   dbPath: ':memory:',
 *   ports: { api: 0, worker: 0, scheduler: 0 },
 *   traffic: false,
 * });
 * await fetch(`${platform.urls.api}/health`);
 * await platform.close();
 * ```
 *
 * @public
 */
export async function startPlatform(
  options: PlatformOptions = {},
): Promise<RunningPlatform> {
  const started = await startRoles({ ...options, roles: ROLE_NAMES });
  return {
    urls: started.urls as Record<RoleName, string>,
    ports: started.ports as Record<RoleName, number>,
    dbPath: started.dbPath,
    queue: started.queue,
    close: started.close,
  };
}
