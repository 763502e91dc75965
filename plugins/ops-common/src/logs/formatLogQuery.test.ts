import { formatLogQuery } from './formatLogQuery';
import { parseLogQuery } from './parseLogQuery';
import { LogQuery } from './types';

function parse(input: string): LogQuery {
  const result = parseLogQuery(input);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.query;
}

/** The terms without offsets. */
function withoutOffsets(query: LogQuery) {
  return query.terms.map(({ start: _s, end: _e, ...rest }) => rest);
}

describe('formatLogQuery', () => {
  it('writes the canonical form', () => {
    expect(
      formatLogQuery(
        parse(
          '  LEVEL=Warning   Service:"mailer"  "conn  refused" -healthcheck attr.a:"x y" level>=err',
        ),
      ),
    ).toBe(
      'level:warn service:mailer "conn  refused" -healthcheck attr.a:"x y" level>=error',
    );
  });

  it.each([
    'level>=warn service:mailer tenant:acme "connection refused" -healthcheck trace:abc attr.key:value',
    '"say \\"hi\\" \\\\" -"x" a"b service:"a\\"b" attr.k:"c\\\\d"',
    '--x :y état 日本語 -level<fatal level<=debug level>info',
    'service:"a\u00a0b" "tab\there"',
    '',
  ])('round-trips %j', input => {
    const query = parse(input);
    const formatted = formatLogQuery(query);
    const again = parse(formatted);
    expect(withoutOffsets(again)).toEqual(withoutOffsets(query));
    expect(formatLogQuery(again)).toBe(formatted);
  });

  it('quotes hand-built text that would not read back as a word', () => {
    const q: LogQuery = {
      terms: [
        {
          kind: 'text',
          value: 'foo:bar',
          phrase: false,
          negated: false,
          start: 0,
          end: 0,
        },
        {
          kind: 'text',
          value: 'a b',
          phrase: false,
          negated: true,
          start: 0,
          end: 0,
        },
        {
          kind: 'field',
          field: 'service',
          value: '',
          negated: false,
          start: 0,
          end: 0,
        },
      ],
    };
    expect(formatLogQuery(q)).toBe('"foo:bar" -"a b" service:""');
  });
});
