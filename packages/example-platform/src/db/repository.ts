import { SqliteDatabase, SqliteStatement } from './sqlite';
import {
  DeliveryResult,
  MessageCounts,
  NewLogin,
  NewMessage,
  Tenant,
  User,
} from './types';

interface TenantRow {
  id: string;
  name: string;
  tier: Tenant['tier'];
  region: string;
  status: Tenant['status'];
  admin_email: string;
  created_at: string;
}

interface UserRow {
  id: string;
  tenant_id: string;
  email: string;
  name: string;
  role: User['role'];
  status: User['status'];
  last_login_at: string | null;
}

/** Number of messages per delivery outcome (and failed jobs) in one batch. */
export type DeliveryCounts = Record<
  'sent' | 'bounced' | 'complained' | 'failed',
  number
>;

/** A queued message as the worker sees it. */
export interface QueuedMessage {
  id: number;
  tenantId: string;
  recipient: string;
  /** JSON of the job data; undefined for rows of older versions. */
  payload?: string;
}

function emptyCounts(): DeliveryCounts {
  return { sent: 0, bounced: 0, complained: 0, failed: 0 };
}

function statusOf(result: DeliveryResult) {
  return typeof result === 'string' ? result : 'failed';
}

/**
 * All reads and writes the platform makes against its SQLite database.
 * The `messages` table doubles as the outbound queue: rows with status
 * `queued` are waiting to be sent.
 */
export class PlatformRepository {
  readonly #db: SqliteDatabase;
  readonly #ping: SqliteStatement;
  readonly #countQueued: SqliteStatement;

