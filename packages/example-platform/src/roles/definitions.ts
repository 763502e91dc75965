import { apiRole } from './api';
import { RoleName } from './roleNames';
import { schedulerRole } from './scheduler';
import { RoleDefinition } from './types';
import { workerRole } from './worker';

/** The definition of each role. */
export const ROLE_DEFINITIONS: Readonly<Record<RoleName, RoleDefinition>> = {
  api: apiRole,
  worker: workerRole,
  scheduler: schedulerRole,
};
