import { seededRandom } from '../__testUtils__/testPlatform';
import {
  openPlatformDatabase,
  PlatformDatabase,
} from '../db/openPlatformDatabase';
import { silentLogger } from '../logger';
import { pruneTick, recordLoginsTick } from './housekeeping';
import { resolveTrafficOptions } from './options';
import { generateMessages, produceTick } from './producer';
import { pickWeighted } from './random';
import { startRepeating } from './repeat';
import { decideDelivery, decideOutcome, deliveryFailure } from './sender';
import { SqliteOutboundQueue } from '../queue/SqliteOutboundQueue';
import { emailOfRow } from '../queue/emailRows';
import { TenantFeatures } from '../features/TenantFeatures';

describe('traffic generator', () => {
  let database: PlatformDatabase;

  beforeEach(() => {
    database = openPlatformDatabase(':memory:');
  });

  afterEach(() => {
    database.close();
  });

  it('spreads messages over non-suspended tenants, weighted by tier', () => {
    const tenants = database.repository.listTenants();
    const messages = generateMessages(tenants, 5000, seededRandom(1));
    const perTenant: Record<string, number> = {};
    for (const m of messages) {
      perTenant[m.tenantId] = (perTenant[m.tenantId] ?? 0) + 1;
    }
    expect(messages).toHaveLength(5000);
    expect(perTenant.stark).toBeUndefined(); // suspended
    // enterprise (weight 6) vs free/trial (weight 1): expect roughly 6x
    expect(perTenant.acme / perTenant.initech).toBeGreaterThan(4);
    expect(perTenant.acme / perTenant.initech).toBeLessThan(8);
    expect(perTenant.globex).toBeGreaterThan(perTenant.initech);
    expect(messages[0].from).toMatch(
      new RegExp(`@${messages[0].tenantId}\\.example\\.com$`),
    );
    // realistic job data: recipients, a body, headers naming the tenant
    expect(messages[0]).toMatchObject({
      to: [expect.stringMatching(/^customer\d+@mail\d+\.example\.net$/)],
      text: expect.stringContaining('Hi customer'),
      headers: { 'X-Tenant-Id': messages[0].tenantId },
    });
  });

  it('enqueues between 1 and maxPerTick messages per tick', async () => {
    const random = seededRandom(2);
    const features = new TenantFeatures({
      cacheMs: 60_000,
      store: database.featureEvaluations,
      logger: silentLogger,
    });
    let total = 0;
    for (let i = 0; i < 50; i++) {
      const added = await produceTick(
        {
          repository: database.repository,
          queue: new SqliteOutboundQueue(database.repository, database.queues),
          features,
          logger: silentLogger,
        },
        4,
        random,
      );
      expect(added).toBeGreaterThanOrEqual(1);
      expect(added).toBeLessThanOrEqual(4);
      total += added;
    }
    expect(database.repository.queueBacklog().count).toBe(total);
    // the tenants that sent mail had their ai-composer flag evaluated
    const evaluated = database.repository
      .listTenants()
      .filter(t => database.featureEvaluations.list(t.id).length > 0);
    expect(evaluated.length).toBeGreaterThan(0);
    await features.close();
  });

  it('delivers with about the configured bounce and complaint rates', () => {
    const random = seededRandom(3);
    const counts = { sent: 0, bounced: 0, complained: 0 };
    for (let i = 0; i < 10000; i++) {
      counts[
        decideOutcome(random, { bounceRate: 0.02, complaintRate: 0.005 })
      ]++;
    }
    expect(counts.bounced).toBeGreaterThan(150);
    expect(counts.bounced).toBeLessThan(250);
    expect(counts.complained).toBeGreaterThan(20);
    expect(counts.complained).toBeLessThan(80);
  });

  it('sends queued messages in batches', async () => {
    const random = seededRandom(4);
    const queue = new SqliteOutboundQueue(database.repository, database.queues);
    await queue.enqueue(
      generateMessages(database.repository.listTenants(), 30, random),
    );
    const rates = { bounceRate: 0, complaintRate: 0 };
    expect(
      database.repository.deliverBatch(25, row =>
        decideDelivery(emailOfRow(row), random, rates),
      ),
    ).toEqual({ sent: 25, bounced: 0, complained: 0, failed: 0 });
    expect(database.repository.queueBacklog().count).toBe(5);
  });

  it('fails emails to recipients at .invalid domains', () => {
    const email = {
      tenantId: 'acme',
      from: 'a@acme.example.com',
      to: ['ok@example.net'],
      cc: ['x@nowhere.invalid'],
      subject: 's',
      text: '',
    };
    expect(deliveryFailure(email)).toBe(
      'No MX or A record for nowhere.invalid (recipient x@nowhere.invalid)',
    );
    expect(
      decideDelivery(email, () => 0.99, { bounceRate: 0, complaintRate: 0 }),
    ).toEqual({
      failedReason: expect.stringContaining('nowhere.invalid'),
    });
    expect(deliveryFailure({ ...email, cc: undefined })).toBeUndefined();
  });

  it('records logins and prunes old rows', () => {
    const random = seededRandom(5);
    const now = new Date('2026-01-10T00:00:00Z');
    const everyone = { loginsPerUserPerDay: 1e9, loginIntervalMs: 1000 };
    const recorded = recordLoginsTick(
      database.repository,
      random,
      everyone,
      now,
    );
    expect(recorded).toBe(database.repository.listActiveUsers().length);
    expect(database.repository.countLogins()).toBe(recorded);
    const keep = { retentionHours: 24, historyDays: 2 };
    expect(pruneTick(database.repository, keep, now).logins).toBe(0);
    const later = new Date(now.getTime() + 25 * 3_600_000);
    expect(pruneTick(database.repository, keep, later).logins).toBe(0);
    const muchLater = new Date(now.getTime() + 49 * 3_600_000);
    expect(pruneTick(database.repository, keep, muchLater).logins).toBe(
      recorded,
    );
  });

  it('records about loginsPerUserPerDay logins a day from usual sources', () => {
    const random = seededRandom(6);
    const users = database.repository.listActiveUsers();
    const options = { loginsPerUserPerDay: 6, loginIntervalMs: 60_000 };
    let recorded = 0;
    for (let minute = 0; minute < 24 * 60; minute++) {
      recorded += recordLoginsTick(
        database.repository,
        random,
        options,
        new Date(Date.UTC(2026, 0, 10, 0, minute)),
      );
    }
    expect(recorded / users.length).toBeGreaterThan(4);
    expect(recorded / users.length).toBeLessThan(8);
    const logins = database.db
      .prepare('SELECT ip, country, user_agent FROM logins')
      .all() as Array<{ ip: string; country: string; user_agent: string }>;
    const usual = logins.filter(l => !l.ip.startsWith('203.0.113.'));
    expect(usual.length / logins.length).toBeGreaterThan(0.95);
    expect(logins.every(l => /^[A-Z]{2}$/.test(l.country))).toBe(true);
    expect(logins.every(l => l.user_agent.length > 0)).toBe(true);
  });

  it('picks nothing when all weights are zero', () => {
    expect(pickWeighted(Math.random, [1, 2], () => 0)).toBeUndefined();
  });
});

