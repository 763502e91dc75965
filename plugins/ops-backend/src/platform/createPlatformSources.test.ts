import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { PlatformAdminApiClient } from '@opsconsole/backstage-plugin-ops-node';
import { InMemoryPlatformProvider } from './__testUtils__/InMemoryPlatformProvider';
import { createPlatformSources } from './createPlatformSources';

describe('createPlatformSources', () => {
  const logger = mockServices.logger.mock();

  it('uses the built-in Platform Admin API client when ops.platform is configured, then module providers', () => {
    const sources = createPlatformSources({
      config: new ConfigReader({
        ops: {
          platform: {
            baseUrl: 'http://127.0.0.1:7101/admin-api/v1',
            token: 'secret',
          },
        },
      }),
      logger,
      providers: [new InMemoryPlatformProvider('legacy-platform')],
    });
    expect(sources.providers.map(p => p.id)).toEqual([
      'platform',
      'legacy-platform',
    ]);
    expect(sources.providers[0]).toBeInstanceOf(PlatformAdminApiClient);
  });

  it('uses only module providers without ops.platform', () => {
    const sources = createPlatformSources({
      config: new ConfigReader({}),
      logger,
      providers: [new InMemoryPlatformProvider('other')],
    });
    expect(sources.providers.map(p => p.id)).toEqual(['other']);
  });

  it('refuses two providers with the same id', () => {
    expect(() =>
      createPlatformSources({
        config: new ConfigReader({}),
        logger,
        providers: [
          new InMemoryPlatformProvider('a'),
          new InMemoryPlatformProvider('a'),
        ],
      }),
    ).toThrow('Two platform providers have the id "a"');
  });
});
