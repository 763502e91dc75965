import {
  emptyHistogram,
  exactQuantile,
  mergeInto,
  observe,
  quantile,
} from './latencyHistogram';

describe('latencyHistogram', () => {
  it('estimates quantiles within their bucket', () => {
    const h = emptyHistogram();
    for (let i = 1; i <= 100; i++) observe(h, i * 10); // 10..1000 ms
    const p50 = quantile(h, 0.5, 1000)!;
    const p95 = quantile(h, 0.95, 1000)!;
    expect(p50).toBeGreaterThanOrEqual(300);
    expect(p50).toBeLessThanOrEqual(750);
    expect(p95).toBeGreaterThanOrEqual(750);
    expect(p95).toBeLessThanOrEqual(1000);
    expect(
      exactQuantile(
        [...Array(100)].map((_, i) => (i + 1) * 10),
        0.5,
      ),
    ).toBe(500);
  });

  it('merges by adding counts and caps by the largest observation', () => {
    const a = emptyHistogram();
    const b = emptyHistogram();
    observe(a, 3);
    observe(b, 40000);
    mergeInto(a, b);
    expect(a.reduce((x, y) => x + y, 0)).toBe(2);
    expect(quantile(a, 1, 40000)).toBe(40000);
    expect(quantile(emptyHistogram(), 0.5)).toBeNull();
  });
});
