import {
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
