import { DeliverabilityRepository } from './DeliverabilityRepository';
import { openPlatformDatabase, PlatformDatabase } from './openPlatformDatabase';

const T0 = new Date('2026-11-26T10:00:00.000Z');
const MINUTE = 60_000;

describe('DeliverabilityRepository', () => {
  let database: PlatformDatabase;

  beforeEach(() => {
    database = openPlatformDatabase(':memory:');
  });

  afterEach(() => database.close());

  const send = (
    tenantId: string,
    outcomes: Array<'sent' | 'bounced' | 'complained'>,
    at: Date,
  ) => {
    database.repository.enqueueMessages(
      outcomes.map((_, i) => ({
        tenantId,
        sender: `noreply@${tenantId}.example.com`,
        recipient: `r${i}@example.net`,
        subject: 'hi',
      })),
      at,
    );
    let i = 0;
    database.repository.deliverBatch(outcomes.length, () => outcomes[i++], at);
  };

  it('counts deliveries per minute and answers contiguous buckets with zeros', () => {
    send('acme', ['sent', 'sent', 'bounced', 'complained'], T0);
    send('acme', ['sent'], new Date(T0.getTime() + 30_000)); // same minute
    send('globex', ['bounced'], new Date(T0.getTime() + 2 * MINUTE));

    const acme = database.deliverability.query({
      tenantId: 'acme',
      from: T0,
      to: new Date(T0.getTime() + 3 * MINUTE),
      intervalSeconds: 60,
    });
    expect(acme).toEqual([
      {
        start: '2026-11-26T10:00:00.000Z',
        sent: 5,
        delivered: 4,
        bounced: 1,
        complaints: 1,
      },
      {
        start: '2026-11-26T10:01:00.000Z',
        sent: 0,
        delivered: 0,
        bounced: 0,
        complaints: 0,
      },
      {
        start: '2026-11-26T10:02:00.000Z',
        sent: 0,
        delivered: 0,
        bounced: 0,
        complaints: 0,
      },
    ]);
    const fleet = database.deliverability.query({
      from: T0,
      to: new Date(T0.getTime() + 3 * MINUTE),
      intervalSeconds: 180,
    });
    expect(fleet).toEqual([
      {
        start: '2026-11-26T10:00:00.000Z',
        sent: 6,
        delivered: 4,
        bounced: 2,
        complaints: 1,
      },
    ]);
  });

  it('leaves out counts outside [from, to)', () => {
    send('acme', ['sent'], new Date(T0.getTime() - MINUTE));
    send('acme', ['sent', 'sent'], T0);
    send('acme', ['sent', 'sent', 'sent'], new Date(T0.getTime() + 5 * MINUTE));
    const points = database.deliverability.query({
      tenantId: 'acme',
      from: T0,
      to: new Date(T0.getTime() + 5 * MINUTE),
      intervalSeconds: 300,
    });
    expect(points.map(p => p.sent)).toEqual([2]);
  });

  it('folds old per-minute counts into hours without changing the sums', () => {
    for (let m = 0; m < 90; m += 7) {
      send('acme', ['sent', 'bounced'], new Date(T0.getTime() + m * MINUTE));
    }
    const query = {
      tenantId: 'acme',
      from: T0,
      to: new Date(T0.getTime() + 2 * 60 * MINUTE),
      intervalSeconds: 3600,
    };
    const before = database.deliverability.query(query);
    const rows = () =>
      (
        database.db
          .prepare('SELECT COUNT(*) AS n FROM delivery_counts')
          .get() as { n: number }
      ).n;
    expect(rows()).toBe(13);

    database.repository.pruneOlderThan(
      new Date(T0.getTime() + 3 * 60 * MINUTE),
      new Date(T0.getTime() - 60 * MINUTE),
    );
    expect(rows()).toBe(2); // one per hour
    expect(database.deliverability.query(query)).toEqual(before);
    expect(before.map(p => p.sent)).toEqual([18, 8]);
  });

  it('knows how many buckets a query makes', () => {
    expect(
      DeliverabilityRepository.bucketCount({
        from: T0,
        to: new Date(T0.getTime() + 61 * MINUTE),
        intervalSeconds: 3600,
      }),
    ).toBe(2);
  });
});
