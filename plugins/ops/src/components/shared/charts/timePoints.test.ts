import { toTimePoints } from './timePoints';

describe('toTimePoints', () => {
  it('adds each bucket start as epoch ms, drops unreadable starts and sorts oldest first', () => {
    const buckets = [
      { start: '2026-11-26T09:00:00Z', count: 2 },
      { start: 'not a time', count: 9 },
      { start: '2026-11-26T08:00:00Z', count: 1 },
    ];
    expect(toTimePoints(buckets, b => ({ count: b.count }))).toEqual([
      { time: Date.parse('2026-11-26T08:00:00Z'), count: 1 },
      { time: Date.parse('2026-11-26T09:00:00Z'), count: 2 },
    ]);
  });
});
