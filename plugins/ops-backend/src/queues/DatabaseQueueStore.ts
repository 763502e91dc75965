import { Knex } from 'knex';
import { chunks } from '../database/chunks';
import { orUndefined, toMillis } from '../database/migrations';
import {
  HistoryQuery,
  HOUR_MS,
  MINUTE_MS,
  QueueBucketRow,
  QueueSampleRecord,
  QueueStore,
  StoredPause,
  StoredSpikeAlert,
  TenantEnqueueRow,
} from './QueueStore';

const INSERT_CHUNK = 200;

type Row = Record<string, any>;

const num = (v: unknown) => Number(v ?? 0);

function toSample(row: Row): QueueSampleRecord {
  return {
    queueId: row.queue_id,
    source: row.source,
    name: row.name,
    tenantId: orUndefined(row.tenant_id),
    ts: toMillis(row.ts)!,
    counts: {
      waiting: num(row.waiting),
      active: num(row.active),
      delayed: num(row.delayed),
      failed: num(row.failed),
      completed: num(row.completed),
    },
    paused: Boolean(row.paused),
    oldestWaitingAt: toMillis(row.oldest_waiting_at),
    totals: {
      enqueued: toMillis(row.enqueued_total),
      completed: toMillis(row.completed_total),
      failed: toMillis(row.failed_total),
    },
    deltas: {
      enqueued: num(row.enqueued_delta),
      processed: num(row.processed_delta),
      failed: num(row.failed_delta),
      intervalMs: num(row.interval_ms),
    },
  };
}

function toAlert(row: Row): StoredSpikeAlert {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    severity: row.severity,
    status: row.status,
    startedAt: toMillis(row.started_at)!,
    resolvedAt: toMillis(row.resolved_at),
    ratePerMinute: num(row.rate_per_minute),
    peakRatePerMinute: num(row.peak_rate_per_minute),
    baselinePerMinute: num(row.baseline_per_minute),
    message: row.message,
  };
}

function toPause(row: Row): StoredPause {
  return {
    tenantId: row.tenant_id,
    paused: Boolean(row.paused),
    reason: orUndefined(row.reason),
    pausedBy: orUndefined(row.paused_by),
    pausedAt: toMillis(row.paused_at),
    autoResumeAt: toMillis(row.auto_resume_at),
    updatedAt: toMillis(row.updated_at)!,
    pausingSince: toMillis(row.pausing_since),
  };
}

const pauseRow = (p: StoredPause) => ({
  tenant_id: p.tenantId,
  paused: p.paused,
  reason: p.reason ?? null,
  paused_by: p.pausedBy ?? null,
  paused_at: p.pausedAt ?? null,
  auto_resume_at: p.autoResumeAt ?? null,
  updated_at: p.updatedAt,
  pausing_since: p.pausingSince ?? null,
});

/** Narrows a query of `ops_queue_pauses` to `pause`'s row while it is the current pause. */
function whereCurrentPause(
  query: Knex.QueryBuilder,
  pause: StoredPause,
  columns: Array<'paused_at' | 'auto_resume_at' | 'paused_by'>,
) {
  const values = {
    paused_at: pause.pausedAt,
    auto_resume_at: pause.autoResumeAt,
    paused_by: pause.pausedBy,
  };
  query.where({ tenant_id: pause.tenantId, paused: true });
  for (const column of columns) {
    const value = values[column];
    if (value === undefined) query.whereNull(column);
    else query.where(column, value);
  }
  return query;
}

const alertColumns = (a: Partial<StoredSpikeAlert>) =>
  Object.fromEntries(
    Object.entries({
      severity: a.severity,
      status: a.status,
      started_at: a.startedAt,
      resolved_at: a.resolvedAt,
      rate_per_minute: a.ratePerMinute,
      peak_rate_per_minute: a.peakRatePerMinute,
      baseline_per_minute: a.baselinePerMinute,
      message: a.message,
    }).filter(([, v]) => v !== undefined),
  );

