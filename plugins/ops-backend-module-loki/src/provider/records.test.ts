import { InputError } from '@backstage/errors';
import { DEFAULT_LOKI_LABELS } from '../logql/compileLogQl';
import {
  MAX_RECORD_ID_LENGTH,
  decodeCursor,
  decodeRecordId,
  encodeCursor,
  encodeRecordId,
  isPast,
  streamsToEntries,
} from './records';

describe('record ids', () => {
  it('round-trip service, tenant, ns, hash and index', () => {
    const key = {
      service: 'mailer "x"',
      tenant: undefined,
      ns: 1764115200123456789n,
      hash: '0123456789abcdef',
      index: 2,
    };
    expect(decodeRecordId(encodeRecordId(key))).toEqual(key);
  });

  it.each([
    '',
    '42',
    'l1.',
    'l1.!!!',
    `l1.${Buffer.from('[1,2]').toString('base64url')}`,
    `l1.${Buffer.from('["a",null,"-1","0123456789abcdef",0]').toString(
      'base64url',
    )}`,
    `l1.${Buffer.from('["a",null,"1","XYZ",0]').toString('base64url')}`,
    `l1.${Buffer.from('["a",null,"1","0123456789abcdef",-1]').toString(
      'base64url',
    )}`,
    `l1.${Buffer.from('[{},null,"1","0123456789abcdef",0]').toString(
      'base64url',
    )}`,
  ])('are refused when malformed: %j', id => {
    expect(decodeRecordId(id)).toBeUndefined();
  });

  it('differ for identical lines at one instant and stay unique', () => {
    const entries = streamsToEntries(
      [
        {
          stream: { service_name: 'a' },
          values: [
            ['5', 'same'],
            ['5', 'same'],
          ],
        },
        { stream: { service_name: 'a', pod: 'p2' }, values: [['5', 'same']] },
      ],
      DEFAULT_LOKI_LABELS,
    );
    expect(new Set(entries.map(e => e.record.id)).size).toBe(3);
    expect(entries.map(e => e.key.index).sort()).toEqual([0, 0, 1]);
  });

  it('skip entries whose timestamp is not nanoseconds', () => {
    const entries = streamsToEntries(
      [
        {
          stream: {},
          values: [
            ['1.5', 'x'],
            ['7', 'y'],
          ],
        },
      ],
      DEFAULT_LOKI_LABELS,
    );
    expect(entries.map(e => [e.record.body, e.record.service])).toEqual([
      ['y', 'unknown'],
    ]);
    expect(decodeRecordId(entries[0].record.id)?.service).toBeUndefined();
  });
});

describe('long label values', () => {
  it('keep ids within 200 characters, leaving out what does not fit', () => {
    const key = (service?: string, tenant?: string) => ({
      service,
      tenant,
      ns: 1764115200123456789n,
      hash: '0123456789abcdef',
      index: 3,
    });
    const short = encodeRecordId(key('mailer', 'acme'));
    expect(short).toMatch(/^l1\./);

    const both60 = encodeRecordId(key('s'.repeat(60), 't'.repeat(60)));
    expect(both60).toMatch(/^l2\./);
    expect(both60.length).toBeLessThanOrEqual(MAX_RECORD_ID_LENGTH);
    expect(decodeRecordId(both60)).toEqual({
      ...key('s'.repeat(60)),
      leftOut: ['tenant'],
    });

    const noService = encodeRecordId(key(undefined, 't'.repeat(200)));
    expect(decodeRecordId(noService)).toEqual({
      ...key(),
      leftOut: ['tenant'],
    });

    // multi-byte characters count as their UTF-8 bytes in base64
    const huge = encodeRecordId(key('é'.repeat(2048), 't'.repeat(2048)));
    expect(huge.length).toBeLessThanOrEqual(MAX_RECORD_ID_LENGTH);
    expect(decodeRecordId(huge)).toEqual({
      ...key(),
      leftOut: ['service', 'tenant'],
    });
  });
});

describe('cursors', () => {
  const hash = '0123456789abcdef';

  it('round-trip an instant, or a place in it', () => {
    const before = { ns: 1764115200000000001n, given: 0 };
    expect(decodeCursor(encodeCursor(before), 'backward')).toEqual(before);
    const within = {
      ns: 1764115200000000001n,
      at: { hash, index: 2 },
      given: 7,
    };
    expect(encodeCursor(within)).toBe(`c1.1764115200000000001.${hash}.2.7`);
    expect(decodeCursor(encodeCursor(within), 'forward')).toEqual(within);
  });

  it('read a record id as the place just past that record', () => {
    const id = encodeRecordId({
      service: 'mailer',
      ns: 5n,
      hash,
      index: 1,
    });
    expect(decodeCursor(id, 'backward')).toEqual({
      ns: 5n,
      at: { hash, index: 1 },
      given: 1,
    });
  });

  it('read the earlier format: past the last id given at the instant, either way', () => {
    const ids = [0, 1, 2].map(index =>
      encodeRecordId({ service: 'a', ns: 9n, hash, index }),
    );
    const legacy = Buffer.from(JSON.stringify({ t: '9', s: ids })).toString(
      'base64url',
    );
    expect(decodeCursor(legacy, 'backward')).toEqual({
      ns: 9n,
      at: { hash, index: 0 },
      given: 3,
    });
    expect(decodeCursor(legacy, 'forward')).toEqual({
      ns: 9n,
      at: { hash, index: 2 },
      given: 3,
    });
    const none = Buffer.from('{"t":"9","s":[]}').toString('base64url');
    expect(decodeCursor(none, 'forward')).toEqual({ ns: 9n, given: 0 });
  });

  it('order entries around a place', () => {
    const at = { ns: 10n, at: { hash, index: 1 }, given: 1 };
    const key = (ns: bigint, index = 0) => ({ ns, hash, index });
    expect(isPast(key(9n), at, 'backward')).toBe(true);
    expect(isPast(key(10n, 0), at, 'backward')).toBe(true);
    expect(isPast(key(10n, 1), at, 'backward')).toBe(false);
    expect(isPast(key(10n, 2), at, 'backward')).toBe(false);
    expect(isPast(key(10n, 2), at, 'forward')).toBe(true);
    expect(isPast(key(11n), at, 'forward')).toBe(true);
    // without a place in the instant, the whole instant lies ahead
    const instant = { ns: 10n, given: 0 };
    expect(isPast(key(10n, 5), instant, 'backward')).toBe(true);
    expect(isPast(key(10n, 5), instant, 'forward')).toBe(true);
    expect(isPast(key(11n), instant, 'backward')).toBe(false);
  });

  it.each([
    '',
    'x',
    'c1.',
    'c1.12.xyz.1.1',
    'l1.bm9wZQ',
    Buffer.from('{"t":1,"s":[]}').toString('base64url'),
    Buffer.from('{"t":"1","s":[1]}').toString('base64url'),
  ])('are refused with an InputError when malformed: %j', text => {
    expect(() => decodeCursor(text, 'backward')).toThrow(InputError);
  });
});
