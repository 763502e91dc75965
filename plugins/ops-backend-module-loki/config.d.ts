import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Ops Console. */
  ops?: {
    logs?: {
      /**
       * Grafana Loki as a log source (`@opsconsole/backstage-plugin-ops-backend-module-loki`).
       * Leave out to run without it.
       */
      loki?: {
        /** Base URL of Loki (the API is under `/loki/api/v1`), e.g. `http://loki:3100`. */
        baseUrl: string;
        /** Provider id shown in `sources` lists. Default `loki`. */
        id?: string;
        /** Sent as `X-Scope-OrgID` on a multi-tenant Loki (`a|b` reads several). */
        orgId?: string;
        /**
         * Sent as `Authorization: Bearer <token>`.
         * @visibility secret
         */
        token?: string;
        /** Basic auth, e.g. a Grafana Cloud user and access policy token. */
        basicAuth?: {
          username: string;
          /** @visibility secret */
          password: string;
        };
        /** Timeout of one request, e.g. `{ seconds: 10 }` or `10s`. Default 10 seconds. */
        timeout?: HumanDuration | string;
        /** The labels the query fields map to. */
        labels?: {
          /** Default `service_name`. */
          service?: string;
          /** Default `tenant`. */
          tenant?: string;
          /** Default `detected_level`. */
          level?: string;
          /** Default `trace_id`. */
          trace?: string;
        };
        /**
         * Whether the tenant label is a stream (index) label, matched in the
         * stream selector (default true), or structured metadata, matched by a
         * label filter.
         */
        tenantInSelector?: boolean;
        /**
         * How `attr.<key>:value` terms are matched: `labels` (default) as a label
         * filter on the structured metadata or stream label `<key>`; `json` or
         * `logfmt` parse every line first.
         */
        attributeParser?: 'labels' | 'json' | 'logfmt';
        /** Match free text case-insensitively (`|~ "(?i)..."`). Default false. */
        caseInsensitiveText?: boolean;
        /** How far around a record the context view looks, each way, e.g. `1h`. Default 1 hour. */
        contextWindow?: HumanDuration | string;
        /**
         * The most entries one query may ask for: Loki's `max_entries_limit_per_query`.
         * Default 5000 (Loki's default). Paging reads a whole instant (entries sharing
         * one nanosecond) in one query when it must, up to this many.
         */
        maxEntriesPerQuery?: number;
      };
    };
  };
}
