import { LoggerService } from '@backstage/backend-plugin-api';
import { QueueProvider } from '@opsconsole/backstage-plugin-ops-node';
import { QueueSources } from './QueueSources';

/**
 * The queue sources of ops-backend: the built-in Platform Admin API provider (when given:
 * it is left out with `ops.queues.platformSource: false`, e.g. when the BullMQ module reads
 * the same queues straight from Redis) plus the modules' providers.
 */
export function createQueueSources(options: {
  builtIn?: QueueProvider;
  providers: QueueProvider[];
  timeoutMs: number;
  logger: LoggerService;
}): QueueSources {
  const providers = [
    ...(options.builtIn ? [options.builtIn] : []),
    ...options.providers,
  ];
  const ids = providers.map(p => p.id);
  const duplicate = ids.find((id, i) => ids.indexOf(id) !== i);
  if (duplicate) {
    throw new Error(
      `Two queue providers have the id "${duplicate}"; give each a distinct id`,
    );
  }
  if (providers.length === 0) {
    options.logger.warn(
      'No queue source: the platform queue source is off or unconfigured and no queue provider module is installed',
    );
  }
  return new QueueSources(providers, options.timeoutMs);
}
