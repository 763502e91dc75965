import { SourceStatus } from '@opsconsole/backstage-plugin-ops-common';
import { HealthTarget } from '@opsconsole/backstage-plugin-ops-node';
import { Knex } from 'knex';
import { chunks } from '../database/chunks';
import { orUndefined, toMillis } from '../database/migrations';
import {
  emptyHistogram,
  mergeInto,
  observe,
  parseHistogram,
} from './latencyHistogram';
import {
  DAY_S,
  HealthStore,
  HOUR_S,
  ProbeRecord,
  StoredRollup,
  StoredSample,
  StoredTarget,
} from './HealthStore';
import { TargetStats } from './targetStats';

const CHUNK = 400;

type Row = Record<string, any>;

function toTarget(row: Row): StoredTarget {
  return {
    entityRef: row.entity_ref,
    kind: row.kind,
    title: row.title,
    owner: orUndefined(row.owner),
    system: orUndefined(row.system),
    url: row.url,
    providerId: row.provider_id,
    status: row.status,
    statusSince: toMillis(row.status_since),
    reason: orUndefined(row.reason),
    lastProbeAt: toMillis(row.last_probe_at),
    lastHttpStatus: orUndefined(row.last_http_status),
    lastLatencyMs: orUndefined(row.last_latency_ms),
    checks: row.checks_json ? JSON.parse(row.checks_json) : [],
    stats: row.stats_json ? JSON.parse(row.stats_json) : undefined,
  };
}

function toSample(row: Row): StoredSample {
  return {
    entityRef: row.entity_ref,
    ts: toMillis(row.ts)!,
    status: row.status,
    isError: Boolean(row.is_error),
    httpStatus: orUndefined(row.http_status),
    latencyMs: orUndefined(row.latency_ms),
    error: orUndefined(row.error),
  };
}

function toRollup(row: Row): StoredRollup {
  return {
    entityRef: row.entity_ref,
    resolutionS: row.resolution_s,
    bucketStart: toMillis(row.bucket_start)!,
    samples: row.samples,
    failures: row.failures,
    errors: row.errors,
    latencyCount: row.latency_count,
    latencySum: Number(row.latency_sum),
    latencyMax: row.latency_max === null ? null : Number(row.latency_max),
    histogram: parseHistogram(row.histogram),
  };
}

