import { anomalyScore } from './anomalyScore';

describe('anomalyScore', () => {
  it('is 0 for a queue that flows', () => {
    expect(
      anomalyScore({
        processedPerMinute: 120,
        failedPerMinute: 0,
        oldestWaitingAgeSeconds: 20,
      }),
    ).toBe(0);
  });

  it('adds the spike ratio, the failure share and the waiting age', () => {
    expect(anomalyScore({ spikeRatio: 40 })).toBe(40);
    expect(anomalyScore({ processedPerMinute: 30, failedPerMinute: 10 })).toBe(
      2.5,
    );
    expect(anomalyScore({ oldestWaitingAgeSeconds: 3840 })).toBe(6);
  });

  it('ranks a spiking tenant above a queue with a few failures', () => {
    const spiking = anomalyScore({ spikeRatio: 12, processedPerMinute: 400 });
    const failing = anomalyScore({
      processedPerMinute: 100,
      failedPerMinute: 5,
      oldestWaitingAgeSeconds: 120,
    });
    expect(spiking).toBeGreaterThan(failing);
    expect(failing).toBeGreaterThan(0);
  });
});
