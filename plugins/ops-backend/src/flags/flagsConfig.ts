import { Config } from '@backstage/config';
import { readDurationMs } from '@opsconsole/backstage-plugin-ops-node';

export interface FlagsConfig {
  /** Seed the dev flags (e.g. `ai-composer`) when the flags table is empty. */
  seed: boolean;
  /** How stale the in-memory flags served over OFREP may get before a background reload. */
  cacheTtlMs: number;
}

export function readFlagsConfig(config: Config): FlagsConfig {
  const flags = config.getOptionalConfig('ops.flags');
  return {
    seed: flags?.getOptionalBoolean('seed') ?? false,
    cacheTtlMs: readDurationMs(flags, 'cacheTtl', { seconds: 1 }),
  };
}
