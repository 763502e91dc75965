/**
 * The roles the example platform runs, each as its own HTTP server.
 *
 * @public
 */
export type RoleName = 'api' | 'worker' | 'scheduler';

/** All roles, in start order. @public */
export const ROLE_NAMES: readonly RoleName[] = ['api', 'worker', 'scheduler'];

/** Default loopback port of each role. @public */
export const DEFAULT_PORTS: Readonly<Record<RoleName, number>> = {
  api: 7101,
  worker: 7102,
  scheduler: 7103,
};

/** Returns true when the given string names a role. */
export function isRoleName(value: string): value is RoleName {
  return (ROLE_NAMES as readonly string[]).includes(value);
}
