import {
  DEFAULT_LOG_TIME_RANGE,
  LogTimeRangeValue,
  readTimeRange,
  resolveTimeRange,
  sameTimeRange,
  writeTimeRange,
  zoomRange,
} from './timeRange';

const at = (iso: string) => Date.parse(iso);

describe('resolveTimeRange', () => {
  it('ends a relative range at now and passes an absolute one through', () => {
    const now = at('2026-11-25T12:00:00.000Z');
    expect(resolveTimeRange({ kind: 'relative', range: '15m' }, now)).toEqual({
      from: '2026-11-25T11:45:00.000Z',
      to: '2026-11-25T12:00:00.000Z',
    });
    expect(resolveTimeRange({ kind: 'relative', range: '7d' }, now).from).toBe(
      '2026-11-18T12:00:00.000Z',
    );
    const absolute: LogTimeRangeValue = {
      kind: 'absolute',
      from: '2026-11-25T10:00:00.000Z',
      to: '2026-11-25T10:30:00.000Z',
    };
    expect(resolveTimeRange(absolute, now)).toEqual({
      from: absolute.from,
      to: absolute.to,
    });
  });
});

describe('zoomRange (histogram drag)', () => {
  const bucketSeconds = 60;

  it('covers the first to the last bucket touched, whichever way the drag went', () => {
    const expected = {
      kind: 'absolute',
      from: '2026-11-25T10:05:00.000Z',
      to: '2026-11-25T10:09:00.000Z',
    };
    expect(
      zoomRange(
        at('2026-11-25T10:05:00Z'),
        at('2026-11-25T10:08:00Z'),
        bucketSeconds,
      ),
    ).toEqual(expected);
    expect(
      zoomRange(
        at('2026-11-25T10:08:00Z'),
        at('2026-11-25T10:05:00Z'),
        bucketSeconds,
      ),
    ).toEqual(expected);
  });

  it('zooms to one bucket on a click, and refuses non-numbers', () => {
    expect(
      zoomRange(at('2026-11-25T10:05:00Z'), at('2026-11-25T10:05:00Z'), 10),
    ).toEqual({
      kind: 'absolute',
      from: '2026-11-25T10:05:00.000Z',
      to: '2026-11-25T10:05:10.000Z',
    });
    expect(zoomRange(NaN, at('2026-11-25T10:05:00Z'), 60)).toBeUndefined();
  });
});

describe('search params', () => {
  it('round-trips relative and absolute ranges, clearing the other kind', () => {
    const params = new URLSearchParams('q=level%3E%3Dwarn&section=logs');
    const absolute: LogTimeRangeValue = {
      kind: 'absolute',
      from: '2026-11-25T10:00:00.000Z',
      to: '2026-11-25T10:30:00.000Z',
    };
    writeTimeRange(params, { kind: 'relative', range: '6h' });
    expect(params.toString()).toBe('q=level%3E%3Dwarn&section=logs&range=6h');
    expect(readTimeRange(params)).toEqual({ kind: 'relative', range: '6h' });

    writeTimeRange(params, absolute);
    expect(params.get('range')).toBeNull();
    expect(readTimeRange(new URLSearchParams(params.toString()))).toEqual(
      absolute,
    );

    writeTimeRange(params, { kind: 'relative', range: '24h' });
    expect(params.get('from')).toBeNull();
    expect(params.get('to')).toBeNull();
    expect(params.get('q')).toBe('level>=warn');
  });

  it('falls back to the default for unknown, invalid or reversed values', () => {
    for (const search of [
      '',
      'range=2y',
      'from=yesterday&to=today',
      'from=2026-11-25T11:00:00Z&to=2026-11-25T10:00:00Z',
      'from=2026-11-25T10:00:00Z',
    ]) {
      expect(readTimeRange(new URLSearchParams(search))).toEqual(
        DEFAULT_LOG_TIME_RANGE,
      );
    }
    expect(
      readTimeRange(
        new URLSearchParams('range=15m&from=2026-11-25T10:00:00Z&to=nope'),
      ),
    ).toEqual({ kind: 'relative', range: '15m' });
  });

  it('compares ranges', () => {
    expect(
      sameTimeRange(
        { kind: 'relative', range: '1h' },
        { kind: 'relative', range: '1h' },
      ),
    ).toBe(true);
    expect(
      sameTimeRange(
        { kind: 'relative', range: '1h' },
        { kind: 'absolute', from: 'a', to: 'b' },
      ),
    ).toBe(false);
  });
});
