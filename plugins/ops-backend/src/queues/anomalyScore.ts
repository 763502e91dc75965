/** What makes a queue unusual now. */
export interface AnomalyInputs {
  /** rate / baseline of the tenant's open spike; undefined without one. */
  spikeRatio?: number;
  processedPerMinute?: number;
  failedPerMinute?: number;
  oldestWaitingAgeSeconds?: number;
}

/**
 * How unusual a queue is now (0 = normal), for sorting the overview. The sum of:
 * - the spike ratio of the tenant's open spike (5 and up, as a spike needs 5x by default);
 * - the failure share of the last window × 10 (0..10: every job failing weighs like a 10x spike);
 * - log2 of the oldest waiting job's age in minutes, from one minute up (a job waiting
 *   1 h adds ~6, a day ~10.5).
 */
export function anomalyScore(inputs: AnomalyInputs): number {
  const spike = inputs.spikeRatio ?? 0;
  const failed = inputs.failedPerMinute ?? 0;
  const processed = inputs.processedPerMinute ?? 0;
  const failures = failed > 0 ? (10 * failed) / (failed + processed) : 0;
  const ageMinutes = (inputs.oldestWaitingAgeSeconds ?? 0) / 60;
  const age = ageMinutes >= 1 ? Math.log2(ageMinutes) : 0;
  return Math.round((spike + failures + age) * 100) / 100;
}
