import { Knex } from 'knex';
import { DatabaseHealthStore } from '../../plugins/ops-backend/src/health/DatabaseHealthStore';
import { ProbeRecord } from '../../plugins/ops-backend/src/health/HealthStore';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

/**
 * Seeds history for `refs` through the store's own write path (recordProbes), so the first
 * probe round computes statistics over 30 days instead of one sample:
 * one probe per hour for the last 23 hours and one per day for the 29 days before, about
 * 3 % failing, latencies 5-94 ms. That gives each target the hourly rollups the 24 h window
 * reads and the daily rollups the 7 d / 30 d windows read. Samples older than 48 h are then
 * deleted, as the retention task would have done.
 * It does not reproduce steady-state raw sample volume (48 h of 30 s probes is ~5,800 rows
 * per target); only the rollups the statistics read.
 */
export async function seedHistory(knex: Knex, refs: string[], now: number) {
  const started = Date.now();
  const store = DatabaseHealthStore.create(knex);
  const times = [
    ...Array.from({ length: 23 }, (_, i) => now - (i + 1) * HOUR),
    ...Array.from({ length: 29 }, (_, i) => now - (i + 1) * DAY - HOUR),
  ];
  for (const [k, time] of times.entries()) {
    const records: ProbeRecord[] = refs.map((entityRef, i) => {
      const roll = (i * 31 + k * 17) % 100;
      const latencyMs = 5 + ((i * 7 + k * 13) % 90) + (i % 10) / 10;
      return roll < 3
        ? {
            entityRef,
            outcome: {
              status: 'fail',
              time,
              isError: true,
              httpStatus: 503,
              latencyMs,
              error: 'HTTP 503',
              checks: [],
            },
          }
        : {
            entityRef,
            outcome: {
              status: 'pass',
              time,
              isError: false,
              httpStatus: 200,
              latencyMs,
              checks: [],
            },
          };
    });
    await store.recordProbes(records);
  }
  const deleted = await knex('ops_health_samples')
    .where('ts', '<', now - 48 * HOUR)
    .delete();
  const [{ rollups }] = await knex('ops_health_rollups').count({
    rollups: '*',
  });
  return {
    probesPerTarget: times.length,
    rollups: Number(rollups),
    samplesKept: times.length * refs.length - deleted,
    ms: Date.now() - started,
  };
}
