import { DateTime } from 'luxon';
import { ResponseError } from '@backstage/errors';

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

/** "3,000"; `–` when missing. */
export function formatCount(value: number | undefined): string {
  return value === undefined ? '–' : value.toLocaleString('en-US');
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
