// Types of the ops API's log resources. They mirror plugins/ops-backend/src/schema/openapi.yaml
// (the contract); ops-backend checks its service answers against these types at compile time.

import { SourceStatus } from '../health/types';
import { LogLevel } from './levels';

/** One stored log record. @public */
export interface LogRecord {
  /** Opaque, stable id of the record in its source (also its cursor position). */
  id: string;
  /** ISO time with milliseconds. */
  time: string;
  level: LogLevel;
  service: string;
  tenantId?: string;
  traceId?: string;
  spanId?: string;
  /** The log line, as text; clients render it as text, never as markup. */
  body: string;
  /** Flat string attributes (resource and record attributes, dotted keys). */
  attributes: Record<string, string>;
}

/** Answer of `GET /logs/search`: newest first. @public */
export interface LogSearchPage {
  records: LogRecord[];
  /** Pass as `cursor` to get the next (older) page; absent on the last page. */
  nextCursor?: string;
  /**
   * First page only: pass as `after` to `GET /logs/tail` (same query) to follow what
   * arrives after this search, missing nothing it did not show. Taken just before the
   * search, so the first tail answer may repeat records of this page: de-duplicate by id.
   */
  tailCursor?: string;
  sources: SourceStatus[];
}

/** One time bucket of the level histogram. @public */
export interface LogHistogramBucket {
  start: string;
  counts: Partial<Record<LogLevel, number>>;
}

/** Answer of `GET /logs/histogram`. @public */
export interface LogHistogram {
  bucketSeconds: number;
  buckets: LogHistogramBucket[];
  sources: SourceStatus[];
}

/** Answer of `GET /logs/records/{id}/context`: neighbours in the same service. @public */
export interface LogContext {
  before: LogRecord[];
  record: LogRecord;
  after: LogRecord[];
}

/** Answer of `GET /logs/tail`: records newer than the cursor, oldest first. @public */
export interface LogTailPage {
  records: LogRecord[];
  /** Pass back as `after` to get what arrives next. */
  cursor: string;
  /** How each source answered; a failed one is degraded and its records are missing. */
  sources: SourceStatus[];
}

/** Fields whose most frequent values can be listed. @public */
export const LOG_TOP_FIELDS = ['service', 'tenant', 'level', 'trace'] as const;

/** @public */
export type LogTopField = (typeof LOG_TOP_FIELDS)[number];

/** Answer of `GET /logs/top`. @public */
export interface LogTopValues {
  field: string;
  values: Array<{ value: string; count: number }>;
  sources: SourceStatus[];
}
