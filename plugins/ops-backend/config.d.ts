import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  /** Ops Console backend. */
  ops?: {
    flags?: {
      /**
       * Dev only: create a few example flags (e.g. `ai-composer`) when there are no flags.
       * Default false.
       */
      seed?: boolean;
      /**
       * How stale the in-memory flags served over OFREP may get, in ms, before they are
       * reloaded in the background (changes made on another replica show up within about
       * this long; changes made through this replica at once). Default 1000.
       */
      cacheTtlMs?: number;
    };
    health?: {
      /**
       * Hosts health targets may point at (SSRF guard). `host`, `host:port`, `*.domain`,
       * `*.domain:port`; `*` allows any host. A target whose host does not match is shown
       * as misconfigured and never requested. Default: none (nothing is probed).
       */
      allowedHosts?: string[];
      /** Probe round schedule. Default: every 30 seconds, 2 minute timeout. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** Timeout of one probe in milliseconds. Default 5000. */
      timeoutMs?: number;
      /** Probes in flight at once. Default 16. */
      concurrency?: number;
      /** How long answers of the fleet summary are shared between callers, in ms. Default 2000. */
      fleetCacheMs?: number;
      retention?: {
        /** Raw probe samples, in hours. Default 48. */
        rawHours?: number;
        /** Hourly rollups, in days. Default 35. */
        hourlyDays?: number;
        /** Daily rollups, in days. Default 400. */
        dailyDays?: number;
      };
    };
  };
}
