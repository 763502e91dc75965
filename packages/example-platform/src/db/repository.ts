import { SqliteDatabase, SqliteStatement } from './sqlite';
import {
  DeliveryOutcome,
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

/** Number of messages delivered per outcome in one batch. */
export type DeliveryCounts = Record<DeliveryOutcome, number>;

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

  /** Adds messages to the outbound queue. Returns how many were added. */
  enqueueMessages(messages: NewMessage[], now: Date = new Date()): number {
    const insert = this.#db.prepare(
      `INSERT INTO messages (tenant_id, sender, recipient, subject, status, created_at)
       VALUES (?, ?, ?, ?, 'queued', ?)`,
    );
    const createdAt = now.toISOString();
    return this.#db.transaction((batch: NewMessage[]) => {
      for (const m of batch) {
        insert.run(m.tenantId, m.sender, m.recipient, m.subject, createdAt);
      }
      return batch.length;
    })(messages);
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
   * Takes up to `limit` of the oldest queued messages and records the
   * outcome `decide` picks for each one. The outcomes are also added to the
   * tenant's delivery counts of the current minute (the deliverability
   * history, which outlives the pruned messages).
   */
  deliverBatch(
    limit: number,
    decide: () => DeliveryOutcome,
    now: Date = new Date(),
  ): DeliveryCounts {
    const select = this.#db.prepare(
      `SELECT id, tenant_id FROM messages WHERE status = 'queued' ORDER BY id LIMIT ?`,
    );
    const update = this.#db.prepare(
      `UPDATE messages SET status = ?, sent_at = ? WHERE id = ? AND status = 'queued'`,
    );
    const addCounts = this.#db.prepare(
      `INSERT INTO delivery_counts (tenant_id, bucket_start, sent, bounced, complaints)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (tenant_id, bucket_start) DO UPDATE SET
         sent = sent + excluded.sent,
         bounced = bounced + excluded.bounced,
         complaints = complaints + excluded.complaints`,
    );
    const sentAt = now.toISOString();
    const minute = Math.floor(now.getTime() / 60_000) * 60;
    return this.#db.transaction(() => {
      const counts: DeliveryCounts = { sent: 0, bounced: 0, complained: 0 };
      const perTenant = new Map<string, DeliveryCounts>();
      const rows = select.all(limit) as Array<{
        id: number;
        tenant_id: string;
      }>;
      for (const { id, tenant_id: tenantId } of rows) {
        const outcome = decide();
        if (update.run(outcome, sentAt, id).changes > 0) {
          counts[outcome] += 1;
          const tenant = perTenant.get(tenantId) ?? {
            sent: 0,
            bounced: 0,
            complained: 0,
          };
          tenant[outcome] += 1;
          perTenant.set(tenantId, tenant);
        }
      }
      for (const [tenantId, c] of perTenant) {
        addCounts.run(
          tenantId,
          minute,
          c.sent + c.bounced + c.complained,
          c.bounced,
          c.complained,
        );
      }
      return counts;
    })();
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
