import { parseLogQuery } from '@opsconsole/backstage-plugin-ops-common';
import { highlightSegments } from './highlightSegments';

const errorsOf = (query: string) => {
  const result = parseLogQuery(query);
  return result.ok ? [] : result.errors;
};

describe('highlightSegments', () => {
  it('gives each token its kind and covers the query without gaps', () => {
    const query = 'level>=warn -healthcheck "connection refused"';
    const segments = highlightSegments(query, []);
    expect(segments.map(s => s.text).join('')).toBe(query);
    expect(segments.map(s => [s.kind, s.text])).toEqual([
      ['field', 'level'],
      ['operator', '>='],
      ['value', 'warn'],
      ['whitespace', ' '],
      ['negation', '-'],
      ['text', 'healthcheck'],
      ['whitespace', ' '],
      ['phrase', '"connection refused"'],
    ]);
    expect(segments.some(s => s.error)).toBe(false);
  });

  it('marks exactly the span of an error', () => {
    const query = 'service:mailer level>=loud';
    const segments = highlightSegments(query, errorsOf(query));
    expect(segments.filter(s => s.error).map(s => s.text)).toEqual(['loud']);
    expect(segments.map(s => s.text).join('')).toBe(query);
  });

  it('handles an empty query', () => {
    expect(highlightSegments('', [])).toEqual([]);
  });
});
