import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import knexFactory, { Knex } from 'knex';
import { AddressInfo } from 'node:net';
import { opsPlugin } from '../../plugin';

jest.setTimeout(120_000);

const WORKERS = 6;
const REQUESTS_PER_WORKER = 20;
const RECORDS_PER_REQUEST = 20;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

interface Outcome {
  status: number;
  retryAfter: string | null;
  bodies: string[];
}

/**
 * Durability of OTLP ingest while the database drops the backend's connections: a 200
 * means every record of the request is stored; anything else is a 503 or 429 with
 * Retry-After, so the exporter retries. Postgres only: SQLite in tests is in-process.
 */
describe.each(TestDatabases.create({ ids: ['POSTGRES_15'] }).eachSupportedId())(
  'OTLP ingest durability on %s',
  databaseId => {
    const databases = TestDatabases.create({ ids: [databaseId] });
    let knex: Knex;
    let killer: Knex;
    let base: string;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      // knex prints every dropped connection; those are the point of this test
      const log = console.log;
      jest.spyOn(console, 'log').mockImplementation((...args) => {
        if (!String(args[0]).startsWith('Connection Error')) log(...args);
      });
      knex = await databases.init(databaseId);
      // a second connection to the same database, for locks and pg_terminate_backend
      killer = knexFactory({
        client: 'pg',
        connection: knex.client.config.connection,
        pool: { min: 1, max: 1 },
      });
      const backend = await startTestBackend({
        features: [
          opsPlugin,
          catalogServiceMock.factory({ entities: [] }),
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            // a small pending bound, so that backpressure (429) happens too
            data: { ops: { logs: { maxPendingRecords: 50 } } },
          }),
        ],
      });
      base = `http://127.0.0.1:${
        (backend.server.address() as AddressInfo).port
      }/api/ops`;
      stop = () => backend.stop();
    });
    afterAll(async () => {
      await stop?.();
      await killer?.destroy();
    });

    const post = async (bodies: string[]): Promise<Outcome> => {
      const res = await fetch(`${base}/otlp/v1/logs`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: mockCredentials.service.header(),
        },
        body: JSON.stringify({
          resourceLogs: [
            {
              resource: {
                attributes: [
                  { key: 'service.name', value: { stringValue: 'durable' } },
                ],
              },
              scopeLogs: [
                {
                  logRecords: bodies.map(body => ({
                    body: { stringValue: body },
                  })),
                },
              ],
            },
          ],
        }),
      });
      await res.text();
      return {
        status: res.status,
        retryAfter: res.headers.get('retry-after'),
        bodies,
      };
    };

    /** Every body of `service:durable`, paging through the search. */
    const storedBodies = async () => {
      const found = new Set<string>();
      let cursor: string | undefined;
      do {
        const url = `${base}/logs/search?limit=1000&q=service:durable${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`;
        const res = await fetch(url, {
          headers: { authorization: mockCredentials.user.header() },
        });
        expect(res.status).toBe(200);
        const page = await res.json();
        for (const record of page.records) found.add(record.body);
        cursor = page.nextCursor;
      } while (cursor);
      return found;
    };

    const dbName = async () =>
      (await killer.raw('SELECT current_database() AS name')).rows[0]
        .name as string;

    /**
     * Until `done`: holds a lock on the records table until a write waits for it, then
     * terminates every backend connection of the test database (so transactions die
     * mid-flight), and sometimes drops the idle ones too.
     */
    const breakConnections = async (done: () => boolean) => {
      const name = await dbName();
      const terminate = (trx: Knex | Knex.Transaction) =>
        trx.raw(
          `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
           WHERE datname = ? AND pid <> pg_backend_pid()`,
          [name],
        );
      let rounds = 0;
      while (!done()) {
        rounds += 1;
        if (rounds % 3 === 0) {
          await terminate(killer);
        } else {
          await killer.transaction(async trx => {
            await trx.raw(
              'LOCK TABLE ops_log_records IN ACCESS EXCLUSIVE MODE',
            );
            for (let i = 0; i < 400 && !done(); i++) {
              const waiting = await trx.raw(
                `SELECT count(*)::int AS n FROM pg_stat_activity
                 WHERE datname = ? AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'`,
                [name],
              );
              if (waiting.rows[0].n > 0) break;
              await sleep(5);
            }
            await terminate(trx);
          });
        }
        await sleep(40);
      }
      return rounds;
    };

    it('stores every record of every acknowledged request while connections are dropped', async () => {
      let running = WORKERS;
      const outcomes: Outcome[] = [];
      const worker = async (w: number) => {
        for (let r = 0; r < REQUESTS_PER_WORKER; r++) {
          const bodies = Array.from(
            { length: RECORDS_PER_REQUEST },
            (_, k) => `request ${w}x${r} record ${k}`,
          );
          outcomes.push(await post(bodies));
        }
        running -= 1;
      };
      const [rounds] = await Promise.all([
        breakConnections(() => running === 0),
        ...Array.from({ length: WORKERS }, (_, w) => worker(w)),
      ]);
      expect(rounds).toBeGreaterThan(0);

      const acknowledged = outcomes.filter(o => o.status === 200);
      const refused = outcomes.filter(o => o.status !== 200);
      // the faults did hit writes, and some requests still got through
      expect(acknowledged.length).toBeGreaterThan(0);
      expect(refused.filter(o => o.status === 503).length).toBeGreaterThan(0);
      expect(refused.filter(o => o.status === 429).length).toBeGreaterThan(0);
      for (const o of refused) {
        expect([429, 503]).toContain(o.status);
        expect(Number(o.retryAfter)).toBeGreaterThan(0);
      }

      // the backend recovers: a retried request is acknowledged
      let recovered: Outcome | undefined;
      for (let i = 0; i < 20 && recovered?.status !== 200; i++) {
        recovered = await post(['after the faults']);
        if (recovered.status !== 200) await sleep(100);
      }
      expect(recovered?.status).toBe(200);

      const stored = await storedBodies();
      const lost = acknowledged
        .flatMap(o => o.bodies)
        .filter(body => !stored.has(body));
      expect(lost).toEqual([]);
      expect(stored.has('after the faults')).toBe(true);
    });
  },
);
