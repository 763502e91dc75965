import { LogLevel } from '@opsconsole/backstage-plugin-ops-common';
import { LogProvider } from '@opsconsole/backstage-plugin-ops-node';

/** A record to store (from OTLP ingest or the backend's own log). */
export interface NewLogRecord {
  timeMs: number;
  level: LogLevel;
  service: string;
  tenantId?: string;
  /** Lower-case hex, 32 characters. */
  traceId?: string;
  /** Lower-case hex, 16 characters. */
  spanId?: string;
  body: string;
  attributes: Record<string, string>;
}

/** The built-in log store: a log provider that can also be written to. */
export interface LogStore extends LogProvider {
  /** Appends the records in one transaction. */
  insert(records: NewLogRecord[]): Promise<void>;
  /** Deletes records older than `cutoffMs` in batches; returns how many. */
  deleteOlderThan(cutoffMs: number, batchSize: number): Promise<number>;
}
