import { createExtensionPoint } from '@backstage/backend-plugin-api';
import {
  LogContext,
  LogHistogramBucket,
  LogQuery,
  LogRecord,
  LogTopField,
} from '@opsconsole/backstage-plugin-ops-common';

/**
 * What every log read is limited to: a time range and a parsed query (see `parseLogQuery`
 * in ops-common), plus, when the caller may only read some tenants' logs, those tenants.
 * @public
 */
export interface LogScope {
  /** ISO times, `from` inclusive, `to` exclusive. */
  from: string;
  to: string;
  query: LogQuery;
  /** When set, only records whose tenant is one of these (an empty list matches nothing). */
  tenantIds?: string[];
}

/**
 * A source of logs the console can search. Built in: the plugin's own store, fed by OTLP/HTTP
 * ingest. `@opsconsole/backstage-plugin-ops-backend-module-loki` reads Loki. Add more through
 * {@link opsLogProvidersExtensionPoint}.
 * @public
 */
export interface LogProvider {
  readonly id: string;
  /**
   * Newest first, in an order that is the same on every call: a page is the
   * `limit` records (or all that are left) that come next in it, and
   * `nextCursor` is set when more may follow.
   *
   * `cursor` is either the `nextCursor` of a previous page or the id of a record
   * this source returned for the same scope: the page goes on just past that
   * record. The console merges several sources and may use only the first
   * records of a page; it then continues that source from the id of the last one
   * used, so both kinds must work, and neither may lose or repeat a record (also
   * when many records share one timestamp). A cursor that is not one of them is
   * an InputError (400). Cursors, like ids, should stay short: the API takes
   * cursors of all sources together up to 4000 characters and record ids up to
   * 200 characters (ids go in a path, so keep to URL-safe characters).
   */
  search(
    scope: LogScope,
    options: { limit: number; cursor?: string },
  ): Promise<{ records: LogRecord[]; nextCursor?: string }>;
  /** Counts per level in buckets of `bucketSeconds`, oldest bucket first. */
  histogram(
    scope: LogScope,
    options: { bucketSeconds: number },
  ): Promise<LogHistogramBucket[]>;
  /** The record and up to `before`/`after` neighbours in the same service; undefined if unknown. */
  context(
    id: string,
    options: { before: number; after: number; tenantIds?: string[] },
  ): Promise<LogContext | undefined>;
  /** Records newer than `after` (a cursor from a previous tail, or undefined for "from now"), oldest first. */
  tail(
    scope: Omit<LogScope, 'from' | 'to'>,
    options: { after?: string; limit: number },
  ): Promise<{ records: LogRecord[]; cursor: string }>;
  /** The most frequent values of a field. */
  topValues(
    scope: LogScope,
    options: { field: LogTopField; limit: number },
  ): Promise<Array<{ value: string; count: number }>>;
}

/** @public */
export interface OpsLogProvidersExtensionPoint {
  addProvider(...providers: Array<LogProvider | LogProvider[]>): void;
}

/**
 * Collection-style extension point for log sources.
 * @public
 */
export const opsLogProvidersExtensionPoint =
  createExtensionPoint<OpsLogProvidersExtensionPoint>({
    id: 'ops.log-providers',
  });
