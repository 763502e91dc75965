import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  startTestPlatform,
  TEST_PLATFORM_OPTIONS,
  waitFor,
} from './__testUtils__/testPlatform';
import { HealthDocument } from './health/types';
import { RunningPlatform, RunningRoles, startRoles } from './platform';
import { ROLE_NAMES, RoleName } from './roles/roleNames';

describe('startPlatform', () => {
  let platform: RunningPlatform | undefined;

  afterEach(async () => {
    await platform?.close();
    platform = undefined;
  });

  it('binds every role to its own loopback port and reports it', async () => {
    platform = await startTestPlatform();
    const ports = ROLE_NAMES.map(role => platform!.ports[role]);
    expect(new Set(ports).size).toBe(3);
    for (const role of ROLE_NAMES) {
      expect(platform.ports[role]).toBeGreaterThan(0);
      expect(platform.urls[role]).toBe(
        `http://127.0.0.1:${platform.ports[role]}`,
      );
      const res = await fetch(`${platform.urls[role]}/`);
      expect(await res.json()).toMatchObject({
        serviceId: `example-platform-${role}`,
        role,
      });
    }
  });

  it('serves application/health+json with real measurements on every role', async () => {
    platform = await startTestPlatform({ releaseId: 'test-release' });
    const docs: Partial<Record<RoleName, HealthDocument>> = {};
    for (const role of ROLE_NAMES) {
      const res = await fetch(`${platform.urls[role]}/health`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/health+json');
      const doc = (await res.json()) as HealthDocument;
      expect(doc).toMatchObject({
        status: 'pass',
        version: '0.1.0',
        releaseId: 'test-release',
        serviceId: `example-platform-${role}`,
        description: expect.stringContaining('Example platform'),
      });
      expect(doc.output).toBeUndefined();

      const [sqlite] = doc.checks['sqlite:responseTime'];
      expect(sqlite).toMatchObject({
        componentType: 'datastore',
        observedUnit: 'ms',
        status: 'pass',
      });
      expect(typeof sqlite.observedValue).toBe('number');
      expect(Number.isFinite(sqlite.observedValue)).toBe(true);
      expect(sqlite.observedValue as number).toBeGreaterThanOrEqual(0);
      expect(Date.parse(sqlite.time)).not.toBeNaN();

      const memory = doc.checks['memory:utilization'];
      expect(memory.map(m => m.componentId)).toEqual(['heapUsed', 'rss']);
      for (const entry of memory) {
        expect(entry).toMatchObject({
          componentType: 'system',
          observedUnit: 'MiB',
        });
        expect(entry.observedValue as number).toBeGreaterThan(0);
      }
      expect(memory[1].observedValue as number).toBeGreaterThan(
        memory[0].observedValue as number,
      );

      const [loop] = doc.checks['eventloop:delay'];
      expect(loop).toMatchObject({
        componentType: 'system',
        observedUnit: 'ms',
      });
      expect(loop.observedValue as number).toBeGreaterThanOrEqual(0);

      docs[role] = doc;
    }

    expect(docs.scheduler?.checks['queue:backlog']).toBeUndefined();
    for (const doc of [docs.api, docs.worker]) {
      expect(doc?.checks['queue:backlog']).toEqual([
        expect.objectContaining({
          componentType: 'component',
          observedUnit: 'messages',
          observedValue: 0,
          status: 'pass',
        }),
      ]);
    }
  });

  it('serves the seeded tenants and message stats on the api role', async () => {
    platform = await startTestPlatform();
    const tenants = await (await fetch(`${platform.urls.api}/tenants`)).json();
    expect(tenants.items.map((t: { id: string }) => t.id)).toEqual([
      'acme',
      'globex',
      'hooli',
      'initech',
      'stark',
      'umbrella',
    ]);
    const stats = await (await fetch(`${platform.urls.api}/stats`)).json();
    expect(stats).toEqual({
      queue: 'sqlite',
      messages: { queued: 0, sent: 0, bounced: 0, complained: 0, failed: 0 },
      backlog: { count: 0, oldestQueuedAt: null },
      tenants: 6,
      logins: expect.any(Number),
    });
    expect(stats.logins).toBeGreaterThan(0); // the seeded login history
    expect((await fetch(`${platform.urls.worker}/stats`)).status).toBe(404);
  });

  it('derives the overall status from the checks (memory threshold exceeded → warn)', async () => {
    platform = await startTestPlatform({ thresholds: { heapWarnMiB: 0 } });
    const res = await fetch(`${platform.urls.worker}/health`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as HealthDocument;
    expect(doc.status).toBe('warn');
    expect(doc.checks['memory:utilization'][0].status).toBe('warn');
    expect(doc.output).toContain('memory:utilization (heapUsed) warn');
  });

  it('fails when the queue backlog passes the fail threshold', async () => {
    platform = await startTestPlatform({
      // the worker sends only once a minute, so the backlog grows
      traffic: { intervalMs: 10, sendIntervalMs: 60_000 },
      thresholds: { backlogWarn: 0, backlogFail: 2 },
    });
    const doc = await waitFor(async () => {
      const res = await fetch(`${platform!.urls.api}/health`);
      const body = (await res.json()) as HealthDocument;
      return res.status === 503 ? body : undefined;
    });
    expect(doc.status).toBe('fail');
    expect(doc.checks['queue:backlog'][0].status).toBe('fail');
    expect(
      doc.checks['queue:backlog'][0].observedValue as number,
    ).toBeGreaterThan(2);
  });

  it('generates traffic that the worker moves from queued to sent', async () => {
    platform = await startTestPlatform({
      traffic: { intervalMs: 10, sendIntervalMs: 10, batchSize: 50 },
    });
    const stats = await waitFor(async () => {
      const res = await fetch(`${platform!.urls.api}/stats`);
      const body = await res.json();
      const delivered =
        body.messages.sent + body.messages.bounced + body.messages.complained;
      return delivered >= 20 ? body : undefined;
    });
    expect(stats.messages.sent).toBeGreaterThan(0);
    expect(stats.tenants).toBe(6);
  });

  it('closes cleanly and frees its ports', async () => {
    platform = await startTestPlatform();
    const { api } = platform.ports;
    await platform.close();
    await platform.close(); // idempotent
    await expect(fetch(`http://127.0.0.1:${api}/health`)).rejects.toThrow();
  });
});

describe('startRoles', () => {
  let dir: string;
  const started: RunningRoles[] = [];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'example-platform-'));
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map(r => r.close()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const start = async (options: Parameters<typeof startRoles>[0]) => {
    const roles = await startRoles({ ...TEST_PLATFORM_OPTIONS, ...options });
    started.push(roles);
    return roles;
  };

  it('starts only the requested roles', async () => {
    const roles = await start({ roles: ['worker'] });
    expect(roles.roles).toEqual(['worker']);
    expect(Object.keys(roles.urls)).toEqual(['worker']);
  });

  it('lets separate role groups share a database file: api enqueues, worker sends', async () => {
    const dbPath = path.join(dir, 'platform.sqlite');
    const stats = async (url: string) =>
      (await (await fetch(`${url}/stats`)).json()).messages;

    const producer = await start({
      roles: ['api'],
      dbPath,
      traffic: { intervalMs: 10 },
    });
    await waitFor(async () => (await stats(producer.urls.api!)).queued >= 10);
    await producer.close();

    const reader = await start({ roles: ['api'], dbPath, traffic: false });
    const before = await stats(reader.urls.api!);
    expect(before.queued).toBeGreaterThanOrEqual(10);
    expect(before.sent + before.bounced + before.complained).toBe(0);

    await start({
      roles: ['worker'],
      dbPath,
      traffic: { intervalMs: 10, batchSize: 3 },
    });
    const after = await waitFor(async () => {
      const messages = await stats(reader.urls.api!);
      return messages.queued === 0 ? messages : undefined;
    });
    expect(after.sent + after.bounced + after.complained).toBe(before.queued);
  });

  it('rejects and cleans up when a port is taken', async () => {
    const blocker = net.createServer();
    await new Promise<void>(resolve => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as net.AddressInfo).port;
    try {
      await expect(
        startRoles({
          ...TEST_PLATFORM_OPTIONS,
          ports: { api: 0, worker: taken },
        }),
      ).rejects.toThrow(`worker role could not listen on 127.0.0.1:${taken}`);
    } finally {
      await new Promise(resolve => blocker.close(resolve));
    }
  });

  it('rejects ports that are not port numbers', async () => {
    await expect(
      startRoles({ ...TEST_PLATFORM_OPTIONS, ports: { api: 70000 } }),
    ).rejects.toThrow('ports.api must be a port number');
  });
});
