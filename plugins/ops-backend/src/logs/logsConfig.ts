import { Config } from '@backstage/config';
import { readDurationMs } from '@opsconsole/backstage-plugin-ops-node';

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

export function readLogsConfig(config: Config): LogsConfig {
  const logs = config.getOptionalConfig('ops.logs');
  return {
    retentionMs: readDurationMs(logs, 'retention', { days: 7 }),
    maxBodyBytes: logs?.getOptionalNumber('maxBodyBytes') ?? 5 * 1024 * 1024,
    batchSize: logs?.getOptionalNumber('batchSize') ?? 2000,
    flushIntervalMs: readDurationMs(logs, 'flushInterval', {
      milliseconds: 20,
    }),
    maxPendingRecords: logs?.getOptionalNumber('maxPendingRecords') ?? 100_000,
    exportMaxRecords: logs?.getOptionalNumber('exportMaxRecords') ?? 100_000,
  };
}
