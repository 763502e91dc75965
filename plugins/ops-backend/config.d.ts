import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';
import { HumanDuration } from '@backstage/types';

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
       * How stale the in-memory flags served over OFREP may get before they are reloaded in
       * the background (changes made on another replica show up within about this long;
       * changes made through this replica at once), e.g. `{ seconds: 1 }` or `1s`.
       * Default 1 second.
       */
      cacheTtl?: HumanDuration | string;
    };
    /** Logs: the built-in store fed by OTLP/HTTP ingest at /api/ops/otlp/v1/logs. */
    logs?: {
      /** How long records are kept, e.g. `{ days: 7 }` or `P7D`. Default 7 days. */
      retention?: HumanDuration | string;
      /** Largest OTLP request body in bytes, after decompression (413 above). Default 5 MiB. */
      maxBodyBytes?: number;
      /** Records per write transaction. Default 2000. */
      batchSize?: number;
      /** How long a partial batch waits for more records, e.g. `20ms`. Default 20 ms. */
      flushInterval?: HumanDuration | string;
      /** Records accepted but not yet committed beyond which ingest answers 429. Default 100000. */
      maxPendingRecords?: number;
      /** Most records one export streams. Default 100000. */
      exportMaxRecords?: number;
      /**
       * The backend's own log lines into the store (service `backstage`), through the
       * transport of `opsSelfLogSinkServiceRef` in the root logger. Default off.
       */
      selfIngest?: {
        /** Store the backend's own log lines. Default false. */
        enabled?: boolean;
        /** Lines held until the store takes them (oldest dropped past it). Default 10000. */
        maxBufferedLines?: number;
      };
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
      /** Timeout of one probe, e.g. `{ seconds: 5 }` or `5s`. Default 5 seconds. */
      timeout?: HumanDuration | string;
      /** Probes in flight at once. Default 16. */
      concurrency?: number;
      /** How long answers of the fleet summary are shared between callers. Default 2 seconds. */
      fleetCacheTtl?: HumanDuration | string;
      retention?: {
        /** Raw probe samples, e.g. `{ hours: 48 }` or `48h`. Default 48 hours. */
        raw?: HumanDuration | string;
        /** Hourly rollups. Default 35 days. */
        hourly?: HumanDuration | string;
        /** Daily rollups. Default 400 days. */
        daily?: HumanDuration | string;
      };
    };
    /** Queues. (One `queues` block: other queue settings go in here too.) */
    queues?: {
      /**
       * Use the built-in queue source, the Platform Admin API of `ops.platform`. Turn it off
       * when a module (e.g. BullMQ) reads the same queues. Default true.
       */
      platformSource?: boolean;
      /** Sampling round (counts, rates, spike detection). Default: every 30 seconds. */
      schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
      /** How long one queue source may take to answer. Default 10 seconds. */
      sourceTimeout?: HumanDuration | string;
      /**
       * Spike detection per tenant: the median enqueue rate of the last `window` against a
       * high quantile of the tenant's hourly rates over `baseline`.
       */
      spike?: {
        /** The recent window, e.g. `{ minutes: 5 }` or `5m`. Default 5 minutes. */
        window?: HumanDuration | string;
        /** The baseline before it. Default 24 hours. */
        baseline?: HumanDuration | string;
        /** Quantile (0..1) of the hourly rates that stands for the tenant's normal. Default 0.9. */
        baselineQuantile?: number;
        /** A spike is at least this many times the baseline. Default 5. */
        ratio?: number;
        /** No spike under this rate (jobs/min), whatever the ratio. Default 20. */
        minRatePerMinute?: number;
        /** The baseline never counts as lower than this (jobs/min). Default 1. */
        baselineFloorPerMinute?: number;
        /** Baseline points needed for a verdict (hours; else minutes of the last hour). Default 5. */
        minBaselinePoints?: number;
        /** An open spike ends under this share of the threshold. Default 0.5. */
        resolveShare?: number;
      };
      notify?: {
        /**
         * Entity refs notified of every new spike, besides the tenant's owner.
         * Default `['group:default/ops-admins']`.
         */
        groups?: string[];
      };
      pause?: {
        /** The latest auto-resume allowed, counted from now, e.g. `{ days: 7 }`. Default 7 days. */
        maxAutoResume?: HumanDuration | string;
      };
      retention?: {
        /** Raw samples (1h and 24h history, spike windows). Default 48 hours. */
        raw?: HumanDuration | string;
        /** Hourly rollups (7d history, baselines). Default 35 days. */
        hourly?: HumanDuration | string;
        /** Resolved spike alerts. Default 90 days. */
        alerts?: HumanDuration | string;
      };
      /** Job samples (`GET /tenants/{tenantId}/queues/samples`) and their recipient patterns. */
      samples?: {
        /**
         * The hashes of the recipients seen in a tenant's jobs (for "new recipients") are
         * deleted when no job addressed to them was seen for this long; such a recipient
         * counts as new again, e.g. `{ days: 90 }` or `P90D`. Default 90 days.
         */
        seenRecipientsRetention?: HumanDuration | string;
        /**
         * The same in days, read when `seenRecipientsRetention` is not set.
         * @deprecated Use `seenRecipientsRetention`.
         */
        seenRecipientsRetentionDays?: number;
      };
      /** How job samples (`GET /tenants/{tenantId}/queues/samples`) are redacted. */
      redaction?: {
        /** Strings longer than this are cut after masking addresses. Default 200. */
        maxBodyChars?: number;
        /**
         * Payload fields replaced by `[removed]`: dotted paths from the payload root, any case,
         * `*` for one key, arrays transparent. Replaces the default list
         * (`headers.authorization`, `headers.cookie`, `headers.x-api-key`, `attachments`).
         */
        removeFields?: string[];
        /**
         * Per queue name (e.g. `outbound-email-acme`): `maxBodyChars` replaces the default;
         * `removeFields` are added to the default ones (and to the Tenant entity's
         * `opsconsole.io/redact-fields` annotation).
         */
        queues?: {
          [queueName: string]: {
            maxBodyChars?: number;
            removeFields?: string[];
          };
        };
      };
    };
    /** Notices to a tenant's admin (e.g. the "Security Alert"). */
    notices?: {
      /**
       * `{{contact}}` in templates: how the tenant reaches the operations team. Default: the
       * SMTP `from` address, else "the operations team".
       */
      contact?: string;
      /** Where notices are sent. Unset: notices are captured in the database and listed, not sent. */
      smtp?: {
        host: string;
        /** Default 465 when `secure`, else 587. */
        port?: number;
        /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. Default false. */
        secure?: boolean;
        auth?: {
          user: string;
          /** @visibility secret */
          pass: string;
        };
        /** Sender, e.g. `Ops Console <ops@example.com>`. */
        from: string;
      };
      /**
       * Templates in addition to the built-in `security-alert` ("Security Alert"); one with that
       * id replaces it. `subject` and `body` may use {{tenantName}} {{tenantId}} {{reason}}
       * {{time}} {{contact}}; any other placeholder fails startup.
       */
      templates?: Array<{
        id: string;
        title: string;
        subject: string;
        body: string;
      }>;
    };
  };
}
