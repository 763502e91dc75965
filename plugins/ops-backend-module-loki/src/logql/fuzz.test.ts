import {
  LOG_LEVELS,
  LogQueryTerm,
  formatLogQuery,
  logLevelsMatching,
  parseLogQuery,
} from '@opsconsole/backstage-plugin-ops-common';
import { ReadStage, readLogQl } from '../__testUtils__/readLogQl';
import { CompileLogQlOptions, compileLogQl } from './compileLogQl';
import { lokiLevelValues } from './levels';
import { labelNameFor, regexLiteral } from './literals';

/** mulberry32: a small seeded pseudo-random generator, so failures reproduce. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  ...'"\\{}()[]|=!~`\'$^.*+?,:<>- \t\n\r\u0000\u007f',
  ...'abcXYZ019_',
  '} |= "',
  '"}',
  '| json',
  '\\"',
  '\\\\',
  'level',
  'é',
  '日本',
  '😀',
  '\u2028',
  '\ud800',
  '\udfff',
];
const KEYS = ['region', 'http.method', 'k8s.pod-name', '2fa', 'a_b', 'x'];
const OPS = ['=', '>=', '>', '<=', '<'] as const;

function wellFormed(value: string): string {
  return (value as unknown as { toWellFormed(): string }).toWellFormed();
}

describe('compileLogQl fuzzing', () => {
  it('compiles every parser-valid query to well-formed LogQL that keeps each value a value', () => {
    const random = mulberry32(0x10c1);
    const pick = <T>(items: readonly T[]): T =>
      items[Math.floor(random() * items.length)];
    const text = () => {
      let value = '';
      const length = 1 + Math.floor(random() * 8);
      for (let i = 0; i < length; i++) value += pick(PIECES);
      return value;
    };
    const term = (): LogQueryTerm => {
      const negated = random() < 0.3;
      const span = { start: 0, end: 0 };
      switch (Math.floor(random() * 4)) {
        case 0:
          return {
            kind: 'text',
            value: text(),
            phrase: random() < 0.5,
            negated,
            ...span,
          };
        case 1:
          return {
            kind: 'field',
            field: pick(['service', 'tenant', 'trace'] as const),
            value: text(),
            negated,
            ...span,
          };
        case 2:
          return {
            kind: 'attr',
            key: pick(KEYS),
            value: text(),
            negated,
            ...span,
          };
        default:
          return {
            kind: 'level',
            op: pick(OPS),
            level: pick(LOG_LEVELS),
            negated,
            ...span,
          };
      }
    };

    let compiled = 0;
    for (let run = 0; run < 3000; run++) {
      const input = formatLogQuery({
        terms: Array.from({ length: Math.floor(random() * 7) }, term),
      });
      const parsed = parseLogQuery(input);
      if (!parsed.ok) continue; // e.g. too long
      const options: CompileLogQlOptions = {
        tenantIds:
          random() < 0.4
            ? Array.from({ length: Math.floor(random() * 3) }, text)
            : undefined,
        tenantInSelector: random() < 0.7,
        attributeParser: pick(['labels', 'json', 'logfmt'] as const),
        caseInsensitiveText: random() < 0.3,
      };
      const logQl = compileLogQl(parsed.query, options);
      let read;
      try {
        read = readLogQl(logQl);
      } catch (error) {
        throw new Error(
          `query ${JSON.stringify(input)} compiled to bad LogQL: ${error}`,
        );
      }
      compiled += 1;

      // Every term turns into exactly one matcher or stage holding its value.
      const all: Array<{ op: string; value: string; label?: string }> = [
        ...read.matchers,
        ...read.stages.filter(
          (s): s is Exclude<ReadStage, { kind: 'parser' }> =>
            s.kind !== 'parser',
        ),
      ];
      const expected = parsed.query.terms.flatMap(
        (t): Array<{ value: string; label?: string }> => {
          if (t.kind === 'text') {
            const value = options.caseInsensitiveText
              ? `(?i)${regexLiteral(wellFormed(t.value))}`
              : wellFormed(t.value);
            return [{ value, label: undefined }];
          }
          if (t.kind === 'level') {
            const values = lokiLevelValues(logLevelsMatching(t.op, t.level));
            if (t.negated && values.length === 0) return [];
            return [
              {
                value: values.length ? values.join('|') : '[^\\s\\S]',
                label: 'detected_level',
              },
            ];
          }
          const label =
            t.kind === 'attr'
              ? labelNameFor(t.key)
              : {
                  service: 'service_name',
                  tenant: 'tenant',
                  trace: 'trace_id',
                }[t.field];
          return [{ value: wellFormed(t.value), label }];
        },
      );
      for (const e of expected) {
        const at = all.findIndex(
          m => m.value === e.value && m.label === e.label,
        );
        if (at < 0) {
          throw new Error(
            `value ${JSON.stringify(e.value)} of ${JSON.stringify(
              input,
            )} is missing in ${logQl}`,
          );
        }
        all.splice(at, 1);
      }
      const extra = all.filter(
        m => !(m.op === '=~' && (m.value === '.+' || m.label === 'tenant')),
      );
      expect(extra).toEqual([]);
      expect(read.stages.filter(s => s.kind === 'parser').length).toBe(
        options.attributeParser === 'labels' ? 0 : 1,
      );
    }
    expect(compiled).toBeGreaterThan(2500);
  });
});

describe('compileLogQl on random typed input', () => {
  it('compiles whatever the parser accepts, and never throws', () => {
    const random = mulberry32(0xbad);
    const pieces = [
      ...PIECES,
      'service:',
      'tenant:',
      'trace:',
      'attr.x:',
      'level>=',
      'level:',
      'warn',
      '-',
      ' ',
      ' ',
    ];
    let ok = 0;
    for (let run = 0; run < 4000; run++) {
      let input = '';
      const length = Math.floor(random() * 30);
      for (let i = 0; i < length; i++) {
        input += pieces[Math.floor(random() * pieces.length)];
      }
      const parsed = parseLogQuery(input);
      if (!parsed.ok) continue;
      ok += 1;
      const logQl = compileLogQl(parsed.query, { tenantIds: ['a', input] });
      try {
        readLogQl(logQl);
      } catch (error) {
        throw new Error(`${JSON.stringify(input)} gave ${logQl}: ${error}`);
      }
    }
    expect(ok).toBeGreaterThan(400);
  });
});
