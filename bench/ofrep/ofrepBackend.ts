/**
 * Child of bench/ofrep/run.ts: the real ops backend plugin with the real auth, httpAuth and
 * permissions services (an external access token restricted to ops.flags.evaluate, decided
 * locally as in production), the default scheduler (so the last-evaluation recorder flushes
 * every second during the load), in-memory SQLite, and the dev seed of flags.
 */
import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { httpAuthServiceFactory } from '@backstage/backend-defaults/httpAuth';
import { permissionsServiceFactory } from '@backstage/backend-defaults/permissions';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import opsPlugin from '@opsconsole/backstage-plugin-ops-backend';
import {
  childPayload,
  exitWithParent,
  failToParent,
  toParent,
} from '../health/childProcesses';
import { startWindow } from '../health/processMeter';
import { startWindowProfiler } from '../health/windowProfiler';
import { OfrepBenchOptions } from './options';

export const BENCH_TOKEN = 'bench-ofrep-token-0123456789abcdef';

async function main() {
  exitWithParent();
  const { options } = childPayload<{ options: OfrepBenchOptions }>();
  const backend = await startTestBackend({
    features: [
      opsPlugin,
      authServiceFactory,
      httpAuthServiceFactory,
      permissionsServiceFactory,
      schedulerServiceFactory,
      catalogServiceMock.factory({ entities: [] }),
      mockServices.rootLogger.factory({
        level: options.verbose ? 'info' : 'warn',
      }),
      mockServices.rootConfig.factory({
        data: {
          permission: { enabled: true },
          backend: {
            auth: {
              externalAccess: [
                {
                  type: 'static',
                  options: { token: BENCH_TOKEN, subject: 'bench' },
                  accessRestrictions: [
                    { plugin: 'ops', permission: 'ops.flags.evaluate' },
                  ],
                },
              ],
            },
          },
          ops: { flags: { seed: true } },
        },
      }),
    ],
  });
  const port = backend.server.port();
  let window: ReturnType<typeof startWindow> | undefined;
  let profiler: Awaited<ReturnType<typeof startWindowProfiler>> | undefined;
  process.on('message', async (m: { type: string; name?: string }) => {
    if (m.type === 'load-start') {
      if (options.profile)
        profiler = await startWindowProfiler(m.name ?? 'ofrep');
      window = startWindow();
    }
    if (m.type === 'load-end') {
      const figures = window?.stop();
      const profile = await profiler?.stop();
      toParent({ type: 'load-stats', figures, profile });
    }
    if (m.type === 'stop') {
      await backend.stop();
      toParent({ type: 'stopped' });
      process.exit(0);
    }
  });
  toParent({
    type: 'ready',
    baseUrl: `http://127.0.0.1:${port}/api/ops`,
    token: BENCH_TOKEN,
  });
}

main().catch(failToParent);
