import {
  LOG_QUERY_MAX_LENGTH,
  LogQueryError,
  LogQueryFieldName,
  formatLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';

/** A one-term query on a field, quoted when needed: `service:mail-api`. */
export function logFieldQuery(field: LogQueryFieldName, value: string): string {
  return formatLogQuery({
    terms: [{ kind: 'field', field, value, negated: false, start: 0, end: 0 }],
  });
}

/** Queries ANDed into one (terms are ANDed, so joining with a space does it). */
export function combineLogQueries(...parts: Array<string | undefined>): string {
  return parts
    .map(part => part?.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * The problem of a query that fits the length limit alone but not with the
 * scope ANDed to it (what is sent: see {@link combineLogQueries}), with the
 * part of `query` beyond the limit as its span; undefined when it fits.
 */
export function scopedQueryLengthError(
  scope: string | undefined,
  query: string,
): LogQueryError | undefined {
  const fixed = scope?.trim();
  const combined = combineLogQueries(fixed, query);
  if (
    !fixed ||
    query.length > LOG_QUERY_MAX_LENGTH ||
    combined.length <= LOG_QUERY_MAX_LENGTH
  ) {
    return undefined;
  }
  const leading = query.length - query.trimStart().length;
  const room = Math.max(0, LOG_QUERY_MAX_LENGTH - fixed.length - 1);
  return {
    message: `query is too long: with ${fixed} it has ${combined.length} characters, at most ${LOG_QUERY_MAX_LENGTH} are allowed (${room} for the query here)`,
    start: leading + room,
    end: query.trimEnd().length,
  };
}
