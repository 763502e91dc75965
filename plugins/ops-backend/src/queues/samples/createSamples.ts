import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { Knex } from 'knex';
import { TenantDirectory } from '../../tenants/TenantDirectory';
import { QueueSources } from '../QueueSources';
import { readQueuesConfig } from '../queuesConfig';
import { DatabaseSeenRecipientsStore } from './DatabaseSeenRecipientsStore';
import { readRedactionConfig } from './redactionConfig';
import { SamplesService } from './SamplesService';
import { tenantRedactFields } from './TenantRedactFields';
import { enforceSeenRecipientsRetention } from './seenRecipientsRetention';

/**
 * Wires the queue samples: redaction from `ops.queues.redaction` and the tenant annotation,
 * the seen-recipients store, and a scheduled baseline (`scope: 'global'`) that records the
 * recipients of every tenant's recent jobs, so "new recipients" has a history to compare with
 * before anyone looks at a spike; and a scheduled retention (`scope: 'global'`) that forgets
 * the hashes not seen for `ops.queues.samples.seenRecipientsRetention` (90 days).
 */
export async function createSamples(deps: {
  db: Knex;
  config: Config;
  tenantDirectory: TenantDirectory;
  scheduler: SchedulerService;
  logger: LoggerService;
  sources: QueueSources;
}): Promise<SamplesService> {
  const { seenRecipientsRetentionMs } = readQueuesConfig(deps.config);
  const seen = DatabaseSeenRecipientsStore.create(deps.db);
  const samples = new SamplesService({
    queues: deps.sources,
    seen,
    redaction: readRedactionConfig(deps.config),
    tenantFields: tenantRedactFields(deps.tenantDirectory),
  });
  await deps.scheduler.scheduleTask({
    id: 'ops-queues-recipient-baseline',
    scope: 'global',
    frequency: { minutes: 15 },
    timeout: { minutes: 10 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const started = Date.now();
      const { tenants, jobs } = await samples.recordBaselines();
      deps.logger.info(
        `Recorded the recipients of ${jobs} jobs of ${tenants} tenants in ${
          Date.now() - started
        } ms`,
      );
    },
  });
  await deps.scheduler.scheduleTask({
    id: 'ops-queues-seen-recipients-retention',
    scope: 'global',
    frequency: { hours: 1 },
    timeout: { minutes: 15 },
    initialDelay: { minutes: 3 },
    fn: async () => {
      const deleted = await enforceSeenRecipientsRetention(
        seen,
        seenRecipientsRetentionMs,
      );
      deps.logger.info(
        `Seen-recipients retention removed ${deleted} recipient hashes`,
      );
    },
  });
  return samples;
}
