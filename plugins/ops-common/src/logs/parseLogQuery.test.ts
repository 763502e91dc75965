import { LOG_QUERY_MAX_LENGTH, parseLogQuery } from './parseLogQuery';
import { LogQueryError, LogQueryTerm } from './types';

function terms(input: string): LogQueryTerm[] {
  const result = parseLogQuery(input);
  if (!result.ok) {
    throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  }
  return result.query.terms;
}

function errors(input: string): LogQueryError[] {
  const result = parseLogQuery(input);
  if (result.ok) throw new Error(`expected errors for ${input}`);
  return result.errors;
}

describe('parseLogQuery', () => {
  it('parses a query using every kind of term', () => {
    const input =
      'level>=warn service:mailer tenant:acme "connection refused" -healthcheck trace:4bf92f3577b34da6 attr.http.status_code:503';
    expect(terms(input)).toEqual([
      {
        kind: 'level',
        op: '>=',
        level: 'warn',
        negated: false,
        start: 0,
        end: 11,
      },
      {
        kind: 'field',
        field: 'service',
        value: 'mailer',
        negated: false,
        start: 12,
        end: 26,
      },
      {
        kind: 'field',
        field: 'tenant',
        value: 'acme',
        negated: false,
        start: 27,
        end: 38,
      },
      {
        kind: 'text',
        value: 'connection refused',
        phrase: true,
        negated: false,
        start: 39,
        end: 59,
      },
      {
        kind: 'text',
        value: 'healthcheck',
        phrase: false,
        negated: true,
        start: 60,
        end: 72,
      },
      {
        kind: 'field',
        field: 'trace',
        value: '4bf92f3577b34da6',
        negated: false,
        start: 73,
        end: 95,
      },
      {
        kind: 'attr',
        key: 'http.status_code',
        value: '503',
        negated: false,
        start: 96,
        end: 121,
      },
    ]);
  });

  it('parses an empty or blank query as match-all', () => {
    expect(terms('')).toEqual([]);
    expect(terms('  \t\n ')).toEqual([]);
  });

  it('parses free text words and phrases with escapes', () => {
    expect(terms('timeout')).toMatchObject([
      { kind: 'text', value: 'timeout', phrase: false, negated: false },
    ]);
    expect(terms('"say \\"hi\\" \\\\ now"')).toMatchObject([
      { kind: 'text', value: 'say "hi" \\ now', phrase: true },
    ]);
    expect(terms('"a\\nb"')).toMatchObject([{ value: 'a\\nb' }]);
    expect(terms('-"conn refused"')).toMatchObject([
      {
        kind: 'text',
        value: 'conn refused',
        phrase: true,
        negated: true,
        start: 0,
        end: 15,
      },
    ]);
    expect(terms('état: 日本語 a"b :x --x')).toMatchObject([
      { kind: 'text', value: 'état:' },
      { kind: 'text', value: '日本語' },
      { kind: 'text', value: 'a"b' },
      { kind: 'text', value: ':x' },
      { kind: 'text', value: '-x', negated: true },
    ]);
  });

  it('parses field filters with quoted values, case-insensitively', () => {
    expect(terms('service:"mail api" -Tenant:acme TRACE:abc')).toEqual([
      {
        kind: 'field',
        field: 'service',
        value: 'mail api',
        negated: false,
        start: 0,
        end: 18,
      },
      {
        kind: 'field',
        field: 'tenant',
        value: 'acme',
        negated: true,
        start: 19,
        end: 31,
      },
      {
        kind: 'field',
        field: 'trace',
        value: 'abc',
        negated: false,
        start: 32,
        end: 41,
      },
    ]);
    expect(terms('service:a:b=c')).toMatchObject([{ value: 'a:b=c' }]);
  });

  it('parses attribute filters', () => {
    expect(terms('attr.k8s.pod-name:"web 1" -attr.x_y:z')).toMatchObject([
      { kind: 'attr', key: 'k8s.pod-name', value: 'web 1', negated: false },
      { kind: 'attr', key: 'x_y', value: 'z', negated: true },
    ]);
  });

  it('parses every level operator and alias', () => {
    const ops = terms(
      'level:info level=debug level>=WARNING level>err level<=trace level<Fatal -level:warn',
    );
    expect(
      ops.map(t => t.kind === 'level' && [t.op, t.level, t.negated]),
    ).toEqual([
      ['=', 'info', false],
      ['=', 'debug', false],
      ['>=', 'warn', false],
      ['>', 'error', false],
      ['<=', 'trace', false],
      ['<', 'fatal', false],
      ['=', 'warn', true],
    ]);
    expect(terms('level:"error"')).toMatchObject([{ level: 'error' }]);
  });

  describe('errors', () => {
    it('reports an unterminated quote', () => {
      expect(errors('a "conn refused')).toEqual([
        {
          message:
            'unterminated quote: add a closing " (write \\" for a quote inside quotes)',
          start: 2,
          end: 15,
        },
      ]);
      expect(errors('service:"x\\"')).toMatchObject([{ start: 8, end: 12 }]);
    });

    it('reports an empty field value', () => {
      expect(errors('service: x')).toEqual([
        {
          message: 'service: needs a value, e.g. service:value',
          start: 0,
          end: 8,
        },
      ]);
      expect(errors('x tenant:""')).toEqual([
        {
          message: 'tenant: needs a value, e.g. tenant:value',
          start: 2,
          end: 11,
        },
      ]);
      expect(errors('level>=')[0].message).toBe(
        'level>= needs a value, e.g. level>=warn',
      );
    });

    it('reports an unknown field with a suggestion', () => {
      expect(errors('x foo:bar')).toEqual([
        {
          message:
            'unknown field "foo": use service, tenant, trace, level or attr.<key> (did you mean attr.foo:bar?)',
          start: 2,
          end: 9,
        },
      ]);
      expect(errors('-host:"a b"')[0]).toMatchObject({
        message: expect.stringContaining('did you mean attr.host:"a b"?'),
        start: 0,
        end: 11,
      });
      expect(errors('attr:x')[0].message).toBe(
        'unknown field "attr": attr needs a key: write attr.<key>:x',
      );
      expect(errors('attr.:x')).toEqual([
        {
          message:
            'attr needs a key: write attr.<key>:value, e.g. attr.region:eu',
          start: 0,
          end: 5,
        },
      ]);
    });

    it('reports comparisons on fields other than level', () => {
      expect(errors('service>=mailer')).toEqual([
        {
          message: '">=" only works with level: write service:value',
          start: 7,
          end: 9,
        },
      ]);
      expect(errors('attr.a=b')[0].message).toBe(
        '"=" only works with level: write attr.a:value',
      );
    });

    it('reports an unknown level', () => {
      expect(errors('level>=warnn')).toEqual([
        {
          message:
            'unknown level "warnn": use trace, debug, info, warn, error or fatal',
          start: 7,
          end: 12,
        },
      ]);
      expect(errors('level:>=warn')[0]).toMatchObject({ start: 6, end: 12 });
    });

    it('reports a dangling "-"', () => {
      expect(errors('a - b -')).toEqual([
        {
          message:
            '"-" must be followed by a term, e.g. -healthcheck or -service:mailer',
          start: 2,
          end: 3,
        },
        {
          message:
            '"-" must be followed by a term, e.g. -healthcheck or -service:mailer',
          start: 6,
          end: 7,
        },
      ]);
    });

    it('reports text glued to a closing quote and empty phrases', () => {
      expect(errors('"ab"cd')).toEqual([
        {
          message: 'expected a space after the closing quote',
          start: 4,
          end: 6,
        },
      ]);
      expect(errors('x ""')).toEqual([
        {
          message: 'empty phrase: put text between the quotes or remove them',
          start: 2,
          end: 4,
        },
      ]);
    });

    it('reports an overlong query once', () => {
      const input = 'a '.repeat(LOG_QUERY_MAX_LENGTH);
      expect(errors(input)).toEqual([
        {
          message: `query is too long: ${input.length} characters, at most 2000 are allowed`,
          start: 2000,
          end: input.length,
        },
      ]);
      expect(parseLogQuery('a'.repeat(LOG_QUERY_MAX_LENGTH)).ok).toBe(true);
    });

    it('reports every error of a query in order', () => {
      expect(
        errors('foo:1 level:x service: ok "open').map(e => [e.start, e.end]),
      ).toEqual([
        [0, 5],
        [12, 13],
        [14, 22],
        [26, 31],
      ]);
    });
  });
});
