import { mockServices } from '@backstage/backend-test-utils';
import { AuditEvent } from '@opsconsole/backstage-plugin-ops-common';
import { AuditService } from '../audit/AuditService';
import { AuditStore } from '../audit/AuditStore';
import { InMemoryPlatformProvider } from '../platform/__testUtils__/InMemoryPlatformProvider';
import { tenant } from '../platform/__testUtils__/platformFixtures';
import { PlatformSources } from '../platform/PlatformSources';
import { TenantsService } from './TenantsService';

const NOW = Date.parse('2026-11-25T10:17:00.000Z');

const point = (
  start: string,
  sent: number,
  delivered: number,
  complaints = 0,
) => ({ start, sent, delivered, bounced: sent - delivered, complaints });

function setup() {
  const eu = new InMemoryPlatformProvider('eu', {
    tenants: [tenant('acme', { adminEmail: 'ada@acme.example' })],
    deliverability: {
      acme: [
        point('2026-11-25T09:00:00.000Z', 100, 80, 2),
        point('2026-11-25T10:00:00.000Z', 10, 10),
      ],
      initech: [point('2026-11-25T09:00:00.000Z', 100, 100)],
    },
  });
  const us = new InMemoryPlatformProvider('us', {
    tenants: [tenant('globex')],
    deliverability: {
      globex: [point('2026-11-25T09:00:00.000Z', 200, 196)],
    },
  });
  const events: AuditEvent[] = [];
  const store: AuditStore = {
    async append(e) {
      const stored = {
        ...e,
        id: String(events.length),
        time: e.time ?? new Date().toISOString(),
      };
      events.push(stored);
      return stored;
    },
    async list({ targetRef, limit }) {
      return events
        .filter(e => !targetRef || e.targetRef === targetRef)
        .reverse()
        .slice(0, limit);
    },
  };
  const audit = new AuditService(mockServices.auditor.mock(), store);
  const service = new TenantsService({
    sources: new PlatformSources([eu, us]),
    audit,
    now: () => NOW,
  });
  return { eu, us, store, service };
}

describe('TenantsService', () => {
  it('gives the platform view of a tenant with the admin email masked unless revealed', async () => {
    const { service } = setup();
    const masked = await service.getTenant({ tenantId: 'acme', reveal: false });
    expect(masked).toEqual({
      tenant: {
        id: 'acme',
        entityRef: 'tenant:default/acme',
        name: 'Acme Inc',
        tier: 'pro',
        region: 'eu-west-1',
        status: 'active',
        adminEmail: 'a***@acme.example',
        adminName: 'Ada Admin',
        createdAt: '2026-01-01T00:00:00.000Z',
        source: 'eu',
      },
      revealed: false,
      sources: [
        { id: 'eu', status: 'ok' },
        { id: 'us', status: 'ok' },
      ],
    });
    const revealed = await service.getTenant({
      tenantId: 'acme',
      reveal: true,
    });
    expect(revealed.tenant.adminEmail).toBe('ada@acme.example');
    await expect(
      service.getTenant({ tenantId: 'nope', reveal: false }),
    ).rejects.toMatchObject({ name: 'NotFoundError' });
  });

  it("gives the tenant's deliverability per hour against the fleet's over 7 days", async () => {
    const { service, eu, us } = setup();
    const d = await service.getDeliverability({
      tenantId: 'acme',
      range: '7d',
    });
    expect(d).toMatchObject({
      tenant: { id: 'acme', entityRef: 'tenant:default/acme' },
      range: '7d',
      bucketSeconds: 3600,
      from: '2026-11-18T11:00:00.000Z',
      to: '2026-11-25T11:00:00.000Z',
    });
    expect(d.buckets).toHaveLength(168);
    const nine = d.buckets.find(b => b.start === '2026-11-25T09:00:00.000Z')!;
    expect(nine.tenant).toEqual({
      sent: 100,
      delivered: 80,
      bounced: 20,
      complaints: 2,
      deliveryRate: 0.8,
      bounceRate: 0.2,
      complaintRate: 2 / 80,
    });
    // fleet: acme 100 + initech 100 (eu) + globex 200 (us)
    expect(nine.fleet).toMatchObject({
      sent: 400,
      delivered: 376,
      deliveryRate: 0.94,
    });
    expect(d.buckets[0].tenant.deliveryRate).toBeNull();
    expect(d.totals.tenant).toMatchObject({ sent: 110, delivered: 90 });
    expect(d.totals.fleet).toMatchObject({ sent: 410, delivered: 386 });
    // the per-tenant series is asked only of the platform that has the tenant
    const tenantCalls = (p: InMemoryPlatformProvider) =>
      p.calls.filter(
        c => c.method === 'getDeliverability' && (c.args[0] as any).tenantId,
      );
    expect(tenantCalls(eu)).toHaveLength(1);
    expect(tenantCalls(us)).toHaveLength(0);
    expect(tenantCalls(eu)[0].args[0]).toEqual({
      tenantId: 'acme',
      from: '2026-11-18T11:00:00.000Z',
      to: '2026-11-25T11:00:00.000Z',
      intervalSeconds: 3600,
    });
  });

  it('uses 6-hour buckets over 30 days', async () => {
    const { service } = setup();
    const d = await service.getDeliverability({
      tenantId: 'acme',
      range: '30d',
    });
    expect(d.bucketSeconds).toBe(21600);
    expect(d.buckets).toHaveLength(120);
    expect(d.buckets[119]).toMatchObject({
      start: '2026-11-25T06:00:00.000Z',
      tenant: { sent: 110 },
    });
  });

  it('reports a failed platform and compares against the rest of the fleet', async () => {
    const { service, us } = setup();
    us.failWith = new Error('Platform Admin API answered 503');
    const d = await service.getDeliverability({
      tenantId: 'acme',
      range: '7d',
    });
    expect(d.totals.tenant.sent).toBe(110);
    expect(d.totals.fleet.sent).toBe(210);
    expect(d.sources).toEqual([
      { id: 'eu', status: 'ok' },
      {
        id: 'us',
        status: 'degraded',
        error: 'Platform Admin API answered 503',
      },
    ]);
  });

  it('404s the deliverability of an unknown tenant', async () => {
    const { service } = setup();
    await expect(
      service.getDeliverability({ tenantId: 'nope', range: '7d' }),
    ).rejects.toMatchObject({
      name: 'NotFoundError',
      message: 'No tenant with id "nope" in any platform source',
    });
  });

  it("gives the audit events targeting the tenant's entity, newest first", async () => {
    const { service, store } = setup();
    for (const [targetRef, action] of [
      ['tenant:default/acme', 'flag-override-set'],
      ['tenant:default/globex', 'flag-override-set'],
      ['tenant:default/acme', 'tenant-pause'],
    ]) {
      await store.append({
        actor: 'user:default/ops',
        action,
        targetRef,
        outcome: 'success',
      });
    }
    const timeline = await service.getTimeline({ tenantId: 'acme', limit: 10 });
    expect(timeline.tenant.entityRef).toBe('tenant:default/acme');
    expect(timeline.events.map(e => e.action)).toEqual([
      'tenant-pause',
      'flag-override-set',
    ]);
    expect(
      (await service.getTimeline({ tenantId: 'acme', limit: 1 })).events,
    ).toHaveLength(1);
  });
});
