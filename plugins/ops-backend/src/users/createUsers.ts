import { PlatformSources } from '../platform/PlatformSources';
import { Capability } from '../routerTypes';
import { UsersService } from './UsersService';

/** Wires the global user search over the platform sources. */
export function createUsers(deps: {
  platform: PlatformSources;
}): Capability<{ users: UsersService }> {
  return { routes: { users: new UsersService({ sources: deps.platform }) } };
}
