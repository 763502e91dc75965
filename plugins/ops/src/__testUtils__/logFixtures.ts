import {
  LogContext,
  LogHistogram,
  LogRecord,
  LogTailPage,
} from '@opsconsole/backstage-plugin-ops-common';
import { OpsApi } from '../api';

const secondsAgo = (seconds: number) =>
  new Date(Date.now() - seconds * 1000).toISOString();

export function makeLogRecord(overrides: Partial<LogRecord> = {}): LogRecord {
  return {
    id: 'r1',
    time: secondsAgo(10),
    level: 'info',
    service: 'mailer',
    body: 'message accepted',
    attributes: {},
    ...overrides,
  };
}

/** An error burst of the mailer for acme, newest first. */
export const logRecords: LogRecord[] = [
  makeLogRecord({
    id: 'r3',
    time: secondsAgo(5),
    level: 'error',
    tenantId: 'acme',
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId: '00f067aa0ba902b7',
    body: 'connection refused by mx.acme.example:25\n    at Socket.connect',
    attributes: { 'smtp.host': 'mx.acme.example', 'host.name': 'worker-1' },
  }),
  makeLogRecord({
    id: 'r2',
    time: secondsAgo(7),
    level: 'warn',
    tenantId: 'acme',
    body: 'retrying delivery in 30 s',
  }),
  makeLogRecord({ id: 'r1', time: secondsAgo(10) }),
];

export const logHistogram: LogHistogram = {
  bucketSeconds: 60,
  buckets: Array.from({ length: 60 }, (_, i) => ({
    start: new Date(Date.now() - (60 - i) * 60_000).toISOString(),
    counts: i === 58 ? { info: 4, warn: 1, error: 3 } : { info: 2 },
  })),
  sources: [{ id: 'builtin', status: 'ok' }],
};

/** A tail request that stays open until aborted, like a long poll with no news. */
export function pendingTail(options: {
  signal?: AbortSignal;
}): Promise<LogTailPage> {
  return new Promise((_resolve, reject) => {
    options.signal?.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError')),
    );
  });
}

export function logContextOf(record: LogRecord): LogContext {
  return {
    before: [
      makeLogRecord({
        id: 'c1',
        time: new Date(Date.parse(record.time) - 2000).toISOString(),
        body: 'opening connection to mx.acme.example',
      }),
    ],
    record,
    after: [
      makeLogRecord({
        id: 'c2',
        time: new Date(Date.parse(record.time) + 1000).toISOString(),
        body: 'delivery deferred',
      }),
    ],
  };
}

/** The log methods of the fake OpsApi, answering the fixtures above. */
export function fakeLogApi(): Pick<
  jest.Mocked<OpsApi>,
  | 'searchLogs'
  | 'getLogHistogram'
  | 'getLogContext'
  | 'tailLogs'
  | 'getLogTopValues'
  | 'exportLogs'
> {
  return {
    searchLogs: jest.fn().mockResolvedValue({
      records: logRecords,
      sources: [{ id: 'builtin', status: 'ok' }],
    }),
    getLogHistogram: jest.fn().mockResolvedValue(logHistogram),
    getLogContext: jest.fn(async id =>
      logContextOf(logRecords.find(r => r.id === id) ?? makeLogRecord({ id })),
    ),
    tailLogs: jest.fn(pendingTail),
    getLogTopValues: jest.fn(async options => ({
      field: options.field,
      values: [{ value: 'mailer', count: 3 }],
      sources: [],
    })),
    exportLogs: jest
      .fn()
      .mockResolvedValue({ file: new Blob(['{}\n']), records: 1 }),
  };
}
