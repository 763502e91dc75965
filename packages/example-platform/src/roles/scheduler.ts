import { pruneTick, recordLoginsTick } from '../traffic/housekeeping';
import { startRepeating } from '../traffic/repeat';
import { RoleDefinition } from './types';

/** The scheduler role: periodic jobs (user logins, pruning old rows). */
export const schedulerRole: RoleDefinition = {
  name: 'scheduler',
  description:
    'Example platform scheduler: records user logins and prunes old messages and logins',
  reportsQueue: false,
  crossRoleAdmin: false,
  startTraffic({ repository, random, logger }, traffic) {
    return [
      startRepeating(
        'record logins',
        traffic.loginIntervalMs,
        () => {
          recordLoginsTick(repository, random, traffic);
        },
        logger,
      ),
      startRepeating(
        'prune old rows',
        traffic.pruneIntervalMs,
        () => {
          const pruned = pruneTick(repository, traffic);
          logger.debug('pruned old rows', { ...pruned });
        },
        logger,
      ),
    ];
  },
};
