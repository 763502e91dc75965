import { InputError } from '@backstage/errors';
import {
  parseLogQuery,
  SourceStatus,
} from '@opsconsole/backstage-plugin-ops-common';
import { LogScope } from '@opsconsole/backstage-plugin-ops-node';
import { LogsAccess } from './logsAccess';

const HOUR = 3600_000;

/** What a read needs of the caller's access: their tenants and the tenant directory's status. */
export type LogReader = Pick<LogsAccess, 'tenantIds' | 'sources'>;

/** The request parameters of a read over a time range. */
export interface LogRangeParams {
  q?: string;
  from?: string;
  to?: string;
}

/** The scope of a tail: no time range. */
export type LogTailScope = Omit<LogScope, 'from' | 'to'>;

/** The parsed query, 400 naming the first mistake and where it is. */
export function parseQueryParam(q: string | undefined) {
  const result = parseLogQuery(q ?? '');
  if (!result.ok) {
    const [first] = result.errors;
    throw new InputError(
      `Invalid log query at ${first.start}-${first.end}: ${first.message}`,
    );
  }
  return result.query;
}

function parseTime(name: string, value: string | undefined, fallback: number) {
  if (value === undefined || value === '') return fallback;
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    throw new InputError(`${name} must be an ISO date-time, got "${value}"`);
  }
  return ms;
}

/** The caller's tenant restriction: absent when they may read every record. */
function tenantScope(reader: LogReader) {
  return reader.tenantIds ? { tenantIds: reader.tenantIds } : {};
}

/** The scope of a read: query, time range (default: the last hour), the caller's tenants. */
export function logScope(
  params: LogRangeParams,
  reader: LogReader,
  now = Date.now(),
): LogScope {
  const toMs = parseTime('to', params.to, now);
  const fromMs = parseTime('from', params.from, toMs - HOUR);
  if (fromMs >= toMs) throw new InputError('from must be before to');
  return {
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    query: parseQueryParam(params.q),
    ...tenantScope(reader),
  };
}

/** The scope of a tail: the query and the caller's tenants. */
export function logTailScope(
  params: { q?: string },
  reader: LogReader,
): LogTailScope {
  return { query: parseQueryParam(params.q), ...tenantScope(reader) };
}

/** An answer with the caller's tenant directory status added to its sources. */
export function withReaderSources<T extends { sources: SourceStatus[] }>(
  answer: T,
  reader: LogReader,
): T {
  return { ...answer, sources: [...answer.sources, ...reader.sources] };
}
