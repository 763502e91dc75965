import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Ops Console. */
  ops?: {
    queues?: {
      /**
       * BullMQ queues read straight from Redis by
       * `@opsconsole/backstage-plugin-ops-backend-module-bullmq`. Leave out to run without it.
       */
      bullmq?: {
        /**
         * Redis connection URL, e.g. `redis://127.0.0.1:6379` or `rediss://user:pass@host:6380/2`.
         * @visibility secret
         */
        redisUrl: string;
        /** BullMQ key prefix the queues were created with. Default `bull`. */
        prefix?: string;
        /** Provider id, shown as the queues' source and in `sources` lists. Default `bullmq`. */
        id?: string;
        /**
         * Queue name pattern of per-tenant queues; `{tenant}` stands for the tenant id.
         * Queues matching it belong to that tenant, the others are shared queues.
         * Default `outbound-email-{tenant}`.
         */
        tenantQueuePattern?: string;
        /**
         * Queues to read. Default: every queue found under the prefix (a SCAN for
         * `<prefix>:*:meta`, cached for `discoveryCacheTtl`).
         */
        queueNames?: string[];
        /** How long a discovered list of queues is reused, e.g. `30s`. Default 30 seconds. */
        discoveryCacheTtl?: HumanDuration | string;
        /**
         * Bound on connecting to Redis: while Redis is unreachable calls reject instead of
         * waiting, e.g. `{ seconds: 2 }` or `2s`. Default 2 seconds.
         */
        connectTimeout?: HumanDuration | string;
      };
    };
  };
}
