import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
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
  /** Seen-recipient hashes not seen for this long are forgotten (`samples.seenRecipientsRetentionDays`). */
  seenRecipientsRetentionMs: number;
}

const HOUR = 3_600_000;

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
  const seenRecipientsDays =
    q?.getOptionalNumber('samples.seenRecipientsRetentionDays') ?? 90;
  if (!(seenRecipientsDays > 0)) {
    throw new InputError(
      `ops.queues.samples.seenRecipientsRetentionDays must be a positive number of days, got ${seenRecipientsDays}`,
    );
  }
  const number = (key: keyof SpikeOptions) =>
    spike?.getOptionalNumber(key) ?? defaultSpikeOptions[key];
  return {
    platformSource: q?.getOptionalBoolean('platformSource') ?? true,
    schedule,
    sourceTimeoutMs: q?.getOptionalNumber('sourceTimeoutMs') ?? 10_000,
    spike: {
      windowMinutes: spike?.getOptionalNumber('windowMinutes') ?? 5,
      baselineHours: spike?.getOptionalNumber('baselineHours') ?? 24,
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
    maxAutoResumeMs:
      (q?.getOptionalNumber('pause.maxAutoResumeHours') ?? 168) * HOUR,
    rawRetentionMs: (q?.getOptionalNumber('retention.rawHours') ?? 48) * HOUR,
    hourlyRetentionMs:
      (q?.getOptionalNumber('retention.hourlyDays') ?? 35) * 24 * HOUR,
    alertRetentionMs:
      (q?.getOptionalNumber('retention.alertDays') ?? 90) * 24 * HOUR,
    seenRecipientsRetentionMs: seenRecipientsDays * 24 * HOUR,
  };
}
