import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  LogProvider,
  opsLogProvidersExtensionPoint,
} from '@opsconsole/backstage-plugin-ops-node';
import { opsModuleLoki } from './module';
import { LokiLogProvider } from './provider/LokiLogProvider';

async function start(data: object) {
  const providers: LogProvider[] = [];
  const backend = await startTestBackend({
    extensionPoints: [
      [
        opsLogProvidersExtensionPoint,
        { addProvider: (...added: LogProvider[]) => providers.push(...added) },
      ],
    ],
    features: [opsModuleLoki, mockServices.rootConfig.factory({ data })],
  });
  await backend.stop();
  return providers;
}

describe('opsModuleLoki', () => {
  it('adds a Loki log provider when ops.logs.loki is configured', async () => {
    const providers = await start({
      ops: { logs: { loki: { baseUrl: 'http://loki:3100', id: 'loki-eu' } } },
    });
    expect(providers).toHaveLength(1);
    expect(providers[0]).toBeInstanceOf(LokiLogProvider);
    expect(providers[0].id).toBe('loki-eu');
  });

  it('adds nothing without the config', async () => {
    expect(await start({})).toEqual([]);
  });

  it('fails the start on a bad config rather than running half-configured', async () => {
    await expect(
      start({ ops: { logs: { loki: { baseUrl: 'not a url' } } } }),
    ).rejects.toThrow(/Loki baseUrl must be an absolute http\(s\) URL/);
  });
});
