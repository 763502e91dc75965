import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPlatformDatabase, PlatformDatabase } from './openPlatformDatabase';
import { SEED_TENANTS, seedDatabase } from './seed';

const message = (tenantId: string, i = 0) => ({
  tenantId,
  sender: `noreply@${tenantId}.example.com`,
  recipient: `r${i}@example.net`,
  subject: 'hello',
});

describe('platform database', () => {
  let database: PlatformDatabase;

  beforeEach(() => {
    database = openPlatformDatabase(':memory:');
  });

  afterEach(() => {
    database.close();
  });

  it('seeds six tenants with users', () => {
    const tenants = database.repository.listTenants();
    expect(tenants.map(t => t.id)).toEqual([
      'acme',
      'globex',
      'hooli',
      'initech',
      'stark',
      'umbrella',
    ]);
    expect(tenants.find(t => t.id === 'acme')).toMatchObject({
      tier: 'enterprise',
      status: 'active',
      adminEmail: 'wile.coyote@acme.example.com',
    });
    const users = database.db
      .prepare('SELECT tenant_id, COUNT(*) AS n FROM users GROUP BY tenant_id')
      .all() as Array<{ tenant_id: string; n: number }>;
    expect(users).toHaveLength(6);
    for (const row of users) {
      expect(row.n).toBeGreaterThanOrEqual(2);
    }
  });

  it('seeds idempotently', () => {
    const count = () =>
      (
        database.db
          .prepare(
            'SELECT (SELECT COUNT(*) FROM tenants) + (SELECT COUNT(*) FROM users) AS n',
          )
          .get() as { n: number }
      ).n;
    const before = count();
    seedDatabase(database.db);
    seedDatabase(database.db);
    expect(count()).toBe(before);
    expect(before).toBe(
      SEED_TENANTS.length +
        SEED_TENANTS.reduce((n, t) => n + t.users.length, 0),
    );
  });

  it('keeps data in a file across reopen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-platform-db-'));
    const file = path.join(dir, 'nested', 'db.sqlite');
    try {
      const first = openPlatformDatabase(file);
      first.repository.enqueueMessages([message('acme')]);
      first.close();
      const second = openPlatformDatabase(file);
      expect(second.repository.queueBacklog().count).toBe(1);
      expect(second.repository.listTenants()).toHaveLength(6);
      second.close();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lists only active users of tenants that are not suspended', () => {
    const users = database.repository.listActiveUsers();
    expect(users.length).toBeGreaterThan(0);
    expect(users.every(u => u.status === 'active')).toBe(true);
    expect(users.some(u => u.tenantId === 'stark')).toBe(false);
  });

  it('queues messages and delivers them oldest first in batches', () => {
    const repo = database.repository;
    expect(
      repo.enqueueMessages([0, 1, 2, 3, 4].map(i => message('acme', i))),
    ).toBe(5);
    expect(repo.queueBacklog()).toMatchObject({ count: 5 });
    expect(repo.queueBacklog().oldestQueuedAt).not.toBeNull();

    const outcomes = ['sent', 'bounced', 'complained'] as const;
    let i = 0;
    expect(repo.deliverBatch(3, () => outcomes[i++ % 3])).toEqual({
      sent: 1,
      bounced: 1,
      complained: 1,
      failed: 0,
    });
    const delivered = database.db
      .prepare(
        "SELECT recipient, sent_at FROM messages WHERE status != 'queued' ORDER BY id",
      )
      .all() as Array<{ recipient: string; sent_at: string | null }>;
    expect(delivered.map(d => d.recipient)).toEqual([
      'r0@example.net',
      'r1@example.net',
      'r2@example.net',
    ]);
    expect(delivered.every(d => d.sent_at !== null)).toBe(true);

    expect(repo.countMessagesByStatus()).toEqual({
      queued: 2,
      sent: 1,
      bounced: 1,
      complained: 1,
      failed: 0,
    });
    expect(repo.deliverBatch(10, () => 'sent')).toEqual({
      sent: 2,
      bounced: 0,
      complained: 0,
      failed: 0,
    });
    expect(repo.queueBacklog()).toEqual({ count: 0, oldestQueuedAt: null });
  });

  it('records logins with their source and updates last_login_at on success only', () => {
    const repo = database.repository;
    const [user] = repo.listActiveUsers();
    repo.recordLogin({
      userId: user.id,
      success: false,
      ip: '192.0.2.1',
      at: new Date('2026-01-01T00:00:00Z'),
    });
    expect(repo.listActiveUsers()[0].lastLoginAt).toBeNull();
    repo.recordLogin({
      userId: user.id,
      success: true,
      ip: '192.0.2.2',
      userAgent: 'curl/8.5.0',
      country: 'IE',
      at: new Date('2026-01-02T00:00:00Z'),
    });
    // an older success does not move last_login_at back
    repo.recordLogin({
      userId: user.id,
      success: true,
      ip: '192.0.2.2',
      at: new Date('2026-01-01T12:00:00Z'),
    });
    expect(repo.listActiveUsers()[0].lastLoginAt).toBe(
      '2026-01-02T00:00:00.000Z',
    );
    expect(repo.countLogins()).toBe(3);
    expect(database.directory.listLogins(user.id, { limit: 1 })[0]).toEqual({
      userId: user.id,
      at: '2026-01-02T00:00:00.000Z',
      success: true,
      ip: '192.0.2.2',
      userAgent: 'curl/8.5.0',
      country: 'IE',
    });
  });

  it('prunes delivered messages and logins older than the cutoffs, never queued ones', () => {
    const repo = database.repository;
    const old = new Date('2026-01-01T00:00:00Z');
    const recent = new Date('2026-01-03T00:00:00Z');
    repo.enqueueMessages([message('acme', 1), message('acme', 2)], old);
    repo.deliverBatch(1, () => 'sent', old);
    repo.enqueueMessages([message('globex', 3)], recent);
    repo.deliverBatch(10, () => 'bounced', recent); // delivers the old queued one and the recent one
    const [user] = repo.listActiveUsers();
    repo.recordLogin({
      userId: user.id,
      success: true,
      ip: '10.0.0.1',
      at: old,
    });
    repo.recordLogin({
      userId: user.id,
      success: true,
      ip: '10.0.0.1',
      at: recent,
    });
    repo.enqueueMessages([message('acme', 4)], old); // still queued: kept

    const pruned = repo.pruneOlderThan(new Date('2026-01-02T00:00:00Z'));
    expect(pruned).toEqual({ messages: 2, logins: 1, deliveryCounts: 1 });
    expect(repo.countMessagesByStatus()).toEqual({
      queued: 1,
      sent: 0,
      bounced: 1,
      complained: 0,
      failed: 0,
    });
    expect(repo.countLogins()).toBe(1);
  });

  it('keeps logins and delivery history longer than messages when told', () => {
    const repo = database.repository;
    const old = new Date('2026-01-01T00:00:00Z');
    repo.enqueueMessages([message('acme', 1)], old);
    repo.deliverBatch(1, () => 'sent', old);
    const [user] = repo.listActiveUsers();
    repo.recordLogin({
      userId: user.id,
      success: true,
      ip: '10.0.0.1',
      at: old,
    });

    expect(
      repo.pruneOlderThan(
        new Date('2026-01-02T00:00:00Z'),
        new Date('2025-12-01T00:00:00Z'),
      ),
    ).toEqual({ messages: 1, logins: 0, deliveryCounts: 0 });
    expect(
      database.deliverability.query({
        tenantId: 'acme',
        from: old,
        to: new Date('2026-01-01T01:00:00Z'),
        intervalSeconds: 3600,
      })[0],
    ).toMatchObject({ sent: 1, delivered: 1 });
  });
});
