import {
  InMemoryQueueProvider,
  queueSnapshot,
} from '../../__testUtils__/InMemoryQueueProvider';
import { createTestDatabases } from '../../__testUtils__/databases';
import { QueueSources } from '../QueueSources';
import { DatabaseSeenRecipientsStore } from './DatabaseSeenRecipientsStore';
import { readRedactionConfig } from './redactionConfig';
import { ConfigReader } from '@backstage/config';
import { QueueJob } from '@opsconsole/backstage-plugin-ops-node';
import { SamplesService, WITHHELD } from './SamplesService';
import { TenantRedactFields } from './TenantRedactFields';

jest.setTimeout(60_000);

const minute = 60_000;
const t0 = Date.parse('2026-11-26T10:00:00Z');

const job = (
  n: number,
  to: string | string[],
  overrides: Partial<QueueJob> = {},
): QueueJob => ({
  id: `j${n}`,
  queueName: 'outbound-email-acme',
  name: 'send-email',
  state: 'completed',
  enqueuedAt: new Date(t0 + n * minute).toISOString(),
  data: {
    to,
    subject: `Mail ${n}`,
    text: `Hello ${Array.isArray(to) ? to[0] : to}, ${'x'.repeat(300)}`,
    metadata: { customerId: `c-${n}` },
    headers: { authorization: 'Bearer t' },
  },
  ...overrides,
});

class FixedFields implements TenantRedactFields {
  readonly id = 'tenants:catalog';
  failWith?: Error;
  constructor(private readonly fields: string[]) {}
  async fieldsFor() {
    if (this.failWith) throw this.failWith;
    return this.fields;
  }
}

describe('SamplesService', () => {
  const databases = createTestDatabases();

  async function setup(id: Parameters<typeof databases.init>[0]) {
    const provider = new InMemoryQueueProvider('bullmq', {
      queues: [
        queueSnapshot('outbound-email-acme', { tenantId: 'acme' }),
        queueSnapshot('outbound-email-globex', { tenantId: 'globex' }),
      ],
    });
    const fields = new FixedFields(['metadata.customerId']);
    const service = new SamplesService({
      queues: new QueueSources([provider]),
      seen: DatabaseSeenRecipientsStore.create(await databases.init(id)),
      redaction: readRedactionConfig(
        new ConfigReader({
          ops: { queues: { redaction: { maxBodyChars: 40 } } },
        }),
      ),
      tenantFields: fields,
      patternWindowJobs: 4,
      now: () => t0 + 1000 * minute,
    });
    return { provider, fields, service };
  }

  it.each(databases.ids)(
    'answers redacted samples, newest first, with the tenant and config rules on %p',
    async id => {
      const { provider, service } = await setup(id);
      provider.jobs = [
        job(1, 'ann.one@a.example'),
        job(2, 'bob.two@b.example', {
          state: 'failed',
          failedReason: '550 <bob.two@b.example> unknown',
        }),
        job(3, 'carl@c.example', { queueName: 'outbound-email-globex' }),
      ];
      const samples = await service.getSamples({
        tenantId: 'acme',
        limit: 1,
        unredacted: false,
      });
      expect(samples.sources).toEqual([
        { id: 'bullmq', status: 'ok' },
        { id: 'tenants:catalog', status: 'ok' },
      ]);
      expect(samples.jobs).toEqual([
        {
          id: 'j2',
          queueId: 'bullmq:outbound-email-acme',
          name: 'send-email',
          state: 'failed',
          enqueuedAt: new Date(t0 + 2 * minute).toISOString(),
          failedReason: '550 <b***@b.example> unknown',
          redacted: true,
          data: {
            to: 'b***@b.example',
            subject: 'Mail 2',
            text: `Hello b***@b.example, ${'x'.repeat(
              18,
            )}… [truncated, 325 chars]`,
            metadata: { customerId: '[removed]' },
            headers: { authorization: '[removed]' },
          },
        },
      ]);
      // patterns cover the window (both acme jobs), not only the one shown
      expect(samples.recipients).toEqual({
        sampledJobs: 2,
        uniqueRecipients: 2,
        newRecipientShare: 1,
        topDomains: [
          { domain: 'a.example', count: 1, share: 0.5 },
          { domain: 'b.example', count: 1, share: 0.5 },
        ],
      });

      const raw = await service.getSamples({
        tenantId: 'acme',
        limit: 5,
        unredacted: true,
      });
      expect(raw.jobs.map(j => [j.redacted, (j.data as any).to])).toEqual([
        [false, 'bob.two@b.example'],
        [false, 'ann.one@a.example'],
      ]);
    },
  );

  it.each(databases.ids)(
    'counts as new only recipients never seen before the window on %p',
    async id => {
      const { provider, service } = await setup(id);
      // baseline: the tenant mailed its usual customers
      provider.jobs = [
        job(1, 'regular.one@customer.example'),
        job(2, 'regular.two@customer.example'),
      ];
      expect(await service.recordBaselines()).toEqual({ tenants: 2, jobs: 2 });

      // the same window read again: nothing became "known" by being read
      const again = await service.getSamples({
        tenantId: 'acme',
        limit: 5,
        unredacted: false,
      });
      expect(again.recipients.newRecipientShare).toBe(1);

      // a burst to unknown recipients; one regular customer among them
      provider.jobs.push(
        job(10, 'x1@spam-target.example'),
        job(11, 'x2@spam-target.example'),
        job(12, 'REGULAR.ONE+x@customer.example'),
        job(13, 'x3@spam-target.example'),
      );
      const burst = await service.getSamples({
        tenantId: 'acme',
        limit: 2,
        unredacted: false,
      });
      expect(burst.jobs.map(j => j.id)).toEqual(['j13', 'j12']);
      expect(burst.recipients).toEqual({
        sampledJobs: 4,
        uniqueRecipients: 4,
        newRecipientShare: 0.75,
        topDomains: [
          { domain: 'spam-target.example', count: 3, share: 0.75 },
          { domain: 'customer.example', count: 1, share: 0.25 },
        ],
      });
    },
  );

  it.each(databases.ids)(
    'degrades: a failed queue source is listed; unreadable tenant settings withhold payloads on %p',
    async id => {
      const { provider, fields, service } = await setup(id);
      provider.jobs = [job(1, 'ann@a.example')];
      fields.failWith = new Error('catalog down');
      const withheld = await service.getSamples({
        tenantId: 'acme',
        limit: 5,
        unredacted: false,
      });
      expect(withheld.jobs[0].data).toBe(WITHHELD);
      expect(withheld.sources).toContainEqual({
        id: 'tenants:catalog',
        status: 'degraded',
        error: 'catalog down',
      });

      provider.failWith = new Error('redis down');
      const down = await service.getSamples({
        tenantId: 'acme',
        limit: 5,
        unredacted: false,
      });
      expect(down.jobs).toEqual([]);
      expect(down.recipients.sampledJobs).toBe(0);
      expect(down.sources).toContainEqual({
        id: 'bullmq',
        status: 'degraded',
        error: 'redis down',
      });
    },
  );
});
