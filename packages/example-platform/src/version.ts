import { version as packageVersion } from '../package.json';

/** The platform's version, from package.json. */
export const PLATFORM_VERSION: string = packageVersion;

/** Release id reported by health: env `EXAMPLE_PLATFORM_RELEASE_ID`, else `<version>-dev`. */
export function defaultReleaseId(env: NodeJS.ProcessEnv = process.env): string {
  return env.EXAMPLE_PLATFORM_RELEASE_ID || `${PLATFORM_VERSION}-dev`;
}
