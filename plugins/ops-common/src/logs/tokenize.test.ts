import { tokenizeLogQuery } from './tokenize';

const kinds = (input: string) =>
  tokenizeLogQuery(input).map(t => [t.kind, t.text]);

describe('tokenizeLogQuery', () => {
  it('tokenizes every term kind with offsets', () => {
    const input =
      'level>=warn -service:"mail api" "a \\" b" -x attr.k.v:1 trace:abc';
    expect(kinds(input)).toEqual([
      ['field', 'level'],
      ['operator', '>='],
      ['value', 'warn'],
      ['whitespace', ' '],
      ['negation', '-'],
      ['field', 'service'],
      ['operator', ':'],
      ['value', '"mail api"'],
      ['whitespace', ' '],
      ['phrase', '"a \\" b"'],
      ['whitespace', ' '],
      ['negation', '-'],
      ['text', 'x'],
      ['whitespace', ' '],
      ['field', 'attr.k.v'],
      ['operator', ':'],
      ['value', '1'],
      ['whitespace', ' '],
      ['field', 'trace'],
      ['operator', ':'],
      ['value', 'abc'],
    ]);
    const tokens = tokenizeLogQuery(input);
    expect(tokens[0]).toEqual({
      kind: 'field',
      text: 'level',
      start: 0,
      end: 5,
    });
    expect(tokens[1]).toEqual({
      kind: 'operator',
      text: '>=',
      start: 5,
      end: 7,
    });
    expect(tokens.map(t => t.text).join('')).toBe(input);
  });

  it('covers leading and trailing whitespace and invalid input', () => {
    expect(kinds('  "ab"cd  service:  -')).toEqual([
      ['whitespace', '  '],
      ['phrase', '"ab"'],
      ['invalid', 'cd'],
      ['whitespace', '  '],
      ['field', 'service'],
      ['operator', ':'],
      ['whitespace', '  '],
      ['negation', '-'],
    ]);
    expect(kinds('"open')).toEqual([['phrase', '"open']]);
    expect(kinds('')).toEqual([]);
  });
});
