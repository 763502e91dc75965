import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  OpsQueueProvidersExtensionPoint,
  opsQueueProvidersExtensionPoint,
  QueueProvider,
} from '@opsconsole/backstage-plugin-ops-node';
import { Redis } from 'ioredis';
import { opsModuleBullMq } from './module';
import {
  deleteKeys,
  REDIS_URL,
  TestQueues,
  uniquePrefix,
} from './__testUtils__/redis';

jest.setTimeout(30_000);

describe('opsModuleBullMq', () => {
  const fakePoint = () => {
    const providers: QueueProvider[] = [];
    const point: OpsQueueProvidersExtensionPoint = {
      addProvider: (...added) => providers.push(...added.flat()),
    };
    return { point, providers };
  };

  it('adds a BullMQ provider from config and closes its connection on shutdown', async () => {
    const prefix = uniquePrefix();
    const queues = new TestQueues(prefix);
    const admin = new Redis(REDIS_URL);
    try {
      await queues.queue('outbound-email-acme').add('send-email', {});
      const { point, providers } = fakePoint();
      const backend = await startTestBackend({
        extensionPoints: [[opsQueueProvidersExtensionPoint, point]],
        features: [
          opsModuleBullMq,
          mockServices.rootConfig.factory({
            data: {
              ops: {
                queues: {
                  bullmq: { redisUrl: REDIS_URL, prefix, id: 'bullmq-eu' },
                },
              },
            },
          }),
        ],
      });
      expect(providers.map(p => p.id)).toEqual(['bullmq-eu']);
      expect(await providers[0].listQueues()).toEqual([
        expect.objectContaining({
          name: 'outbound-email-acme',
          tenantId: 'acme',
          counts: expect.objectContaining({ waiting: 1 }),
        }),
      ]);

      await backend.stop();
      await expect(providers[0].listQueues()).rejects.toThrow(
        /connection closed/,
      );
    } finally {
      await queues.close();
      await deleteKeys(admin, prefix);
      admin.disconnect();
    }
  });

  it('adds no provider when ops.queues.bullmq is absent', async () => {
    const { point, providers } = fakePoint();
    const backend = await startTestBackend({
      extensionPoints: [[opsQueueProvidersExtensionPoint, point]],
      features: [
        opsModuleBullMq,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    expect(providers).toEqual([]);
    await backend.stop();
  });
});
