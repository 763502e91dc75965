import { parseLogQuery } from '@opsconsole/backstage-plugin-ops-common';
import { combineLogQueries, logFieldQuery } from './logQueries';

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
