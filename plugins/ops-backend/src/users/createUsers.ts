import { PlatformSources } from '../platform/PlatformSources';
import { UsersService } from './UsersService';

/** Wires the global user search over the platform sources. */
export function createUsers(deps: { platform: PlatformSources }): UsersService {
  return new UsersService({ sources: deps.platform });
}