/** Knex implementation of {@link HealthStore}, for SQLite and Postgres. */
export class DatabaseHealthStore implements HealthStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseHealthStore {
    return new DatabaseHealthStore(db);
  }

  async upsertTargets(
    targets: Array<HealthTarget & { providerId: string }>,
    now: number,
  ) {
    for (const batch of chunks(targets, CHUNK)) {
      await this.db('ops_health_targets')
        .insert(
          batch.map(t => ({
            entity_ref: t.entityRef,
            kind: t.kind,
            title: t.title,
            owner: t.owner ?? null,
            system: t.system ?? null,
            url: t.url,
            provider_id: t.providerId,
            status: 'unknown',
            updated_at: now,
          })),
        )
        .onConflict('entity_ref')
        .merge([
          'kind',
          'title',
          'owner',
          'system',
          'url',
          'provider_id',
          'updated_at',
        ]);
    }
  }

  async removeTargetsExcept(providerIds: string[], keep: Set<string>) {
    if (providerIds.length === 0) return 0;
    const existing: Row[] = await this.db('ops_health_targets')
      .whereIn('provider_id', providerIds)
      .select('entity_ref');
    const gone = existing
      .map(r => r.entity_ref as string)
      .filter(ref => !keep.has(ref));
    for (const batch of chunks(gone, CHUNK)) {
      await this.db('ops_health_targets').whereIn('entity_ref', batch).delete();
    }
    return gone.length;
  }

  async listTargets() {
    const rows: Row[] = await this.db('ops_health_targets')
      .select()
      .orderBy('entity_ref');
    return rows.map(toTarget);
  }

  async getTarget(entityRef: string) {
    const row = await this.db('ops_health_targets')
      .where('entity_ref', entityRef)
      .first();
    return row ? toTarget(row) : undefined;
  }

  async recordProbes(records: ProbeRecord[]) {
    if (records.length === 0) return;
    await this.db.transaction(async tx => {
      const refs = records.map(r => r.entityRef);
      const previous = new Map<string, Row>();
      for (const batch of chunks(refs, CHUNK)) {
        const rows: Row[] = await tx('ops_health_targets')
          .whereIn('entity_ref', batch)
          .select('entity_ref', 'status', 'status_since');
        rows.forEach(r => previous.set(r.entity_ref, r));
      }

      const probed = records.filter(r => r.outcome.status !== 'misconfigured');
      for (const batch of chunks(probed, CHUNK)) {
        await tx('ops_health_samples').insert(
          batch.map(({ entityRef, outcome }) => ({
            entity_ref: entityRef,
            ts: outcome.time,
            status: outcome.status,
            is_error: outcome.isError,
            http_status: outcome.httpStatus ?? null,
            latency_ms: outcome.latencyMs ?? null,
            error: outcome.error ?? null,
          })),
        );
      }
      await this.foldIntoRollups(tx, probed, HOUR_S);
      await this.foldIntoRollups(tx, probed, DAY_S);

      for (const { entityRef, outcome } of records) {
        const prev = previous.get(entityRef);
        if (!prev) continue; // target removed meanwhile
        const changed =
          prev.status !== outcome.status || prev.status_since === null;
        await tx('ops_health_targets')
          .where('entity_ref', entityRef)
          .update({
            status: outcome.status,
            status_since: changed ? outcome.time : prev.status_since,
            reason: outcome.error ?? null,
            last_probe_at: outcome.time,
            last_http_status: outcome.httpStatus ?? null,
            last_latency_ms: outcome.latencyMs ?? null,
            checks_json: JSON.stringify(outcome.checks),
          });
      }
    });
  }

  private async foldIntoRollups(
    tx: Knex.Transaction,
    records: ProbeRecord[],
    resolutionS: number,
  ) {
    const size = resolutionS * 1000;
    const keyOf = (ref: string, start: number) => `${ref}\u0000${start}`;
    const rollups = new Map<string, StoredRollup>();
    for (const { entityRef, outcome } of records) {
      const bucketStart = Math.floor(outcome.time / size) * size;
      const key = keyOf(entityRef, bucketStart);
      const r =
        rollups.get(key) ??
        ({
          entityRef,
          resolutionS,
          bucketStart,
          samples: 0,
          failures: 0,
          errors: 0,
          latencyCount: 0,
          latencySum: 0,
          latencyMax: null,
          histogram: emptyHistogram(),
        } as StoredRollup);
      r.samples += 1;
      if (outcome.status === 'fail') r.failures += 1;
      if (outcome.isError) r.errors += 1;
      if (outcome.latencyMs !== undefined && !outcome.isError) {
        r.latencyCount += 1;
        r.latencySum += outcome.latencyMs;
        r.latencyMax = Math.max(r.latencyMax ?? 0, outcome.latencyMs);
        observe(r.histogram, outcome.latencyMs);
      }
      rollups.set(key, r);
    }
    const fresh = [...rollups.values()];
    const starts = [...new Set(fresh.map(r => r.bucketStart))];
    for (const batch of chunks(fresh, CHUNK)) {
      const existing: Row[] = await tx('ops_health_rollups')
        .where('resolution_s', resolutionS)
        .whereIn('bucket_start', starts)
        .whereIn('entity_ref', [...new Set(batch.map(r => r.entityRef))]);
      for (const row of existing.map(toRollup)) {
        const r = rollups.get(keyOf(row.entityRef, row.bucketStart));
        if (!r) continue;
        r.samples += row.samples;
        r.failures += row.failures;
        r.errors += row.errors;
        r.latencyCount += row.latencyCount;
        r.latencySum += row.latencySum;
        if (row.latencyMax !== null)
          r.latencyMax = Math.max(r.latencyMax ?? 0, row.latencyMax);
        mergeInto(r.histogram, row.histogram);
      }
      await tx('ops_health_rollups')
        .insert(
          batch.map(r => ({
            entity_ref: r.entityRef,
            resolution_s: r.resolutionS,
            bucket_start: r.bucketStart,
            samples: r.samples,
            failures: r.failures,
            errors: r.errors,
            latency_count: r.latencyCount,
            latency_sum: r.latencySum,
            latency_max: r.latencyMax,
            histogram: JSON.stringify(r.histogram),
          })),
        )
        .onConflict(['entity_ref', 'resolution_s', 'bucket_start'])
        .merge();
    }
  }

  async saveStats(stats: Map<string, TargetStats>) {
    const entries = [...stats.entries()];
    await this.db.transaction(async tx => {
      for (const [ref, s] of entries) {
        await tx('ops_health_targets')
          .where('entity_ref', ref)
          .update({ stats_json: JSON.stringify(s) });
      }
    });
  }

  async readRollups(options: {
    resolutionS: number;
    since: number;
    entityRef?: string;
    /** Only these targets (a chunk of the fleet). */
    entityRefs?: string[];
  }) {
    const query = this.db('ops_health_rollups')
      .where('resolution_s', options.resolutionS)
      .andWhere('bucket_start', '>=', options.since)
      .orderBy('bucket_start');
    if (options.entityRef) query.andWhere('entity_ref', options.entityRef);
    if (options.entityRefs) query.whereIn('entity_ref', options.entityRefs);
    const rows: Row[] = await query.select();
    return rows.map(toRollup);
  }

  async readSamples(entityRef: string, since: number) {
    const rows: Row[] = await this.db('ops_health_samples')
      .where('entity_ref', entityRef)
      .andWhere('ts', '>=', since)
      .orderBy('ts');
    return rows.map(toSample);
  }

  async recentFailures(entityRef: string, limit: number) {
    const rows: Row[] = await this.db('ops_health_samples')
      .where('entity_ref', entityRef)
      .andWhere(q => q.where('status', 'fail').orWhere('is_error', true))
      .orderBy('ts', 'desc')
      .limit(limit);
    return rows.map(toSample);
  }

  async setSource(source: SourceStatus) {
    await this.db('ops_sources')
      .insert({
        id: source.id,
        status: source.status,
        error: source.error ?? null,
        updated_at: source.updatedAt
          ? Date.parse(source.updatedAt)
          : Date.now(),
      })
      .onConflict('id')
      .merge();
  }

  async listSources(): Promise<SourceStatus[]> {
    const rows: Row[] = await this.db('ops_sources').select().orderBy('id');
    return rows.map(r => ({
      id: r.id,
      status: r.status,
      error: orUndefined(r.error),
      updatedAt: new Date(toMillis(r.updated_at)!).toISOString(),
    }));
  }

  async deleteSamplesBefore(before: number, batchSize: number) {
    const ids = this.db('ops_health_samples')
      .where('ts', '<', before)
      .select('id')
      .limit(batchSize);
    return this.db('ops_health_samples').whereIn('id', ids).delete();
  }

  async deleteRollupsBefore(
    resolutionS: number,
    before: number,
    batchSize: number,
  ) {
    // Deletes whole buckets, oldest first, at most enough buckets for ~batchSize rows.
    const oldest = await this.db('ops_health_rollups')
      .where('resolution_s', resolutionS)
      .andWhere('bucket_start', '<', before)
      .min({ start: 'bucket_start' })
      .count({ rows: '*' })
      .first();
    const start = toMillis(oldest?.start);
    if (start === undefined) return 0;
    const rows = Number(oldest?.rows ?? 0);
    const perBucket = Math.max(
      1,
      Math.ceil(rows / Math.max(1, (before - start) / (resolutionS * 1000))),
    );
    const buckets = Math.max(1, Math.floor(batchSize / perBucket));
    const until = Math.min(before, start + buckets * resolutionS * 1000);
    return this.db('ops_health_rollups')
      .where('resolution_s', resolutionS)
      .andWhere('bucket_start', '<', until)
      .delete();
  }
}