  constructor(db: SqliteDatabase) {
    this.#db = db;
    this.#ping = db.prepare('SELECT 1 AS ok');
    this.#countQueued = db.prepare(
      `SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM messages WHERE status = 'queued'`,
    );
  }

  /** Runs a trivial query; throws when the database is unusable. */
  ping(): void {
    const row = this.#ping.get() as { ok: number } | undefined;
    if (row?.ok !== 1) {
      throw new Error('SELECT 1 returned an unexpected result');
    }
  }

  listTenants(): Tenant[] {
    const rows = this.#db
      .prepare('SELECT * FROM tenants ORDER BY id')
      .all() as TenantRow[];
    return rows.map(r => ({
      id: r.id,
      name: r.name,
      tier: r.tier,
      region: r.region,
      status: r.status,
      adminEmail: r.admin_email,
      createdAt: r.created_at,
    }));
  }

  /** Active users of tenants that are not suspended. */
  listActiveUsers(): User[] {
    const rows = this.#db
      .prepare(
        `SELECT u.* FROM users u JOIN tenants t ON t.id = u.tenant_id
         WHERE u.status = 'active' AND t.status != 'suspended'
         ORDER BY u.id`,
      )
      .all() as UserRow[];
    return rows.map(r => ({
      id: r.id,
      tenantId: r.tenant_id,
      email: r.email,
      name: r.name,
      role: r.role,
      status: r.status,
      lastLoginAt: r.last_login_at,
    }));
  }

  /**
   * Adds messages to the outbound queue (the SQLite queue) and to the
   * tenants' enqueued totals. Returns how many were added.
   */
  enqueueMessages(messages: NewMessage[], now: Date = new Date()): number {
    const insert = this.#db.prepare(
      `INSERT INTO messages (tenant_id, sender, recipient, subject, status, created_at, payload)
       VALUES (?, ?, ?, ?, 'queued', ?, ?)`,
    );
    const total = this.#db.prepare(
      `INSERT INTO queue_totals (tenant_id, enqueued) VALUES (?, 1)
       ON CONFLICT (tenant_id) DO UPDATE SET enqueued = enqueued + 1`,
    );
    const createdAt = now.toISOString();
    return this.#db.transaction((batch: NewMessage[]) => {
      for (const m of batch) {
        insert.run(
          m.tenantId,
          m.sender,
          m.recipient,
          m.subject,
          createdAt,
          m.payload ?? null,
        );
        total.run(m.tenantId);
      }
      return batch.length;
    })(messages);
  }

  /**
   * Records a message another queue (BullMQ) delivered or failed: a row with
   * its final status, and its outcome in the delivery counts.
   */
  recordDelivery(
    message: NewMessage,
    result: DeliveryResult,
    enqueuedAt: Date,
    now: Date = new Date(),
  ): void {
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO messages (tenant_id, sender, recipient, subject, status, created_at, sent_at, payload, failed_reason)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          message.tenantId,
          message.sender,
          message.recipient,
          message.subject,
          statusOf(result),
          enqueuedAt.toISOString(),
          now.toISOString(),
          message.payload ?? null,
          typeof result === 'string' ? null : result.failedReason,
        );
      const counts = emptyCounts();
      counts[statusOf(result)] += 1;
      this.#addDeliveryCounts(message.tenantId, counts, now);
    })();
  }

  /** Messages waiting in the outbound queue, and when the oldest was queued. */
  queueBacklog(): { count: number; oldestQueuedAt: string | null } {
    const row = this.#countQueued.get() as { n: number; oldest: string | null };
    return { count: row.n, oldestQueuedAt: row.oldest };
  }

  countMessagesByStatus(): MessageCounts {
    const counts: MessageCounts = {
      queued: 0,
      sent: 0,
      bounced: 0,
      complained: 0,
      failed: 0,
    };
    const rows = this.#db
      .prepare('SELECT status, COUNT(*) AS n FROM messages GROUP BY status')
      .all() as Array<{ status: keyof MessageCounts; n: number }>;
    for (const row of rows) {
      counts[row.status] = row.n;
    }
    return counts;
  }

  /**
   * Takes up to `limit` of the oldest queued messages of tenants whose queue
   * is not paused and records the result `decide` picks for each one: an
   * outcome (added to the tenant's delivery counts of the current minute,
   * the deliverability history that outlives the pruned messages) or a
   * failure (the job fails). Both are added to the tenant's queue totals.
   */
  deliverBatch(
    limit: number,
    decide: (message: QueuedMessage) => DeliveryResult,
    now: Date = new Date(),
  ): DeliveryCounts {
    const select = this.#db.prepare(
      `SELECT id, tenant_id, recipient, payload FROM messages
       WHERE status = 'queued'
         AND tenant_id NOT IN (SELECT tenant_id FROM queue_pauses)
       ORDER BY id LIMIT ?`,
    );
    const update = this.#db.prepare(
      `UPDATE messages SET status = ?, sent_at = ?, failed_reason = ?
       WHERE id = ? AND status = 'queued'`,
    );
    const totals = this.#db.prepare(
      `INSERT INTO queue_totals (tenant_id, completed, failed) VALUES (?, ?, ?)
       ON CONFLICT (tenant_id) DO UPDATE SET
         completed = completed + excluded.completed,
         failed = failed + excluded.failed`,
    );
    const sentAt = now.toISOString();
    return this.#db.transaction(() => {
      const counts = emptyCounts();
      const perTenant = new Map<string, DeliveryCounts>();
      const rows = select.all(limit) as Array<{
        id: number;
        tenant_id: string;
        recipient: string;
        payload: string | null;
      }>;
      for (const row of rows) {
        const result = decide({
          id: row.id,
          tenantId: row.tenant_id,
          recipient: row.recipient,
          payload: row.payload ?? undefined,
        });
        const status = statusOf(result);
        const reason = typeof result === 'string' ? null : result.failedReason;
        if (update.run(status, sentAt, reason, row.id).changes > 0) {
          counts[status] += 1;
          const tenant = perTenant.get(row.tenant_id) ?? emptyCounts();
          tenant[status] += 1;
          perTenant.set(row.tenant_id, tenant);
        }
      }
      for (const [tenantId, c] of perTenant) {
        this.#addDeliveryCounts(tenantId, c, now);
        totals.run(tenantId, c.sent + c.bounced + c.complained, c.failed);
      }
      return counts;
    })();
  }

  /** Adds delivered messages to the tenant's delivery counts of the minute of `now`. */
  #addDeliveryCounts(tenantId: string, c: DeliveryCounts, now: Date) {
    const sent = c.sent + c.bounced + c.complained;
    if (sent === 0) {
      return;
    }
    this.#db
      .prepare(
        `INSERT INTO delivery_counts (tenant_id, bucket_start, sent, bounced, complaints)
         VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (tenant_id, bucket_start) DO UPDATE SET
           sent = sent + excluded.sent,
           bounced = bounced + excluded.bounced,
           complaints = complaints + excluded.complaints`,
      )
      .run(
        tenantId,
        Math.floor(now.getTime() / 60_000) * 60,
        sent,
        c.bounced,
        c.complained,
      );
  }

  recordLogin(login: NewLogin): void {
    const iso = (login.at ?? new Date()).toISOString();
    this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO logins (user_id, at, success, ip, user_agent, country)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          login.userId,
          iso,
          login.success ? 1 : 0,
          login.ip,
          login.userAgent ?? null,
          login.country ?? null,
        );
      if (login.success) {
        this.#db
          .prepare(
            `UPDATE users SET last_login_at = ?
             WHERE id = ? AND (last_login_at IS NULL OR last_login_at < ?)`,
          )
          .run(iso, login.userId, iso);
      }
    })();
  }

  countLogins(): number {
    const row = this.#db.prepare('SELECT COUNT(*) AS n FROM logins').get() as {
      n: number;
    };
    return row.n;
  }

  /**
   * Deletes messages that left the queue before `messagesBefore` (queued
   * messages are kept however old they are: they are the backlog), logins
   * and delivery counts older than `historyBefore` (default: the same time),
   * and folds per-minute delivery counts older than `messagesBefore` into
   * per-hour ones so the history stays small.
   */
  pruneOlderThan(
    messagesBefore: Date,
    historyBefore: Date = messagesBefore,
  ): { messages: number; logins: number; deliveryCounts: number } {
    const messagesIso = messagesBefore.toISOString();
    const compactBefore = Math.floor(messagesBefore.getTime() / 1000);
    const historyIso = historyBefore.toISOString();
    const historyEpoch = Math.floor(historyBefore.getTime() / 1000);
    return this.#db.transaction(() => {
      this.#db
        .prepare(
          `INSERT INTO delivery_counts (tenant_id, bucket_start, sent, bounced, complaints)
           SELECT tenant_id, bucket_start - bucket_start % 3600 AS hour,
                  SUM(sent), SUM(bounced), SUM(complaints)
           FROM delivery_counts
           WHERE bucket_start < ? AND bucket_start % 3600 != 0
           GROUP BY tenant_id, hour
           ON CONFLICT (tenant_id, bucket_start) DO UPDATE SET
             sent = sent + excluded.sent,
             bounced = bounced + excluded.bounced,
             complaints = complaints + excluded.complaints`,
        )
        .run(compactBefore);
      this.#db
        .prepare(
          'DELETE FROM delivery_counts WHERE bucket_start < ? AND bucket_start % 3600 != 0',
        )
        .run(compactBefore);
      return {
        messages: this.#db
          .prepare(
            `DELETE FROM messages WHERE status != 'queued' AND created_at < ?`,
          )
          .run(messagesIso).changes,
        logins: this.#db
          .prepare('DELETE FROM logins WHERE at < ?')
          .run(historyIso).changes,
        deliveryCounts: this.#db
          .prepare('DELETE FROM delivery_counts WHERE bucket_start < ?')
          .run(historyEpoch).changes,
      };
    })();
  }
}
