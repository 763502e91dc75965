import { InputError } from '@backstage/errors';
import { DEFAULT_LOKI_LABELS } from '../logql/compileLogQl';
import {
  decodeCursor,
  decodeRecordId,
  encodeCursor,
  encodeRecordId,
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

describe('cursors', () => {
  it('round-trip', () => {
    const cursor = { ns: 1764115200000000001n, seen: ['l1.a', 'l1.b'] };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each([
    '',
    'x',
    Buffer.from('{"t":1,"s":[]}').toString('base64url'),
    Buffer.from('{"t":"1","s":[1]}').toString('base64url'),
  ])('are refused with an InputError when malformed: %j', text => {
    expect(() => decodeCursor(text)).toThrow(InputError);
  });
});
