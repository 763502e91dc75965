import {
  BackendPluginRegistrationPoints,
  createExtensionPoint,
} from '@backstage/backend-plugin-api';
import { ProviderPoint, registerProviderPoint } from './registerProviderPoint';

describe('registerProviderPoint', () => {
  it('collects single providers and arrays of providers in order', () => {
    const point = createExtensionPoint<ProviderPoint<string>>({
      id: 'ops.test-providers',
    });
    let registered: ProviderPoint<string> | undefined;
    const env = {
      registerExtensionPoint: (_: unknown, impl: ProviderPoint<string>) => {
        registered = impl;
      },
    } as unknown as BackendPluginRegistrationPoints;

    const providers = registerProviderPoint(env, point);
    registered!.addProvider('a', ['b', 'c']);
    registered!.addProvider(['d']);

    expect(providers).toEqual(['a', 'b', 'c', 'd']);
  });
});
