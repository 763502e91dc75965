import {
  bucketPoints,
  deliverabilityWindow,
  totalOf,
  withRates,
} from './deliverability';

const point = (start: string, sent: number, delivered = sent) => ({
  start,
  sent,
  delivered,
  bounced: sent - delivered,
  complaints: 0,
});

describe('deliverability', () => {
  it('computes rates, null where the denominator is 0', () => {
    expect(
      withRates({ sent: 200, delivered: 190, bounced: 10, complaints: 1 }),
    ).toEqual({
      sent: 200,
      delivered: 190,
      bounced: 10,
      complaints: 1,
      deliveryRate: 0.95,
      bounceRate: 0.05,
      complaintRate: 1 / 190,
    });
    expect(
      withRates({ sent: 0, delivered: 0, bounced: 0, complaints: 0 }),
    ).toMatchObject({
      deliveryRate: null,
      bounceRate: null,
      complaintRate: null,
    });
  });

  it.each([
    ['7d', 3600, 168],
    ['30d', 21600, 120],
  ] as const)(
    'lays %s out in buckets of %s s ending with the current one',
    (range, bucketSeconds, count) => {
      const now = Date.parse('2026-11-25T10:17:00.000Z');
      const w = deliverabilityWindow(range, now);
      expect(w.bucketSeconds).toBe(bucketSeconds);
      expect(w.count).toBe(count);
      expect(w.to - w.from).toBe(count * bucketSeconds * 1000);
      expect(now).toBeGreaterThanOrEqual(w.to - bucketSeconds * 1000);
      expect(now).toBeLessThan(w.to);
      expect(w.from % (bucketSeconds * 1000)).toBe(0);
    },
  );

  it('sums points of several sources into the grid, zero-filled, ignoring points outside', () => {
    const grid = {
      from: Date.parse('2026-11-25T00:00:00.000Z'),
      bucketMs: 3_600_000,
      count: 3,
    };
    const buckets = bucketPoints(
      [
        [
          point('2026-11-25T00:00:00.000Z', 10, 9),
          point('2026-11-25T00:30:00.000Z', 5), // finer than the grid
          point('2026-11-24T23:00:00.000Z', 100), // before
          point('2026-11-25T03:00:00.000Z', 100), // after
        ],
        [point('2026-11-25T02:00:00.000Z', 4, 2)],
      ],
      grid,
    );
    expect(buckets).toEqual([
      { sent: 15, delivered: 14, bounced: 1, complaints: 0 },
      { sent: 0, delivered: 0, bounced: 0, complaints: 0 },
      { sent: 4, delivered: 2, bounced: 2, complaints: 0 },
    ]);
    expect(totalOf(buckets)).toEqual({
      sent: 19,
      delivered: 16,
      bounced: 3,
      complaints: 0,
    });
  });
});
