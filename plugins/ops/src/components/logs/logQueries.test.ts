import {
  LOG_QUERY_MAX_LENGTH,
  parseLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';
import {
  combineLogQueries,
  logFieldQuery,
  scopedQueryLengthError,
} from './logQueries';

describe('logFieldQuery', () => {
  it('writes a field term, quoting values that need it', () => {
    expect(logFieldQuery('service', 'mail-api')).toBe('service:mail-api');
    expect(logFieldQuery('tenant', 'acme corp')).toBe('tenant:"acme corp"');
    const result = parseLogQuery(logFieldQuery('service', 'a "b" c'));
    expect(result.ok && result.query.terms[0]).toMatchObject({
      field: 'service',
      value: 'a "b" c',
    });
  });
});

describe('combineLogQueries', () => {
  it('joins the non-empty parts', () => {
    expect(
      combineLogQueries('service:x', undefined, '  ', 'level>=warn '),
    ).toBe('service:x level>=warn');
    expect(combineLogQueries(undefined, '')).toBe('');
  });
});

describe('scopedQueryLengthError', () => {
  const scope = 'service:mail-api';

  it('is undefined while the query with its scope fits', () => {
    const fits = 'a'.repeat(LOG_QUERY_MAX_LENGTH - scope.length - 1);
    expect(combineLogQueries(scope, fits)).toHaveLength(LOG_QUERY_MAX_LENGTH);
    expect(scopedQueryLengthError(scope, fits)).toBeUndefined();
    expect(scopedQueryLengthError(undefined, `${fits}bb`)).toBeUndefined();
  });

  it('marks the part of the query beyond the limit once the scope is added', () => {
    const query = ` ${'a'.repeat(1990)} `;
    expect(scopedQueryLengthError(scope, query)).toEqual({
      message: `query is too long: with service:mail-api it has 2007 characters, at most 2000 are allowed (1983 for the query here)`,
      start: 1 + 1983,
      end: 1991,
    });
  });

  it('leaves a query too long by itself to the parser', () => {
    const query = 'a'.repeat(LOG_QUERY_MAX_LENGTH + 1);
    expect(parseLogQuery(query).ok).toBe(false);
    expect(scopedQueryLengthError(scope, query)).toBeUndefined();
  });
});
