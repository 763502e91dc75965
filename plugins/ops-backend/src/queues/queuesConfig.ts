import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { readDurationMs } from '@opsconsole/backstage-plugin-ops-node';
import { defaultSpikeOptions, SpikeOptions } from './detectSpike';

export interface QueuesConfig {
  /** Whether the built-in Platform Admin API queue provider is used (`ops.queues.platformSource`). */
  platformSource: boolean;
  schedule: SchedulerServiceTaskScheduleDefinition;
  sourceTimeoutMs: number;
  spike: SpikeOptions & { windowMinutes: number; baselineHours: number };
  notifyGroups: string[];
  maxAutoResumeMs: number;
  rawRetentionMs: number;
  hourlyRetentionMs: number;
  alertRetentionMs: number;
  /** Seen-recipient hashes not seen for this long are forgotten (`samples.seenRecipientsRetention`). */
  seenRecipientsRetentionMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * `samples.seenRecipientsRetention`, or the number of days of the deprecated
 * `samples.seenRecipientsRetentionDays` that configurations written before durations still set.
 */
function readSeenRecipientsRetention(q: Config | undefined): number {
  const deprecatedKey = 'samples.seenRecipientsRetentionDays';
  if (!q?.has('samples.seenRecipientsRetention') && q?.has(deprecatedKey)) {
    const days = q.getNumber(deprecatedKey);
    if (!(days > 0)) {
      throw new InputError(
        `ops.queues.${deprecatedKey} must be a positive number of days, got ${days}`,
      );
    }
    return days * DAY;
  }
  const ms = readDurationMs(q, 'samples.seenRecipientsRetention', { days: 90 });
  if (!(ms > 0)) {
    throw new InputError(
      `ops.queues.samples.seenRecipientsRetention must be a positive duration, got ${ms} ms`,
    );
  }
  return ms;
}

export function readQueuesConfig(config: RootConfigService): QueuesConfig {
  const q = config.getOptionalConfig('ops.queues');
  const spike = q?.getOptionalConfig('spike');
  const schedule: SchedulerServiceTaskScheduleDefinition = q?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        q.getConfig('schedule'),
      )
    : {
        frequency: { seconds: 30 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 10 },
      };
  const seenRecipientsRetentionMs = readSeenRecipientsRetention(q);
  const number = (key: keyof SpikeOptions) =>
    spike?.getOptionalNumber(key) ?? defaultSpikeOptions[key];
  return {
    platformSource: q?.getOptionalBoolean('platformSource') ?? true,
    schedule,
    sourceTimeoutMs: readDurationMs(q, 'sourceTimeout', { seconds: 10 }),
    spike: {
      windowMinutes: readDurationMs(spike, 'window', { minutes: 5 }) / MINUTE,
      baselineHours: readDurationMs(spike, 'baseline', { hours: 24 }) / HOUR,
      baselineQuantile: number('baselineQuantile'),
      minRatePerMinute: number('minRatePerMinute'),
      ratio: number('ratio'),
      baselineFloorPerMinute: number('baselineFloorPerMinute'),
      minBaselinePoints: number('minBaselinePoints'),
      resolveShare: number('resolveShare'),
    },
    notifyGroups: q?.getOptionalStringArray('notify.groups') ?? [
      'group:default/ops-admins',
    ],
    maxAutoResumeMs: readDurationMs(q, 'pause.maxAutoResume', { days: 7 }),
    rawRetentionMs: readDurationMs(q, 'retention.raw', { hours: 48 }),
    hourlyRetentionMs: readDurationMs(q, 'retention.hourly', { days: 35 }),
    alertRetentionMs: readDurationMs(q, 'retention.alerts', { days: 90 }),
    seenRecipientsRetentionMs,
  };
}
