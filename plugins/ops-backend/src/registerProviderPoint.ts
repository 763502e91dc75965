import {
  BackendPluginRegistrationPoints,
  ExtensionPoint,
} from '@backstage/backend-plugin-api';

/** The shape of every ops provider extension point: `addProvider` of one or more providers. */
export interface ProviderPoint<P> {
  addProvider(...providers: Array<P | P[]>): void;
}

/**
 * Registers a collection-style provider extension point and returns the array it fills.
 * Modules add providers during registration, before `init` runs, so the capabilities that
 * read the array in `init` see every provider.
 */
export function registerProviderPoint<P>(
  env: BackendPluginRegistrationPoints,
  point: ExtensionPoint<ProviderPoint<P>>,
): P[] {
  const providers: P[] = [];
  env.registerExtensionPoint(point, {
    addProvider(...added) {
      providers.push(...([] as P[]).concat(...added));
    },
  });
  return providers;
}
