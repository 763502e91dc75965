import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { AllowedHosts } from './allowedHosts';

export interface HealthConfig {
  allowedHosts: AllowedHosts;
  schedule: SchedulerServiceTaskScheduleDefinition;
  intervalMs: number;
  timeoutMs: number;
  concurrency: number;
  fleetCacheMs: number;
  rawRetentionMs: number;
  hourlyRetentionMs: number;
  dailyRetentionMs: number;
}

const HOUR = 3600_000;

export function readHealthConfig(config: RootConfigService): HealthConfig {
  const health = config.getOptionalConfig('ops.health');
  const schedule: SchedulerServiceTaskScheduleDefinition = health?.has(
    'schedule',
  )
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        health.getConfig('schedule'),
      )
    : {
        frequency: { seconds: 30 },
        timeout: { minutes: 2 },
        initialDelay: { seconds: 5 },
      };
  const frequency = schedule.frequency;
  const intervalMs =
    typeof frequency === 'object' &&
    !('cron' in frequency) &&
    !('trigger' in frequency)
      ? durationToMilliseconds(
          frequency as Parameters<typeof durationToMilliseconds>[0],
        )
      : 60_000;
  return {
    allowedHosts: new AllowedHosts(
      health?.getOptionalStringArray('allowedHosts') ?? [],
    ),
    schedule,
    intervalMs,
    timeoutMs: health?.getOptionalNumber('timeoutMs') ?? 5000,
    concurrency: health?.getOptionalNumber('concurrency') ?? 16,
    fleetCacheMs: health?.getOptionalNumber('fleetCacheMs') ?? 2000,
    rawRetentionMs:
      (health?.getOptionalNumber('retention.rawHours') ?? 48) * HOUR,
    hourlyRetentionMs:
      (health?.getOptionalNumber('retention.hourlyDays') ?? 35) * 24 * HOUR,
    dailyRetentionMs:
      (health?.getOptionalNumber('retention.dailyDays') ?? 400) * 24 * HOUR,
  };
}
