import { ConfigReader } from '@backstage/config';
import { readQueuesConfig } from './queuesConfig';

describe('readQueuesConfig', () => {
  it('reads every duration of ops.queues', () => {
    const config = readQueuesConfig(
      new ConfigReader({
        ops: {
          queues: {
            sourceTimeout: '3s',
            spike: { window: { minutes: 10 }, baseline: 'P2D' },
            pause: { maxAutoResume: { hours: 12 } },
            retention: { raw: '6h', hourly: { days: 7 }, alerts: 'P30D' },
          },
        },
      }),
    );
    expect(config).toMatchObject({
      sourceTimeoutMs: 3000,
      spike: { windowMinutes: 10, baselineHours: 48 },
      maxAutoResumeMs: 12 * 3_600_000,
      rawRetentionMs: 6 * 3_600_000,
      hourlyRetentionMs: 7 * 86_400_000,
      alertRetentionMs: 30 * 86_400_000,
    });
  });

  it('keeps the defaults without ops.queues', () => {
    expect(readQueuesConfig(new ConfigReader({}))).toMatchObject({
      sourceTimeoutMs: 10_000,
      spike: { windowMinutes: 5, baselineHours: 24 },
      maxAutoResumeMs: 7 * 86_400_000,
      rawRetentionMs: 48 * 3_600_000,
      hourlyRetentionMs: 35 * 86_400_000,
      alertRetentionMs: 90 * 86_400_000,
    });
  });
});
