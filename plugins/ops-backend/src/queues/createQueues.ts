import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  PlatformQueueProvider,
  QueueProvider,
} from '@opsconsole/backstage-plugin-ops-node';
import { Knex } from 'knex';
import { AuditService } from '../audit/AuditService';
import { Capability } from '../routerTypes';
import { TenantDirectory } from '../tenants/TenantDirectory';
import { createQueueSources } from './createQueueSources';
import { DatabaseQueueStore } from './DatabaseQueueStore';
import { PAUSING_STALE_MS, QueuePauses } from './QueuePauses';
import { QueueSampler } from './QueueSampler';
import { QueueService } from './QueueService';
import { HOUR_MS } from './QueueStore';
import { createSamples } from './samples/createSamples';
import { SamplesService } from './samples/SamplesService';
import { readQueuesConfig } from './queuesConfig';
import { SpikeMonitor } from './SpikeMonitor';
import { SpikeNotifier } from './SpikeNotifier';

/** What the queue routes need. */
export interface QueueRoutesDeps {
  service: QueueService;
  pauses: QueuePauses;
}

/**
 * Wires the queues capability: sources, store, sampler + spike detection (scheduled,
 * `scope: 'global'`), auto-resume of pauses and retention (scheduled), the job samples over
 * the same sources, services for the routes.
 */
export async function createQueues(deps: {
  db: Knex;
  config: Config;
  logger: LoggerService;
  scheduler: SchedulerService;
  tenantDirectory: TenantDirectory;
  notifications: Pick<NotificationService, 'send'>;
  audit: AuditService;
  /** Providers added by modules through `opsQueueProvidersExtensionPoint`. */
  providers: QueueProvider[];
}): Promise<Capability<{ queues: QueueRoutesDeps; samples: SamplesService }>> {
  const { logger, scheduler } = deps;
  const config = readQueuesConfig(deps.config);
  const sources = createQueueSources({
    // the Platform Admin API (ops.platform), unless ops.queues.platformSource is false
    builtIn: config.platformSource
      ? PlatformQueueProvider.fromConfig(deps.config, { logger })
      : undefined,
    providers: deps.providers,
    timeoutMs: config.sourceTimeoutMs,
    logger,
  });
  const store = DatabaseQueueStore.create(deps.db);
  const tenants = deps.tenantDirectory;
  const spikes = new SpikeMonitor({
    store,
    tenants,
    notifier: new SpikeNotifier(
      deps.notifications,
      config.notifyGroups,
      logger,
    ),
    options: config.spike,
    logger,
  });
  const sampler = new QueueSampler({ sources, store, spikes, logger });
  const pauses = new QueuePauses({
    sources,
    store,
    audit: deps.audit,
    maxAutoResumeMs: config.maxAutoResumeMs,
    logger,
    // a pause takes at most about one source timeout: twice that is surely abandoned
    pausingStaleMs: Math.max(PAUSING_STALE_MS, 2 * config.sourceTimeoutMs),
  });

  await scheduler.scheduleTask({
    id: 'ops-queues-sample',
    scope: 'global',
    ...config.schedule,
    fn: async () => {
      await sampler.sampleRound();
    },
  });
  await scheduler.scheduleTask({
    id: 'ops-queues-auto-resume',
    scope: 'global',
    frequency: { seconds: 30 },
    timeout: { minutes: 2 },
    fn: async () => {
      const resumed = await pauses.resumeDue();
      if (resumed > 0) logger.info(`Auto-resumed ${resumed} paused tenants`);
    },
  });
  await scheduler.scheduleTask({
    id: 'ops-queues-retention',
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 2 },
    fn: async () => {
      const deleted = await sampler.enforceRetention(config);
      logger.info(`Queue retention removed ${deleted} expired rows`);
    },
  });

  const samples = await createSamples({
    ...deps,
    logger: logger.child({ capability: 'queue-samples' }),
    sources,
  });

  return {
    routes: {
      queues: {
        service: new QueueService({
          sources,
          store,
          tenants,
          maxAutoResumeHours: config.maxAutoResumeMs / HOUR_MS,
        }),
        pauses,
      },
      samples,
    },
  };
}
