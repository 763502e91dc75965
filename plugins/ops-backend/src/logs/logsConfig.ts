import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

export interface LogsConfig {
  /** How long records are kept. */
  retentionMs: number;
  /** Largest OTLP request body after decompression. */
  maxBodyBytes: number;
  batchSize: number;
  flushIntervalMs: number;
  maxPendingRecords: number;
  /** Most records one export streams. */
  exportMaxRecords: number;
}

const DAY = 24 * 3600_000;

export function readLogsConfig(config: Config): LogsConfig {
  const logs = config.getOptionalConfig('ops.logs');
  return {
    retentionMs: logs?.has('retention')
      ? durationToMilliseconds(
          readDurationFromConfig(logs, { key: 'retention' }),
        )
      : 7 * DAY,
    maxBodyBytes: logs?.getOptionalNumber('maxBodyBytes') ?? 5 * 1024 * 1024,
    batchSize: logs?.getOptionalNumber('batchSize') ?? 2000,
    flushIntervalMs: logs?.getOptionalNumber('flushIntervalMs') ?? 20,
    maxPendingRecords: logs?.getOptionalNumber('maxPendingRecords') ?? 100_000,
    exportMaxRecords: logs?.getOptionalNumber('exportMaxRecords') ?? 100_000,
  };
}
