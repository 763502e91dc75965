import {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
} from '@backstage/plugin-permission-common';
import { Request } from 'express';

/**
 * Authenticates the caller as a user (401 otherwise) and checks a basic permission
 * (403 on DENY). Returns the credentials for auditing and downstream calls.
 */
export async function requirePermission(
  deps: { httpAuth: HttpAuthService; permissions: PermissionsService },
  request: Request<any, any, any, any, any>,
  permission: BasicPermission,
): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await deps.httpAuth.credentials(request, {
    allow: ['user'],
  });
  const [decision] = await deps.permissions.authorize([{ permission }], {
    credentials,
  });
  if (decision.result !== AuthorizeResult.ALLOW) {
    throw new NotAllowedError(`You are not allowed to ${permission.name}`);
  }
  return credentials;
}
