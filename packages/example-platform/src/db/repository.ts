import { SqliteDatabase, SqliteStatement } from './sqlite';
import {
  DeliveryOutcome,
  MessageCounts,
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
   * outcome `decide` picks for each one.
   */
  deliverBatch(
    limit: number,
    decide: () => DeliveryOutcome,
    now: Date = new Date(),
  ): DeliveryCounts {
    const select = this.#db.prepare(
      `SELECT id FROM messages WHERE status = 'queued' ORDER BY id LIMIT ?`,
    );
    const update = this.#db.prepare(
      `UPDATE messages SET status = ?, sent_at = ? WHERE id = ? AND status = 'queued'`,
    );
    const sentAt = now.toISOString();
    return this.#db.transaction(() => {
      const counts: DeliveryCounts = { sent: 0, bounced: 0, complained: 0 };
      const rows = select.all(limit) as Array<{ id: number }>;
      for (const { id } of rows) {
        const outcome = decide();
        if (update.run(outcome, sentAt, id).changes > 0) {
          counts[outcome] += 1;
        }
      }
      return counts;
    })();
  }

  recordLogin(
    userId: string,
    success: boolean,
    ip: string,
    at: Date = new Date(),
  ): void {
    const iso = at.toISOString();
    this.#db.transaction(() => {
      this.#db
        .prepare(
          'INSERT INTO logins (user_id, at, success, ip) VALUES (?, ?, ?, ?)',
        )
        .run(userId, iso, success ? 1 : 0, ip);
      if (success) {
        this.#db
          .prepare('UPDATE users SET last_login_at = ? WHERE id = ?')
          .run(iso, userId);
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
   * Deletes messages that left the queue before `cutoff`, and logins older
   * than it. Queued messages are kept however old they are: they are the
   * backlog.
   */
  pruneOlderThan(cutoff: Date): { messages: number; logins: number } {
    const iso = cutoff.toISOString();
    return this.#db.transaction(() => ({
      messages: this.#db
        .prepare(
          `DELETE FROM messages WHERE status != 'queued' AND created_at < ?`,
        )
        .run(iso).changes,
      logins: this.#db.prepare('DELETE FROM logins WHERE at < ?').run(iso)
        .changes,
    }))();
  }
}
