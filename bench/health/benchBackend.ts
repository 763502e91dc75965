import {
  coreServices,
  createServiceFactory,
  LoggerService,
  RootLoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { JsonObject } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import opsPlugin from '@opsconsole/backstage-plugin-ops-backend';
import { Knex } from 'knex';

export const PROBE_TASK_ID = 'ops-health-probe-round';

/** The entities of a fleet of `count` components whose health URLs point at the targets server. */
export function benchEntities(count: number, targetsBaseUrl: string): Entity[] {
  return Array.from({ length: count }, (_, n) => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `svc-${String(n).padStart(5, '0')}`,
      namespace: 'default',
      title: `Service ${n}`,
      annotations: {
        'opsconsole.io/health-url': `${targetsBaseUrl}/health/${n}`,
      },
    },
    spec: {
      type: 'service',
      owner: `team-${n % 25}`,
      system: `system-${n % 40}`,
      lifecycle: 'production',
    },
  }));
}

export const entityRefOf = (e: Entity) =>
  `component:default/${e.metadata.name}`;

/** Root logger that hands every line to `sink` (the bench parses the prober's round lines). */
class SinkLogger implements RootLoggerService {
  constructor(
    private readonly sink: (
      level: string,
      message: string,
      meta: JsonObject,
    ) => void,
    private readonly meta: JsonObject = {},
  ) {}
  error(message: string, meta?: Error | JsonObject) {
    this.sink('error', message, {
      ...this.meta,
      ...(meta instanceof Error ? { error: meta.message } : meta),
    });
  }
  warn(message: string, meta?: Error | JsonObject) {
    this.sink('warn', message, {
      ...this.meta,
      ...(meta instanceof Error ? { error: meta.message } : meta),
    });
  }
  info(message: string, meta?: Error | JsonObject) {
    this.sink('info', message, {
      ...this.meta,
      ...(meta instanceof Error ? { error: meta.message } : meta),
    });
  }
  debug(message: string, meta?: Error | JsonObject) {
    this.sink('debug', message, {
      ...this.meta,
      ...(meta instanceof Error ? { error: meta.message } : meta),
    });
  }
  child(meta: JsonObject): LoggerService {
    return new SinkLogger(this.sink, { ...this.meta, ...meta });
  }
}

export interface BenchBackendOptions {
  knex: Knex;
  entities: Entity[];
  /**
   * 'manual': Backstage's mock scheduler; rounds run only when `triggerRound` is called.
   * 'real': the default scheduler of @backstage/backend-defaults, every `intervalS`.
   */
  scheduler: 'manual' | 'real';
  intervalS: number;
  /** ops.health.fleetCacheMs; unset keeps the plugin default */
  fleetCacheMs?: number;
  verbose: boolean;
  /** called with each "Probed N health targets in X ms" line */
  onRoundLogged?: (round: {
    probed: number;
    ms: number;
    failing: number;
  }) => void;
  /** called when a probe round starts (the prober lists the catalog first) */
  onRoundStart?: () => void;
}

/**
 * Starts the real ops backend plugin in-process with startTestBackend, like plugin.test.ts:
 * in-memory catalog, permissions that allow, a user as default credentials (no token needed),
 * the bench's database, and config allowing probes of 127.0.0.1.
 */
export async function startBenchBackend(options: BenchBackendOptions) {
  const { knex, entities, verbose } = options;
  const roundLine = /^Probed (\d+) health targets in (\d+) ms \((\d+) failing/;
  const sink = (level: string, message: string, meta: JsonObject) => {
    const round = roundLine.exec(message);
    if (round) {
      options.onRoundLogged?.({
        probed: Number(round[1]),
        ms: Number(round[2]),
        failing: Number(round[3]),
      });
    }
    if (
      verbose ||
      level === 'error' ||
      (level === 'warn' && !/scheduler/i.test(String(meta.service)))
    ) {
      process.stderr.write(`  [backend ${level}] ${message}\n`);
    }
  };

  const catalogFactory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => {
      const catalog = catalogServiceMock({ entities });
      const getEntities = catalog.getEntities.bind(catalog);
      catalog.getEntities = async (...args: Parameters<typeof getEntities>) => {
        options.onRoundStart?.();
        return getEntities(...args);
      };
      return catalog;
    },
  });

  const manualScheduler = mockServices.scheduler() as SchedulerService & {
    factory(o: {
      skipTaskRunOnStartup?: boolean;
    }): ReturnType<typeof mockServices.scheduler.factory>;
  };
  const schedule = {
    frequency: { seconds: options.intervalS },
    timeout: { minutes: 2 },
    initialDelay: { seconds: 1 },
  };

  const backend = await startTestBackend({
    features: [
      opsPlugin,
      catalogFactory,
      mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.user('user:default/bench'),
      }),
      createServiceFactory({
        service: coreServices.rootLogger,
        deps: {},
        factory: () => new SinkLogger(sink),
      }),
      options.scheduler === 'manual'
        ? manualScheduler.factory({ skipTaskRunOnStartup: true })
        : (
            await import('@backstage/backend-defaults/scheduler')
          ).schedulerServiceFactory,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          ops: {
            health: {
              allowedHosts: ['127.0.0.1'],
              ...(options.scheduler === 'real' ? { schedule } : {}),
              ...(options.fleetCacheMs
                ? { fleetCacheTtl: { milliseconds: options.fleetCacheMs } }
                : {}),
            },
          },
        },
      }),
    ],
  });

  return {
    port: backend.server.port(),
    /** Runs one probe round now and waits for it (manual scheduler only). */
    async triggerRound() {
      if (options.scheduler !== 'manual')
        throw new Error('triggerRound needs the manual scheduler');
      await manualScheduler.triggerTask(PROBE_TASK_ID);
    },
    stop: () => backend.stop(),
  };
}
