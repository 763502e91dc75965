import { LogLevel } from '@opsconsole/backstage-plugin-ops-common';
import { NewLogRecord } from '../LogStore';
import { putFlatAttribute } from '../otlp/anyValue';
import { ATTRIBUTE_LIMITS, MAX_BODY_CHARS } from '../otlp/parseOtlpLogs';

/** A winston log entry as a transport receives it (after the logger's formats). */
export type WinstonInfo = Record<string | symbol, unknown>;

/** The level before any colorizing format rewrote `info.level` (triple-beam's LEVEL). */
const LEVEL = Symbol.for('level');

const LEVELS: Record<string, LogLevel> = {
  error: 'error',
  warn: 'warn',
  info: 'info',
  http: 'info',
  verbose: 'debug',
  debug: 'debug',
  silly: 'trace',
};

/** Fields that become the record itself rather than attributes. */
const RECORD_FIELDS = new Set(['level', 'message', 'service', 'timestamp']);

const MAX_NAME_CHARS = 255;

/**
 * Lines the backend's own log ingest never stores: those of the logs capability (its
 * writer reports failed commits there, so storing them could feed back on itself).
 */
export function isLogsCapabilityLine(info: WinstonInfo): boolean {
  return info.plugin === 'ops' && info.capability === 'logs';
}

function toJson(value: unknown): unknown {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return String(value);
  return value;
}

/**
 * A backend log line as a record: service = the root logger's `service` meta
 * (`backstage` by default), the winston level mapped to ours, every other field (among
 * them `plugin`) a flattened string attribute, `tenantId` the tenant. Body and attribute
 * values pass through `redact`.
 */
export function toSelfLogRecord(
  info: WinstonInfo,
  redact: (text: string) => string,
  nowMs: number,
): NewLogRecord {
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(info)) {
    if (!RECORD_FIELDS.has(key)) {
      putFlatAttribute(attributes, key, toJson(value), ATTRIBUTE_LIMITS);
    }
  }
  for (const key of Object.keys(attributes)) {
    attributes[key] = redact(attributes[key]);
  }
  const message = info.message;
  const body = typeof message === 'string' ? message : JSON.stringify(message);
  const service =
    typeof info.service === 'string' &&
    info.service &&
    info.service.length <= MAX_NAME_CHARS
      ? info.service
      : 'backstage';
  const tenantId = attributes.tenantId;
  const time =
    typeof info.timestamp === 'string' ? Date.parse(info.timestamp) : NaN;
  return {
    timeMs: Number.isFinite(time) ? time : nowMs,
    level: LEVELS[String(info[LEVEL] ?? info.level)] ?? 'info',
    service,
    ...(tenantId &&
      tenantId.length <= MAX_NAME_CHARS && { tenantId: tenantId }),
    body: redact(body ?? '').slice(0, MAX_BODY_CHARS),
    attributes,
  };
}
