import { formatLogQuery } from './formatLogQuery';
import { parseLogQuery } from './parseLogQuery';
import { tokenizeLogQuery } from './tokenize';
import { LogQuery } from './types';

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

const ALPHABET = [
  ...'"""---:::>><<==..\\\\  \t\n',
  ...'abcxyzLEVWR019_',
  'level',
  'service',
  'tenant',
  'trace',
  'attr.',
  'attr',
  'warn',
  'error',
  'é',
  '日本',
  '\u00a0',
  '\u2028',
  '😀',
  '\ud800',
  '\udfff',
];

function withoutOffsets(query: LogQuery) {
  return query.terms.map(({ start: _s, end: _e, ...rest }) => rest);
}

describe('log query fuzzing', () => {
  it('never throws and always answers consistently', () => {
    const random = mulberry32(0x5eed);
    let okCount = 0;
    const runs = 6000;
    for (let run = 0; run < runs; run++) {
      const length = Math.floor(random() * (run % 100 === 0 ? 900 : 40));
      let input = '';
      for (let i = 0; i < length; i++) {
        input += ALPHABET[Math.floor(random() * ALPHABET.length)];
      }
      const context = `input ${JSON.stringify(input)}`;

      const tokens = tokenizeLogQuery(input);
      expect(tokens.map(t => t.text).join('')).toBe(input);
      let pos = 0;
      for (const token of tokens) {
        if (token.start !== pos || token.end <= token.start) {
          throw new Error(`bad token ${JSON.stringify(token)} for ${context}`);
        }
        pos = token.end;
      }

      const result = parseLogQuery(input);
      if (result.ok) {
        okCount += 1;
        const formatted = formatLogQuery(result.query);
        const again = parseLogQuery(formatted);
        const same =
          again.ok &&
          JSON.stringify(withoutOffsets(again.query)) ===
            JSON.stringify(withoutOffsets(result.query)) &&
          formatLogQuery(again.query) === formatted;
        if (!same) {
          throw new Error(`format of ${context} gave unstable ${formatted}`);
        }
      } else if (result.errors.length === 0) {
        throw new Error(`no errors for ${context}`);
      } else {
        for (const error of result.errors) {
          if (
            !(error.start >= 0 && error.start <= error.end) ||
            error.end > input.length ||
            !error.message
          ) {
            throw new Error(
              `bad error ${JSON.stringify(error)} for ${context}`,
            );
          }
        }
      }
    }
    // Both branches must be exercised for the test to mean anything.
    expect(okCount).toBeGreaterThan(runs / 10);
    expect(okCount).toBeLessThan(runs);
  });

  it('rejects overlong random input with a single error', () => {
    const random = mulberry32(7);
    let input = '';
    while (input.length <= 2500) {
      input += ALPHABET[Math.floor(random() * ALPHABET.length)];
    }
    const result = parseLogQuery(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.length).toBe(1);
    expect(() => tokenizeLogQuery(input)).not.toThrow();
  });
});
