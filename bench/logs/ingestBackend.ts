/**
 * Child of bench/logs/run.ts for part A: the real ops backend plugin with the real auth,
 * httpAuth and permissions services (callers present a static external access token
 * restricted to ops.logs.ingest, decided locally as in production), the default
 * scheduler, and a fresh database (Postgres or in-memory SQLite) it owns.
 *
 * Messages: -> ready {baseUrl, token, database}; <- load-start; <- load-end -> load-stats;
 * <- count -> rows {rows}; <- stop -> stopped, then exit.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import opsPlugin from '@opsconsole/backstage-plugin-ops-backend';
import { createBenchDatabase } from '../health/benchDatabase';
import {
  childPayload,
  exitWithParent,
  failToParent,
  toParent,
} from '../health/childProcesses';
import { startWindow } from '../health/processMeter';
import { LogsBenchOptions } from './options';

export const INGEST_TOKEN = 'bench-logs-ingest-token-0123456789abcdef';

const { options: o, db: kind } = childPayload<{
  options: LogsBenchOptions;
  db: 'pg' | 'sqlite';
}>();

/** a fresh Postgres database is dropped even when the run fails */
let dropDatabase: (() => Promise<void>) | undefined;

async function main() {
  exitWithParent();
  const db = await createBenchDatabase(kind, o.pgUrl, 'bench_logs_ingest');
  dropDatabase = o.keep ? undefined : () => db.drop();
  const label = o.keep
    ? db.label.replace('dropped afterwards', 'kept: --keep')
    : db.label;
  const backend = await startTestBackend({
    features: [
      opsPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.database.factory({ knex: db.knex }),
      mockServices.rootLogger.factory({ level: o.verbose ? 'info' : 'warn' }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          ops: { logs: o.writer },
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: INGEST_TOKEN, subject: 'bench-otlp' },
                  accessRestrictions: [
                    { plugin: 'ops', permission: 'ops.logs.ingest' },
                  ],
                },
              ],
            },
          },
        },
      }),
    ],
  });

  let window: ReturnType<typeof startWindow> | undefined;
  process.on('message', async (m: { type: string }) => {
    try {
      if (m.type === 'load-start') window = startWindow();
      if (m.type === 'load-end') {
        toParent({ type: 'load-stats', figures: window?.stop() });
      }
      if (m.type === 'count') {
        const [{ n }] = await db.knex('ops_log_records').count({ n: '*' });
        toParent({ type: 'rows', rows: Number(n) });
      }
      if (m.type === 'stop') {
        await backend.stop();
        await (dropDatabase ?? (() => db.knex.destroy()))();
        toParent({ type: 'stopped' });
        setTimeout(() => process.exit(0), 50);
      }
    } catch (error) {
      failToParent(error);
    }
  });
  toParent({
    type: 'ready',
    baseUrl: `http://127.0.0.1:${backend.server.port()}/api/ops`,
    token: INGEST_TOKEN,
    database: label,
  });
}

main().catch(async error => {
  await dropDatabase?.().catch(() => {});
  failToParent(error);
});
