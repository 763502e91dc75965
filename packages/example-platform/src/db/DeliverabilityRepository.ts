import { AdminApiDeliverabilityPoint } from '../adminApi/types';
import { SqliteDatabase } from './sqlite';

/** A deliverability query: `[from, to)` in buckets of `intervalSeconds`. */
export interface DeliverabilityQuery {
  /** One tenant; undefined means the whole fleet. */
  tenantId?: string;
  from: Date;
  to: Date;
  intervalSeconds: number;
}

/**
 * Deliverability per interval from the `delivery_counts` history (per minute
 * for recent traffic, per hour for older or seeded history).
 */
export class DeliverabilityRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** Number of buckets a query produces. */
  static bucketCount(query: DeliverabilityQuery): number {
    const seconds = (query.to.getTime() - query.from.getTime()) / 1000;
    return Math.max(0, Math.ceil(seconds / query.intervalSeconds));
  }

  /** Contiguous buckets starting at `from`, zero ones included. */
  query(query: DeliverabilityQuery): AdminApiDeliverabilityPoint[] {
    const from = Math.floor(query.from.getTime() / 1000);
    const to = Math.ceil(query.to.getTime() / 1000);
    const interval = query.intervalSeconds;
    const tenantFilter =
      query.tenantId === undefined ? '' : 'AND tenant_id = ?';
    const rows = this.#db
      .prepare(
        `SELECT (bucket_start - CAST(? AS INTEGER)) / CAST(? AS INTEGER) AS idx,
                SUM(sent) AS sent, SUM(bounced) AS bounced, SUM(complaints) AS complaints
         FROM delivery_counts
         WHERE bucket_start >= ? AND bucket_start < ? ${tenantFilter}
         GROUP BY idx`,
      )
      .all(
        from,
        interval,
        from,
        to,
        ...(query.tenantId === undefined ? [] : [query.tenantId]),
      ) as Array<{
      idx: number;
      sent: number;
      bounced: number;
      complaints: number;
    }>;
    const byIndex = new Map(rows.map(r => [r.idx, r]));
    const points: AdminApiDeliverabilityPoint[] = [];
    const count = DeliverabilityRepository.bucketCount(query);
    for (let i = 0; i < count; i++) {
      const row = byIndex.get(i);
      const sent = row?.sent ?? 0;
      const bounced = row?.bounced ?? 0;
      points.push({
        start: new Date(
          query.from.getTime() + i * interval * 1000,
        ).toISOString(),
        sent,
        delivered: sent - bounced,
        bounced,
        complaints: row?.complaints ?? 0,
      });
    }
    return points;
  }
}
