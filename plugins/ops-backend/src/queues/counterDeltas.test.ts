import { counterDelta, perMinute, queueDeltas } from './counterDeltas';

const counts = (waiting: number, completed = 0, failed = 0) => ({
  waiting,
  active: 0,
  delayed: 0,
  completed,
  failed,
});

describe('counterDelta', () => {
  it('is the growth of the counter', () => {
    expect(counterDelta(100, 130)).toBe(30);
    expect(counterDelta(100, 100)).toBe(0);
  });

  it('counts everything since a reset when the counter went down', () => {
    expect(counterDelta(5000, 12)).toBe(12);
  });

  it('is unknown without both readings', () => {
    expect(counterDelta(undefined, 10)).toBeUndefined();
    expect(counterDelta(10, undefined)).toBeUndefined();
  });
});

describe('queueDeltas', () => {
  it('uses the cumulative totals of the source', () => {
    expect(
      queueDeltas(
        {
          ts: 0,
          counts: counts(10),
          totals: { enqueued: 1000, completed: 900, failed: 5 },
        },
        {
          ts: 30_000,
          counts: counts(50),
          totals: { enqueued: 1200, completed: 1040, failed: 7 },
        },
      ),
    ).toEqual({ enqueued: 200, processed: 140, failed: 2, intervalMs: 30_000 });
  });

  it('estimates enqueued jobs from depth and outflow without totals', () => {
    // depth 10 -> 25 while 40 completed and 2 failed: 15 + 42 came in
    expect(
      queueDeltas(
        { ts: 0, counts: counts(10, 100, 3), totals: {} },
        { ts: 60_000, counts: counts(25, 140, 5), totals: {} },
      ),
    ).toEqual({ enqueued: 57, processed: 40, failed: 2, intervalMs: 60_000 });
  });

  it('survives a counter reset of the source', () => {
    const d = queueDeltas(
      { ts: 0, counts: counts(0), totals: { enqueued: 90_000 } },
      { ts: 30_000, counts: counts(0), totals: { enqueued: 40 } },
    );
    expect(d.enqueued).toBe(40);
  });

  it('has no deltas for the first reading or a reading out of order', () => {
    const reading = { ts: 10, counts: counts(5), totals: { enqueued: 5 } };
    expect(queueDeltas(undefined, reading).intervalMs).toBe(0);
    expect(queueDeltas(reading, { ...reading, ts: 5 }).enqueued).toBe(0);
  });
});

describe('perMinute', () => {
  it('scales jobs to a minute', () => {
    expect(perMinute(30, 30_000)).toBe(60);
    expect(perMinute(30, 0)).toBeUndefined();
  });
});
