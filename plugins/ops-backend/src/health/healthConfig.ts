import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  RootConfigService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { durationToMilliseconds } from '@backstage/types';
import { readDurationMs } from '@opsconsole/backstage-plugin-ops-node';
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
    timeoutMs: readDurationMs(health, 'timeout', { seconds: 5 }),
    concurrency: health?.getOptionalNumber('concurrency') ?? 16,
    fleetCacheMs: readDurationMs(health, 'fleetCacheTtl', { seconds: 2 }),
    rawRetentionMs: readDurationMs(health, 'retention.raw', { hours: 48 }),
    hourlyRetentionMs: readDurationMs(health, 'retention.hourly', {
      days: 35,
    }),
    dailyRetentionMs: readDurationMs(health, 'retention.daily', {
      days: 400,
    }),
  };
}
