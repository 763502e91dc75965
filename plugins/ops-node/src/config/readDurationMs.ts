import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds, HumanDuration } from '@backstage/types';

/**
 * The duration at `key` in milliseconds, or `fallback` when it is not set. A duration is a
 * `HumanDuration` object (`{ hours: 48 }`), an ISO 8601 string (`P2D`) or a string such as
 * `48h` or `500ms`.
 *
 * @public
 */
export function readDurationMs(
  config: Config | undefined,
  key: string,
  fallback: HumanDuration,
): number {
  return durationToMilliseconds(
    config?.has(key) ? readDurationFromConfig(config, { key }) : fallback,
  );
}

/**
 * The duration at `key` in milliseconds, or undefined when it is not set.
 *
 * @public
 */
export function readOptionalDurationMs(
  config: Config | undefined,
  key: string,
): number | undefined {
  return config?.has(key)
    ? durationToMilliseconds(readDurationFromConfig(config, { key }))
    : undefined;
}