/** {@link QueueStore} in the plugin database (SQLite or Postgres). */
export class DatabaseQueueStore implements QueueStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseQueueStore {
    return new DatabaseQueueStore(db);
  }

  async latestSamples(since: number) {
    const latest = this.db('ops_queue_samples')
      .where('ts', '>=', since)
      .groupBy('queue_id')
      .select('queue_id')
      .max({ max_ts: 'ts' })
      .as('latest');
    const rows: Row[] = await this.db('ops_queue_samples as s')
      .join(latest, join =>
        join.on('s.queue_id', 'latest.queue_id').andOn('s.ts', 'latest.max_ts'),
      )
      .select('s.*');
    return new Map(rows.map(r => [r.queue_id as string, toSample(r)]));
  }

  async insertSamples(samples: QueueSampleRecord[]) {
    if (samples.length === 0) return;
    await this.db.transaction(async tx => {
      for (const chunk of chunks(samples, INSERT_CHUNK)) {
        await tx('ops_queue_samples').insert(
          chunk.map(s => ({
            queue_id: s.queueId,
            source: s.source,
            name: s.name,
            tenant_id: s.tenantId ?? null,
            ts: s.ts,
            waiting: s.counts.waiting,
            active: s.counts.active,
            delayed: s.counts.delayed,
            failed: s.counts.failed,
            completed: s.counts.completed,
            paused: s.paused,
            oldest_waiting_at: s.oldestWaitingAt ?? null,
            enqueued_total: s.totals.enqueued ?? null,
            completed_total: s.totals.completed ?? null,
            failed_total: s.totals.failed ?? null,
            enqueued_delta: s.deltas.enqueued,
            processed_delta: s.deltas.processed,
            failed_delta: s.deltas.failed,
            interval_ms: s.deltas.intervalMs,
          })),
        );
        const add = (column: string) =>
          tx.raw('?? + ??', [
            `ops_queue_rollups.${column}`,
            `excluded.${column}`,
          ]);
        await tx('ops_queue_rollups')
          .insert(
            chunk.map(s => ({
              queue_id: s.queueId,
              bucket_start: Math.floor(s.ts / HOUR_MS) * HOUR_MS,
              tenant_id: s.tenantId ?? null,
              samples: 1,
              enqueued: s.deltas.enqueued,
              processed: s.deltas.processed,
              failed_jobs: s.deltas.failed,
              interval_ms: s.deltas.intervalMs,
              last_ts: s.ts,
              depth: s.counts.waiting + s.counts.active + s.counts.delayed,
              waiting: s.counts.waiting,
              failed: s.counts.failed,
            })),
          )
          .onConflict(['queue_id', 'bucket_start'])
          .merge({
            samples: add('samples'),
            enqueued: add('enqueued'),
            processed: add('processed'),
            failed_jobs: add('failed_jobs'),
            interval_ms: add('interval_ms'),
            last_ts: tx.raw('??', ['excluded.last_ts']),
            depth: tx.raw('??', ['excluded.depth']),
            waiting: tx.raw('??', ['excluded.waiting']),
            failed: tx.raw('??', ['excluded.failed']),
          });
      }
    });
  }

  private filtered(
    query: Knex.QueryBuilder,
    q: { tenantId?: string; queueId?: string },
  ) {
    if (q.tenantId) query.where('tenant_id', q.tenantId);
    if (q.queueId) query.where('queue_id', q.queueId);
    return query;
  }

  async sampleBuckets(q: HistoryQuery): Promise<QueueBucketRow[]> {
    const bucketMs = Math.max(1, Math.floor(q.bucketMs));
    // integer division on both engines: ts and the bucket size are integers
    const buckets = this.filtered(
      this.db('ops_queue_samples')
        .where('ts', '>=', q.from)
        .andWhere('ts', '<', q.to),
      q,
    )
      .groupByRaw(`queue_id, ts / ${bucketMs}`)
      .select('queue_id', this.db.raw(`ts / ${bucketMs} as bucket`))
      .sum({
        enq: 'enqueued_delta',
        proc: 'processed_delta',
        fail: 'failed_delta',
        iv: 'interval_ms',
      })
      .max({ last_ts: 'ts' })
      .as('b');
    const rows: Row[] = await this.db('ops_queue_samples as s')
      .join(buckets, join =>
        join.on('s.queue_id', 'b.queue_id').andOn('s.ts', 'b.last_ts'),
      )
      .select(
        'b.queue_id',
        'b.bucket',
        'b.enq',
        'b.proc',
        'b.fail',
        'b.iv',
        's.waiting',
        's.active',
        's.delayed',
        's.failed',
      );
    return rows.map(r => ({
      queueId: r.queue_id,
      bucketStart: num(r.bucket) * bucketMs,
      enqueued: num(r.enq),
      processed: num(r.proc),
      failed: num(r.fail),
      intervalMs: num(r.iv),
      counts: {
        waiting: num(r.waiting),
        active: num(r.active),
        delayed: num(r.delayed),
        failed: num(r.failed),
      },
    }));
  }

  async rollupBuckets(
    q: Omit<HistoryQuery, 'bucketMs'>,
  ): Promise<QueueBucketRow[]> {
    const rows: Row[] = await this.filtered(
      this.db('ops_queue_rollups')
        .where('bucket_start', '>=', q.from)
        .andWhere('bucket_start', '<', q.to),
      q,
    ).select();
    return rows.map(r => ({
      queueId: r.queue_id,
      bucketStart: toMillis(r.bucket_start)!,
      enqueued: num(r.enqueued),
      processed: num(r.processed),
      failed: num(r.failed_jobs),
      intervalMs: num(r.interval_ms),
      // rollups keep depth, not its parts: depth counts as waiting work
      counts: {
        waiting: num(r.waiting),
        active: Math.max(0, num(r.depth) - num(r.waiting)),
        delayed: 0,
        failed: num(r.failed),
      },
    }));
  }

  async tenantMinuteEnqueues(options: {
    from: number;
    to: number;
    tenantIds?: string[];
  }): Promise<TenantEnqueueRow[]> {
    const query = this.db('ops_queue_samples')
      .whereNotNull('tenant_id')
      .andWhere('ts', '>=', options.from)
      .andWhere('ts', '<', options.to)
      .groupByRaw(`tenant_id, queue_id, ts / ${MINUTE_MS}`)
      .select(
        'tenant_id',
        'queue_id',
        this.db.raw(`ts / ${MINUTE_MS} as minute`),
      )
      .sum({ enq: 'enqueued_delta', iv: 'interval_ms' });
    if (options.tenantIds) {
      if (options.tenantIds.length === 0) return [];
      query.whereIn('tenant_id', options.tenantIds);
    }
    const rows: Row[] = await query;
    return rows.map(r => ({
      tenantId: r.tenant_id,
      queueId: r.queue_id,
      bucketStart: num(r.minute) * MINUTE_MS,
      enqueued: num(r.enq),
      intervalMs: num(r.iv),
    }));
  }

  async tenantHourlyEnqueues(options: {
    from: number;
    to: number;
  }): Promise<TenantEnqueueRow[]> {
    const rows: Row[] = await this.db('ops_queue_rollups')
      .whereNotNull('tenant_id')
      .andWhere('bucket_start', '>=', options.from)
      .andWhere('bucket_start', '<', options.to)
      .select(
        'tenant_id',
        'queue_id',
        'bucket_start',
        'enqueued',
        'interval_ms',
      );
    return rows.map(r => ({
      tenantId: r.tenant_id,
      queueId: r.queue_id,
      bucketStart: toMillis(r.bucket_start)!,
      enqueued: num(r.enqueued),
      intervalMs: num(r.interval_ms),
    }));
  }

  async listAlerts(options: {
    tenantId?: string;
    status?: 'open' | 'resolved';
    limit: number;
  }) {
    const query = this.db('ops_queue_alerts')
      .orderBy('started_at', 'desc')
      .orderBy('id')
      .limit(options.limit);
    if (options.tenantId) query.where('tenant_id', options.tenantId);
    if (options.status) query.where('status', options.status);
    return (await query).map(toAlert);
  }

  async insertAlert(alert: StoredSpikeAlert) {
    await this.db('ops_queue_alerts').insert({
      id: alert.id,
      tenant_id: alert.tenantId,
      ...alertColumns(alert),
    });
  }

  async updateAlert(
    id: string,
    patch: Partial<Omit<StoredSpikeAlert, 'id' | 'tenantId'>>,
  ) {
    await this.db('ops_queue_alerts')
      .where('id', id)
      .update(alertColumns(patch));
  }

  async getPause(tenantId: string) {
    const row = await this.db('ops_queue_pauses')
      .where('tenant_id', tenantId)
      .first();
    return row ? toPause(row) : undefined;
  }

  async listPauses(options: { tenantId?: string }) {
    const query = this.db('ops_queue_pauses')
      .where('paused', true)
      .orderBy('paused_at', 'desc');
    if (options.tenantId) query.where('tenant_id', options.tenantId);
    return (await query).map(toPause);
  }

  async duePauses(now: number) {
    const rows = await this.db('ops_queue_pauses')
      .where('paused', true)
      .whereNotNull('auto_resume_at')
      .andWhere('auto_resume_at', '<=', now)
      .orderBy('auto_resume_at');
    return rows.map(toPause);
  }

  async savePause(p: StoredPause) {
    await this.db('ops_queue_pauses')
      .insert(pauseRow(p))
      .onConflict('tenant_id')
      .merge();
  }

  async claimPause(p: StoredPause) {
    // INSERT … ON CONFLICT DO UPDATE … WHERE NOT paused: atomic on both engines (Postgres
    // re-checks the condition on the committed row), so one claim per current pause wins
    const claimed: unknown[] = await this.db('ops_queue_pauses')
      .insert(pauseRow({ ...p, paused: true }))
      .onConflict('tenant_id')
      .merge()
      .where('ops_queue_pauses.paused', false)
      .returning('tenant_id');
    return claimed.length > 0;
  }

  async finishPause(claim: StoredPause) {
    const updated = await whereCurrentPause(
      this.db('ops_queue_pauses'),
      claim,
      ['paused_at', 'auto_resume_at', 'paused_by'],
    ).update({ pausing_since: null });
    return updated > 0;
  }

  async releasePause(claim: StoredPause, previous: StoredPause | undefined) {
    const current = () =>
      whereCurrentPause(this.db('ops_queue_pauses'), claim, [
        'paused_at',
        'auto_resume_at',
        'paused_by',
      ]);
    // the previous state had no pause under way: restoring it clears the claim's marker
    if (previous) {
      await current().update(pauseRow(previous));
    } else {
      await current().delete();
    }
  }

  async resumePauseIfCurrent(pause: StoredPause, updatedAt: number) {
    const updated = await whereCurrentPause(
      this.db('ops_queue_pauses'),
      pause,
      ['paused_at', 'auto_resume_at'],
    ).update({
      paused: false,
      reason: null,
      paused_by: null,
      paused_at: null,
      auto_resume_at: null,
      updated_at: updatedAt,
      pausing_since: null,
    });
    return updated > 0;
  }

  async deleteSamplesBefore(before: number, batchSize: number) {
    const ids = this.db('ops_queue_samples')
      .where('ts', '<', before)
      .select('id')
      .limit(batchSize);
    return this.db('ops_queue_samples').whereIn('id', ids).delete();
  }

  async deleteRollupsBefore(before: number, batchSize: number) {
    // deletes the oldest hours, whole, up to about batchSize rows
    const oldest = await this.db('ops_queue_rollups')
      .where('bucket_start', '<', before)
      .min({ start: 'bucket_start' })
      .first();
    const start = toMillis(oldest?.start);
    if (start === undefined) return 0;
    const perHour = await this.db('ops_queue_rollups')
      .where('bucket_start', start)
      .count({ n: '*' })
      .first();
    const hours = Math.max(
      1,
      Math.floor(batchSize / Math.max(1, num(perHour?.n))),
    );
    return this.db('ops_queue_rollups')
      .where('bucket_start', '<', Math.min(before, start + hours * HOUR_MS))
      .delete();
  }

  async deleteResolvedAlertsBefore(before: number, batchSize: number) {
    const ids = this.db('ops_queue_alerts')
      .where('status', 'resolved')
      .andWhere('resolved_at', '<', before)
      .select('id')
      .limit(batchSize);
    return this.db('ops_queue_alerts').whereIn('id', ids).delete();
  }
}
