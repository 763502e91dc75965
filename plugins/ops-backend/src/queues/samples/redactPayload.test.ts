import { redactionCorpus } from './__fixtures__/redactionCorpus';
import {
  CIRCULAR,
  REDACTION_LIMITS,
  redactPayload,
  REMOVED,
  redactString,
} from './redactPayload';

const rules = { maxBodyChars: 200, removeFields: [] as string[] };

describe('redactPayload', () => {
  describe('corpus of tricky payloads', () => {
    it.each(redactionCorpus.map(c => [c.name, c] as const))(
      '%s',
      (_name, c) => {
        const input = structuredClone(c.data);
        const out = JSON.stringify(redactPayload(c.data, rules));
        for (const secret of c.secrets) expect(out).not.toContain(secret);
        for (const expected of c.expected) {
          expect(out).toContain(JSON.stringify(expected).slice(1, -1));
        }
        expect(c.data).toEqual(input); // never mutates
      },
    );
  });

  it('keeps what is not personal data', () => {
    expect(
      redactPayload(
        {
          subject: 'Your invoice',
          count: 3,
          ok: true,
          none: null,
          tags: ['a', 2],
          price: 10n,
          at: new Date('2026-11-26T00:00:00Z'),
        },
        rules,
      ),
    ).toEqual({
      subject: 'Your invoice',
      count: 3,
      ok: true,
      none: null,
      tags: ['a', 2],
      price: '10',
      at: '2026-11-26T00:00:00.000Z',
    });
  });

  it('cuts long strings after masking, saying how long they were', () => {
    const body = `Dear jane.roe@example.com, ${'x'.repeat(500)}`;
    const out = redactPayload({ text: body }, { ...rules, maxBodyChars: 40 });
    expect(out).toEqual({
      text: `Dear j***@example.com, ${'x'.repeat(17)}… [truncated, ${
        body.length
      } chars]`,
    });
  });

  it('never leaves part of an address when a huge string is cut', () => {
    const huge = `${'word '.repeat(
      2000,
    )}verylonglocalpart.name@example.com ${'y'.repeat(10)}`;
    for (const max of [1, 10, 200, 1000, 1250]) {
      const out = redactString(huge, max);
      expect(out).not.toContain('verylong');
      expect(out).not.toContain('localpart');
    }
  });

  it('does not split a surrogate pair when cutting', () => {
    const out = redactString('ab😀cd', 3);
    expect(out.startsWith('ab… ')).toBe(true);
  });

  it('removes configured fields by dotted path, any case, through arrays and wildcards', () => {
    const data = {
      headers: { Authorization: 'Bearer secret', 'X-Trace': 't1' },
      attachments: [{ filename: 'a.pdf', content: 'AAAA' }],
      items: [
        { secret: 's1', keep: 1 },
        { secret: 's2', keep: 2 },
      ],
      meta: { a: { token: 't' }, b: { token: 'u' } },
    };
    const out = redactPayload(data, {
      ...rules,
      removeFields: [
        'headers.authorization',
        'attachments',
        'items.secret',
        'meta.*.token',
        ' ',
      ],
    });
    expect(out).toEqual({
      headers: { Authorization: REMOVED, 'X-Trace': 't1' },
      attachments: REMOVED,
      items: [
        { secret: REMOVED, keep: 1 },
        { secret: REMOVED, keep: 2 },
      ],
      meta: { a: { token: REMOVED }, b: { token: REMOVED } },
    });
  });

  it('survives cycles', () => {
    const a: any = { name: 'a', to: 'cyc@example.com' };
    a.self = a;
    a.list = [a, { back: a }];
    expect(redactPayload(a, rules)).toEqual({
      name: 'a',
      to: 'c***@example.com',
      self: CIRCULAR,
      list: [CIRCULAR, { back: CIRCULAR }],
    });
  });

  it('repeats shared (non-cyclic) references', () => {
    const shared = { to: 'x@example.com' };
    expect(redactPayload({ a: shared, b: shared }, rules)).toEqual({
      a: { to: 'x***@example.com' },
      b: { to: 'x***@example.com' },
    });
  });

  it('bounds deep, wide and large payloads', () => {
    let deep: any = { to: 'bottom@example.com' };
    for (let i = 0; i < 10_000; i++) deep = { d: deep };
    const deepOut = JSON.stringify(redactPayload(deep, rules));
    expect(deepOut).toContain('[truncated: too deep]');
    expect(deepOut).not.toContain('bottom');

    const wide = Array.from({ length: 10_000 }, (_, i) => `u${i}@example.com`);
    const wideOut = redactPayload({ to: wide }, rules) as { to: string[] };
    expect(wideOut.to).toHaveLength(REDACTION_LIMITS.maxArrayItems + 1);
    expect(wideOut.to.at(-1)).toBe(
      `[… ${10_000 - REDACTION_LIMITS.maxArrayItems} more items]`,
    );

    const manyKeys = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`k${i}`, i]),
    );
    const keysOut = redactPayload(manyKeys, rules) as Record<string, unknown>;
    expect(Object.keys(keysOut)).toHaveLength(REDACTION_LIMITS.maxKeys + 1);

    // a DAG that would expand to 2^40 nodes
    let dag: any = { to: 'leaf@example.com' };
    for (let i = 0; i < 40; i++) dag = { l: dag, r: dag };
    const dagOut = JSON.stringify(redactPayload(dag, rules));
    expect(dagOut).toContain('[truncated: too large]');
    expect(dagOut).not.toContain('leaf@');
  });

  it('turns exotic values into JSON-safe markers', () => {
    const hostile = {
      bin: Buffer.from('hello'),
      fn: () => 1,
      sym: Symbol('s'),
      undef: undefined,
      bad: new Date('nope'),
      list: [undefined, () => 1],
    };
    Object.defineProperty(hostile, 'boom', {
      enumerable: true,
      get() {
        throw new Error('getter');
      },
    });
    expect(redactPayload(hostile, rules)).toEqual({
      bin: '[binary, 5 bytes]',
      bad: null,
      list: [null, null],
      boom: '[unreadable]',
    });
    expect(redactPayload(undefined, rules)).toBeNull();
    expect(redactPayload('to: a.b@example.com', rules)).toBe(
      'to: a***@example.com',
    );
  });

  it('keeps keys apart when two mask to the same', () => {
    expect(
      redactPayload({ 'ann@x.example': 1, 'amy@x.example': 2 }, rules),
    ).toEqual({ 'a***@x.example': 1, 'a***@x.example (2)': 2 });
  });
});
