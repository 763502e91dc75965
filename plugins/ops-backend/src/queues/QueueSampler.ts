import { LoggerService } from '@backstage/backend-plugin-api';
import { deleteInBatches } from '../database/deleteInBatches';
import { SourceTracker } from '../sources/SourceTracker';
import { queueDeltas } from './counterDeltas';
import { queueId, QueueSources } from './QueueSources';
import { HOUR_MS, QueueSampleRecord, QueueStore } from './QueueStore';
import { SpikeMonitor } from './SpikeMonitor';

/**
 * One sampling round (a scheduled task, `scope: 'global'`): reads every queue of every
 * source, stores counts and the jobs that moved since the queue's previous sample (from the
 * sources' cumulative counters, counter resets handled), rolls them up per hour, then runs
 * spike detection. A source that fails is skipped for the round.
 */
export class QueueSampler {
  constructor(
    private readonly deps: {
      sources: QueueSources;
      store: QueueStore;
      spikes: SpikeMonitor;
      logger: LoggerService;
    },
  ) {}

  async sampleRound(now = Date.now()) {
    const started = Date.now();
    const { sources, store, spikes, logger } = this.deps;
    const tracker = new SourceTracker();
    // the cumulative totals are read for the rates; the overview does not ask for them
    const snapshots = await sources.listQueues(tracker, { totals: true });
    // a queue not sampled for an hour starts over: no rate across the gap
    const previous = await store.latestSamples(now - HOUR_MS);
    const seen = new Set<string>();
    const records: QueueSampleRecord[] = [];
    for (const s of snapshots) {
      const id = queueId(s.source, s.name);
      if (seen.has(id)) continue;
      seen.add(id);
      const reading = {
        ts: now,
        counts: s.counts,
        totals: { ...s.totals },
      };
      const oldest = s.oldestWaitingAt ? Date.parse(s.oldestWaitingAt) : NaN;
      records.push({
        ...reading,
        queueId: id,
        source: s.source,
        name: s.name,
        tenantId: s.tenantId,
        paused: s.paused,
        oldestWaitingAt: Number.isNaN(oldest) ? undefined : oldest,
        deltas: queueDeltas(previous.get(id), reading),
      });
    }
    await store.insertSamples(records);
    const spikeResult = await spikes.evaluate(now);
    const failed = tracker.describeFailures();
    logger.info(
      `Queue sampling: ${records.length} queues from ${
        sources.providers.length
      } sources in ${Date.now() - started} ms; spikes opened ${
        spikeResult.opened
      }, resolved ${spikeResult.resolved}${
        failed ? `; failed: ${failed}` : ''
      }`,
    );
    return { queues: records.length, sources: tracker.list(), ...spikeResult };
  }

  /** Deletes samples, rollups and resolved alerts past their retention, in batches. */
  async enforceRetention(
    retention: {
      rawRetentionMs: number;
      hourlyRetentionMs: number;
      alertRetentionMs: number;
    },
    now = Date.now(),
    batchSize = 5000,
  ) {
    const { store } = this.deps;
    return (
      (await deleteInBatches(
        size => store.deleteSamplesBefore(now - retention.rawRetentionMs, size),
        batchSize,
      )) +
      (await deleteInBatches(
        size =>
          store.deleteRollupsBefore(now - retention.hourlyRetentionMs, size),
        batchSize,
      )) +
      (await deleteInBatches(
        size =>
          store.deleteResolvedAlertsBefore(
            now - retention.alertRetentionMs,
            size,
          ),
        batchSize,
      ))
    );
  }
}
