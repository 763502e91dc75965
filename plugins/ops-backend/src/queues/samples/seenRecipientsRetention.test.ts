import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createTestDatabases } from '../../__testUtils__/databases';
import { TenantDirectory } from '../../tenants/TenantDirectory';
import { QueueSources } from '../QueueSources';
import { readQueuesConfig } from '../queuesConfig';
import { createSamples } from './createSamples';
import { DatabaseSeenRecipientsStore } from './DatabaseSeenRecipientsStore';

jest.setTimeout(60_000);

const DAY = 24 * 3_600_000;
const hash = (n: number) => n.toString(16).padStart(64, '0');

describe('seen-recipients retention', () => {
  it('keeps hashes 90 days unless ops.queues.samples.seenRecipientsRetentionDays says otherwise', () => {
    expect(
      readQueuesConfig(new ConfigReader({})).seenRecipientsRetentionMs,
    ).toBe(90 * DAY);
    expect(
      readQueuesConfig(
        new ConfigReader({
          ops: {
            queues: { samples: { seenRecipientsRetention: { days: 7 } } },
          },
        }),
      ).seenRecipientsRetentionMs,
    ).toBe(7 * DAY);
    for (const days of [0, -1]) {
      expect(() =>
        readQueuesConfig(
          new ConfigReader({
            ops: { queues: { samples: { seenRecipientsRetentionDays: days } } },
          }),
        ),
      ).toThrow(
        `ops.queues.samples.seenRecipientsRetentionDays must be a positive number of days, got ${days}`,
      );
    }
  });

  it('reads the retention as a duration and rejects one that is not positive', () => {
    expect(
      readQueuesConfig(
        new ConfigReader({
          ops: { queues: { samples: { seenRecipientsRetention: 'P30D' } } },
        }),
      ).seenRecipientsRetentionMs,
    ).toBe(30 * DAY);
    expect(() =>
      readQueuesConfig(
        new ConfigReader({
          ops: {
            queues: { samples: { seenRecipientsRetention: { days: 0 } } },
          },
        }),
      ),
    ).toThrow(
      'ops.queues.samples.seenRecipientsRetention must be a positive duration',
    );
  });

  const databases = createTestDatabases();

  it.each(databases.ids)(
    'runs as a global scheduled task that deletes what is past the configured days on %p',
    async id => {
      const db = await databases.init(id);
      const scheduler = mockServices.scheduler.mock();
      await createSamples({
        db,
        config: new ConfigReader({
          ops: { queues: { samples: { seenRecipientsRetention: '2d' } } },
        }),
        tenantDirectory: new TenantDirectory({
          catalog: catalogServiceMock(),
          auth: mockServices.auth(),
        }),
        scheduler,
        logger: mockServices.logger.mock(),
        sources: new QueueSources([]),
      });
      const task = scheduler.scheduleTask.mock.calls
        .map(([t]) => t)
        .find(t => t.id === 'ops-queues-seen-recipients-retention');
      expect(task).toMatchObject({
        scope: 'global',
        frequency: { hours: 1 },
      });

      const now = Date.now();
      const store = DatabaseSeenRecipientsStore.create(db);
      await store.record('acme', [
        { hash: hash(1), seenAt: now - 3 * DAY },
        { hash: hash(2), seenAt: now - DAY },
      ]);
      await store.record('globex', [{ hash: hash(3), seenAt: now - 10 * DAY }]);
      await task!.fn(new AbortController().signal);
      const left = await db('ops_queue_seen_recipients').select(
        'tenant_id',
        'recipient_hash',
      );
      expect(left).toEqual([{ tenant_id: 'acme', recipient_hash: hash(2) }]);
    },
  );
});
