import { SqliteDatabase } from './sqlite';
import { MessageStatus } from './types';

/** Jobs of one tenant's queue per state, cumulative totals and pause, from SQLite. */
export interface TenantQueueRow {
  tenantId: string;
  waiting: number;
  failed: number;
  completed: number;
  oldestWaitingAt?: string;
  paused: boolean;
  enqueued: number;
  completedTotal: number;
  failedTotal: number;
}

/** One message row as a job. */
export interface MessageJobRow {
  id: number;
  tenantId: string;
  status: MessageStatus;
  createdAt: string;
  sender: string;
  recipient: string;
  subject: string;
  payload?: string;
  failedReason?: string;
}

interface CountRow {
  tenant_id: string;
  waiting: number;
  failed: number;
  completed: number;
  oldest: string | null;
  paused: number;
  enqueued: number | null;
  completed_total: number | null;
  failed_total: number | null;
}

interface JobRow {
  id: number;
  tenant_id: string;
  status: MessageStatus;
  created_at: string;
  sender: string;
  recipient: string;
  subject: string;
  payload: string | null;
  failed_reason: string | null;
}

/**
 * The per-tenant view of the SQLite outbound queue (the `messages` table):
 * counts, jobs, pauses (`queue_pauses`) and totals (`queue_totals`).
 */
export class QueueRepository {
  readonly #db: SqliteDatabase;

  constructor(db: SqliteDatabase) {
    this.#db = db;
  }

  /** One row per tenant, by id, whether or not it has messages. */
  tenantQueues(): TenantQueueRow[] {
    const rows = this.#db
      .prepare(
        `SELECT t.id AS tenant_id,
           COALESCE(m.waiting, 0) AS waiting,
           COALESCE(m.failed, 0) AS failed,
           COALESCE(m.completed, 0) AS completed,
           m.oldest,
           p.tenant_id IS NOT NULL AS paused,
           q.enqueued, q.completed AS completed_total, q.failed AS failed_total
         FROM tenants t
         LEFT JOIN (
           SELECT tenant_id,
             SUM(status = 'queued') AS waiting,
             SUM(status = 'failed') AS failed,
             SUM(status IN ('sent', 'bounced', 'complained')) AS completed,
             MIN(CASE WHEN status = 'queued' THEN created_at END) AS oldest
           FROM messages GROUP BY tenant_id
         ) m ON m.tenant_id = t.id
         LEFT JOIN queue_pauses p ON p.tenant_id = t.id
         LEFT JOIN queue_totals q ON q.tenant_id = t.id
         ORDER BY t.id`,
      )
      .all() as CountRow[];
    return rows.map(r => ({
      tenantId: r.tenant_id,
      waiting: r.waiting,
      failed: r.failed,
      completed: r.completed,
      ...(r.oldest ? { oldestWaitingAt: r.oldest } : {}),
      paused: r.paused === 1,
      enqueued: r.enqueued ?? 0,
      completedTotal: r.completed_total ?? 0,
      failedTotal: r.failed_total ?? 0,
    }));
  }

  /** The newest messages of a tenant with one of `statuses`, newest first. */
  listJobs(
    tenantId: string,
    statuses: readonly MessageStatus[],
    limit: number,
  ): MessageJobRow[] {
    if (statuses.length === 0) {
      return [];
    }
    const rows = this.#db
      .prepare(
        `SELECT id, tenant_id, status, created_at, sender, recipient, subject, payload, failed_reason
         FROM messages
         WHERE tenant_id = ? AND status IN (${statuses
           .map(() => '?')
           .join(', ')})
         ORDER BY id DESC LIMIT ?`,
      )
      .all(tenantId, ...statuses, limit) as JobRow[];
    return rows.map(r => ({
      id: r.id,
      tenantId: r.tenant_id,
      status: r.status,
      createdAt: r.created_at,
      sender: r.sender,
      recipient: r.recipient,
      subject: r.subject,
      ...(r.payload ? { payload: r.payload } : {}),
      ...(r.failed_reason ? { failedReason: r.failed_reason } : {}),
    }));
  }

  /** Pauses a tenant's queue: the worker skips its messages. Idempotent. */
  pause(tenantId: string, now: Date = new Date()): void {
    this.#db
      .prepare(
        `INSERT INTO queue_pauses (tenant_id, paused_at) VALUES (?, ?)
         ON CONFLICT (tenant_id) DO NOTHING`,
      )
      .run(tenantId, now.toISOString());
  }

  /** Resumes a tenant's queue. Idempotent. */
  resume(tenantId: string): void {
    this.#db
      .prepare('DELETE FROM queue_pauses WHERE tenant_id = ?')
      .run(tenantId);
  }

  isPaused(tenantId: string): boolean {
    return (
      this.#db
        .prepare('SELECT 1 FROM queue_pauses WHERE tenant_id = ?')
        .get(tenantId) !== undefined
    );
  }
}
