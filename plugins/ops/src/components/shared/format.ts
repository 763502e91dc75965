import { DateTime } from 'luxon';
import { ResponseError } from '@backstage/errors';
import { HealthStatus } from '@opsconsole/backstage-plugin-ops-common';

/** Formats a 0..1 share as a percentage; `–` when there is no data. */
export function formatPercent(
  share: number | null | undefined,
  fractionDigits = 2,
): string {
  if (share === null || share === undefined || Number.isNaN(share)) {
    return '–';
  }
  return `${(share * 100).toFixed(fractionDigits)} %`;
}

/**
 * Formats a 0..1 share as a whole percentage, e.g. of a top-N list: `<1 %`
 * for a share above 0 but below 1 % (which would otherwise read `0 %`);
 * `–` when there is no data.
 */
export function formatShare(share: number | null | undefined): string {
  if (share !== null && share !== undefined && share > 0 && share < 0.01) {
    return '<1 %';
  }
  return formatPercent(share, 0);
}

/** Formats a duration in milliseconds; `–` when there is no data. */
export function formatLatency(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || Number.isNaN(ms)) {
    return '–';
  }
  if (ms >= 1000) {
    return `${(ms / 1000).toFixed(ms >= 10000 ? 0 : 1)} s`;
  }
  return `${Math.round(ms)} ms`;
}

/** Parses an ISO timestamp; undefined when missing or invalid. */
export function parseTime(iso: string | undefined): DateTime | undefined {
  if (!iso) {
    return undefined;
  }
  const time = DateTime.fromISO(iso);
  return time.isValid ? time : undefined;
}

/** "5 minutes ago"; `–` when missing. */
export function formatRelative(iso: string | undefined): string {
  return parseTime(iso)?.toRelative() ?? '–';
}

/** "2026-11-25 14:03:12 CET"; `–` when missing. */
export function formatAbsolute(iso: string | undefined): string {
  return parseTime(iso)?.toFormat('yyyy-LL-dd HH:mm:ss ZZZZ') ?? '–';
}

/** Formats a health check's observed value and unit ("12 ms", "true"). */
export function formatObservedValue(value: unknown, unit?: string): string {
  if (value === undefined || value === null) {
    return '–';
  }
  const text =
    typeof value === 'object' ? JSON.stringify(value) : String(value);
  return unit ? `${text} ${unit}` : text;
}

/** Display order of statuses: worst first. */
export const HEALTH_STATUS_ORDER: HealthStatus[] = [
  'fail',
  'misconfigured',
  'warn',
  'unknown',
  'pass',
];

/** Human label of a status. */
export const HEALTH_STATUS_LABELS: Record<HealthStatus, string> = {
  pass: 'Pass',
  warn: 'Warn',
  fail: 'Fail',
  unknown: 'Unknown',
  misconfigured: 'Misconfigured',
};

/**
 * The most useful message of an error: for a ResponseError the server's own
 * message (e.g. "Missing permission ops.health.probe") rather than
 * "Request failed with 403 Forbidden".
 */
export function errorMessage(error: unknown): string {
  if (ResponseError.is(error) && error.cause?.message) {
    return error.cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
