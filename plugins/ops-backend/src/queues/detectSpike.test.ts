import series from './__fixtures__/enqueueSeries.json';
import {
  defaultSpikeOptions,
  detectSpike,
  EnqueueSeries,
  quantile,
} from './detectSpike';

const recorded = series as Record<string, EnqueueSeries>;

describe('detectSpike on recorded series', () => {
  it('does not flag a big tenant at its normal daily peak', () => {
    const verdict = detectSpike(recorded.bigSteadyAtDailyPeak);
    expect(verdict.ratePerMinute).toBeGreaterThan(1000);
    expect(verdict.spiking).toBe(false);
    expect(verdict.ratio).toBeLessThan(defaultSpikeOptions.ratio);
  });

  it('flags a small tenant whose enqueue rate jumps far above its own baseline', () => {
    const verdict = detectSpike(recorded.smallTenantSpam);
    expect(verdict).toMatchObject({ spiking: true, ratePerMinute: 455 });
    expect(verdict.baselinePerMinute).toBeLessThan(7);
    expect(verdict.ratio).toBeGreaterThan(50);
  });

  it('ignores one busy minute in the window (noise)', () => {
    const verdict = detectSpike(recorded.smallTenantOneBusyMinute);
    expect(verdict).toMatchObject({ spiking: false, ratePerMinute: 3 });
  });

  it('ignores a large ratio under the minimum volume', () => {
    const verdict = detectSpike(recorded.tinyTenantUnderMinimum);
    expect(verdict.ratio).toBeGreaterThan(defaultSpikeOptions.ratio);
    expect(verdict.spiking).toBe(false);
    expect(verdict.thresholdPerMinute).toBe(
      defaultSpikeOptions.minRatePerMinute,
    );
  });

  it('flags the same burst on a big tenant only once it exceeds that tenant’s ratio', () => {
    const big = recorded.bigSteadyAtDailyPeak;
    expect(detectSpike({ ...big, recent: [455, 455, 455] }).spiking).toBe(
      false,
    );
    const high = detectSpike({ ...big, recent: [9000, 9500, 9800] });
    expect(high.spiking).toBe(true);
  });
});

describe('detectSpike thresholds', () => {
  const baseline = Array(24).fill(10);

  it('keeps an open spike until the rate falls under half the threshold', () => {
    // threshold: 5 x 10 = 50/min
    expect(detectSpike({ baseline, recent: [49] }).spiking).toBe(false);
    expect(detectSpike({ baseline, recent: [50] }).spiking).toBe(true);
    expect(
      detectSpike({ baseline, recent: [30] }, undefined, true).spiking,
    ).toBe(true);
    expect(
      detectSpike({ baseline, recent: [24] }, undefined, true).spiking,
    ).toBe(false);
  });

  it('gives no verdict without enough history, keeping the current state', () => {
    const short = { baseline: [1, 1], recent: [500, 500, 500] };
    expect(detectSpike(short)).toMatchObject({
      spiking: false,
      insufficient: 'baseline',
    });
    expect(detectSpike(short, undefined, true).spiking).toBe(true);
    expect(detectSpike({ baseline, recent: [] })).toMatchObject({
      spiking: false,
      insufficient: 'recent',
    });
  });

  it('uses the floor for a tenant that usually sends nothing', () => {
    const verdict = detectSpike({ baseline: Array(24).fill(0), recent: [25] });
    expect(verdict).toMatchObject({
      spiking: true,
      baselinePerMinute: 0,
      ratio: 25,
    });
  });
});

describe('quantile', () => {
  it('interpolates between neighbours', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBe(0);
    expect(quantile([0, 10], 0.9)).toBe(9);
  });
});
