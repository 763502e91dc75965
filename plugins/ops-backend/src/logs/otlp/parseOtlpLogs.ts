// ExportLogsServiceRequest (OTLP/JSON) → records for the store.
import {
  LogLevel,
  parseLogLevel,
} from '@opsconsole/backstage-plugin-ops-common';
import { NewLogRecord } from '../LogStore';
import { addAttributes, anyValueToText } from './anyValue';

/** Stored bodies are cut here (full-text positions and tsvector size stay in bounds). */
export const MAX_BODY_CHARS = 16_000;
export const ATTRIBUTE_LIMITS = { maxKeys: 128, maxValueChars: 4096 };
const MAX_NAME_CHARS = 255;

/** The request is not an ExportLogsServiceRequest at all (HTTP 400). */
export class OtlpRequestError extends Error {}

export interface ParsedOtlpLogs {
  records: NewLogRecord[];
  rejected: number;
  /** Why records were rejected (the first few reasons). */
  errors: string[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** severityNumber ranges of the OpenTelemetry log data model. */
function levelOfSeverity(number: unknown, text: unknown): LogLevel {
  let n = typeof number === 'number' ? number : NaN;
  if (typeof number === 'string') {
    const named = /^SEVERITY_NUMBER_([A-Z]+)(\d?)$/.exec(number);
    const level = named && parseLogLevel(named[1]);
    if (level) return level;
    n = Number(number);
  }
  if (Number.isInteger(n) && n >= 1 && n <= 24) {
    return (['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const)[
      Math.floor((n - 1) / 4)
    ];
  }
  return (typeof text === 'string' && parseLogLevel(text)) || 'info';
}

/** Unix nanoseconds (string or number) → ms; undefined when absent or 0; NaN when invalid. */
function nanosToMillis(value: unknown): number | undefined {
  if (value === undefined || value === null || value === 0 || value === '0') {
    return undefined;
  }
  if (typeof value === 'number') {
    return Number.isFinite(value) && value > 0 ? Math.floor(value / 1e6) : NaN;
  }
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    return Number(BigInt(value) / 1_000_000n);
  }
  return NaN;
}

/** A hex id of `length` characters; undefined when absent or all zeros; null when invalid. */
function hexId(value: unknown, length: number): string | undefined | null {
  if (value === undefined || value === null || value === '') return undefined;
  if (
    typeof value !== 'string' ||
    !new RegExp(`^[0-9a-fA-F]{${length}}$`).test(value)
  ) {
    return null;
  }
  return /^0+$/.test(value) ? undefined : value.toLowerCase();
}

/**
 * Reads an ExportLogsServiceRequest. Records that cannot be stored (invalid time or ids,
 * over-long service or tenant) are counted as rejected with a reason; a record without
 * a time gets its observed time, else now.
 */
export function parseOtlpLogs(doc: unknown, nowMs: number): ParsedOtlpLogs {
  if (!isObject(doc)) {
    throw new OtlpRequestError(
      'The body must be an ExportLogsServiceRequest object',
    );
  }
  const resourceLogs = doc.resourceLogs ?? [];
  if (!Array.isArray(resourceLogs)) {
    throw new OtlpRequestError('resourceLogs must be an array');
  }
  const result: ParsedOtlpLogs = { records: [], rejected: 0, errors: [] };
  const reject = (where: string, why: string) => {
    result.rejected += 1;
    if (result.errors.length < 5) result.errors.push(`${where}: ${why}`);
  };

  resourceLogs.forEach((rl, r) => {
    if (!isObject(rl))
      throw new OtlpRequestError(`resourceLogs[${r}] must be an object`);
    const resourceAttributes: Record<string, string> = {};
    if (isObject(rl.resource)) {
      addAttributes(
        resourceAttributes,
        rl.resource.attributes,
        ATTRIBUTE_LIMITS,
      );
    }
    const scopeLogs = rl.scopeLogs ?? [];
    if (!Array.isArray(scopeLogs)) {
      throw new OtlpRequestError(
        `resourceLogs[${r}].scopeLogs must be an array`,
      );
    }
    scopeLogs.forEach((sl, s) => {
      if (!isObject(sl)) {
        throw new OtlpRequestError(
          `resourceLogs[${r}].scopeLogs[${s}] must be an object`,
        );
      }
      const logRecords = sl.logRecords ?? [];
      if (!Array.isArray(logRecords)) {
        throw new OtlpRequestError(
          `resourceLogs[${r}].scopeLogs[${s}].logRecords must be an array`,
        );
      }
      const scopeName =
        isObject(sl.scope) && typeof sl.scope.name === 'string' && sl.scope.name
          ? sl.scope.name
          : undefined;
      logRecords.forEach((lr, i) => {
        const where = `resourceLogs[${r}].scopeLogs[${s}].logRecords[${i}]`;
        if (!isObject(lr)) {
          reject(where, 'not an object');
          return;
        }
        const time = nanosToMillis(lr.timeUnixNano);
        const observed = nanosToMillis(lr.observedTimeUnixNano);
        if (Number.isNaN(time) || Number.isNaN(observed)) {
          reject(
            where,
            'timeUnixNano must be unix nanoseconds (a string of digits)',
          );
          return;
        }
        const traceId = hexId(lr.traceId, 32);
        const spanId = hexId(lr.spanId, 16);
        if (traceId === null || spanId === null) {
          reject(where, 'traceId/spanId must be 32/16 hex characters');
          return;
        }
        const attributes: Record<string, string> = { ...resourceAttributes };
        if (scopeName) attributes['otel.scope.name'] = scopeName;
        addAttributes(attributes, lr.attributes, ATTRIBUTE_LIMITS);
        const service = attributes['service.name'] || 'unknown_service';
        const tenantId =
          attributes['tenant.id'] || attributes.tenant_id || undefined;
        if (
          service.length > MAX_NAME_CHARS ||
          (tenantId?.length ?? 0) > MAX_NAME_CHARS
        ) {
          reject(
            where,
            `service.name and tenant.id may have at most ${MAX_NAME_CHARS} characters`,
          );
          return;
        }
        result.records.push({
          timeMs: time ?? observed ?? nowMs,
          level: levelOfSeverity(lr.severityNumber, lr.severityText),
          service,
          ...(tenantId && { tenantId }),
          ...(traceId && { traceId }),
          ...(spanId && { spanId }),
          body: anyValueToText(lr.body).slice(0, MAX_BODY_CHARS),
          attributes,
        });
      });
    });
  });
  return result;
}
