import { parseLogQuery } from '@opsconsole/backstage-plugin-ops-common';
import { readLogQl } from '../__testUtils__/readLogQl';
import {
  CompileLogQlOptions,
  compileLogQl,
  levelCountsLogQl,
  topValuesLogQl,
} from './compileLogQl';

function compile(input: string, options?: CompileLogQlOptions): string {
  const parsed = parseLogQuery(input);
  if (!parsed.ok) throw new Error(`bad query ${input}`);
  const logQl = compileLogQl(parsed.query, options);
  readLogQl(logQl); // always well formed
  return logQl;
}

describe('compileLogQl', () => {
  it('selects every service for an empty query', () => {
    expect(compile('')).toBe('{service_name=~".+"}');
  });

  it('compiles a query using every kind of term', () => {
    expect(
      compile(
        'level>=warn service:mailer tenant:acme "connection refused" -healthcheck trace:4bf92f35 attr.smtp.code:421',
      ),
    ).toBe(
      '{service_name="mailer", tenant="acme"} |= "connection refused" != "healthcheck"' +
        ' | detected_level=~"warn|warning|error|err|fatal|critical" | trace_id="4bf92f35" | smtp_code="421"',
    );
  });

  it('puts service and tenant in the selector, negated as !=', () => {
    expect(compile('service:api -service:worker -tenant:globex')).toBe(
      '{service_name="api", service_name!="worker", tenant!="globex"}',
    );
  });

  it('adds service_name=~".+" when the selector has only negative matchers', () => {
    expect(compile('-service:worker')).toBe(
      '{service_name=~".+", service_name!="worker"}',
    );
    expect(compile('-tenant:acme timeout')).toBe(
      '{service_name=~".+", tenant!="acme"} |= "timeout"',
    );
  });

  it('compiles words and phrases to literal line filters', () => {
    expect(compile('timeout -healthcheck "a b" -"x y"')).toBe(
      '{service_name=~".+"} |= "timeout" != "healthcheck" |= "a b" != "x y"',
    );
  });

  it('matches free text case-insensitively when asked, as an escaped regex', () => {
    expect(compile('a.b -"(x)"', { caseInsensitiveText: true })).toBe(
      '{service_name=~".+"} |~ "(?i)a\\\\.b" !~ "(?i)\\\\(x\\\\)"',
    );
  });

  it.each([
    ['level:warn', '=~"warn|warning"'],
    ['level>=warn', '=~"warn|warning|error|err|fatal|critical"'],
    ['level>error', '=~"fatal|critical"'],
    ['level<=debug', '=~"trace|debug"'],
    ['level<info', '=~"trace|debug"'],
    ['level:fatal', '=~"fatal|critical"'],
    ['-level>=error', '!~"error|err|fatal|critical"'],
    ['level<trace', '=~"[^\\\\s\\\\S]"'],
  ])('compiles %s to a level regex', (input, filter) => {
    expect(compile(input)).toBe(
      `{service_name=~".+"} | detected_level${filter}`,
    );
  });

  it('drops a negated level comparison that matches no level (it matches everything)', () => {
    expect(compile('-level>fatal')).toBe('{service_name=~".+"}');
  });

  it('compiles trace and attributes to label filters, negated as !=', () => {
    expect(
      compile('trace:abc -trace:def attr.region:eu -attr.http.method:GET'),
    ).toBe(
      '{service_name=~".+"} | trace_id="abc" | trace_id!="def" | region="eu" | http_method!="GET"',
    );
  });

  it('normalises attribute keys to label names like Loki does for OTLP', () => {
    expect(compile('attr.k8s.pod-name:x attr.2fa:yes')).toBe(
      '{service_name=~".+"} | k8s_pod_name="x" | key_2fa="yes"',
    );
  });

  it('parses json or logfmt lines first when configured, in every query', () => {
    expect(
      compile('attr.region:eu level:error boom', { attributeParser: 'json' }),
    ).toBe(
      '{service_name=~".+"} |= "boom" | detected_level=~"error|err" | json | region="eu"',
    );
    expect(compile('', { attributeParser: 'logfmt' })).toBe(
      '{service_name=~".+"} | logfmt',
    );
  });

  it('uses configured label names', () => {
    expect(
      compile('service:api tenant:acme level:error trace:t1', {
        labels: {
          service: 'app',
          tenant: 'org',
          level: 'level',
          trace: 'traceID',
        },
      }),
    ).toBe('{app="api", org="acme"} | level=~"error|err" | traceID="t1"');
  });

  it('refuses label names that are not LogQL label names', () => {
    const { query } = parseLogQuery('x') as { ok: true; query: any };
    expect(() =>
      compileLogQl(query, { labels: { service: 'service"} |= "' } }),
    ).toThrow(/Loki label name for service must match/);
    expect(() => compileLogQl(query, { labels: { level: '' } })).toThrow(
      /label name for level/,
    );
  });

  describe('tenant scope', () => {
    it('limits to the tenants with an escaped regex matcher', () => {
      expect(compile('', { tenantIds: ['acme', 'a.b|c', '(x)*'] })).toBe(
        '{tenant=~"acme|a\\\\.b\\\\|c|\\\\(x\\\\)\\\\*"}',
      );
    });

    it('keeps the query tenant term too (both must hold)', () => {
      expect(compile('tenant:globex', { tenantIds: ['acme'] })).toBe(
        '{tenant="globex", tenant=~"acme"}',
      );
    });

    it('matches nothing for an empty tenant list', () => {
      const logQl = compile('service:api', { tenantIds: [] });
      expect(logQl).toBe('{service_name="api", tenant=~"[^\\\\s\\\\S]"}');
      const pattern = readLogQl(logQl).matchers[1].value;
      expect(new RegExp(`^(?:${pattern})$`).test('')).toBe(false);
      expect(new RegExp(`^(?:${pattern})$`).test('acme')).toBe(false);
      expect(compile('', { tenantIds: [''] })).toBe(
        '{tenant=~"[^\\\\s\\\\S]"}',
      );
    });

    it('filters by label when the tenant is structured metadata', () => {
      expect(
        compile('tenant:acme -tenant:x', {
          tenantIds: ['acme', 'globex'],
          tenantInSelector: false,
        }),
      ).toBe(
        '{service_name=~".+"} | tenant="acme" | tenant!="x" | tenant=~"acme|globex"',
      );
    });

    it('scope regexes match exactly the listed tenants', () => {
      const ids = ['a.c', 'x|y', 'b+', '^z$', 'q\\d'];
      const logQl = compile('', { tenantIds: ids });
      const re = new RegExp(`^(?:${readLogQl(logQl).matchers[0].value})$`);
      for (const id of ids) expect(re.test(id)).toBe(true);
      for (const other of ['abc', 'x', 'y', 'bb', 'z', 'qd', 'q1']) {
        expect(re.test(other)).toBe(false);
      }
    });
  });

  describe('hostile input stays a value', () => {
    it.each([
      ['"\\"} |= \\"x"', '"} |= "x'],
      ['"a\\" b"', 'a" b'],
      ['"back\\\\slash"', 'back\\slash'],
      ['"`raw` {x=\\"y\\"} | json"', '`raw` {x="y"} | json'],
      [
        '"line\nbreak\r\ttab\u0000nul\u007fdel"',
        'line\nbreak\r\ttab\u0000nul\u007fdel',
      ],
      ['"日本 😀 \u2028"', '日本 😀 \u2028'],
    ])('line filter for %j', (input, value) => {
      const logQl = compile(input);
      expect(readLogQl(logQl).stages).toEqual([
        { kind: 'line', op: '|=', value },
      ]);
      expect(logQl).not.toMatch(/[\n\r]/);
      expect(logQl).not.toContain('\u0000');
    });

    it('escapes quotes and backslashes in label values', () => {
      const logQl = compile(
        'service:"a\\"} or {x=\\"" tenant:"\\\\" attr.k:"\\"|x"',
      );
      expect(logQl).toBe(
        '{service_name="a\\"} or {x=\\"", tenant="\\\\"} | k="\\"|x"',
      );
      expect(readLogQl(logQl)).toEqual({
        matchers: [
          { label: 'service_name', op: '=', value: 'a"} or {x="' },
          { label: 'tenant', op: '=', value: '\\' },
        ],
        stages: [{ kind: 'label', label: 'k', op: '=', value: '"|x' }],
      });
    });

    it('replaces lone surrogates, which have no UTF-8 form', () => {
      const logQl = compile('"a\ud800b" -"\udfff"');
      expect(readLogQl(logQl).stages).toEqual([
        { kind: 'line', op: '|=', value: 'a\ufffdb' },
        { kind: 'line', op: '!=', value: '\ufffd' },
      ]);
    });

    it('escapes tenant ids for the regex and then for the string', () => {
      const logQl = compile('', { tenantIds: ['"} |= "', '\\'] });
      expect(readLogQl(logQl).matchers).toEqual([
        { label: 'tenant', op: '=~', value: '"\\} \\|= "|\\\\' },
      ]);
    });
  });
});

describe('metric queries', () => {
  it('counts levels per step', () => {
    expect(
      levelCountsLogQl('{service_name="api"} |= "x"', { stepSeconds: 60 }),
    ).toBe(
      'sum by (detected_level) (count_over_time({service_name="api"} |= "x" [60s]))',
    );
    expect(
      levelCountsLogQl('{app="a"}', { stepSeconds: 300, levelLabel: 'level' }),
    ).toBe('sum by (level) (count_over_time({app="a"} [300s]))');
  });

  it('lists the top values of a label', () => {
    expect(
      topValuesLogQl('{service_name=~".+"}', {
        label: 'tenant',
        limit: 5,
        rangeSeconds: 3600,
      }),
    ).toBe(
      'topk(5, sum by (tenant) (count_over_time({service_name=~".+"} [3600s])))',
    );
  });
});
