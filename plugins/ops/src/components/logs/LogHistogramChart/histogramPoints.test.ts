import { histogramPoints, levelsPresent } from './histogramPoints';

describe('histogramPoints', () => {
  it('orders the buckets, fills absent levels with 0 and lists the levels present', () => {
    const points = histogramPoints({
      bucketSeconds: 60,
      sources: [],
      buckets: [
        { start: '2026-11-25T10:01:00.000Z', counts: { error: 3 } },
        { start: '2026-11-25T10:00:00.000Z', counts: { info: 5, warn: 1 } },
        { start: 'not a time', counts: { info: 1 } },
      ],
    });
    expect(points).toEqual([
      {
        time: Date.parse('2026-11-25T10:00:00.000Z'),
        trace: 0,
        debug: 0,
        info: 5,
        warn: 1,
        error: 0,
        fatal: 0,
      },
      {
        time: Date.parse('2026-11-25T10:01:00.000Z'),
        trace: 0,
        debug: 0,
        info: 0,
        warn: 0,
        error: 3,
        fatal: 0,
      },
    ]);
    expect(levelsPresent(points)).toEqual(['info', 'warn', 'error']);
  });
});