describe('resolveTrafficOptions', () => {
  it('is off for false and fills defaults otherwise', () => {
    expect(resolveTrafficOptions(false)).toBeUndefined();
    expect(resolveTrafficOptions(true)).toMatchObject({
      historyDays: 35,
      loginsPerUserPerDay: 6,
      intervalMs: 1000,
      sendIntervalMs: 1000,
      loginIntervalMs: 5000,
      batchSize: 25,
      bounceRate: 0.02,
    });
    expect(resolveTrafficOptions({ intervalMs: 20 })).toMatchObject({
      intervalMs: 20,
      sendIntervalMs: 20,
      loginIntervalMs: 100,
    });
  });

  it('rejects nonsense', () => {
    expect(() => resolveTrafficOptions({ intervalMs: 0 })).toThrow(
      'traffic.intervalMs must be a positive number',
    );
    expect(() => resolveTrafficOptions({ bounceRate: 2 })).toThrow(
      'traffic.bounceRate must be between 0 and 1',
    );
  });
});

describe('startRepeating', () => {
  it('repeats, survives errors and stops', async () => {
    let calls = 0;
    const warn = jest.fn();
    const task = startRepeating(
      'test',
      5,
      () => {
        calls++;
        if (calls === 2) {
          throw new Error('boom');
        }
      },
      { ...silentLogger, warn },
    );
    await new Promise(resolve => setTimeout(resolve, 100));
    await task.stop();
    const stoppedAt = calls;
    expect(stoppedAt).toBeGreaterThan(3);
    expect(warn).toHaveBeenCalledWith('test failed', { error: 'Error: boom' });
    await new Promise(resolve => setTimeout(resolve, 30));
    expect(calls).toBe(stoppedAt);
  });
});
